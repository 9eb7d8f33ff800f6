/**
 * The planted truth of a group, as the evaluator will read it. Facts that depend on chance
 * (K, the peak slot, the last member message) are computed from the generated rows themselves.
 */
import { DAY, isoLocal, slotOf } from './clock.js';
import { isMemberActivity } from './specials.js';
import type { Roster } from './roster.js';
import type { Kind, Phase, Plan, SimMember, SimMessage, WindowStatus } from './types.js';

/** Per-group truth. Member ids refer to members.csv. */
export interface GroupTruth {
  groupId: string;
  groupName: string;
  kind: Kind;
  asOf: string;
  createdAt: string;
  phase: Phase;
  /** Planted phases from creation to asOf, consecutive, `end` of one = `start` of the next. */
  timeline: { phase: Phase; start: string; end: string }[];
  /** No member activity in the 30 days before asOf. */
  dead: boolean;
  /** Dead, while the owner/admins/bot (or spammers) keep posting unanswered. */
  zombie: boolean;
  lackingSelfDrive: boolean;
  /** Planted seed users; empty where none were planted (young, small, dead, owner-driven groups). */
  seedUsers: string[];
  /** Spammers, one-day bursts and heavy posters who left: must not rank as seed users. */
  distractors: string[];
  /** Weekday (ISO, Monday = 1) and hour in Asia/Shanghai with the most member messages. */
  peakSlot: { weekday: number; hour: number };
  windowStatus: WindowStatus;
  /** When late growth began (the window opened) / decline began (it closed); null if never. */
  windowOpenedAt: string | null;
  windowClosedAt: string | null;
  /** Planted real spreaders (non-staff): several invitees who stay and talk. */
  spreaders: string[];
  /** Invite many in a day; most of those leave within a week. */
  fakeSpreaders: string[];
  /** See kFactor30() for the exact formula. */
  kFactor30: number;
  /** Last member-activity message, or null if there never was one. */
  lastMemberMessageAt: string | null;
  memberCount: number;
  messageCount: number;
}

export interface Truth {
  seed: number;
  asOf: string;
  timeZone: 'Asia/Shanghai';
  groups: GroupTruth[];
}

/** Minimal member row for recomputing K from members.csv. */
export interface KMember {
  joinedAt: number;
  leftAt: number | null;
  invitedBy: string;
}

/**
 * K = (invited rows / all rows) × (share of invitees that joined at least 30 days before asOf
 * and were still in the group 30 days after joining). All member rows count, staff and bots too.
 * 0 when no invitee is old enough to judge. Rounded to 4 decimals.
 */
export function kFactor30(members: readonly KMember[], asOf: number): number {
  if (members.length === 0) return 0;
  const invited = members.filter((m) => m.invitedBy !== '');
  const judged = invited.filter((m) => m.joinedAt <= asOf - 30 * DAY);
  if (judged.length === 0) return 0;
  const stayed = judged.filter((m) => m.leftAt === null || m.leftAt - m.joinedAt >= 30 * DAY).length;
  return Math.round((invited.length / members.length) * (stayed / judged.length) * 10_000) / 10_000;
}

const WINDOW: Record<Kind, WindowStatus> = {
  inception: 'upcoming', growth: 'upcoming', revived: 'upcoming',
  'late-growth': 'open', maturity: 'open', 'owner-driven': 'open',
  'slow-decline': 'closed', 'sudden-decline': 'closed', dead: 'closed', zombie: 'closed',
};

export function groupTruth(
  ids: { groupId: string; groupName: string }, plan: Plan, roster: Roster, messages: SimMessage[], asOf: number,
): GroupTruth {
  const day = (d: number) => roster.day0 + d * DAY;
  const merged: { phase: Phase; start: number; end: number }[] = [];
  for (const s of plan.segments) {
    const prev = merged[merged.length - 1];
    if (prev && prev.phase === s.phase) prev.end = Math.min(day(s.endDay), asOf);
    else merged.push({ phase: s.phase, start: merged.length === 0 ? roster.createdAt : day(s.startDay), end: Math.min(day(s.endDay), asOf) });
  }
  merged[merged.length - 1]!.end = asOf;

  const counts = new Array<number>(168).fill(0);
  let last = -Infinity;
  for (const m of messages) {
    if (!isMemberActivity(m)) continue;
    counts[slotOf(m.t)]!++;
    last = Math.max(last, m.t);
  }
  const peak = counts.indexOf(Math.max(...counts));
  const dead = last < asOf - 30 * DAY;
  const kinds = (pred: (m: SimMember) => boolean) => roster.members.filter(pred).map((m) => m.id);
  const k = kFactor30(roster.members.map((m) => ({ joinedAt: m.joinedAt, leftAt: m.leftAt, invitedBy: m.invitedBy?.id ?? '' })), asOf);
  return {
    ...ids,
    kind: plan.kind,
    asOf: isoLocal(asOf),
    createdAt: isoLocal(roster.createdAt),
    phase: merged[merged.length - 1]!.phase,
    timeline: merged.map((s) => ({ phase: s.phase, start: isoLocal(s.start), end: isoLocal(s.end) })),
    dead,
    zombie: plan.kind === 'zombie',
    lackingSelfDrive: plan.ownerDriven || plan.kind === 'zombie',
    seedUsers: kinds((m) => m.tag === 'seed'),
    distractors: kinds((m) => m.tag === 'spammer' || m.tag === 'burst' || m.tag === 'heavy-left'),
    peakSlot: { weekday: Math.floor(peak / 24) + 1, hour: peak % 24 },
    windowStatus: WINDOW[plan.kind],
    windowOpenedAt: plan.windowOpenDay >= 0 ? isoLocal(day(plan.windowOpenDay)) : null,
    windowClosedAt: plan.windowCloseDay >= 0 ? isoLocal(day(plan.windowCloseDay)) : null,
    spreaders: kinds((m) => m.spreader),
    fakeSpreaders: kinds((m) => m.tag === 'fake-spreader'),
    kFactor30: k,
    lastMemberMessageAt: Number.isFinite(last) ? isoLocal(last) : null,
    memberCount: roster.members.length,
    messageCount: messages.length,
  };
}
