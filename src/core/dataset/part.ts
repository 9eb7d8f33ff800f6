import { ROLES, type GroupInfo, type JoinMethod } from '../model.js';
import type { DatasetBuilder, DraftMembership } from './builder.js';

/**
 * Strings packed for crossing threads: one string and the length of each. Structured cloning
 * 100 k small member objects cost the receiving thread 0.2–0.4 s; one string and a typed array
 * cost a memcpy.
 */
export interface PackedStrings { text: string; lengths: Uint32Array }

export function packStrings(strings: readonly string[]): PackedStrings {
  return { text: strings.join(''), lengths: Uint32Array.from(strings, (s) => s.length) };
}

export function unpackStrings(p: PackedStrings): string[] {
  const out = new Array<string>(p.lengths.length);
  for (let i = 0, at = 0; i < out.length; i++) { const n = p.lengths[i]!; out[i] = p.text.slice(at, at + n); at += n; }
  return out;
}

const JOIN_METHODS: readonly (JoinMethod | null)[] = [null, 'invite', 'qr', 'link', 'unknown'];
const LISTED = 1, SELF = 2;

/**
 * What a builder collected from one part of an input (a byte range of a big CSV, read by a worker
 * thread), in a form that crosses threads cheaply: typed arrays (transferred, not copied) and
 * packed strings. `absorbPart` appends it to the builder that read the parts before it, with the
 * same result as if that builder had read the part itself.
 */
export interface DatasetPart {
  /** Groups by their index in the part; `info` as the part's builder holds it. */
  groups: { info: GroupInfo; hasMemberList: boolean; hasJoinEvents: boolean; identityNames: boolean }[];
  /** Members in the order the part first saw them, as columns. Names oldest first, the latest
   *  last: `nameCount[i]` of them per member, in order. Roles and join methods as indexes into
   *  ROLES and JOIN_METHODS; times NaN for none; `marks`: LISTED | SELF. */
  members: {
    group: Uint32Array; keys: PackedStrings; names: PackedStrings; nameCount: Uint32Array;
    role: Uint8Array; roleSource: Uint8Array; marks: Uint8Array; joinedAt: Float64Array; leftAt: Float64Array; joinMethod: Uint8Array;
  };
  pendingInviter: [number, string][];
  memberships: DraftMembership[];
  time: Float64Array; sender: Uint32Array; flags: Uint16Array; idHash: Float64Array; textHash: Float64Array;
  replyAt: Uint32Array; replyHash: Float64Array;
  mentionMsg: Uint32Array; mentionName: PackedStrings;
}

/** The builder's collection as a part (the builder is not used afterwards). */
export function toPart(b: DatasetBuilder): DatasetPart {
  const ms = b.members, n = ms.length;
  // One pass over the member records, filling every column: a pass per column read each record
  // again, a cache miss each (100 k+ records, on the worker's critical path).
  const group = new Uint32Array(n), nameCount = new Uint32Array(n), role = new Uint8Array(n), roleSource = new Uint8Array(n);
  const marks = new Uint8Array(n), joinedAt = new Float64Array(n), leftAt = new Float64Array(n), joinMethod = new Uint8Array(n);
  const keys = new Array<string>(n), names: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = ms[i]!;
    group[i] = m.group;
    keys[i] = m.key;
    for (const name of m.names) names.push(name);
    nameCount[i] = m.names.length;
    role[i] = ROLES.indexOf(m.role);
    roleSource[i] = b.roleSource[m.index]!;
    marks[i] = (m.listed ? LISTED : 0) | (b.selfMembers.has(m.index) ? SELF : 0);
    joinedAt[i] = m.joinedAt ?? NaN;
    leftAt[i] = m.leftAt ?? NaN;
    joinMethod[i] = JOIN_METHODS.indexOf(m.joinMethod);
  }
  return {
    groups: b.groups.map((g) => ({ info: g.info, hasMemberList: g.hasMemberList, hasJoinEvents: g.hasJoinEvents, identityNames: g.identityNames })),
    members: { group, keys: packStrings(keys), names: packStrings(names), nameCount, role, roleSource, marks, joinedAt, leftAt, joinMethod },
    pendingInviter: [...b.pendingInviter],
    memberships: b.memberships,
    // Views, not copies: their buffers are transferred whole (the builder is done with them).
    time: b.time.view(), sender: b.sender.view(), flags: b.flags.view(), idHash: b.idHash.view(), textHash: b.textHash.view(),
    replyAt: Uint32Array.from(b.replyAt), replyHash: Float64Array.from(b.replyHash),
    mentionMsg: Uint32Array.from(b.mentionMsg), mentionName: packStrings(b.mentionName),
  };
}

/** The typed arrays of a part, to transfer rather than copy between threads. */
export function partBuffers(p: DatasetPart): ArrayBuffer[] {
  const m = p.members;
  return [p.time, p.sender, p.flags, p.idHash, p.textHash, p.replyAt, p.replyHash, p.mentionMsg, p.mentionName.lengths,
    m.group, m.keys.lengths, m.names.lengths, m.nameCount, m.role, m.roleSource, m.marks, m.joinedAt, m.leftAt, m.joinMethod].map((a) => a.buffer as ArrayBuffer);
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
  const pm = p.members, keys = unpackStrings(pm.keys), names = unpackStrings(pm.names);
  const index = new Uint32Array(keys.length);
  for (let i = 0, at = 0; i < keys.length; i++) {
    const g = groups[pm.group[i]!]!, key = keys[i]!;
    const end = at + pm.nameCount[i]!, idx = b.memberNamed(g, key, names, at, end);
    at = end;
    // The record is touched only for what the part knew of it: a role stated (source 0 is the
    // default 'member', which changes nothing), a listing, dates, a join method.
    const source = pm.roleSource[i]!, marks = pm.marks[i]!;
    const joinedAt = pm.joinedAt[i]!, leftAt = pm.leftAt[i]!, method = JOIN_METHODS[pm.joinMethod[i]!]!;
    if (source > 0 || (marks & LISTED) || joinedAt === joinedAt || leftAt === leftAt || method !== null) {
      const m = b.members[idx]!;
      if (source > 0) b.setRole(m, ROLES[pm.role[i]!], source);
      if (marks & LISTED) m.listed = true;
      if (joinedAt === joinedAt) m.joinedAt = m.joinedAt === null ? joinedAt : Math.min(m.joinedAt, joinedAt);
      if (leftAt === leftAt) m.leftAt = Math.max(m.leftAt ?? 0, leftAt);
      if (method !== null) m.joinMethod = method;
    }
    if (marks & SELF) b.selfMembers.add(idx);
    index[i] = idx;
  }
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
  const mentionNames = unpackStrings(p.mentionName);
  for (let k = 0; k < p.mentionMsg.length; k++) { b.mentionMsg.push(base + p.mentionMsg[k]!); b.mentionName.push(mentionNames[k]!); }
}
