import type { DraftMembership } from './builder.js';
import type { MemberRecord } from './types.js';

/** What addUnseenInviters needs to know of a group and its names. */
export interface InviterLookup {
  find: (group: number, keyOrName: string) => number | null;
  /** The group keys its members by display name (WhatsApp, LINE…), not by platform id. */
  namesAreKeys: (group: number) => boolean;
  /** Several members of the group have had this name. */
  ambiguous: (group: number, name: string) => boolean;
}

/**
 * Inviters and removers whom nothing else in the export shows: an admin who adds people and never
 * posts ("Zed added Bob", Telegram's invite_members by an actor who never writes). Whoever invites
 * or removes someone is in the group, so each becomes a member instead of the invitation losing its
 * inviter (the cascades, K and the spreaders would start one step too late): keyed as the line names
 * them where names are the keys, or by the id a source gave with the name beside it (Telegram's
 * actor_id). Not for a name that several members had, nor for a bare name in a group keyed by ids
 * (QQ, WeChat: a nickname the headers never used would be a second person). Every inviter and
 * remover, new or known, is dated by their first such act (`actedAt`): it places in the roster one
 * whom nothing else dates. Appended to `members`; returns the lookup that finds the new ones too.
 */
export function addUnseenInviters(memberships: readonly DraftMembership[], members: MemberRecord[], look: InviterLookup): (group: number, keyOrName: string) => number | null {
  const added = new Map<string, number>();
  const keyOf = (group: number, raw: string) => `${group}\u0000${raw}`;
  const find = (group: number, raw: string) => look.find(group, raw) ?? added.get(keyOf(group, raw)) ?? null;
  for (const e of memberships) {
    if (e.by === null) continue;
    let idx = find(e.group, e.by);
    if (idx === null) {
      const byId = e.byName !== undefined;
      if (!byId && (!look.namesAreKeys(e.group) || look.ambiguous(e.group, e.by))) continue;
      idx = members.length;
      members.push({
        index: idx, group: e.group, key: e.by, names: [e.byName ?? e.by], role: 'member', joinedAt: null, leftAt: null,
        invitedBy: null, inviterRaw: null, joinMethod: null, listed: false, firstMessageAt: null, lastMessageAt: null,
        messages: 0, spamMessages: 0, spammer: false,
      });
      added.set(keyOf(e.group, e.by), idx);
      // Its name finds it too (a later line may name by display name whom an earlier one named by id).
      if (byId && !look.ambiguous(e.group, e.byName!) && look.find(e.group, e.byName!) === null) added.set(keyOf(e.group, e.byName!), idx);
    }
    const m = members[idx]!;
    m.actedAt = m.actedAt === undefined ? e.time : Math.min(m.actedAt, e.time);
  }
  return find;
}
