import { describe, expect, it } from 'vitest';
import { lineWidth, wrap } from '../../src/report/table/fit.js';

describe('wrapping a sentence to the terminal', () => {
  it('never splits a number or a date in Chinese, and no line starts with closing punctuation (review)', () => {
    const zh = '已连续 120 天没有成员发言（30 天判为死群）；最后一条成员消息 2025-04-02，峰值 122 条';
    for (const width of [20, 24, 30, 36, 44, 52]) {
      const lines = wrap(zh, width, 0);
      expect(lines.join('').replace(/\s/g, ''), `width ${width}`).toBe(zh.replace(/\s/g, ''));
      for (const l of lines) {
        expect(lineWidth(l), `width ${width}: ${l}`).toBeLessThanOrEqual(width);
        expect(l, `width ${width}`).not.toMatch(/^[，。；：、）]/);
      }
      // Every number and date of the sentence is whole on one line.
      for (const n of ['120', '30', '2025-04-02', '122']) expect(lines.some((l) => l.includes(n)), `width ${width}: ${n} in ${JSON.stringify(lines)}`).toBe(true);
    }
  });
  it('breaks English at spaces, a name in Chinese inside it notwithstanding; later lines hang', () => {
    const en = 'roster 352 (peak 353), net 12 over 30 days (4% of the roster 30 days before; from 读书会)';
    const lines = wrap(en, 40, 2);
    expect(lines).toEqual(['roster 352 (peak 353), net 12 over 30', '  days (4% of the roster 30 days before;', '  from 读书会)']);
  });
  it('cuts a token wider than a line where the room ends', () => {
    const lines = wrap(`see ${'x'.repeat(50)} now`, 20, 0);
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.join('').replace(/ /g, '')).toBe(`see${'x'.repeat(50)}now`);
  });
});

describe('closing punctuation in a row', () => {
  it('no line starts with ）。 or 】 or ”: the characters before go down with them (second review)', () => {
    for (const text of ['这个群的活跃度很高）。后面还有很多话要说，一直说到这一行放不下为止。', '【重要通知】群里的活动已经开始了】，请大家“准时”参加今天晚上的活动”。']) {
      for (let width = 20; width <= 40; width++) {
        for (const l of wrap(text, width, 2).map((x) => x.trimStart())) expect(l, `${width}: ${l}`).not.toMatch(/^[，。；：、）】”’…]/);
      }
    }
  });
});
