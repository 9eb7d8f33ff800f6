import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import type { Zone } from '../../core/time.js';
import { isSystemKind } from './kinds.js';
import { memberColumns, type MemberColumns } from './member-columns.js';
import { memberSlots } from './slots.js';

/**
 * Per-day series of one group from its first activity to as-of (local days in the report's zone).
 * Every analysis reads these rather than walking messages again.
 */
export interface GroupSeries {
  /** Local day index of series[0]. */
  day0: number;
  days: number;
  /** Messages from people and bots (not system events, not recalls). */
  messages: Int32Array;
  /** Human activity: not system, not bots, not spam. */
  human: Int32Array;
  /** Member activity: human, from members who are not owner or admins. */
  member: Int32Array;
  /** Human activity from the owner and admins. */
  staff: Int32Array;
  /** Distinct members (not owner/admins) with member activity that day. */
  activeMembers: Int32Array;
  joins: Int32Array;
  leaves: Int32Array;
  /** Roster at the end of each day. */
  roster: Int32Array;
  /** First and last dated thing of the group (message, membership event, a listed join time); as-of when none. */
  firstAt: number;
  lastAt: number;
  /** Whether the group has any dated thing at all (else firstAt and lastAt are only as-of). */
  dated: boolean;
}

/**
 * When a member is in the roster: from join; for someone in before the group's known history
 * (presentBefore: listed, or writing in an export that records joins, with no join of theirs where
 * others' are known), from the group's start — counting them from their first message made an
 * export that starts mid-life look like growth; else from their first message, or the group's
 * start for someone listed, or for someone known only as an inviter or remover their first such
 * act, or for someone seen only leaving (a lurker: most who leave never wrote); until they left.
 * Takes the columns rather than the dataset: it runs per member in several loops, and finding the
 * columns is a WeakMap lookup.
 */
export function presence(c: MemberColumns, m: number, groupStart: number): { from: number; to: number } {
  const joined = c.joinedAt[m]!, first = c.firstMessageAt[m]!, acted = c.actedAt[m]!, left = c.leftAt[m]!;
  const from = !Number.isNaN(joined) ? joined : c.presentBefore[m] ? groupStart : !Number.isNaN(first) ? first
    : c.listed[m] ? groupStart : !Number.isNaN(acted) ? acted : !Number.isNaN(left) ? groupStart : Infinity;
  return { from, to: Number.isNaN(left) ? Infinity : left };
}

export function computeSeries(ds: Dataset, g: GroupRecord, asOf: number, zone: Zone): GroupSeries {
  const { time, flags, sender, day } = ds.messages;
  let firstAt = g.msgEnd > g.msgStart ? time[g.msgStart]! : Infinity;
  let lastAt = g.msgEnd > g.msgStart ? time[g.msgEnd - 1]! : -Infinity;
  for (const e of g.events) { firstAt = Math.min(firstAt, e.time); lastAt = Math.max(lastAt, e.time); }
  // A member list's join times are the group's history too (the roster grew before anyone spoke).
  const c = memberColumns(ds);
  for (const m of g.members) {
    const j = c.joinedAt[m]!; // NaN when unknown: never <= asOf
    if (j <= asOf) { firstAt = Math.min(firstAt, j); lastAt = Math.max(lastAt, j); }
  }
  const dated = Number.isFinite(firstAt);
  if (!dated) firstAt = lastAt = asOf;
  lastAt = Math.min(lastAt, asOf);
  const day0 = zone.dayIndex(Math.min(firstAt, asOf));
  const days = Math.max(1, zone.dayIndex(asOf) - day0 + 1);
  const s: GroupSeries = {
    day0, days, firstAt, lastAt, dated,
    messages: new Int32Array(days), human: new Int32Array(days), member: new Int32Array(days), staff: new Int32Array(days),
    activeMembers: new Int32Array(days), joins: new Int32Array(days), leaves: new Int32Array(days), roster: new Int32Array(days),
  };
  // The last day each member was counted active, by slot (a Map per message was half the time).
  const slots = memberSlots(ds, g);
  const lastDay = new Int32Array(g.members.length).fill(-1);
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    if (time[j]! > asOf) break;
    const d = day[j]! - day0;
    if (d < 0 || d >= days) continue;
    const f = flags[j]!;
    if (!isSystemKind(f)) s.messages[d]!++;
    if (f & FLAG.human) s.human[d]!++;
    if (f & FLAG.staff) s.staff[d]!++;
    if (f & FLAG.member) {
      s.member[d]!++;
      const who = slots[sender[j]!]!;
      if (lastDay[who] !== d) { lastDay[who] = d; s.activeMembers[d]!++; }
    }
  }
  // Roster at the end of each day: +1 on the day a member arrives, −1 on the day they leave (who
  // left during a day is not in the roster at its end); then a running sum.
  const delta = new Int32Array(days + 1);
  const clampDay = (t: number) => Math.min(days, Math.max(0, zone.dayIndex(t) - day0));
  for (const m of g.members) {
    const { from, to } = presence(c, m, firstAt);
    if (from > asOf || !Number.isFinite(from)) continue;
    const fromDay = clampDay(from);
    delta[fromDay]!++;
    // A known join time is where presence starts: the join's day is fromDay.
    const joined = c.joinedAt[m]!;
    if (joined <= asOf && joined >= firstAt) s.joins[fromDay]!++;
    if (to <= asOf) {
      const toDay = clampDay(to);
      delta[toDay]!--;
      s.leaves[Math.min(days - 1, toDay)]!++;
    }
  }
  let running = 0;
  for (let d = 0; d < days; d++) { running += delta[d]!; s.roster[d] = running; }
  return s;
}

/** Sum of a series over local days [from, to). */
export function sumRange(a: Int32Array, from: number, to: number): number {
  let t = 0;
  for (let i = Math.max(0, from); i < Math.min(a.length, to); i++) t += a[i]!;
  return t;
}

/**
 * Whether anyone (a person or a bot) wrote in the group by as-of. A member list alone, or only
 * joins and leaves, is a roster without a conversation: there is nothing to judge its life on.
 */
export function hasMessages(s: GroupSeries): boolean {
  return s.messages.some((n) => n > 0);
}
