import { z } from 'zod';
import { findingSchema, type Finding } from '../../core/findings.js';
import { defineAnalysis } from '../types.js';
import { finding } from './findings.js';
import { memberColumns, ROLE } from '../shared/member-columns.js';
import { round } from '../shared/numbers.js';
import { kFactor, monthlyK } from './kfactor.js';
import { inviteStats, type MemberInviteStats } from './stats.js';
import { structuralVirality } from './tree.js';
import { summarise } from './summary.js';

const options = z.object({
  viralityMinNodes: z.number().int().min(2).default(10).describe('structural virality only for cascades with at least this many nodes (Goel et al. 2012)'),
  referenceDays: z.number().positive().default(5).describe('days from joining to first invite to compare with (WeChat: 80% within 5 days, Qiu et al. 2016)'),
  bulkInviterMin: z.number().int().min(1).default(5).describe('a member who invited at least this many people …'),
  bulkStayedBelow: z.number().min(0).max(1).default(0.3).describe('… of whom fewer than this share stayed, is reported as a bulk inviter'),
  shallowShare: z.number().min(0).max(1).default(0.7).describe('report cascades as shallow when at least this share of member-started cascades end one step from their seed'),
});

const spreaderSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  invited: z.number().int().describe('direct invitees'),
  stayed: z.number().int().describe('invitees still in the group 30 days after joining (or still in, if they joined less than 30 days ago)'),
  active: z.number().int().describe('invitees with at least one human message'),
  stayedAndActive: z.number().int().describe('invitees who stayed and talk'),
  subtree: z.number().int().describe('people in their cascade, themselves included'),
  score: z.number().describe('the rank: stayedAndActive − ½ × invitees who left within 30 days (invited − stayed); ties go to more invitees who stayed'),
});

const result = z.object({
  kFactor: z.number().describe('invitees ÷ members × share of invitees still in 30 days after joining (of those who joined ≥ 30 days before as-of); 0 when none can be judged (see kFactorMeasured)'),
  kFactorMeasured: z.boolean().optional().describe('false when no invitee joined ≥ 30 days before as-of (nobody invited, or all too recent): kFactor is then 0 by convention and should be shown as unknown; always written, absent only in reports of earlier versions'),
  kFactor90: z.number().nullable().describe('the same with 90 days; null when no invitee is 90 days old'),
  peerKFactor: z.number().nullable().describe('K counting only invitations by ordinary members (not owner, admins, bots or unknown inviters)'),
  kBasis: z.object({ members: z.number().int(), invited: z.number().int(), judged30: z.number().int(), stayed30: z.number().int(), judged90: z.number().int(), stayed90: z.number().int() }),
  joins: z.number().int().describe('members with a known join time by as-of, the creator excluded'),
  invitedShare: z.number().describe('share of those joins with a known inviter (a QR code shared by X counts as invited by X)'),
  joinsByMethod: z.object({ invite: z.number().int(), qr: z.number().int(), link: z.number().int(), unknown: z.number().int() }),
  staffInvitedShare: z.number().nullable().describe('share of invitees brought in by the owner, admins or bots'),
  roots: z.number().int().describe('trees of the invite forest (people with no known inviter, plus external inviters)'),
  externalRoots: z.number().int().describe('inviters named in the data who are not among its members'),
  cyclesBroken: z.number().int(),
  maxDepth: z.number().int().describe('generations: 1 = only direct invitees of a root'),
  largestCascade: z.object({ root: z.string(), rootName: z.string(), external: z.boolean(), size: z.number().int(), depth: z.number().int(), structuralVirality: z.number().nullable() }).nullable(),
  structuralVirality: z.number().nullable().describe('mean pairwise distance (Goel et al.), averaged over cascades with at least viralityMinNodes nodes'),
  peerCascades: z.object({
    count: z.number().int().describe('cascades started by an ordinary member whose own inviter was not an ordinary member'),
    oneStepShare: z.number().nullable().describe('share of them where no invitee invited anybody'),
    maxGenerations: z.number().int(),
  }),
  cycleTimeDaysMedian: z.number().nullable().describe('ordinary members: days from joining to their first invitee joining'),
  cycleTimeDaysP80: z.number().nullable(),
  firstInviteWithinReferenceShare: z.number().nullable().describe('share of those first invitations within referenceDays of joining'),
  monthly: z.array(z.object({ month: z.string(), joins: z.number().int(), invited: z.number().int(), kFactor: z.number().nullable() })),
  topSpreaders: z.array(spreaderSchema).describe('ordinary members (not owner, admins or bots) with at least one invitee who stayed and talks and a positive score, ranked by score, best first'),
  findings: z.array(findingSchema),
});

/** Fission (裂变): who brought whom, whether they stay, and how far the cascades go. */
export const fission = defineAnalysis({
  key: 'fission',
  title: 'Fission: invite trees, viral coefficient, spreaders',
  optionsSchema: options,
  resultSchema: result,
  run(g, ctx, o) {
    const ds = ctx.dataset;
    const role = memberColumns(ds).role;
    const st = inviteStats(g, ctx);
    const f = st.forest;
    const nodes: number[] = [];
    for (let v = 0; v < f.member.length; v++) if (f.member[v]! >= 0) nodes.push(v);
    const k30 = kFactor(ds, f, nodes, nodes.length, 30, ctx.asOf);
    const k90 = kFactor(ds, f, nodes, nodes.length, 90, ctx.asOf);
    const peerNodes = nodes.filter((v) => f.parent[v]! >= 0 && isPeer(f.member[f.parent[v]!]!));
    const peer = kFactor(ds, f, peerNodes, nodes.length, 30, ctx.asOf);
    function isPeer(m: number): boolean { return m >= 0 && role[m] === ROLE.member; }

    const s = summarise(ds, f, nodes, isPeer, ctx.asOf, o.referenceDays);
    const viral: number[] = [];
    let largest = -1;
    for (let v = 0; v < f.parent.length; v++) {
      if (f.parent[v]! >= 0 || f.subtree[v]! < 2) continue;
      if (largest < 0 || f.subtree[v]! > f.subtree[largest]!) largest = v;
      if (f.subtree[v]! >= o.viralityMinNodes) viral.push(structuralVirality(f, v)!);
    }
    const who = (v: number) => (f.member[v]! >= 0 ? ds.members[f.member[v]!]! : null);
    const spreaders = [...st.byMember].filter(([m, x]) => isPeer(m) && x.stayedAndActive > 0 && spreadScore(x) > 0)
      .sort(([a, x], [b, y]) => spreadScore(y) - spreadScore(x) || y.stayed - x.stayed || y.subtree - x.subtree || ds.members[a]!.key.localeCompare(ds.members[b]!.key))
      .slice(0, ctx.top)
      .map(([m, x]) => ({ memberId: ds.members[m]!.key, name: ds.members[m]!.names.at(-1) ?? ds.members[m]!.key, invited: x.invited, stayed: x.stayed, active: x.active, stayedAndActive: x.stayedAndActive, subtree: x.subtree, score: round(spreadScore(x), 2)! }));

    const out = {
      kFactor: round(k30.k) ?? 0,
      kFactorMeasured: k30.judged > 0,
      kFactor90: round(k90.k),
      peerKFactor: peer.invited ? round(peer.k) : null,
      kBasis: { members: nodes.length, invited: k30.invited, judged30: k30.judged, stayed30: k30.stayed, judged90: k90.judged, stayed90: k90.stayed },
      ...s,
      largestCascade: largest < 0 ? null : {
        root: who(largest)?.key ?? f.external[largest - nodes.length]!,
        rootName: who(largest)?.names.at(-1) ?? f.external[largest - nodes.length]!,
        external: f.member[largest]! < 0,
        size: f.subtree[largest]!,
        depth: f.height[largest]!,
        structuralVirality: f.subtree[largest]! >= o.viralityMinNodes ? round(structuralVirality(f, largest), 3) : null,
      },
      structuralVirality: viral.length ? round(viral.reduce((a, b) => a + b, 0) / viral.length, 3) : null,
      cyclesBroken: f.cyclesBroken,
      monthly: monthlyK(ds, f, ctx.asOf, ctx.zone, ctx.series(g).firstAt),
      topSpreaders: spreaders,
      findings: [] as Finding[],
    };
    out.findings = findingsOf(out, st.byMember, ds, isPeer, o);
    return out;
  },
});

type Out = z.output<typeof result>;

/** Spreader score weight of an invitee who left within 30 days. */
const LEFT_QUICKLY = 0.5;

/**
 * What a spreader's invitees became (the issue: ranked by invitees who stayed and talk): 1 for each
 * who stayed and talks, −½ for each who left within 30 days. An invitee who stays silent counts
 * neither way in the score — lurkers are most of a group, they are no failure of their inviter —
 * and breaks ties in the ranking. A bulk invite whose people leave at once sinks.
 */
export function spreadScore(x: Pick<MemberInviteStats, 'invited' | 'stayed' | 'stayedAndActive'>): number {
  return x.stayedAndActive - LEFT_QUICKLY * (x.invited - x.stayed);
}

function findingsOf(r: Out, byMember: ReturnType<typeof inviteStats>['byMember'], ds: Parameters<typeof kFactor>[0], isPeer: (m: number) => boolean, o: z.output<typeof options>): Finding[] {
  const out: Finding[] = [];
  if (r.kBasis.invited === 0) return [finding('fission-no-inviters', 'info', { joins: r.joins })];
  if (r.kBasis.judged30 === 0) out.push(finding('fission-too-young', 'info', { invited: r.kBasis.invited }));
  else out.push(finding(r.kFactor >= 1 ? 'fission-k-viral' : 'fission-k', r.kFactor >= 1 ? 'good' : 'info', { k: r.kFactor, invitedShare: r.invitedShare, stayed: r.kBasis.stayed30 / r.kBasis.judged30 }));
  if (r.staffInvitedShare !== null && r.staffInvitedShare >= 0.5) out.push(finding('fission-staff-seeded', 'info', { share: r.staffInvitedShare, peerK: r.peerKFactor }));
  const pc = r.peerCascades;
  if (pc.count >= 3 && pc.oneStepShare !== null && pc.oneStepShare >= o.shallowShare) out.push(finding('fission-shallow-cascades', 'warn', { share: pc.oneStepShare, cascades: pc.count }));
  else if (pc.maxGenerations >= 3) out.push(finding('fission-deep-cascade', 'good', { generations: pc.maxGenerations }));
  if (r.cycleTimeDaysMedian !== null) out.push(finding('fission-cycle-time', 'info', { median: r.cycleTimeDaysMedian, share: r.firstInviteWithinReferenceShare, days: o.referenceDays }));
  const bulk = [...byMember].filter(([m, x]) => isPeer(m) && x.invited >= o.bulkInviterMin && x.stayed / x.invited < o.bulkStayedBelow)
    .sort(([, x], [, y]) => y.invited - x.invited).slice(0, 3);
  for (const [m, x] of bulk) out.push(finding('fission-bulk-inviter', 'warn', { name: ds.members[m]!.names.at(-1) ?? ds.members[m]!.key, invited: x.invited, stayed: x.stayed }));
  return out;
}
