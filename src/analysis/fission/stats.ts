import { FLAG, type GroupRecord } from '../../core/dataset/types.js';
import { DAY } from '../../core/time.js';
import type { AnalysisContext } from '../types.js';
import { memberColumns, orNull } from '../shared/member-columns.js';
import { memberSlots } from '../shared/slots.js';
import { buildForest, type InviteForest } from './tree.js';

/** What one inviter's direct invitees became. */
export interface MemberInviteStats {
  /** Direct invitees (joined by as-of). */
  invited: number;
  /** Invitees still in the group 30 days after joining (or still in, if they joined less than 30 days ago). */
  stayed: number;
  /** Invitees with at least one human message. */
  active: number;
  /** Invitees who stayed and talk: the spreader ranking key. */
  stayedAndActive: number;
  /** Size of the inviter's cascade below and including them. */
  subtree: number;
  /** Join time of their first invitee (UTC ms), or null. */
  firstInviteeAt: number | null;
}

export interface InviteStats {
  forest: InviteForest;
  /** Per inviting member (dataset member index); a member absent from the map invited nobody. */
  byMember: Map<number, MemberInviteStats>;
}

const memo = new WeakMap<GroupRecord, { asOf: number; stats: InviteStats }>();

/**
 * Invite statistics of a group, memoised per group and as-of: the seed-user analysis reads
 * `byMember` as its fission signal; the fission analysis reports them. Not part of the JSON.
 */
export function inviteStats(g: GroupRecord, ctx: AnalysisContext): InviteStats {
  const hit = memo.get(g);
  if (hit && hit.asOf === ctx.asOf) return hit.stats;
  const ds = ctx.dataset;
  const forest = buildForest(ds, g, ctx.asOf, ctx.series(g).firstAt);
  // Who wrote a human message by as-of, by slot (a Map updated per message cost more than the rest).
  const slots = memberSlots(ds, g);
  const spoke = new Uint8Array(g.members.length);
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    if (ds.messages.time[j]! > ctx.asOf) break;
    if (ds.messages.flags[j]! & FLAG.human) spoke[slots[ds.messages.sender[j]!]!] = 1;
  }
  const cols = memberColumns(ds);
  const byMember = new Map<number, MemberInviteStats>();
  for (let v = 0; v < forest.member.length; v++) {
    const m = forest.member[v]!, p = forest.parent[v]!;
    if (m < 0 || p < 0 || forest.member[p]! < 0) continue;
    const inviter = forest.member[p]!;
    let s = byMember.get(inviter);
    if (!s) {
      s = { invited: 0, stayed: 0, active: 0, stayedAndActive: 0, subtree: forest.subtree[p]!, firstInviteeAt: null };
      byMember.set(inviter, s);
    }
    const joinedAt = orNull(cols.joinedAt[m]!);
    const stayed = stayedBetween(joinedAt, orNull(cols.leftAt[m]!), 30, ctx.asOf) !== false;
    const active = spoke[slots[m]!] === 1;
    s.invited++;
    if (stayed) s.stayed++;
    if (active) s.active++;
    if (stayed && active) s.stayedAndActive++;
    if (joinedAt !== null && (s.firstInviteeAt === null || joinedAt < s.firstInviteeAt)) s.firstInviteeAt = joinedAt;
  }
  const stats = { forest, byMember };
  memo.set(g, { asOf: ctx.asOf, stats });
  return stats;
}

/**
 * Was the member still in the group `days` days after joining (join and leave times, null when
 * unknown)? null when that cannot be known yet (joined less than `days` before as-of and still in)
 * or the join time is unknown.
 */
export function stayedBetween(joinedAt: number | null, leftAt: number | null, days: number, asOf: number): boolean | null {
  if (joinedAt === null) return leftAt === null || leftAt > asOf ? null : false;
  const left = leftAt !== null && leftAt <= asOf ? leftAt : null;
  if (left !== null && left - joinedAt < days * DAY) return false;
  if (joinedAt + days * DAY <= asOf) return true;
  return null;
}
