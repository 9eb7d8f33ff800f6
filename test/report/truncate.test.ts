import { describe, expect, it } from 'vitest';
import { charWidth, truncate } from '../../src/report/table/index.js';

const width = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);

describe('group names cut to a column', () => {
  it('keep their end, so groups numbered at the end stay apart, and fit the width (CJK counts two)', () => {
    const names = ['上海浦东新区高端母婴用品团购福利1群', '上海浦东新区高端母婴用品团购福利2群', '上海浦东新区高端母婴用品团购VIP群'];
    const cut = names.map((n) => truncate(n, 20));
    expect(new Set(cut).size).toBe(3);
    expect(cut[0]).toBe('上海浦东新区高…利1群');
    for (const c of cut) expect(width(c)).toBeLessThanOrEqual(20);
    expect(truncate('Book Club', 20)).toBe('Book Club');
    expect(truncate('Weekend hiking group of Berlin', 12)).toBe('Weekend …lin');
  });
});

describe('cutting between what a reader sees as characters', () => {
  it('never splits an emoji sequence, nor counts its joiners (review: a stray joiner began the kept end)', () => {
    const fam = '👨‍👩‍👧‍👦';
    const name = `${fam}${fam}${fam}家庭群${fam}${fam}`;
    const cut = truncate(name, 12);
    expect(cut).not.toMatch(/^\u200d|\u200d…|…\u200d/);
    expect(cut.endsWith(fam)).toBe(true);
    expect([...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(cut)].reduce((w, g) => w + charWidth(g.segment), 0)).toBeLessThanOrEqual(12);
    expect(charWidth('\u200d')).toBe(0);
  });
});

describe('emoji take two columns, as the table draws them', () => {
  it('pictographs, flags, keycaps and emoji-style symbols count two (second review: ✅ counted one)', async () => {
    const { textWidth } = await import('../../src/report/table/width.js');
    expect(textWidth('✅')).toBe(2);
    expect(textWidth('☺️')).toBe(2);
    expect(textWidth('🇨🇳')).toBe(2);
    expect(textWidth('1️⃣')).toBe(2);
    expect(textWidth('👨‍👩‍👧‍👦')).toBe(2);
    expect(textWidth('读书会 A')).toBe(8);
    expect(textWidth(truncate('✅✅✅✅✅✅✅✅', 6))).toBeLessThanOrEqual(6);
  });
});
