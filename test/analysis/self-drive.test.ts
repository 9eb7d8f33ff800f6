import { describe, expect, it } from 'vitest';
import { selfDrive, selfDriveOptions } from '../../src/analysis/self-drive/index.js';
import { gini, halfCount } from '../../src/analysis/self-drive/parts.js';
import { chatter, ctxFor, dataset, day, msg, type DatasetSpec, type MsgSpec } from './helpers.js';

const o = selfDriveOptions.parse({});
const people = ['ann', 'bob', 'cat', 'dan'];
const roster = [{ id: 'boss', role: 'owner' as const, joinedAt: day(0) }, ...people.map((id) => ({ id, joinedAt: day(0) }))];

function run(spec: DatasetSpec, asOf: number, prior: Record<string, unknown> = {}) {
  const ds = dataset(spec);
  return selfDrive.run(ds.groups[0]!, ctxFor(ds, asOf), o, prior);
}

/** The owner opens at 20:00 every day and members answer within the half hour; nothing else. */
function ownerDriven(days: number): MsgSpec[] {
  const out: MsgSpec[] = [];
  for (let d = 0; d < days; d++) {
    out.push(msg('boss', day(d, 20), `【今日打卡】第${d}天，大家完成了吗？`));
    people.forEach((p, k) => out.push(msg(p, day(d, 20, 5 + 5 * k))));
  }
  return out;
}

describe('self-drive', () => {
  it('members who start their own conversations, with an owner who barely posts, are self-driven', () => {
    const owner = [msg('boss', day(10, 9), '群公告：周末活动改到周日')];
    const r = run({ members: roster, messages: [...chatter(people, 0, 60), ...chatter(['ann', 'cat'], 0, 60, 1, 21), ...owner] }, day(60));
    expect(r.lacking).toBe(false);
    expect(r.score).toBeGreaterThan(0.8);
    expect(r.memberStartedShare).toBeGreaterThan(0.95);
    expect(r.staffShare).toBeLessThan(0.01);
  });

  it('says whether an owner or admin is known: without one the score cannot tell members from staff', () => {
    expect(run({ members: roster, messages: ownerDriven(30) }, day(30)).staffKnown).toBe(true);
    const noRoles = run({ members: roster.map(({ id, joinedAt }) => ({ id, joinedAt })), messages: ownerDriven(30) }, day(30));
    expect(noRoles.staffKnown).toBe(false);
    // The same owner-driven chat reads as self-driven when nobody is known to be the owner.
    expect(noRoles.lacking).toBe(false);
  });

  it('members who only talk when the owner posts lack self-drive', () => {
    const r = run({ members: roster, messages: ownerDriven(60) }, day(60));
    expect(r.lacking).toBe(true);
    expect(r.memberStartedShare).toBe(0);
    expect(r.spontaneousShare).toBe(0);
    expect(r.staffPrompts).toBe(60);
    expect(r.staffShare).toBeCloseTo(0.2, 2);
  });

  it('judges the present: a group that was owner-driven and now runs by itself is self-driven', () => {
    const r = run({ members: roster, messages: [...ownerDriven(100), ...chatter(people, 100, 200)] }, day(200));
    expect(r.lacking).toBe(false);
    expect(r.windowStart).toBe('2024-04-19T14:12:00Z');
  });

  it('a dead group is judged on its last living stretch', () => {
    const r = run({ members: roster, messages: chatter(people, 0, 30) }, day(120));
    expect(r.lacking).toBe(false);
    expect(r.windowEnd).toBe('2024-01-30T14:12:00Z');
  });

  it('all messages from the owner: score 0, lacking', () => {
    const owner = Array.from({ length: 20 }, (_, d) => msg('boss', day(d, 9), `第${d}天的提醒`));
    const r = run({ members: roster, messages: owner }, day(20));
    expect(r).toMatchObject({ score: 0, lacking: true, staffShare: 1, memberMessages: 0, spontaneousShare: null, gini: null, halfCount: 0 });
  });

  it('a zombie (from vitality) lacks self-drive whatever its last members did', () => {
    const r = run({ members: roster, messages: chatter(people, 0, 30) }, day(120), { vitality: { zombie: true } });
    expect(r.lacking).toBe(true);
    expect(r.zombie).toBe(true);
  });

  it('handles one member, one day, no member list', () => {
    const r = run({ messages: [msg('solo', day(0, 9)), msg('solo', day(0, 9, 5))] }, day(0, 12));
    expect(r).toMatchObject({ memberMessages: 2, activeMembers: 1, gini: 0, halfCount: 1, memberStartedShare: 1, lacking: false });
  });

  it('an empty group lacks self-drive', () => {
    const r = run({ members: roster }, day(10));
    expect(r).toMatchObject({ score: 0, lacking: true, staffShare: null, memberStartedShare: null });
  });
});

describe('concentration', () => {
  it('gini is 0 for equal counts and grows with concentration', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([100, 0, 0, 0])).toBeCloseTo(0.75, 5);
    expect(gini([7])).toBe(0);
  });

  it('halfCount is the fewest members writing half of all messages', () => {
    expect(halfCount([50, 30, 20])).toBe(1);
    expect(halfCount([30, 30, 20, 20])).toBe(2);
    expect(halfCount([])).toBe(0);
  });
});
