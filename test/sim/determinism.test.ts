import { describe, expect, it } from 'vitest';
import { csvField, MEMBERS_HEADER, MESSAGES_HEADER, toCsv } from '../../src/sim/csv.js';
import { simulate } from '../../src/sim/simulate.js';
import { simulateDemo } from '../../src/sim/demo.js';

const csvs = (seed: number) => {
  const r = simulate({ seed, groups: 10, scale: 0.3 });
  return [toCsv(MESSAGES_HEADER, r.messages), toCsv(MEMBERS_HEADER, r.members), JSON.stringify(r.truth)];
};

describe('simulate: determinism and format', () => {
  it('gives identical output for the same seed', () => {
    expect(csvs(7)).toEqual(csvs(7));
  });

  it('gives different output for another seed', () => {
    expect(csvs(8)[0]).not.toEqual(csvs(7)[0]);
  });

  it('writes the canonical headers exactly', () => {
    const r = simulate({ seed: 1, groups: 2, scale: 0.2 });
    expect(toCsv(MESSAGES_HEADER, r.messages).split('\n')[0]).toBe('message_id,group_id,group_name,timestamp,sender_id,sender_name,role,type,text,reply_to');
    expect(toCsv(MEMBERS_HEADER, r.members).split('\n')[0]).toBe('group_id,member_id,name,role,joined_at,left_at,invited_by');
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain 文字')).toBe('plain 文字');
    expect(csvField('王,小二')).toBe('"王,小二"');
    expect(csvField('老"K"')).toBe('"老""K"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
  });

  it('scales volume with --scale', () => {
    const small = simulate({ seed: 3, groups: 6, scale: 0.5 }).messages.length;
    const big = simulate({ seed: 3, groups: 6, scale: 1.5 }).messages.length;
    expect(big).toBeGreaterThan(small * 2);
  });

  it('keeps the demo set small and stable', () => {
    const a = simulateDemo();
    expect(a.truth.groups.map((g) => g.kind)).toEqual(['growth', 'maturity', 'owner-driven', 'slow-decline', 'dead', 'zombie', 'inception']);
    expect(a.messages.length).toBeGreaterThan(2000);
    expect(toCsv(MESSAGES_HEADER, a.messages).length).toBeLessThan(1_000_000 * 1.1);
    expect(toCsv(MESSAGES_HEADER, simulateDemo().messages)).toBe(toCsv(MESSAGES_HEADER, a.messages));
  });
});
