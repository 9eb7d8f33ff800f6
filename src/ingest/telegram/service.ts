import type { GroupInfo, IngestEvent, MembershipEvent } from '../../core/model.js';
import type { TgMessage } from './message.js';

/**
 * A membership event whose member or inviter may still be a display name: `invite_members`,
 * `remove_members` and `inviter` give names, not ids. They are held until the chat ends and then
 * resolved through the name → `from_id` pairs seen in that chat (membership events are few).
 */
export interface PendingMembership { ev: MembershipEvent; memberIsName: boolean; byIsName: boolean }

/** Turn one service message into events; returns false when it is not a membership/meta action. */
export function serviceEvents(
  m: TgMessage, group: GroupInfo, time: number, id: string | undefined,
  pending: PendingMembership[], out: IngestEvent[],
): boolean {
  const actorId = m.actor_id || m.actor || undefined;
  const actorName = m.actor || undefined;
  const members = (m.members ?? []).filter((x): x is string => typeof x === 'string' && x !== '');
  const push = (action: MembershipEvent['action'], member: { id: string; name?: string; isName: boolean }, by?: { v: string; isName: boolean; name?: string }, method?: MembershipEvent['method']) => {
    const ev: MembershipEvent = { type: 'membership', group, time, action, memberId: member.id };
    if (member.name !== undefined) ev.memberName = member.name;
    if (by) { ev.by = by.v; if (by.name !== undefined) ev.byName = by.name; }
    if (method) ev.method = method;
    // Several events can come from one service message (one per member): keep ids distinct.
    if (id !== undefined) ev.id = members.length > 1 ? `${id}:${member.id}` : id;
    pending.push({ ev, memberIsName: member.isName, byIsName: by?.isName ?? false });
  };
  const actor = actorId === undefined ? undefined : { id: actorId, name: actorName, isName: !m.actor_id };
  // The actor's name beside its id: an inviter who never writes is known by it.
  const actorBy = actorId === undefined ? undefined : { v: actorId, isName: !m.actor_id, ...(m.actor_id && actorName ? { name: actorName } : {}) };
  switch (m.action) {
    case 'invite_members':
      for (const name of members) {
        // Somebody "inviting" themselves is how a join without an inviter (public group) is written.
        if (name === actorName) { if (actor) push('join', actor, undefined, 'unknown'); }
        else push('join', { id: name, name, isName: true }, actorBy, 'invite');
      }
      return true;
    case 'join_group_by_link': {
      if (!actor) return true;
      // The inviter is often the group itself (a link without a member behind it), by its name or
      // as the word "Group", which tdesktop writes for it.
      const by = m.inviter && m.inviter !== group.name && m.inviter !== 'Group' ? { v: m.inviter, isName: true } : undefined;
      push('join', actor, by, 'link');
      return true;
    }
    case 'join_group_by_request':
      if (actor) push('join', actor, undefined, 'unknown');
      return true;
    case 'remove_members':
      for (const name of members) {
        if (name === actorName && actor) push('leave', actor);
        else push('remove', { id: name, name, isName: true }, actorBy);
      }
      return true;
    case 'create_group': case 'create_channel':
      if (actor) {
        out.push({ type: 'group', group, roles: [{ memberId: actor.id, ...(actorName ? { name: actorName } : {}), role: 'owner' }] });
        push('join', actor, undefined, 'unknown');
      }
      for (const name of members) if (name !== actorName) push('join', { id: name, name, isName: true }, actorBy, 'invite');
      return true;
    default:
      return false;
  }
}

/** Replace names by ids where the chat showed exactly one id for that name. */
export function resolvePending(pending: PendingMembership[], ids: Map<string, string | null>): MembershipEvent[] {
  const look = (name: string) => ids.get(name) ?? name;
  return pending.map(({ ev, memberIsName, byIsName }) => {
    if (memberIsName) ev.memberId = look(ev.memberId);
    if (byIsName && ev.by !== undefined) ev.by = look(ev.by);
    return ev;
  });
}
