import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import type { Zone } from '../../core/time.js';
import { memberColumns, ROLE } from '../shared/member-columns.js';
import type { GroupSeries } from '../shared/series.js';

/** The thresholds of the start test (a subset of the lifecycle options). */
export interface StartOptions {
  startDays: number;
  freshShare: number;
  freshActive: number;
  /** Under this many days of data the start cannot be judged: the group counts as new. */
  shortDays: number;
}

/**
 * Does the data show the group's beginning? Inception is only possible when it does: an export
 * that starts mid-life (busy from day one, many people there from the start) begins in whatever
 * phase its numbers say.
 *
 * - `short`: too little data to compare (two weeks with join times; with messages only, as long as
 *   a group counts as young): the old rule (young = inception) holds.
 * - With join times (a member list that has some, or join events): the people already there at
 *   the start without a known join (listed without a join time, or posting in the first
 *   `startDays` without a join event) against the roster after `startDays`. A new group is built
 *   from joins (even a crowd invited on day one has join events); a group whose export starts
 *   mid-life is full of people nobody saw join (`crowd-at-start` vs `roster-from-few`).
 * - Messages only (the roster is the people seen so far, so it always starts at zero): distinct
 *   members active in the first week against the busiest later week of the first three months. A
 *   new group has few members at first and more later (`active-from-few`); an old one is as busy
 *   in its first week as later (`busy-from-day-one`).
 */
export interface Start {
  fresh: boolean;
  sign: 'short' | 'roster-from-few' | 'crowd-at-start' | 'active-from-few' | 'busy-from-day-one';
  /** The compared numbers: people at the start / later (`first` / `later`). */
  first: number;
  later: number;
  /**
   * The roster the lifecycle reads. When the group is not fresh, members found in the first
   * `startDays` without a known join count from day 0: they were there before the data began, and
   * finding them is not growth.
   */
  roster: Int32Array;
}

const WEEK = 7;
/** Later weeks compared with the first (messages only). */
const LATER_DAYS = 91;
/** With join times, two weeks are enough to judge the start. */
export const START_MIN_DAYS = 14;

export function groupStart(ds: Dataset, g: GroupRecord, s: GroupSeries, zone: Zone, asOf: number, o: StartOptions): Start {
  const k = Math.max(0, Math.min(o.startDays, s.days - 1));
  const dayOf = (t: number) => zone.dayIndex(t) - s.day0;
  // People present at the start without a known join, by the day they were first seen.
  const unknownByDay = new Int32Array(k + 1);
  let listedUnknown = 0, listedKnown = 0;
  const c = memberColumns(ds);
  for (const m of g.members) {
    const joinKnown = !Number.isNaN(c.joinedAt[m]!);
    // A join that counts as one (not the creator's), as for the roster (member-columns presentBefore).
    if (c.listed[m] && !Number.isNaN(c.joined[m]!)) listedKnown++;
    if (joinKnown || c.role[m] === ROLE.owner || c.role[m] === ROLE.bot) continue;
    if (c.listed[m]) { listedUnknown++; continue; }
    const firstMessageAt = c.firstMessageAt[m]!;
    if (Number.isNaN(firstMessageAt) || firstMessageAt > asOf) continue;
    const d = dayOf(firstMessageAt);
    if (d >= 0 && d <= k) unknownByDay[d]!++;
  }
  let unknownEarly = 0;
  for (let d = 0; d <= k; d++) unknownEarly += unknownByDay[d]!;
  // Any join time in a list: those without one were there before it (a list where only newcomers
  // have one is a mid-life export; it was judged on first messages when under half had one).
  const joinInfo = g.hasJoinEvents || (g.hasMemberList && listedKnown > 0);

  let fresh: boolean, sign: Start['sign'], first: number, later: number;
  if (s.days < o.shortDays) {
    fresh = true; sign = 'short'; first = 0; later = 0;
  } else if (joinInfo) {
    first = listedUnknown + unknownEarly;
    later = s.roster[k]!;
    fresh = first <= o.freshShare * later;
    sign = fresh ? 'roster-from-few' : 'crowd-at-start';
  } else {
    ({ first, later } = activeWeeks(ds, g, s));
    fresh = first <= o.freshActive * later;
    sign = fresh ? 'active-from-few' : 'busy-from-day-one';
  }

  const roster = Int32Array.from(s.roster);
  if (!fresh) {
    let seen = 0;
    for (let d = 0; d < k; d++) { seen += unknownByDay[d]!; roster[d]! += unknownEarly - seen; }
  }
  return { fresh, sign, first, later, roster };
}

/** Distinct members active in the first week, and in the busiest 7-day window after it (first three months). */
function activeWeeks(ds: Dataset, g: GroupRecord, s: GroupSeries): { first: number; later: number } {
  const { flags, sender, day } = ds.messages;
  const span = Math.min(s.days, LATER_DAYS);
  const senders: number[][] = Array.from({ length: span }, () => []);
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const d = day[j]! - s.day0;
    if (d < 0) continue;
    if (d >= span) break;
    if (flags[j]! & FLAG.member) senders[d]!.push(sender[j]!);
  }
  const distinct = (a: number, b: number) => {
    const set = new Set<number>();
    for (let d = a; d < b; d++) for (const x of senders[d]!) set.add(x);
    return set.size;
  };
  const first = distinct(0, WEEK);
  let later = 0;
  for (let a = WEEK; a + WEEK <= span; a++) later = Math.max(later, distinct(a, a + WEEK));
  return { first, later };
}
