import type { DatasetBuilder } from './builder.js';
import type { MemberRecord } from './types.js';

/**
 * System lines name people by display name ("张三"邀请"李四"加入了群聊) while messages and member
 * lists key them by id (wxid_…). A member known only by a name that exactly one id-keyed member of
 * the same group has carried is the same person: merge them. Returns the new member list
 * (renumbered), the old-index → new-index map, and each group's names (see namesOf).
 */
export function resolveMembers(b: DatasetBuilder): { remap: Int32Array; members: MemberRecord[]; names: Map<string, number | null>[] } {
  const into = new Int32Array(b.members.length).map((_, i) => i);
  const names: Map<string, number | null>[] = [];
  for (const g of b.groups) {
    const byName = new Map<string, number[]>();
    for (const idx of g.keys.values()) {
      const m = b.members[idx]!;
      for (const name of m.names) if (name !== m.key) (byName.get(name) ?? byName.set(name, []).get(name)!).push(idx);
    }
    for (const idx of g.keys.values()) {
      const m = b.members[idx]!;
      if (m.names.length > 1 || (m.names.length === 1 && m.names[0] !== m.key)) continue;
      const owners = byName.get(m.key);
      if (owners?.length === 1 && owners[0] !== idx) into[idx] = owners[0]!;
    }
    // Indexed now, while the group's members are in the cache: later, a name lookup in each group
    // reads every member again, a cache miss each.
    names[g.index] = namesOf(b, g, into);
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

/**
 * Each display name that members of the group have had → the member who had it (as the builder
 * index of the member it was merged into), or null when several members had it.
 */
function namesOf(b: DatasetBuilder, g: DatasetBuilder['groups'][number], into: Int32Array): Map<string, number | null> {
  const names = new Map<string, number | null>();
  for (const idx of g.keys.values()) {
    const to = into[idx]!;
    for (const name of b.members[idx]!.names) {
      const had = names.get(name);
      if (had === undefined) names.set(name, to);
      else if (had !== null && had !== to) names.set(name, null);
    }
  }
  return names;
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
