import type { Dataset } from '../../core/dataset/types.js';
import { DAY, type Zone } from '../../core/time.js';
import { joinedByAt, memberColumns, orNull, type MemberColumns } from '../shared/member-columns.js';
import { monthStart, monthsBetween } from '../shared/months.js';
import { lowerBound, round } from '../shared/numbers.js';
import { presence } from '../shared/series.js';
import type { InviteForest } from './tree.js';
import { stayedBetween } from './stats.js';

/** Someone whose inviter is known: a member of the data or an inviter named but not found in it. */
export function isInvitee(f: InviteForest, v: number): boolean {
  return f.parent[v]! >= 0;
}

/**
 * K = (invitees ÷ members) × (invitees still in the group `days` days after joining ÷ invitees who
 * joined at least `days` days before as-of). Members: everyone present in the group at some time
 * up to as-of (staff and bots too: anyone could have invited). Invitees: members with a known
 * inviter, whatever the method (a QR code shared by X counts as invited by X). 0 when nobody was
 * invited; null when invitees exist but none is old enough to judge.
 */
export function kFactor(ds: Dataset, f: InviteForest, nodes: readonly number[], members: number, days: number, asOf: number): KBasis {
  let invited = 0, judged = 0, stayed = 0;
  const c = memberColumns(ds);
  for (const v of nodes) {
    const o = inviteeOutcome(c, f, v, days, asOf);
    if (o === Outcome.notInvited) continue;
    invited++;
    if (o === Outcome.unjudged) continue;
    judged++;
    if (o === Outcome.stayed) stayed++;
  }
  return kOf(members, invited, judged, stayed);
}

type KBasis = { k: number | null; invited: number; judged: number; stayed: number };

/** K from its counts (see kFactor). */
function kOf(members: number, invited: number, judged: number, stayed: number): KBasis {
  if (members === 0 || invited === 0) return { k: 0, invited, judged, stayed };
  return { k: judged ? (invited / members) * (stayed / judged) : null, invited, judged, stayed };
}

const Outcome = { notInvited: 0, unjudged: 1, left: 2, stayed: 3 } as const;
type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** What became of node `v` as an invitee, `days` after joining (per node: takes the columns, not the dataset's WeakMap lookup). */
function inviteeOutcome(c: MemberColumns, f: InviteForest, v: number, days: number, asOf: number): Outcome {
  if (!isInvitee(f, v)) return Outcome.notInvited;
  const m = f.member[v]!, joined = c.joinedAt[m]!;
  // Judged only once `days` have passed since joining, even if they already left.
  if (Number.isNaN(joined) || joined + days * DAY > asOf) return Outcome.unjudged;
  const s = stayedBetween(joined, orNull(c.leftAt[m]!), days, asOf);
  return s === null ? Outcome.unjudged : s ? Outcome.stayed : Outcome.left;
}

export interface MonthK { month: string; joins: number; invited: number; kFactor: number | null }

/**
 * Per join month, from the month of the first join: joins (the creator excluded, as in the
 * group's `joins`, so the months add up to it), invited joins, and K where "members" are those
 * present at some time in the month and invitees those who joined in it; null when none of them
 * can be judged yet.
 */
export function monthlyK(ds: Dataset, f: InviteForest, asOf: number, zone: Zone, groupStart: number): MonthK[] {
  // Join times, sorted, of all joiners and of the invitees among them by outcome: a month's
  // counts are then ranges found by binary search. Each member's presence is read once.
  const joins: number[] = [], invited: number[] = [], judged: number[] = [], stayed: number[] = [];
  const from: number[] = [], to: number[] = [];
  const c = memberColumns(ds);
  for (let v = 0; v < f.member.length; v++) {
    if (f.member[v]! < 0) continue;
    if (joinedByAt(c, f.member[v]!, asOf)) {
      const at = c.joinedAt[f.member[v]!]!;
      joins.push(at);
      const o = inviteeOutcome(c, f, v, 30, asOf);
      if (o !== Outcome.notInvited) invited.push(at);
      if (o === Outcome.left || o === Outcome.stayed) judged.push(at);
      if (o === Outcome.stayed) stayed.push(at);
    }
    const p = presence(c, f.member[v]!, groupStart);
    from.push(p.from);
    to.push(p.to);
  }
  if (!joins.length) return [];
  const sorted = (times: number[]) => Float64Array.from(times).sort();
  const allJoins = sorted(joins), invitedJoins = sorted(invited), judgedJoins = sorted(judged), stayedJoins = sorted(stayed);
  return monthsBetween(allJoins[0]!, asOf, zone).map((month) => {
    const a = monthStart(month, zone), b = monthStart(month, zone, 1);
    const inMonth = (times: Float64Array) => lowerBound(times, b) - lowerBound(times, a);
    let present = 0;
    for (let i = 0; i < from.length; i++) if (from[i]! < b && to[i]! >= a) present++;
    const k = kOf(present, inMonth(invitedJoins), inMonth(judgedJoins), inMonth(stayedJoins));
    return { month, joins: inMonth(allJoins), invited: k.invited, kFactor: round(k.k) };
  });
}
