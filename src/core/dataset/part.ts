import type { GroupInfo, JoinMethod, Role } from '../model.js';
import type { DatasetBuilder, DraftMembership } from './builder.js';

/**
 * What a builder collected from one part of an input (a byte range of a big CSV, read by a worker
 * thread), in a form that crosses threads: plain objects and typed arrays (transferred, not
 * copied). `absorbPart` appends it to the builder that read the parts before it, with the same
 * result as if that builder had read the part itself.
 */
export interface DatasetPart {
  /** Groups by their index in the part; `info` as the part's builder holds it. */
  groups: { info: GroupInfo; hasMemberList: boolean; hasJoinEvents: boolean; identityNames: boolean }[];
  /** Members in the order the part first saw them; names oldest first, the latest last. */
  members: { group: number; key: string; names: string[]; role: Role; roleSource: number; listed: boolean; joinedAt: number | null; leftAt: number | null; joinMethod: JoinMethod | null; self: boolean }[];
  pendingInviter: [number, string][];
  memberships: DraftMembership[];
  time: Float64Array; sender: Uint32Array; flags: Uint16Array; idHash: Float64Array; textHash: Float64Array;
  replyAt: Uint32Array; replyHash: Float64Array;
  mentionMsg: Uint32Array; mentionName: string[];
}

/** The builder's collection as a part (the builder is not used afterwards). */
export function toPart(b: DatasetBuilder): DatasetPart {
  return {
    groups: b.groups.map((g) => ({ info: g.info, hasMemberList: g.hasMemberList, hasJoinEvents: g.hasJoinEvents, identityNames: g.identityNames })),
    members: b.members.map((m) => ({
      group: m.group, key: m.key, names: m.names, role: m.role, roleSource: b.roleSource[m.index]!, listed: m.listed,
      joinedAt: m.joinedAt, leftAt: m.leftAt, joinMethod: m.joinMethod, self: b.selfMembers.has(m.index),
    })),
    pendingInviter: [...b.pendingInviter],
    memberships: b.memberships,
    // Views, not copies: their buffers are transferred whole (the builder is done with them).
    time: b.time.view(), sender: b.sender.view(), flags: b.flags.view(), idHash: b.idHash.view(), textHash: b.textHash.view(),
    replyAt: Uint32Array.from(b.replyAt), replyHash: Float64Array.from(b.replyHash),
    mentionMsg: Uint32Array.from(b.mentionMsg), mentionName: b.mentionName,
  };
}

/** The typed arrays of a part, to transfer rather than copy between threads. */
export function partBuffers(p: DatasetPart): ArrayBuffer[] {
  return [p.time, p.sender, p.flags, p.idHash, p.textHash, p.replyAt, p.replyHash, p.mentionMsg].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Appends a part to `b` as if `b` had gone on reading it, under input `input`. `infoOf` gives the
 * group info the reader of the earlier parts would have used for a group id (a reader keeps the
 * info of a group's first row), or undefined for a group it has not seen.
 */
export function absorbPart(b: DatasetBuilder, p: DatasetPart, input: number, infoOf: (id: string) => GroupInfo | undefined): void {
  const groups = p.groups.map((pg) => {
    const g = b.group(infoOf(pg.info.id) ?? pg.info, input);
    g.hasMemberList ||= pg.hasMemberList;
    g.hasJoinEvents ||= pg.hasJoinEvents;
    g.identityNames ||= pg.identityNames;
    return g;
  });
  // Members in first-seen order, so new ones get the indexes sequential reading would give them.
  // Names replayed oldest first: each moves to the end of the list, as reading the rows would.
  const index = new Uint32Array(p.members.length);
  p.members.forEach((pm, i) => {
    const g = groups[pm.group]!;
    let m = b.member(g, pm.key, undefined);
    for (const name of pm.names) m = b.member(g, pm.key, name);
    b.setRole(m, pm.role, pm.roleSource);
    if (pm.listed) m.listed = true;
    if (pm.joinedAt !== null) m.joinedAt = m.joinedAt === null ? pm.joinedAt : Math.min(m.joinedAt, pm.joinedAt);
    if (pm.leftAt !== null) m.leftAt = Math.max(m.leftAt ?? 0, pm.leftAt);
    if (pm.joinMethod !== null) m.joinMethod = pm.joinMethod;
    if (pm.self) b.selfMembers.add(m.index);
    index[i] = m.index;
  });
  for (const [i, raw] of p.pendingInviter) b.pendingInviter.set(index[i]!, raw);
  for (const e of p.memberships) b.memberships.push({ ...e, group: groups[e.group]!.index, member: index[e.member]! });

  const base = b.time.length, n = p.time.length;
  for (let k = 0; k < n; k++) p.sender[k] = index[p.sender[k]!]!;
  b.time.append(p.time);
  b.sender.append(p.sender);
  b.flags.append(p.flags);
  b.input.append(new Uint16Array(n).fill(input));
  b.idHash.append(p.idHash);
  b.textHash.append(p.textHash);
  for (let k = 0; k < p.replyAt.length; k++) { b.replyAt.push(base + p.replyAt[k]!); b.replyHash.push(p.replyHash[k]!); }
  for (let k = 0; k < p.mentionMsg.length; k++) { b.mentionMsg.push(base + p.mentionMsg[k]!); b.mentionName.push(p.mentionName[k]!); }
}
