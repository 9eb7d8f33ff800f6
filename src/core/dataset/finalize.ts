import { Zone } from '../time.js';
import type { DatasetBuilder } from './builder.js';
import { collectGarbage } from '../memory.js';
import { activityFlags, messageCounts } from './activity.js';
import { resolveMembers } from './members.js';
import { markSpam } from './spam.js';
import { inferBroadcasters, inferStaff } from './staff.js';
import { linkReplies } from './replies.js';
import { FLAG, type Dataset, type GroupRecord } from './types.js';

const HOUR = 3_600_000;

/**
 * Turns the builder's arrival-order columns into the dataset: sorted by group and time,
 * overlapping exports deduplicated, names resolved to members, spam marked, activity flags set.
 */
export function finalizeDataset(b: DatasetBuilder, zoneName: string): Dataset {
  const zone = new Zone(zoneName);
  const n = b.time.length;
  const { remap, members } = resolveMembers(b);
  // The arrival-order columns are released as they are copied (peak memory).
  const { count, out, src, replies, arrivalToFinal } = sortedColumns(b, zone, remap);
  // What was released is freed now, not at V8's leisure: this is the peak of a run.
  collectGarbage();
  // Hashes stay in arrival order, read through src, and are released at the end (no copies).
  const idHash = b.idHash.data, textHash = b.textHash.data;

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

  const find = memberFinder(b, remap);

  const events = b.memberships
    .map((e) => ({ group: e.group, time: e.time, action: e.action, member: remap[e.member]!, by: e.by === null ? null : find(e.group, e.by), method: e.method }))
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
    const inviter = find(m.group, raw);
    if (inviter !== null && inviter !== m.index) m.invitedBy = inviter; else m.inviterRaw = raw;
    m.joinMethod ??= 'invite';
  }

  // Roles must be known before spam and activity flags: staff are judged by who invited whom.
  const stated = new Uint8Array(members.length);
  for (let i = 0; i < remap.length; i++) stated[remap[i]!] = Math.max(stated[remap[i]!]!, b.roleSource[i]!);
  inferStaff(groups, members, stated, [...b.selfMembers].map((i) => remap[i]!));

  markSpam(groups, members, out, textHash, src);
  messageCounts(members, out);
  activityFlags(groups, members, out);
  linkReplies(groups, out, idHash, src, replies);
  // Bots found by behaviour need answers to be known; their messages are then no one's activity,
  // which changes conversation starts and inferred responses: flags and links are redone.
  const bots = inferBroadcasters(groups, members, stated, out);
  if (bots.length) {
    const changed = new Set(bots.map((s) => members[s]!.group));
    activityFlags(groups.filter((g) => changed.has(g.index)), members, out);
    linkReplies(groups, out, idHash, src, replies);
  }

  const mentionMsg: number[] = [], mentionMember: number[] = [];
  for (let k = 0; k < b.mentionMsg.length; k++) {
    const j = arrivalToFinal[b.mentionMsg[k]!]!;
    if (j < 0) continue;
    const target = find(members[out.sender[j]!]!.group, b.mentionName[k]!);
    if (target !== null && target !== out.sender[j]) { mentionMsg.push(j); mentionMember.push(target); }
  }

  let first = Infinity, last = -Infinity;
  if (count) { first = out.time[0]!; last = out.time[0]!; }
  for (let j = 0; j < count; j++) { const t = out.time[j]!; if (t < first) first = t; if (t > last) last = t; }
  for (const g of groups) for (const e of g.events) { first = Math.min(first, e.time); last = Math.max(last, e.time); }
  for (const m of members) for (const t of [m.joinedAt, m.leftAt]) if (t !== null) { first = Math.min(first, t); last = Math.max(last, t); }

  b.idHash.release();
  b.textHash.release();
  return {
    groups, members,
    messages: { count, ...out },
    mentions: { message: Int32Array.from(mentionMsg), member: Int32Array.from(mentionMember) },
    firstEventAt: Number.isFinite(first) ? first : NaN,
    lastEventAt: Number.isFinite(last) ? last : NaN,
    duplicatesDropped: n - count,
  };
}

/** Sorts, deduplicates and copies the builder's columns into the dataset's order. */
function sortedColumns(b: DatasetBuilder, zone: Zone, remap: Int32Array) {
  const n = b.time.length;
  // No local keeps a builder column: each is released as soon as it is copied.
  const groupOfMsg = groupsOf(b.sender.data, n, b.members);
  const order = sortByGroupAndTime(groupOfMsg, b.time.data.subarray(0, n), b.groups.length);
  const keep = dedupe(b, order, groupOfMsg);
  let count = 0;
  for (let k = 0; k < n; k++) count += keep[k]!;
  const out = {
    time: new Float64Array(count), sender: new Uint32Array(count), flags: new Uint16Array(count),
    replyTo: new Int32Array(count), responseTo: new Int32Array(count), day: new Int32Array(count),
    hourOfWeek: new Uint8Array(count),
  };
  // Kept messages in sorted order, as arrival indexes. Each column is copied through it and the
  // builder's column released at once, so at most one column exists twice (the peak of ingest).
  const src = new Uint32Array(count);
  const arrivalToFinal = new Int32Array(n).fill(-1);
  for (let k = 0, j = 0; k < n; k++) if (keep[k]) { src[j] = order[k]!; arrivalToFinal[order[k]!] = j; j++; }
  localTimes(b.time.data, src, zone, out);
  b.time.release();
  gather(b.sender.data, src, out.sender, remap);
  b.sender.release();
  gather(b.flags.data, src, out.flags);
  b.flags.release();
  b.input.release();
  // Sparse replies in dataset order: [message index, hash of the target id], kept messages only.
  const replies: [number, number][] = [];
  for (let k = 0; k < b.replyAt.length; k++) {
    const j = arrivalToFinal[b.replyAt[k]!]!;
    if (j >= 0) replies.push([j, b.replyHash[k]!]);
  }
  replies.sort((x, y) => x[0] - y[0]);
  return { count, out, src, replies, arrivalToFinal };
}

function groupsOf(sender: Uint32Array, n: number, members: DatasetBuilder['members']): Uint32Array {
  const groupOf = Uint32Array.from(members, (m) => m.group);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = groupOf[sender[i]!]!;
  return out;
}

/** to[j] = from[src[j]] (through `map` when given). */
function gather<T extends Float64Array | Uint32Array | Uint16Array>(from: T, src: Uint32Array, to: T, map?: Int32Array): T {
  if (map) for (let j = 0; j < src.length; j++) to[j] = map[from[src[j]!]!]!;
  else for (let j = 0; j < src.length; j++) to[j] = from[src[j]!]!;
  return to;
}

/** Time, local day and hour of the week of each kept message: zone.dayIndex and zone.weekdayHour
 *  from one local time, without an object per message. */
function localTimes(time: Float64Array, src: Uint32Array, zone: Zone, out: { time: Float64Array; day: Int32Array; hourOfWeek: Uint8Array }): void {
  // Messages of a group come in time order: the offset is looked up once per UTC hour and the day
  // and hour of the week worked out once per local hour.
  let from = Infinity, to = -Infinity, offset = 0, localHour = NaN, day = 0, hourOfWeek = 0;
  for (let j = 0; j < src.length; j++) {
    const t = time[src[j]!]!;
    out.time[j] = t;
    if (t < from || t >= to) { from = Math.floor(t / HOUR) * HOUR; to = from + HOUR; offset = zone.offset(t); }
    const lh = Math.floor((t + offset) / HOUR);
    if (lh !== localHour) {
      localHour = lh;
      day = Math.floor(lh / 24);
      hourOfWeek = (((day + 3) % 7 + 7) % 7) * 24 + (lh - day * 24);
    }
    out.day[j] = day;
    out.hourOfWeek[j] = hourOfWeek;
  }
}

/**
 * A member by key, or by a display name that exactly one member of the group has had (null when
 * none or several). The names of a group are indexed on first use: looking through every member
 * for each mention is quadratic in a big group.
 */
function memberFinder(b: DatasetBuilder, remap: Int32Array): (group: number, keyOrName: string) => number | null {
  const byName = new Map<number, Map<string, number | null>>();
  return (group, keyOrName) => {
    const g = b.groups[group]!;
    const byKey = g.keys.get(keyOrName);
    if (byKey !== undefined) return remap[byKey]!;
    let names = byName.get(group);
    if (!names) {
      names = new Map();
      for (const idx of g.keys.values()) {
        const to = remap[idx]!;
        for (const name of b.members[idx]!.names) {
          const had = names.get(name);
          if (had === undefined) names.set(name, to);
          else if (had !== null && had !== to) names.set(name, null);
        }
      }
      byName.set(group, names);
    }
    return names.get(keyOrName) ?? null;
  };
}

/**
 * The order of the messages by (group, time, arrival): a stable counting sort by group, then each
 * group's run is left alone when it is in time order already (the usual export), reversed when it
 * is newest-first (留痕), and sorted only otherwise. A comparator sort over millions costs seconds.
 */
export function sortByGroupAndTime(groupOf: Uint32Array, time: Float64Array, groups: number): Uint32Array {
  const n = groupOf.length;
  const start = new Uint32Array(groups + 1);
  for (let i = 0; i < n; i++) start[groupOf[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const order = new Uint32Array(n);
  const next = start.slice(0, groups);
  for (let i = 0; i < n; i++) order[next[groupOf[i]!]!++] = i;
  for (let g = 0; g < groups; g++) sortRun(order, time, start[g]!, start[g + 1]!);
  return order;
}

function sortRun(order: Uint32Array, time: Float64Array, from: number, to: number): void {
  let ascending = true, descending = true;
  for (let k = from + 1; k < to && (ascending || descending); k++) {
    const d = time[order[k]!]! - time[order[k - 1]!]!;
    if (d < 0) ascending = false;
    else if (d > 0) descending = false;
  }
  if (ascending) return;
  if (descending) {
    order.subarray(from, to).reverse();
    // Equal times are now newest-arrival first: put each tie back in arrival order.
    for (let k = from; k < to;) {
      let e = k + 1;
      while (e < to && time[order[e]!] === time[order[k]!]) e++;
      if (e - k > 1) order.subarray(k, e).reverse();
      k = e;
    }
    return;
  }
  order.subarray(from, to).sort((a, c) => time[a]! - time[c]! || a - c);
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
function dedupe(b: DatasetBuilder, order: Uint32Array, groupOf: Uint32Array): Uint8Array {
  const n = order.length;
  const keep = new Uint8Array(n).fill(1);
  const time = b.time.data, sender = b.sender.data;
  let runStart = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && time[order[k]!] === time[order[runStart]!] && groupOf[order[k]!] === groupOf[order[runStart]!]) continue;
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
