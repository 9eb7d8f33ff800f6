import { Zone } from '../time.js';
import type { DatasetBuilder } from './builder.js';
import { resolveMembers } from './members.js';
import { markSpam } from './spam.js';
import { linkReplies } from './replies.js';
import { FLAG, type Dataset, type GroupRecord } from './types.js';

const SYSTEM = 7, RECALL = 8; // indexes of 'system' and 'recall' in MESSAGE_KINDS
const CONVERSATION_GAP = 30 * 60_000;

/**
 * Turns the builder's arrival-order columns into the dataset: sorted by group and time,
 * overlapping exports deduplicated, names resolved to members, spam marked, activity flags set.
 */
export function finalizeDataset(b: DatasetBuilder, zoneName: string): Dataset {
  const zone = new Zone(zoneName);
  const n = b.time.length;
  const time = b.time.data, sender = b.sender.data;
  const groupOf = (i: number) => b.members[sender[i]!]!.group;

  // Sort by (group, time, arrival). Exports are usually sorted already (or reversed): check first.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const before = (a: number, c: number) => groupOf(a) - groupOf(c) || time[a]! - time[c]! || a - c;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (before(i - 1, i) > 0) sorted = false;
  if (!sorted) order.sort(before);

  const keep = dedupe(b, order);
  const count = keep.reduce((a, k) => a + k, 0);
  const perm = new Uint32Array(count);
  for (let i = 0, j = 0; i < n; i++) if (keep[i]) perm[j++] = order[i]!;

  const { remap, members } = resolveMembers(b);
  const out = {
    time: new Float64Array(count), sender: new Uint32Array(count), flags: new Uint16Array(count),
    replyTo: new Int32Array(count), responseTo: new Int32Array(count), day: new Int32Array(count),
    hourOfWeek: new Uint8Array(count),
  };
  const idHash = new Float64Array(count), replyHash = new Float64Array(count), textHash = new Float64Array(count);
  const arrivalToFinal = new Int32Array(n).fill(-1);
  for (let j = 0; j < count; j++) {
    const i = perm[j]!;
    arrivalToFinal[i] = j;
    out.time[j] = time[i]!;
    out.sender[j] = remap[sender[i]!]!;
    out.flags[j] = b.flags.data[i]!;
    idHash[j] = b.idHash.data[i]!;
    replyHash[j] = b.replyHash.data[i]!;
    textHash[j] = b.textHash.data[i]!;
    const t = time[i]!;
    out.day[j] = zone.dayIndex(t);
    const { weekday, hour } = zone.weekdayHour(t);
    out.hourOfWeek[j] = (weekday - 1) * 24 + hour;
  }

  const groups: GroupRecord[] = b.groups.map((g) => ({
    index: g.index, id: g.info.id, name: g.info.name ?? g.info.id, platform: g.info.platform,
    identity: g.identityNames ? 'names' : 'ids', msgStart: 0, msgEnd: 0, members: [], events: [],
    hasMemberList: g.hasMemberList, hasJoinEvents: g.hasJoinEvents, inputs: [...g.inputs].sort((x, y) => x - y),
  }));
  for (const m of members) groups[m.group]!.members.push(m.index);
  // Messages are sorted by group, so each group is one contiguous range.
  for (let j = 0, g = -1; j <= count; j++) {
    const gj = j < count ? members[out.sender[j]!]!.group : -1;
    if (gj !== g) {
      if (g >= 0) groups[g]!.msgEnd = j;
      if (gj >= 0) { groups[gj]!.msgStart = j; groups[gj]!.msgEnd = j; }
      g = gj;
    }
  }

  markSpam(groups, members, out, textHash);
  for (let j = 0; j < count; j++) {
    const m = members[out.sender[j]!]!;
    m.messages++;
    if (m.firstMessageAt === null) m.firstMessageAt = out.time[j]!;
    m.lastMessageAt = out.time[j]!;
    let f = out.flags[j]!;
    const kind = f & FLAG.kindMask;
    if (f & FLAG.spam) m.spamMessages++;
    if (kind !== SYSTEM && kind !== RECALL && m.role !== 'bot' && !(f & FLAG.spam)) {
      f |= FLAG.human;
      f |= m.role === 'owner' || m.role === 'admin' ? FLAG.staff : FLAG.member;
    }
    out.flags[j] = f;
  }
  for (const g of groups) {
    let last = -Infinity;
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      if (!(out.flags[j]! & FLAG.human)) continue;
      if (out.time[j]! - last > CONVERSATION_GAP) out.flags[j]! |= FLAG.convStart;
      last = out.time[j]!;
    }
  }
  linkReplies(groups, out, idHash, replyHash);

  const events = b.memberships
    .map((e) => ({ group: e.group, time: e.time, action: e.action, member: remap[e.member]!, by: e.by === null ? null : findMember(b, e.group, e.by, remap), method: e.method }))
    .sort((x, y) => x.time - y.time);
  const seen = new Set<string>();
  for (const e of events) {
    const key = `${e.group}|${e.member}|${e.action}|${e.time}`;
    if (seen.has(key)) continue;
    seen.add(key);
    groups[e.group]!.events.push(e);
  }
  applyEvents(groups, members);
  for (const [idx, raw] of b.pendingInviter) {
    const m = members[remap[idx]!]!;
    const inviter = findMember(b, m.group, raw, remap);
    if (inviter !== null && inviter !== m.index) m.invitedBy = inviter; else m.inviterRaw = raw;
    m.joinMethod ??= 'invite';
  }

  const mentionMsg: number[] = [], mentionMember: number[] = [];
  for (let k = 0; k < b.mentionMsg.length; k++) {
    const j = arrivalToFinal[b.mentionMsg[k]!]!;
    if (j < 0) continue;
    const target = findMember(b, members[out.sender[j]!]!.group, b.mentionName[k]!, remap);
    if (target !== null && target !== out.sender[j]) { mentionMsg.push(j); mentionMember.push(target); }
  }

  let first = Infinity, last = -Infinity;
  if (count) { first = out.time[0]!; last = out.time[0]!; }
  for (let j = 0; j < count; j++) { const t = out.time[j]!; if (t < first) first = t; if (t > last) last = t; }
  for (const g of groups) for (const e of g.events) { first = Math.min(first, e.time); last = Math.max(last, e.time); }
  for (const m of members) for (const t of [m.joinedAt, m.leftAt]) if (t !== null) { first = Math.min(first, t); last = Math.max(last, t); }

  return {
    groups, members,
    messages: { count, ...out },
    mentions: { message: Int32Array.from(mentionMsg), member: Int32Array.from(mentionMember) },
    firstEventAt: Number.isFinite(first) ? first : NaN,
    lastEventAt: Number.isFinite(last) ? last : NaN,
    duplicatesDropped: n - count,
  };
}

/** A member by key, or by a display name that exactly one member of the group has had. */
function findMember(b: DatasetBuilder, group: number, keyOrName: string, remap: Int32Array): number | null {
  const g = b.groups[group]!;
  const byKey = g.keys.get(keyOrName);
  if (byKey !== undefined) return remap[byKey]!;
  let found: number | null = null;
  for (const idx of g.keys.values()) {
    if (b.members[idx]!.names.includes(keyOrName)) {
      if (found !== null && remap[idx] !== found) return null;
      found = remap[idx]!;
    }
  }
  return found;
}

/**
 * Joins and leaves from the chat itself fill in what no member list said: the first join, the
 * inviter and how, and a leave that no later join undid.
 */
function applyEvents(groups: GroupRecord[], members: Dataset['members']): void {
  for (const g of groups) {
    for (const e of g.events) {
      const m = members[e.member]!;
      if (e.action === 'join') {
        if (m.joinedAt === null || (!m.listed && e.time < m.joinedAt)) m.joinedAt = e.time;
        if (m.invitedBy === null && e.by !== null && e.by !== m.index) m.invitedBy = e.by;
        m.joinMethod ??= e.method ?? 'unknown';
        if (m.leftAt !== null && m.leftAt < e.time) m.leftAt = null;
      } else if (m.leftAt === null || e.time > m.leftAt) {
        m.leftAt = e.time;
      }
    }
  }
}

/** Duplicates across overlapping exports: same group and time, and the same id (or, without ids,
 *  the same sender, kind and text from another input). Returns a keep mask in sorted order. */
function dedupe(b: DatasetBuilder, order: Uint32Array): Uint8Array {
  const n = order.length;
  const keep = new Uint8Array(n).fill(1);
  const time = b.time.data, sender = b.sender.data;
  let runStart = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && time[order[k]!] === time[order[runStart]!] && b.members[sender[order[k]!]!]!.group === b.members[sender[order[runStart]!]!]!.group) continue;
    for (let x = runStart + 1; x < k; x++) {
      const i = order[x]!;
      for (let y = runStart; y < x; y++) {
        const j = order[y]!;
        if (!keep[y]) continue;
        const idI = b.idHash.data[i]!, idJ = b.idHash.data[j]!;
        const same = !Number.isNaN(idI) && !Number.isNaN(idJ)
          ? idI === idJ
          : b.input.data[i] !== b.input.data[j] && sender[i] === sender[j] && b.textHash.data[i] === b.textHash.data[j] && (b.flags.data[i]! & FLAG.kindMask) === (b.flags.data[j]! & FLAG.kindMask);
        if (same) { keep[x] = 0; break; }
      }
    }
    runStart = k;
  }
  return keep;
}
