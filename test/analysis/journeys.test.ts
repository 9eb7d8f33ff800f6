import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { fission } from '../../src/analysis/fission/index.js';
import { journeys } from '../../src/analysis/journeys/index.js';
import { profileGroup } from '../../src/analysis/profile/index.js';
import type { AuditResult } from '../../src/report/schema.js';
import { renderDetail } from '../../src/report/table/detail.js';
import { ctxFor, dataset, day, msg, type MsgSpec } from './helpers.js';

const opts = journeys.optionsSchema.parse({});

function sample() {
  const messages: MsgSpec[] = [];
  // 'reg' writes twice a week for six weeks (Jan 1 – Feb 11), then stops.
  for (let w = 0; w < 6; w++) messages.push(msg('reg', day(w * 7 + 1, 10)), msg('reg', day(w * 7 + 3, 10)));
  // 'new1' joins Jan 10, writes 30 minutes later; 'reg' answers 2 hours after that.
  messages.push(msg('new1', day(9, 12), 'hello everyone', { id: 'h1' }), msg('reg', day(9, 14), 'welcome!', { replyTo: 'h1' }));
  // 'new2' joins Jan 20 and never writes; 'new3' joins Feb 5, writes on day 50 (past its first week), nobody answers.
  messages.push(msg('new3', day(50, 9)));
  return dataset({ members: [
    { id: 'boss', role: 'owner', joinedAt: day(0) },
    { id: 'reg', joinedAt: day(0), invitedBy: 'boss' },
    { id: 'new1', joinedAt: day(9, 11, 30), invitedBy: 'reg' },
    { id: 'new2', joinedAt: day(19), leftAt: day(40) },
    { id: 'new3', joinedAt: day(35) },
  ], messages });
}

describe('member journeys', () => {
  const ds = sample();
  const asOf = day(120); // 2024-04-30
  const r = journeys.run(ds.groups[0]!, ctxFor(ds, asOf), opts, { seedUsers: [{ memberId: 'reg' }] });

  it('newcomers: posted in the first week and time to first response', () => {
    expect(r.newcomers.perMonth.map((m) => [m.month, m.joined])).toEqual([['2024-01', 3], ['2024-02', 1], ['2024-03', 0], ['2024-04', 0]]);
    expect(r.newcomers.perMonth[0]).toMatchObject({ postedFirstWeek: 0.6667, medianHoursToFirstResponse: 2 });
    expect(r.newcomers.postedFirstWeekShare).toBe(0.5);
    expect(r.newcomers.medianHoursToFirstResponse).toBe(2);
  });

  it('lists regular members gone silent, seed users flagged', () => {
    expect(r.goingQuiet).toHaveLength(1);
    expect(r.goingQuiet[0]).toMatchObject({ memberId: 'reg', usualPerWeek: 2.2, activeWeeks: 6, seedUser: true, lastMessageAt: '2024-02-08T10:00:00Z' });
    expect(r.goingQuiet[0]!.daysSilent).toBe(81);
  });

  it('cohorts: retention and posting by join month, null when too recent', () => {
    expect(r.cohorts[0]).toMatchObject({ month: '2024-01', joined: 3, stillIn1m: 0.6667, stillIn2m: 0.6667, posting1m: 0.6667, posting2m: 0.3333 });
    expect(r.cohorts[1]).toMatchObject({ month: '2024-02', joined: 1, stillIn1m: 1, stillIn2m: 1, stillIn3m: null, posting1m: 1, posting3m: null });
    expect(r.cohorts[3]).toMatchObject({ month: '2024-04', joined: 0, stillIn1m: null });
  });

  it('the --group view shows the top spreaders, the cohorts and who is going quiet', () => {
    const ctx = ctxFor(ds, asOf);
    const g = ds.groups[0]!;
    const report = { ...profileGroup(g, ctx), fission: fission.run(g, ctx, fission.optionsSchema.parse({}), {}) };
    Object.assign(report.members, r);
    const result = { groups: [report] } as unknown as AuditResult;
    const text = renderDetail(result, { lang: 'en', chalk: new Chalk({ level: 0 }), width: 120, groupId: g.id });
    expect(text).toContain('Top spreaders');
    expect(text).toMatch(/reg\s*│\s*1\s*│\s*1\s*│\s*1\s*│\s*2/);
    expect(text).toContain('Retention cohorts');
    expect(text).toContain('2024-01');
    expect(text).toContain('Going quiet');
  });

  it('judges the first week only for joiners at least 7 days old, whether they posted or not', () => {
    // As of day 40: 'old1' (day 10) posted in its first week, 'old2' (day 12) did not; 'young1'
    // (day 37) already posted and 'young2' (day 38) has not: neither is judged yet.
    const d = dataset({ members: [
      { id: 'boss', role: 'owner', joinedAt: day(0) }, { id: 'old1', joinedAt: day(10) }, { id: 'old2', joinedAt: day(12) },
      { id: 'young1', joinedAt: day(37) }, { id: 'young2', joinedAt: day(38) },
    ], messages: [msg('old1', day(11, 9)), msg('young1', day(37, 12))] });
    const n = journeys.run(d.groups[0]!, ctxFor(d, day(40)), opts, {}).newcomers;
    expect(n.postedFirstWeekShare).toBe(0.5);
    expect(n.perMonth.map((m) => [m.month, m.joined, m.postedFirstWeek])).toEqual([['2024-01', 2, 0.5], ['2024-02', 2, null]]);
  });

  it('every count of joins leaves out the creator, and only the creator', () => {
    // 'boss' made the group; 'co' is an owner too, but was invited (ownership handed over later).
    const d = dataset({ members: [
      { id: 'boss', role: 'owner', joinedAt: day(0) }, { id: 'co', role: 'owner', joinedAt: day(3), invitedBy: 'boss' },
      { id: 'a', joinedAt: day(5), invitedBy: 'boss' }, { id: 'b', joinedAt: day(40) },
    ] });
    const ctx = ctxFor(d, day(100));
    const f = fission.run(d.groups[0]!, ctx, fission.optionsSchema.parse({}), {});
    const j = journeys.run(d.groups[0]!, ctx, opts, {});
    expect(f.joins).toBe(3);
    expect(f.monthly.map((m) => [m.month, m.joins])).toEqual([['2024-01', 2], ['2024-02', 1], ['2024-03', 0], ['2024-04', 0]]);
    expect(j.newcomers.perMonth.reduce((a, m) => a + m.joined, 0)).toBe(3);
    expect(j.cohorts.reduce((a, m) => a + m.joined, 0)).toBe(3);
  });
});
