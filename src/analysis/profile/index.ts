import { z } from 'zod';
import { FLAG, type GroupRecord } from '../../core/dataset/types.js';
import { dayToDate, iso } from '../../core/time.js';
import type { AnalysisContext } from '../types.js';
import { isSystemKind } from '../shared/kinds.js';
import { sumRange } from '../shared/series.js';
import { memberSlots } from '../shared/slots.js';

export const weekSchema = z.object({
  weekStart: z.string().describe('Monday of the week, YYYY-MM-DD, in the report time zone'),
  messages: z.number().int(),
  activeMembers: z.number().int().describe('distinct members (not owner/admins) with member activity'),
  memberMessages: z.number().int().optional().describe('member-activity messages (not owner/admins, bots or spam): what the table\'s weekly line draws'),
  joins: z.number().int(),
  leaves: z.number().int(),
  roster: z.number().int().describe('members in the group at the end of the week'),
  days: z.number().int().min(1).max(7).optional().describe('days of the week inside the analysed span (first activity to as-of): under 7 for a partial first or last week'),
});

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  platform: z.string(),
  identity: z.enum(['ids', 'names']).describe('how the export keys members: platform ids, or display names only'),
  firstActivityAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  members: z.object({
    total: z.number().int().describe('roster at as-of'),
    active30d: z.number().int().describe('distinct members (not owner/admins) with member activity in the last 30 local days, as-of day included'),
    joined30d: z.number().int(),
    left30d: z.number().int(),
  }).passthrough(),
  messages: z.object({
    total: z.number().int().describe('messages from people and bots'),
    system: z.number().int().describe('system events: joins, leaves, recalls, renames'),
    last30d: z.number().int(),
  }),
  activity: z.object({ weekly: z.array(weekSchema) }),
});
export type GroupProfile = z.output<typeof profileSchema>;

/** The descriptive part of a group's report (issue 2): sizes, counts and the weekly series. */
export function profileGroup(g: GroupRecord, ctx: AnalysisContext): GroupProfile {
  const ds = ctx.dataset;
  const s = ctx.series(g);
  const asOfDay = s.days - 1;
  const from30 = asOfDay - 29;
  const { time, flags, sender, day } = ds.messages;
  // One pass over the messages up to as-of, week by week: system events, members active in the
  // last 30 days, members active each week. Members are marked by slot (a Set and a Map updated
  // per message took most of the time).
  let end = g.msgStart;
  while (end < g.msgEnd && time[end]! <= ctx.asOf) end++;
  const slots = memberSlots(ds, g);
  let system = 0;
  // Active members: member activity (not the owner or admins) on the same 30 local days as
  // `last30d` and `joined30d`, as-of day included.
  const active30 = new Uint8Array(g.members.length);
  let active30d = 0;
  const firstDay30 = s.day0 + from30;
  /** Counts message j towards the totals; its sender's slot when it is member activity, else -1. */
  const tally = (j: number): number => {
    const f = flags[j]!;
    if (isSystemKind(f)) system++;
    if (!(f & FLAG.member)) return -1;
    const who = slots[sender[j]!]!;
    if (day[j]! >= firstDay30 && !active30[who]) { active30[who] = 1; active30d++; }
    return who;
  };

  const weekly: GroupProfile['activity']['weekly'] = [];
  const firstMonday = s.day0 - (((s.day0 + 3) % 7) + 7) % 7;
  /** The week (its Monday) each member was last counted active in, by slot. */
  const lastSeen = new Float64Array(g.members.length).fill(NaN);
  let j = g.msgStart;
  for (let w = firstMonday; w < s.day0 + s.days; w += 7) {
    const a = w - s.day0, b = a + 7;
    let active = 0;
    for (; j < end && day[j]! < w + 7; j++) {
      const who = tally(j);
      if (who >= 0 && lastSeen[who] !== w) { lastSeen[who] = w; active++; }
    }
    weekly.push({
      weekStart: dayToDate(w),
      messages: sumRange(s.messages, a, b),
      activeMembers: active,
      memberMessages: sumRange(s.member, a, b),
      joins: sumRange(s.joins, a, b),
      leaves: sumRange(s.leaves, a, b),
      roster: s.roster[Math.min(s.days - 1, b - 1)]!,
      // The first and last weeks are usually cut by the first activity and by as-of.
      days: Math.min(b, s.days) - Math.max(a, 0),
    });
  }
  // Messages dated past the last week (only if the day column ran ahead of as-of) count all the same.
  for (; j < end; j++) tally(j);
  system += g.events.filter((e) => e.time <= ctx.asOf).length;
  return {
    id: g.id, name: g.name, platform: g.platform, identity: g.identity,
    // A member list's join times date a group nobody wrote in, as events do (found by the fourth independent simulator).
    firstActivityAt: s.dated ? iso(s.firstAt) : null,
    lastActivityAt: s.dated ? iso(s.lastAt) : null,
    members: {
      total: s.roster[asOfDay]!,
      active30d,
      joined30d: sumRange(s.joins, from30, asOfDay + 1),
      left30d: sumRange(s.leaves, from30, asOfDay + 1),
    },
    messages: { total: sumRange(s.messages, 0, s.days), system, last30d: sumRange(s.messages, from30, asOfDay + 1) },
    activity: { weekly },
  };
}
