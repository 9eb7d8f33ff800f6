import { describe, expect, it } from 'vitest';
import { lifecycle, lifecycleOptions } from '../../src/analysis/lifecycle/index.js';
import { chatter, ctxFor, dataset, day, msg, type MemberSpec, type MsgSpec } from './helpers.js';

const defaults = lifecycleOptions.parse({});

function run(spec: Parameters<typeof dataset>[0], asOfDay: number) {
  const ds = dataset(spec);
  return lifecycle.run(ds.groups[0]!, ctxFor(ds, day(asOfDay, 23, 59)), defaults, {});
}

/** `n` members joining evenly over days [from, to). */
function joining(prefix: string, n: number, from: number, to: number): MemberSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, joinedAt: day(from + Math.floor((i * (to - from)) / n), 10) }));
}

/** Daily chat among the given members from `from` to `to`, `perDay` messages each. */
function talk(ids: string[], from: number, to: number, perDay = 1): MsgSpec[] {
  return chatter(ids, from, to, perDay);
}

const owner: MemberSpec = { id: 'boss', role: 'owner', joinedAt: day(0, 9) };

describe('lifecycle', () => {
  it('calls a group of two weeks inception', () => {
    const members = [owner, ...joining('m', 20, 0, 10)];
    const r = run({ members, messages: talk(['m0', 'm1', 'm2'], 0, 14) }, 13);
    expect(r.phase).toBe('inception');
    expect(r.timeline).toHaveLength(1);
    expect(r.lateGrowth).toBe(false);
  });

  it('sees growth while the roster keeps growing', () => {
    const members = [owner, ...joining('m', 10, 0, 3), ...joining('n', 60, 20, 90)];
    const r = run({ members, messages: talk(['m0', 'm1', 'm2', 'm3'], 0, 90) }, 89);
    expect(r.phase).toBe('growth');
    expect(r.timeline[0]!.phase).toBe('inception');
    expect(r.evidence.map((f) => f.code)).toContain('lifecycle-roster');
  });

  it('flags late growth when the inflow slows from its peak', () => {
    // 60 joins in days 20-60, then 8 more spread over days 60-100: still growing, much slower.
    const members = [owner, ...joining('m', 10, 0, 3), ...joining('n', 60, 20, 60), ...joining('p', 8, 60, 100)];
    const r = run({ members, messages: talk(['m0', 'm1', 'm2', 'm3'], 0, 100) }, 99);
    expect(r.phase).toBe('growth');
    expect(r.lateGrowth).toBe(true);
    expect(r.lateGrowthSince).not.toBeNull();
  });

  it('sees maturity once growth stops and activity holds', () => {
    const members = [owner, ...joining('m', 10, 0, 3), ...joining('n', 40, 20, 60)];
    const r = run({ members, messages: talk(['m0', 'm1', 'm2', 'm3', 'm4'], 0, 200) }, 199);
    expect(r.phase).toBe('maturity');
    expect(r.timeline.map((s) => s.phase)).toEqual(['inception', 'growth', 'maturity']);
    // Contiguous: each phase ends where the next begins.
    for (let i = 1; i < r.timeline.length; i++) expect(r.timeline[i]!.start).toBe(r.timeline[i - 1]!.end);
  });

  it('sees decline when activity falls far below its peak', () => {
    const members = [owner, ...joining('m', 30, 0, 3)];
    const ids = Array.from({ length: 10 }, (_, i) => `m${i}`);
    const messages = [...talk(ids, 0, 120), ...talk(['m0'], 120, 200)];
    const r = run({ members, messages }, 199);
    expect(r.phase).toBe('decline');
    expect(Date.parse(r.since)).toBeGreaterThan(day(100));
    expect(Date.parse(r.since)).toBeLessThan(day(135));
  });

  it('dates a decline where the fall began, not weeks later when it is called', () => {
    const members = [owner, ...joining('m', 30, 0, 3)];
    const ids = Array.from({ length: 10 }, (_, i) => `m${i}`);
    // From day 150 the members drop out one every four days, then the group is silent.
    const messages = ids.flatMap((id, i) => talk([id], 0, 150 + 4 * i));
    const r = run({ members, messages }, 259);
    expect(r.phase).toBe('decline');
    const since = (Date.parse(r.since) - day(0)) / 86_400_000;
    expect(since).toBeGreaterThanOrEqual(146);
    expect(since).toBeLessThanOrEqual(158);
  });

  it('calls a dead group decline, with the silence as evidence', () => {
    const members = [owner, ...joining('m', 30, 0, 3)];
    const messages = [...talk(['m0', 'm1', 'm2'], 0, 100), ...Array.from({ length: 60 }, (_, d) => msg('boss', day(100 + d, 9), `daily post ${d}`))];
    const r = run({ members, messages }, 159);
    expect(r.phase).toBe('decline');
    expect(r.evidence.map((f) => f.code)).toContain('lifecycle-silent');
  });

  it('dates the decline of a group that died in its first week the day after its last member message', () => {
    const members = [owner, ...joining('m', 20, 0, 2)];
    const r = run({ members, messages: talk(['m0', 'm1', 'm2', 'm3'], 0, 5) }, 80);
    expect(r.timeline.map((s) => [s.phase, s.start.slice(0, 10)])).toEqual([['inception', '2024-01-01'], ['decline', '2024-01-06']]);
    // Messages only, everyone there from the first day: no sign of a beginning (start.ts), so no
    // inception; the decline is dated the same.
    const bare = run({ messages: talk(['m0', 'm1', 'm2', 'm3'], 0, 5) }, 80);
    expect(bare.timeline.map((s) => [s.phase, s.start.slice(0, 10)])).toEqual([['maturity', '2024-01-01'], ['decline', '2024-01-06']]);
    // A launch week, a quiet week, then a living group: no decline.
    const lull = run({ members, messages: [...talk(['m0', 'm1', 'm2', 'm3'], 0, 5), ...talk(['m0', 'm1', 'm2', 'm3'], 12, 80)] }, 80);
    expect(lull.timeline.map((s) => s.phase)).not.toContain('decline');
  });

  it('shows a revival as decline then growth', () => {
    const members = [owner, ...joining('m', 30, 0, 3), ...joining('r', 40, 200, 240)];
    const ids = Array.from({ length: 8 }, (_, i) => `m${i}`);
    const messages = [...talk(ids, 0, 120), ...talk(['m0'], 120, 200), ...talk([...ids, 'r0', 'r1', 'r2'], 200, 240)];
    const r = run({ members, messages }, 239);
    const phases = r.timeline.map((s) => s.phase);
    expect(phases.at(-1)).toBe('growth');
    expect(phases.at(-2)).toBe('decline');
  });

  it('works from messages only: the roster is the people seen so far', () => {
    const early = Array.from({ length: 5 }, (_, i) => `a${i}`);
    const messages: MsgSpec[] = [...talk(early, 0, 150)];
    // Newcomers keep appearing until day 90, then nobody new.
    for (let i = 0; i < 40; i++) messages.push(...talk([`n${i}`], 20 + 2 * i, 150));
    const r = run({ messages }, 149);
    expect(r.rosterSource).toBe('messages');
    expect(r.phase).toBe('maturity');
    expect(r.evidence.map((f) => f.code)).toContain('lifecycle-roster-from-messages');
    expect(r.confidence).toBeLessThan(0.8);
  });

  it('works from join events only', () => {
    const events = Array.from({ length: 40 }, (_, i) => ({ at: day(25 + i, 11), action: 'join' as const, member: `j${i}` }));
    const r = run({ events, messages: talk(['a', 'b', 'c'], 0, 70) }, 69);
    expect(r.rosterSource).toBe('join-events');
    expect(r.phase).toBe('growth');
  });

  it('copes with one day and one member', () => {
    const r = run({ messages: [msg('solo', day(0, 10)), msg('solo', day(0, 11))] }, 0);
    expect(r.phase).toBe('inception');
    expect(r.timeline).toHaveLength(1);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('calls a group where only the owner ever posts decline once it is old', () => {
    const members = [owner, ...joining('m', 20, 0, 3)];
    const messages = Array.from({ length: 90 }, (_, d) => msg('boss', day(d, 9), `owner post ${d}`));
    const r = run({ members, messages }, 89);
    expect(r.phase).toBe('decline');
  });

  it('merges a short flicker between two equal phases', () => {
    // A steady group with one dead week in the middle: no decline run in its timeline.
    const members = [owner, ...joining('m', 20, 0, 3)];
    const ids = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
    const messages = [...talk(ids, 0, 100), ...talk(ids, 106, 200)];
    const r = run({ members, messages }, 199);
    expect(r.phase).toBe('maturity');
    expect(r.timeline.map((s) => s.phase)).not.toContain('decline');
  });
});
