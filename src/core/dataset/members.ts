import type { DatasetBuilder } from './builder.js';
import type { MemberRecord } from './types.js';

/**
 * System lines name people by display name ("张三"邀请"李四"加入了群聊) while messages and member
 * lists key them by id (wxid_…). A member known only by a name that exactly one id-keyed member of
 * the same group has carried is the same person: merge them. Returns the new member list
 * (renumbered), the old-index → new-index map, and each group's names (see below).
 *
 * The members are read once, in index order (the order they were made in, so their records are
 * read from memory in order too): walking each group's members jumps across all of them, a cache
 * miss per record, and that was most of the cost with 100 k+ members.
 */
export function resolveMembers(b: DatasetBuilder): { remap: Int32Array; members: MemberRecord[]; names: Map<string, number | null>[] } {
  const into = new Int32Array(b.members.length).map((_, i) => i);
  // Per group, each display name → the member who had it, or null when several did (a member's
  // names are distinct). `owner` counts only names other than the member's own key: the names
  // a ghost's key is looked up among (-1: several members had it).
  const names = b.groups.map(() => new Map<string, number | null>());
  const owner = b.groups.map(() => new Map<string, number>());
  // Members known by nothing but their key, who may be ghosts: names [] or [key].
  const ghosts: number[] = [];
  for (const m of b.members) {
    const byName = names[m.group]!, byOther = owner[m.group]!;
    if (m.names.length === 0 || (m.names.length === 1 && m.names[0] === m.key)) ghosts.push(m.index);
    for (const name of m.names) {
      const had = byName.get(name);
      if (had === undefined) byName.set(name, m.index);
      else if (had !== null) byName.set(name, null);
      if (name === m.key) continue;
      byOther.set(name, byOther.has(name) ? -1 : m.index);
    }
  }
  for (const idx of ghosts) {
    const m = b.members[idx]!;
    const to = owner[m.group]!.get(m.key);
    if (to === undefined || to < 0) continue;
    into[idx] = to;
    // The members who had the name m.key are its owner and (when it has a name) m itself, which is
    // the owner now.
    names[m.group]!.set(m.key, to);
  }
  for (let i = 0; i < into.length; i++) if (into[i] !== i) merge(b, b.members[into[i]!]!, b.members[i]!);

  const remap = new Int32Array(b.members.length);
  const members: MemberRecord[] = [];
  for (const m of b.members) {
    if (into[m.index] !== m.index) continue;
    remap[m.index] = members.length;
    members.push(m);
  }
  for (let i = 0; i < into.length; i++) if (into[i] !== i) remap[i] = remap[into[i]!]!;
  // Pending inviters keep builder indexes; renumber members last.
  members.forEach((m, i) => { m.index = i; });
  return { remap, members, names };
}

function merge(b: DatasetBuilder, keep: MemberRecord, ghost: MemberRecord): void {
  keep.listed ||= ghost.listed;
  if (b.roleSource[ghost.index]! > b.roleSource[keep.index]!) {
    keep.role = ghost.role;
    b.roleSource[keep.index] = b.roleSource[ghost.index]!;
  }
  if (ghost.joinedAt !== null) keep.joinedAt = keep.joinedAt === null ? ghost.joinedAt : Math.min(keep.joinedAt, ghost.joinedAt);
  if (ghost.leftAt !== null) keep.leftAt = Math.max(keep.leftAt ?? 0, ghost.leftAt);
  const inviter = b.pendingInviter.get(ghost.index);
  if (inviter !== undefined && !b.pendingInviter.has(keep.index)) b.pendingInviter.set(keep.index, inviter);
  b.pendingInviter.delete(ghost.index);
}
