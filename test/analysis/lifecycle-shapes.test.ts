/**
 * Lifecycle on data shapes the simulator's default does not produce: messages only (the roster is
 * the people seen so far), join/leave events without a member list, and exports that start mid-life.
 */
import { describe, expect, it } from 'vitest';
import { lifecycle, lifecycleOptions } from '../../src/analysis/lifecycle/index.js';
import { chatter, ctxFor, dataset, day, msg, type EventSpec, type MemberSpec, type MsgSpec } from './helpers.js';

const defaults = lifecycleOptions.parse({});

function run(spec: Parameters<typeof dataset>[0], asOfDay: number) {
  const ds = dataset(spec);
  return lifecycle.run(ds.groups[0]!, ctxFor(ds, day(asOfDay, 23, 59)), defaults, {});
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const startEvidence = (r: ReturnType<typeof run>) => r.evidence.find((f) => f.code === 'lifecycle-age')!.values;

/** A question a day from someone never seen before, each answered once by a regular. */
function askers(from: number, to: number, prefix = 'ask'): MsgSpec[] {
  const out: MsgSpec[] = [];
  for (let d = from; d < to; d++) out.push(msg(`${prefix}${d}`, day(d, 10)), msg('r0', day(d, 10, 5)));
  return out;
}

describe('lifecycle, messages only', () => {
  it('does not call a withering support room growth because new askers keep arriving', () => {
    // A busy room (10 regulars, 3 messages a day each) that fades to one regular answering a
    // stream of first-time askers: "people seen so far" grows by far more than 5% a month.
    const messages = [...chatter(ids('r', 10), 0, 150, 3), ...askers(150, 300), ...chatter(['r1'], 150, 300)];
    const r = run({ messages }, 299);
    expect(r.rosterSource).toBe('messages');
    expect(r.phase).toBe('decline');
    const late = r.timeline.filter((s) => Date.parse(s.start) >= day(170));
    expect(late.map((s) => s.phase)).not.toContain('growth');
  });

  it('still sees growth when new people arrive and activity rises with them', () => {
    const messages: MsgSpec[] = [...chatter(ids('a', 4), 0, 60)];
    // From day 60 two new people a week, each staying and talking daily.
    for (let k = 0; k < 16; k++) messages.push(...chatter([`n${k}`], 60 + k * 3, 120));
    const r = run({ messages: [...messages, ...chatter(ids('a', 4), 60, 120)] }, 119);
    expect(r.phase).toBe('growth');
  });

  it('starts with inception when the first week is quiet and the crowd comes later', () => {
    const messages = [...chatter(ids('a', 3), 0, 120), ...chatter(ids('b', 12), 10, 120)];
    const r = run({ messages }, 119);
    expect(r.timeline[0]!.phase).toBe('inception');
    expect(startEvidence(r)).toMatchObject({ startsNew: true, startSign: 'active-from-few' });
  });

  it('is not inception when the export is busy from its first day (it starts mid-life)', () => {
    const messages = chatter(ids('r', 15), 0, 120, 2);
    const r = run({ messages }, 119);
    expect(r.timeline[0]!.phase).not.toBe('inception');
    expect(r.timeline.map((s) => s.phase)).toEqual(['maturity']);
    expect(startEvidence(r)).toMatchObject({ startsNew: false, startSign: 'busy-from-day-one' });
  });
});

describe('lifecycle, join/leave events without a member list', () => {
  const joins = (prefix: string, n: number, from: number, to: number): EventSpec[] =>
    Array.from({ length: n }, (_, i) => ({ at: day(from + Math.floor((i * (to - from)) / n), 9), action: 'join', member: `${prefix}${i}` }));

  it('reads the roster from the events: joins make growth, leaves make decline', () => {
    const events = [...joins('m', 10, 0, 3), ...joins('n', 60, 25, 90)];
    const grow = run({ roles: { boss: 'owner' }, events, messages: [...chatter(['boss'], 0, 2), ...chatter(ids('m', 5), 0, 90)] }, 89);
    expect(grow.rosterSource).toBe('join-events');
    expect(grow.timeline.map((s) => s.phase)).toEqual(['inception', 'growth']);
    expect(startEvidence(grow)).toMatchObject({ startsNew: true, startSign: 'roster-from-few' });

    const leaves: EventSpec[] = ids('n', 40).map((m, i) => ({ at: day(150 + i, 9), action: 'leave', member: m }));
    const shrink = run({ roles: { boss: 'owner' }, events: [...events, ...leaves], messages: chatter(ids('m', 5), 0, 200) }, 199);
    expect(shrink.phase).toBe('decline');
  });

  it('takes a crowd nobody saw join as a sign the export starts mid-life', () => {
    // 30 people talk from day one without a join event; a few newcomers join later.
    const events = joins('n', 3, 40, 100);
    const r = run({ roles: { boss: 'owner' }, events, messages: [...chatter(ids('r', 30), 0, 120), ...chatter(ids('n', 3), 100, 120)] }, 119);
    expect(r.rosterSource).toBe('join-events');
    expect(r.timeline.map((s) => s.phase)).toEqual(['maturity']);
    expect(startEvidence(r)).toMatchObject({ startsNew: false, startSign: 'crowd-at-start' });
  });
});

describe('lifecycle, member list without join times (an export that starts mid-life)', () => {
  it('is not inception: everyone was there from the start', () => {
    const members: MemberSpec[] = [{ id: 'boss', role: 'owner' }, ...ids('m', 40).map((id) => ({ id }))];
    const r = run({ members, messages: chatter(ids('m', 8), 0, 120) }, 119);
    expect(r.rosterSource).toBe('member-list');
    expect(r.timeline.map((s) => s.phase)).toEqual(['maturity']);
  });

  it('a member list with join times still starts in inception', () => {
    const members: MemberSpec[] = [{ id: 'boss', role: 'owner', joinedAt: day(0, 9) }, ...ids('m', 10).map((id, i) => ({ id, joinedAt: day(i % 3, 10) })),
      ...ids('n', 40).map((id, i) => ({ id, joinedAt: day(20 + i, 10) }))];
    const r = run({ members, messages: chatter(ids('m', 5), 0, 120) }, 119);
    expect(r.timeline[0]!.phase).toBe('inception');
  });

  it('a list where only the newcomers have join times is a mid-life export: the rest were there, and posting late is no growth', () => {
    // 60 listed without a join time, of whom 20 first write in the third month; 4 newcomers join.
    const members: MemberSpec[] = [{ id: 'boss', role: 'owner' }, ...ids('m', 60).map((id) => ({ id })),
      ...ids('n', 4).map((id, i) => ({ id, joinedAt: day(30 + 10 * i, 10) }))];
    const messages = [...chatter(ids('m', 10), 0, 120), ...chatter(ids('m', 30).slice(10), 60, 120), ...chatter(ids('n', 4), 70, 120)];
    const r = run({ members, messages }, 119);
    expect(r.timeline.map((s) => s.phase)).toEqual(['maturity']);
    expect(startEvidence(r)).toMatchObject({ startsNew: false, startSign: 'crowd-at-start' });
  });
});
