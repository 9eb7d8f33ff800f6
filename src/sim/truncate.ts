/**
 * An export that starts mid-life (eval variant `--truncate-days N`): the first N days of a group's
 * history are not in the files. Messages and system rows before the cut are dropped; members who
 * left before it are not listed; members who joined before it are listed without a join time or
 * an inviter (the export does not know them). Truth is redrawn from the cut: the timeline starts
 * there, K and the spreaders are what the remaining rows can show.
 */
import { DAY, isoLocal } from './clock.js';
import { memberRow, messageRow, type MemberRow, type MessageRow } from './csv.js';
import type { Roster } from './roster.js';
import { kFactor30, type GroupTruth } from './truth.js';
import type { SimMessage } from './types.js';

/** A group with less than this many days left after the cut is left out of the output. */
export const MIN_DAYS_AFTER_CUT = 14;

export interface Truncated {
  messages: MessageRow[];
  members: MemberRow[];
  truth: GroupTruth;
}

/** The cut instant for a group (local midnight N days after its creation day), or null when nothing is left. */
export function cutFor(roster: Roster, days: number, asOf: number): number | null {
  const cut = roster.day0 + days * DAY;
  return cut > asOf - MIN_DAYS_AFTER_CUT * DAY ? null : cut;
}

export function truncateGroup(
  group: { id: string; name: string }, roster: Roster, kept: readonly SimMessage[], truth: GroupTruth, cut: number, asOf: number,
): Truncated {
  const messages = kept.map((m) => {
    const row = messageRow(group, m);
    if (m.replyTo && m.replyTo.t < cut) row.reply_to = '';
    return row;
  });
  const listed = roster.members.filter((m) => m.leftAt === null || m.leftAt >= cut);
  const members = listed.map((m) => {
    const row = memberRow(group.id, m);
    if (m.joinedAt < cut) { row.joined_at = ''; row.invited_by = ''; }
    return row;
  });
  const timeline = truth.timeline.filter((s) => Date.parse(s.end) > cut);
  timeline[0] = { ...timeline[0]!, start: isoLocal(cut) };
  const invitees = new Map<string, number>();
  for (const m of listed) if (m.invitedBy && m.joinedAt >= cut) invitees.set(m.invitedBy.id, (invitees.get(m.invitedBy.id) ?? 0) + 1);
  return {
    messages, members,
    truth: {
      ...truth,
      createdAt: isoLocal(cut),
      timeline,
      spreaders: truth.spreaders.filter((id) => (invitees.get(id) ?? 0) >= 2),
      kFactor30: kFactor30(listed.map((m) => ({
        joinedAt: Math.max(m.joinedAt, cut), leftAt: m.leftAt, invitedBy: m.joinedAt >= cut ? m.invitedBy?.id ?? '' : '',
      })), asOf),
      memberCount: listed.length,
      messageCount: kept.length,
    },
  };
}
