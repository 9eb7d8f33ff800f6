import type { DraftMembership } from './builder.js';
import type { MemberRecord } from './types.js';

/**
 * Inviters and removers whom nothing else in the export shows: an admin who adds people and never
 * posts ("Zed added Bob", Telegram's invite_members by an actor who never writes). Whoever invites
 * or removes someone is in the group, so each becomes a member (keyed as the line names them, with
 * the name the source gave beside an id) instead of the invitation losing its inviter — the
 * cascades, K and spreaders would otherwise start one step too late. Appended to `members`;
 * returns the lookup for them by (group, key or name), in final member indexes.
 */
export function addUnseenInviters(
  memberships: readonly DraftMembership[],
  members: MemberRecord[],
  find: (group: number, keyOrName: string) => number | null,
): (group: number, keyOrName: string) => number | null {
  const added = new Map<string, number>();
  const keyOf = (group: number, raw: string) => `${group}\u0000${raw}`;
  for (const e of memberships) {
    if (e.by === null || find(e.group, e.by) !== null) continue;
    const k = keyOf(e.group, e.by);
    const had = added.get(k);
    if (had !== undefined) { members[had]!.actedAt = Math.min(members[had]!.actedAt!, e.time); continue; }
    const index = members.length;
    members.push({
      index, group: e.group, key: e.by, names: [e.byName ?? e.by], role: 'member', joinedAt: null, leftAt: null,
      invitedBy: null, inviterRaw: null, joinMethod: null, listed: false, firstMessageAt: null, lastMessageAt: null,
      messages: 0, spamMessages: 0, spammer: false, actedAt: e.time,
    });
    added.set(k, index);
    // Its name finds it too (a later line may name by display name whom an earlier one named by id).
    if (e.byName && !added.has(keyOf(e.group, e.byName))) added.set(keyOf(e.group, e.byName), index);
  }
  return (group, raw) => find(group, raw) ?? added.get(keyOf(group, raw)) ?? null;
}
