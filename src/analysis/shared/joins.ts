import type { MemberRecord } from '../../core/dataset/types.js';

/**
 * Is the member's inviter known (a member of the data, or an inviter named but not found in it)?
 * Self-invites do not count. The same rule builds the invite forest (fission/tree.ts).
 */
export function hasInviter(r: MemberRecord): boolean {
  if (r.invitedBy !== null && r.invitedBy !== r.index) return true;
  return r.inviterRaw !== null && r.inviterRaw !== r.key && !r.names.includes(r.inviterRaw);
}

/** The group's creator: an owner nobody invited. They did not join the group, they made it. */
export function isCreator(r: MemberRecord): boolean {
  return r.role === 'owner' && !hasInviter(r);
}

/**
 * Did the member join the group by as-of? A known join time at or before as-of, and not the
 * creator. Every count of joins (fission totals and months, newcomers, cohorts) uses this rule.
 */
export function joinedBy(r: MemberRecord, asOf: number): r is MemberRecord & { joinedAt: number } {
  return r.joinedAt !== null && r.joinedAt <= asOf && !isCreator(r);
}
