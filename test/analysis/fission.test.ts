import { describe, expect, it } from 'vitest';
import { fission, spreadScore } from '../../src/analysis/fission/index.js';
import { inviteStats } from '../../src/analysis/fission/stats.js';
import { buildForest, structuralVirality } from '../../src/analysis/fission/tree.js';
import { ctxFor, dataset, day, memberIndex, msg, type MemberSpec } from './helpers.js';

const run = (ds: ReturnType<typeof dataset>, asOf: number) => fission.run(ds.groups[0]!, ctxFor(ds, asOf), fission.optionsSchema.parse({}), {});

describe('invite forest', () => {
  it('breaks a cycle at the member who joined first', () => {
    const ds = dataset({ members: [
      { id: 'a', joinedAt: day(0), invitedBy: 'b' },
      { id: 'b', joinedAt: day(1), invitedBy: 'a' },
      { id: 'c', joinedAt: day(2), invitedBy: 'b' },
    ] });
    const f = buildForest(ds, ds.groups[0]!, day(10), day(0));
    expect(f.cyclesBroken).toBe(1);
    const a = f.nodeOf.get(memberIndex(ds, 'a'))!, b = f.nodeOf.get(memberIndex(ds, 'b'))!;
    expect(f.parent[a]).toBe(-1);
    expect(f.parent[b]).toBe(a);
    expect(f.subtree[a]).toBe(3);
    expect(run(ds, day(10)).maxDepth).toBe(2);
  });

  it('keeps people without an inviter as roots and outside inviters as external roots', () => {
    const ds = dataset({ members: [
      { id: 'boss', role: 'owner', joinedAt: day(0) },
      { id: 'x', joinedAt: day(1) },
      { id: 'y', joinedAt: day(1), invitedBy: 'ghost' },
      { id: 'z', joinedAt: day(2), invitedBy: 'ghost' },
      { id: 'self', joinedAt: day(2), invitedBy: 'self' },
    ] });
    const r = run(ds, day(50));
    expect(r.externalRoots).toBe(1);
    expect(r.roots).toBe(4); // boss, x, self, ghost
    expect(r.kBasis.invited).toBe(2); // y and z; a self-invite is no invitation
    expect(r.largestCascade).toMatchObject({ root: 'ghost', external: true, size: 3, depth: 1 });
    expect(r.joins).toBe(4);
    expect(r.invitedShare).toBe(0.5);
  });

  it('counts a member invited twice (a rejoin) once, for the first inviter', () => {
    const ds = dataset({
      members: [{ id: 'p', joinedAt: day(0) }, { id: 'q', joinedAt: day(0) }, { id: 'r' }],
      events: [
        { at: day(1), action: 'join', member: 'r', by: 'p', method: 'invite' },
        { at: day(2), action: 'leave', member: 'r' },
        { at: day(3), action: 'join', member: 'r', by: 'q', method: 'invite' },
      ],
    });
    const st = inviteStats(ds.groups[0]!, ctxFor(ds, day(40)));
    expect(st.byMember.get(memberIndex(ds, 'p'))?.invited).toBe(1);
    expect(st.byMember.get(memberIndex(ds, 'q'))).toBeUndefined();
    expect(run(ds, day(40)).kBasis.invited).toBe(1);
  });

  it('structural virality: a star is 1.8 (10 nodes), a chain of 10 is 11/3', () => {
    const star: MemberSpec[] = [{ id: 's0', joinedAt: day(0) }, ...Array.from({ length: 9 }, (_, i) => ({ id: `s${i + 1}`, joinedAt: day(1), invitedBy: 's0' }))];
    const chain: MemberSpec[] = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, joinedAt: day(i), ...(i > 0 && { invitedBy: `c${i - 1}` }) }));
    for (const [spec, expected] of [[star, 1.8], [chain, 11 / 3]] as const) {
      const ds = dataset({ members: [...spec] });
      const f = buildForest(ds, ds.groups[0]!, day(30), day(0));
      expect(structuralVirality(f, 0)).toBeCloseTo(expected, 6);
      expect(run(ds, day(30)).structuralVirality).toBeCloseTo(expected, 3);
    }
  });
});

describe('fission numbers', () => {
  it('K = invitees / members × share of invitees in the group 30 days after joining', () => {
    const members: MemberSpec[] = [{ id: 'boss', role: 'owner', joinedAt: day(0) }];
    for (let i = 0; i < 5; i++) members.push({ id: `m${i}`, joinedAt: day(1) });
    members.push({ id: 'i0', joinedAt: day(2), invitedBy: 'boss' }, { id: 'i1', joinedAt: day(2), invitedBy: 'boss' });
    members.push({ id: 'i2', joinedAt: day(2), invitedBy: 'm0', leftAt: day(10) }, { id: 'i3', joinedAt: day(2), invitedBy: 'm0', leftAt: day(60) });
    members.push({ id: 'late', joinedAt: day(95), invitedBy: 'm1' }); // too recent to judge
    const ds = dataset({ members });
    const r = run(ds, day(100));
    expect(r.kBasis).toMatchObject({ members: 11, invited: 5, judged30: 4, stayed30: 3, judged90: 4, stayed90: 2 });
    expect(r.kFactor).toBeCloseTo((5 / 11) * (3 / 4), 4);
    expect(r.kFactor90).toBeCloseTo((5 / 11) * (2 / 4), 4);
    expect(r.peerKFactor).toBeCloseTo((3 / 11) * (1 / 2), 4);
    expect(r.staffInvitedShare).toBe(0.4);
    // The owner made the group on day 0 (no inviter): not a join, in the months as in the total.
    expect(r.monthly[0]).toMatchObject({ month: '2024-01', joins: 9, invited: 4 });
    expect(r.monthly.at(-1)).toMatchObject({ month: '2024-04', joins: 1, invited: 1, kFactor: null });
    expect(r.joins).toBe(10);
    expect(r.monthly.reduce((a, m) => a + m.joins, 0)).toBe(r.joins);
    expect(r.kFactorMeasured).toBe(true);
  });

  it('K cannot be measured while every invitee is under 30 days old: 0, flagged, with a finding', () => {
    const ds = dataset({ members: [
      { id: 'boss', role: 'owner', joinedAt: day(0) }, { id: 'a', joinedAt: day(1) },
      { id: 'i1', joinedAt: day(10), invitedBy: 'a' }, { id: 'i2', joinedAt: day(12), invitedBy: 'boss' },
    ] });
    const r = run(ds, day(20));
    expect(r.kFactor).toBe(0);
    expect(r.kFactorMeasured).toBe(false);
    expect(r.kBasis).toMatchObject({ invited: 2, judged30: 0 });
    expect(r.findings.map((f) => f.code)).toContain('fission-too-young');
    expect(run(ds, day(45)).kFactorMeasured).toBe(true);
  });

  it('cycle time: median and p80 of days from joining to the first invitee', () => {
    const ds = dataset({ members: [
      { id: 'a', joinedAt: day(0) }, { id: 'a1', joinedAt: day(2), invitedBy: 'a' }, { id: 'a2', joinedAt: day(20), invitedBy: 'a' },
      { id: 'b', joinedAt: day(0) }, { id: 'b1', joinedAt: day(10), invitedBy: 'b' },
    ] });
    const r = run(ds, day(60));
    expect(r.cycleTimeDaysMedian).toBe(6);
    expect(r.cycleTimeDaysP80).toBe(8.4);
    expect(r.firstInviteWithinReferenceShare).toBe(0.5);
    expect(r.findings.map((f) => f.code)).toContain('fission-cycle-time');
  });

  it('ranks spreaders by invitees who stay and talk, not by raw invites', () => {
    const members: MemberSpec[] = [{ id: 'boss', role: 'owner', joinedAt: day(0) }, { id: 'real', joinedAt: day(1) }, { id: 'bulk', joinedAt: day(1) }];
    const messages = [];
    for (let i = 0; i < 3; i++) {
      members.push({ id: `r${i}`, joinedAt: day(3), invitedBy: 'real' });
      messages.push(msg(`r${i}`, day(5 + i, 10)));
    }
    for (let i = 0; i < 8; i++) members.push({ id: `b${i}`, joinedAt: day(4), invitedBy: 'bulk', leftAt: day(6) });
    members.push({ id: 'b8', joinedAt: day(4), invitedBy: 'bulk' });
    messages.push(msg('b8', day(9, 10)));
    const ds = dataset({ members, messages });
    const r = run(ds, day(60));
    // bulk: 1 stayed and talks, 8 left within days: 1 − ½ × 8 < 0, not a spreader at all.
    expect(r.topSpreaders.map((s) => s.memberId)).toEqual(['real']);
    expect(r.topSpreaders[0]).toMatchObject({ invited: 3, stayed: 3, active: 3, stayedAndActive: 3, subtree: 4, score: 3 });
    expect(r.findings.find((f) => f.code === 'fission-bulk-inviter')?.values).toMatchObject({ name: 'bulk', invited: 9, stayed: 1 });
  });

  it('invitees who stay silent count for their inviter; only those who leave quickly count against', () => {
    // 'wide' invited 9: 8 stayed (3 talk, 5 lurk), 1 left after 3 days. 'one' invited 1 who talks.
    const members: MemberSpec[] = [{ id: 'boss', role: 'owner', joinedAt: day(0) }, { id: 'wide', joinedAt: day(1) }, { id: 'one', joinedAt: day(1) }, { id: 'o1', joinedAt: day(3), invitedBy: 'one' }];
    const messages = [msg('o1', day(4, 10))];
    for (let i = 0; i < 9; i++) members.push({ id: `w${i}`, joinedAt: day(3), invitedBy: 'wide', ...(i === 8 && { leftAt: day(6) }) });
    for (let i = 0; i < 3; i++) messages.push(msg(`w${i}`, day(5 + i, 10)));
    const r = run(dataset({ members, messages }), day(60));
    expect(r.topSpreaders.map((s) => s.memberId)).toEqual(['wide', 'one']);
    expect(r.topSpreaders[0]).toMatchObject({ invited: 9, stayed: 8, stayedAndActive: 3, score: 2.5 }); // 3 − ½ × 1; the 5 lurkers count neither way
    expect(r.topSpreaders[1]).toMatchObject({ invited: 1, stayedAndActive: 1, score: 1 });
    // A silent stayer is no failure (unlike one who leaves), and worth less than one who talks.
    expect(spreadScore({ invited: 2, stayed: 2, stayedAndActive: 1 })).toBe(spreadScore({ invited: 1, stayed: 1, stayedAndActive: 1 }));
    expect(spreadScore({ invited: 2, stayed: 1, stayedAndActive: 1 })).toBeLessThan(spreadScore({ invited: 2, stayed: 2, stayedAndActive: 1 }));
    expect(spreadScore({ invited: 2, stayed: 2, stayedAndActive: 1 })).toBeLessThan(spreadScore({ invited: 2, stayed: 2, stayedAndActive: 2 }));
  });

  it('says so when nobody was invited', () => {
    const ds = dataset({ members: [{ id: 'a', joinedAt: day(0) }, { id: 'b', joinedAt: day(1) }] });
    const r = run(ds, day(40));
    expect(r.kFactor).toBe(0);
    expect(r.kFactorMeasured).toBe(false);
    expect(r.topSpreaders).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(['fission-no-inviters']);
  });
});
