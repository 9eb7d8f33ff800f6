import type { GroupRecord, MemberRecord } from './types.js';

/** The main inviter counts as staff when they made at least this many invitations… */
export const MIN_INVITES = 3;
/** …and at least this share of the group's invitations with a known inviter. */
export const MIN_INVITE_SHARE = 0.3;

/**
 * Staff from behaviour, for a group where no source stated an owner or admin (留痕 has no role
 * column, WhatsApp and Telegram know only a creator that may be outside the export). Without staff,
 * an owner or admin who keeps posting in a dead group makes it look alive, and the owner who
 * invites most people ranks as the top spreader. Two rules, each making an admin:
 * 1. the exporting user (operators export their own groups);
 * 2. the member who made most of the group's invitations (≥ MIN_INVITES and ≥ MIN_INVITE_SHARE).
 * A role stated anywhere (`stated[m] > 0`, even "member" in a member list) is never overridden.
 */
export function inferStaff(groups: GroupRecord[], members: MemberRecord[], stated: Uint8Array, self: Iterable<number>): void {
  const selfByGroup = new Map<number, number[]>();
  for (const m of self) (selfByGroup.get(members[m]!.group) ?? selfByGroup.set(members[m]!.group, []).get(members[m]!.group)!).push(m);
  for (const g of groups) {
    if (g.members.some((m) => members[m]!.role === 'owner' || members[m]!.role === 'admin')) continue;
    const invites = new Map<number, number>();
    let total = 0;
    for (const m of g.members) {
      const by = members[m]!.invitedBy;
      if (by === null) continue;
      total++;
      invites.set(by, (invites.get(by) ?? 0) + 1);
    }
    let top = -1, most = 0;
    for (const [by, n] of invites) if (n > most || (n === most && by < top)) { top = by; most = n; }
    const inferred = selfByGroup.get(g.index) ?? [];
    if (top >= 0 && most >= MIN_INVITES && most >= MIN_INVITE_SHARE * total) inferred.push(top);
    for (const idx of inferred) {
      const m = members[idx]!;
      if (stated[idx]! > 0 || m.role !== 'member') continue;
      m.role = 'admin';
      m.roleInferred = true;
    }
  }
}
