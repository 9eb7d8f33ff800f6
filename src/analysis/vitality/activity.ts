import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { isSystemKind } from '../shared/kinds.js';
import { memberColumns, ROLE } from '../shared/member-columns.js';
import { memberSlots } from '../shared/slots.js';
import type { GroupSeries } from '../shared/series.js';

/** The facts the vitality verdict is drawn from, gathered in one pass over the group's messages. */
export interface ActivityFacts {
  /** Last member-activity message at or before as-of, or null when members never spoke. */
  lastMemberAt: number | null;
  /** Posts by others in the trailing window: staff (human), bots, and spam (anyone's). */
  staffPosts: number;
  botPosts: number;
  spamPosts: number;
  /**
   * Of the staff posts in the window, how many drew an answer from another person (a member, or
   * another owner/admin). Evidence only: it does not change the verdict. In a dead group no member
   * wrote, so any answer came from staff, and the owner and an admin talking to each other is still
   * only staff posting — a zombie (see vitality/index.ts).
   */
  staffAnswered: number;
  /** Distinct members with member activity in the trailing "recent" window. */
  recentActiveMembers: number;
}

export function activityFacts(ds: Dataset, g: GroupRecord, asOf: number, postsSince: number, recentSince: number): ActivityFacts {
  const { time, flags, sender, responseTo } = ds.messages;
  const f: ActivityFacts = { lastMemberAt: null, staffPosts: 0, botPosts: 0, spamPosts: 0, staffAnswered: 0, recentActiveMembers: 0 };
  // Distinct recent members as marks by slot, and answered posts as marks by message offset:
  // Sets updated once per message cost more than the rest of the pass.
  const slots = memberSlots(ds, g), role = memberColumns(ds).role;
  const recent = new Uint8Array(g.members.length);
  const answered = new Uint8Array(g.msgEnd - g.msgStart);
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const t = time[j]!;
    if (t > asOf) break;
    const fl = flags[j]!;
    if (fl & FLAG.member) {
      f.lastMemberAt = t;
      const who = slots[sender[j]!]!;
      if (t > recentSince && !recent[who]) { recent[who] = 1; f.recentActiveMembers++; }
    }
    if (t <= postsSince) continue;
    if (isSystemKind(fl)) continue;
    if (fl & FLAG.spam) f.spamPosts++;
    else if (fl & FLAG.staff) f.staffPosts++;
    else if (role[sender[j]!] === ROLE.bot) f.botPosts++;
    // A staff post answered by another person (staff to staff included): reported, not judged.
    const to = responseTo[j]!;
    if (to >= 0 && flags[to]! & FLAG.staff && sender[to] !== sender[j] && fl & FLAG.human && !answered[to - g.msgStart]) {
      answered[to - g.msgStart] = 1;
      f.staffAnswered++;
    }
  }
  return f;
}

/**
 * Member messages over the trailing `days`-day window ending on the as-of day, and the peak of the
 * same rolling sum over the whole history (with the local day it ended).
 */
export function rollingPeak(s: GroupSeries, days: number): { recent: number; peak: number; peakDay: number } {
  let sum = 0, peak = 0, peakDay = 0;
  for (let d = 0; d < s.days; d++) {
    sum += s.member[d]!;
    if (d >= days) sum -= s.member[d - days]!;
    if (sum > peak) { peak = sum; peakDay = d; }
  }
  return { recent: sum, peak, peakDay };
}
