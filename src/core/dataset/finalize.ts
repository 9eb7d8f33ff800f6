import { Zone } from '../time.js';
import { ROLE_SOURCE, type DatasetBuilder } from './builder.js';
import { collectGarbage } from '../memory.js';
import { activityFlags, messageCounts } from './activity.js';
import { resolveMembers } from './members.js';
import { markSpam } from './spam.js';
import { inferBroadcasters, inferStaff } from './staff.js';
import { linkReplies } from './replies.js';
import { addUnseenInviters } from './inviters.js';
import { SpareBuffers } from './columns.js';
import { FLAG, type Dataset, type GroupRecord } from './types.js';

const HOUR = 3_600_000;

/**
 * Turns the builder's arrival-order columns into the dataset: sorted by group and time,
 * overlapping exports deduplicated, names resolved to members, spam marked, activity flags set.
 * `spare`: where the released builder columns go to be made into new ones (tests pass one that
 * never reuses, to compare).
 */
export function finalizeDataset(b: DatasetBuilder, zoneName: string, spare = new SpareBuffers()): Dataset {
  const zone = new Zone(zoneName);
  const n = b.time.length;
  const { remap, members, names } = resolveMembers(b);
  // The arrival-order columns are released as they are copied (peak memory).
  const { count, out, groupStart, textHash, idHash, replies, arrivalToFinal } = sortedColumns(b, zone, remap, spare);
  // What was released is freed now, not at V8's leisure: this is the peak of a run.
  collectGarbage();
  // Inviters nothing else shows are members too (before the groups' member lists are made).
  const find = addUnseenInviters(b.memberships, members, {
    find: memberFinder(b, remap, names),
    namesAreKeys: (g) => b.groups[g]!.identityNames,
    ambiguous: (g, name) => names[g]!.get(name) === null,
  });

  const groups: GroupRecord[] = b.groups.map((g) => ({
    index: g.index, id: g.info.id, name: g.info.name ?? g.info.id, platform: g.info.platform,
    identity: g.identityNames ? 'names' : 'ids', msgStart: 0, msgEnd: 0, members: [], events: [],
    hasMemberList: g.hasMemberList, hasJoinEvents: g.hasJoinEvents, inputs: [...g.inputs].sort((x, y) => x - y),
    ...(g.info.personal ? { personal: true as const } : {}),
  }));
  for (const m of members) groups[m.group]!.members.push(m.index);
  // Messages are sorted by group, so each group is one contiguous range ([0, 0) when empty).
  for (const g of groups) {
    if (groupStart[g.index + 1]! > groupStart[g.index]!) { g.msgStart = groupStart[g.index]!; g.msgEnd = groupStart[g.index + 1]!; }
  }

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
  // An admin shown only by an act (a WhatsApp settings change) is inferred, like a remover: not a
  // stated role, so the rules that wait for no admin to be stated (the last voices of a zombie
  // group) still run — one such line turned a zombie into an "at risk" group (review).
  const stated = new Uint8Array(members.length);
  for (let i = 0; i < remap.length; i++) {
    const source = b.roleSource[i]!;
    if (source === ROLE_SOURCE.act) members[remap[i]!]!.roleInferred = true;
    else stated[remap[i]!] = Math.max(stated[remap[i]!]!, source);
  }
  inferStaff(groups, members, stated, [...b.selfMembers].map((i) => remap[i]!));

  markSpam(groups, members, out, textHash);
  messageCounts(members, out);
  activityFlags(groups, members, out);
  linkReplies(groups, out, idHash, replies);
  // Bots found by behaviour need answers to be known; their messages are then no one's activity,
  // which changes conversation starts and inferred responses: flags and links are redone.
  const bots = inferBroadcasters(groups, members, stated, out);
  if (bots.length) {
    const changed = new Set(bots.map((s) => members[s]!.group));
    activityFlags(groups.filter((g) => changed.has(g.index)), members, out);
    linkReplies(groups, out, idHash, replies);
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
  for (const m of members) {
    if (m.joinedAt !== null) { first = Math.min(first, m.joinedAt); last = Math.max(last, m.joinedAt); }
    if (m.leftAt !== null) { first = Math.min(first, m.leftAt); last = Math.max(last, m.leftAt); }
  }

  return {
    groups, members,
    messages: { count, ...out },
    mentions: { message: Int32Array.from(mentionMsg), member: Int32Array.from(mentionMember) },
    firstEventAt: Number.isFinite(first) ? first : NaN,
    lastEventAt: Number.isFinite(last) ? last : NaN,
    duplicatesDropped: n - count,
  };
}

/**
 * Sorts, deduplicates and copies the builder's columns into the dataset's order, and works out
 * each message's local day and hour. The hashes come out in dataset order too, for spam and replies.
 */
function sortedColumns(b: DatasetBuilder, zone: Zone, remap: Int32Array, spare: SpareBuffers) {
  // No local keeps a builder column: each is released as soon as it is copied, into `spare`, where
  // the next new column is made (see SpareBuffers: its pages are resident already).
  const { time, arrivalToFinal, groupStart } = sortedTimes(b, spare);
  const count = time.length;
  // Every column is copied by scattering it through arrivalToFinal: read in arrival order, a
  // column is written in one sequential run per group, where gathering it in dataset order jumps
  // across the whole column for each message (a cache miss each). A builder column is released as
  // soon as it is copied, so at most one column exists twice (the peak of ingest).
  const sender = scatter(b.sender.data, arrivalToFinal, spare.take(Uint32Array, count, true), remap);
  b.sender.release(spare);
  const flags = scatter(b.flags.data, arrivalToFinal, spare.take(Uint16Array, count, true));
  b.flags.release(spare);
  const textHash = scatter(b.textHash.data, arrivalToFinal, spare.take(Float64Array, count));
  b.textHash.release(spare);
  const idHash = scatter(b.idHash.data, arrivalToFinal, spare.take(Float64Array, count));
  b.idHash.release(spare);
  const out = {
    time, sender, flags, replyTo: spare.take(Int32Array, count, true), responseTo: spare.take(Int32Array, count, true),
    day: spare.take(Int32Array, count, true), hourOfWeek: spare.take(Uint8Array, count, true),
  };
  localTimes(zone, out);
  // Sparse replies in dataset order: [message index, hash of the target id], kept messages only.
  const replies: [number, number][] = [];
  for (let k = 0; k < b.replyAt.length; k++) {
    const j = arrivalToFinal[b.replyAt[k]!]!;
    if (j >= 0) replies.push([j, b.replyHash[k]!]);
  }
  replies.sort((x, y) => x[0] - y[0]);
  return { count, out, groupStart, textHash, idHash, replies, arrivalToFinal };
}

/**
 * The times of the kept messages in dataset order; where each arrival went (-1: dropped as a
 * duplicate); and where each group's messages start (groupStart[g] to groupStart[g + 1]).
 * Releases the builder's time and input columns.
 */
function sortedTimes(b: DatasetBuilder, spare: SpareBuffers): { time: Float64Array; arrivalToFinal: Int32Array; groupStart: Uint32Array } {
  const n = b.time.length;
  const groupOf = groupsOf(b.sender.data, n, b.members);
  const sorted = sortByGroupAndTime(groupOf, b.time.data.subarray(0, n), b.groups.length);
  spare.add(groupOf);
  b.time.release(spare);
  // Taken before dedupe's mask, so that it gets groupOf's buffer (its size), the mask the times'.
  const arrivalToFinal = spare.take(Int32Array, n).fill(-1);
  const keep = dedupe(b, sorted, spare);
  b.input.release(spare);
  const { order, time, start } = sorted;
  const groupStart = new Uint32Array(start.length);
  let j = 0;
  for (let g = 0; g + 1 < start.length; g++) {
    groupStart[g] = j;
    for (let k = start[g]!; k < start[g + 1]!; k++) if (keep[k]) { time[j] = time[k]!; arrivalToFinal[order[k]!] = j; j++; }
  }
  groupStart[start.length - 1] = j;
  spare.add(order);
  spare.add(keep);
  // Kept times were moved to the front; a copy of just them only when some were dropped.
  return { time: j < n ? time.slice(0, j) : time, arrivalToFinal, groupStart };
}

function groupsOf(sender: Uint32Array, n: number, members: DatasetBuilder['members']): Uint32Array {
  const groupOf = Uint32Array.from(members, (m) => m.group);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = groupOf[sender[i]!]!;
  return out;
}

/** to[arrivalToFinal[i]] = from[i] (through `map` when given), for the kept messages. */
function scatter<T extends Float64Array | Uint32Array | Uint16Array>(from: T, arrivalToFinal: Int32Array, to: T, map?: Int32Array): T {
  const n = arrivalToFinal.length;
  if (map) {
    for (let i = 0; i < n; i++) { const j = arrivalToFinal[i]!; if (j >= 0) to[j] = map[from[i]!]!; }
  } else {
    for (let i = 0; i < n; i++) { const j = arrivalToFinal[i]!; if (j >= 0) to[j] = from[i]!; }
  }
  return to;
}

/** Local times are looked up per UTC quarter hour: every zone in use today is offset from UTC by a
 *  whole number of quarter hours, so all of a UTC quarter hour falls in one local hour. */
const QUARTER = 900_000;

/**
 * Local day and hour of the week of each message (as zone.dayIndex and zone.weekdayHour), worked
 * out once per UTC quarter hour that has messages and kept in a table over the span of the times:
 * messages of a group come in time order but every group spans the whole range, so a cache of
 * the last hour seldom hits and zone.offset per message was most of the cost. Zone.offset is
 * constant within each UTC hour, so the table gives what it gives. A span too long for a table
 * (stray dates decades apart), or an offset that is not whole quarter hours (local mean time of
 * the 19th century), goes through zone.offset per message.
 */
export function localTimes(zone: Zone, out: { time: Float64Array; day: Int32Array; hourOfWeek: Uint8Array }): void {
  const { time, day, hourOfWeek } = out, n = time.length;
  let lo = Infinity, hi = -Infinity;
  for (let j = 0; j < n; j++) { const t = time[j]!; if (t < lo) lo = t; if (t > hi) hi = t; }
  const q0 = Math.floor(lo / QUARTER), span = Math.floor(hi / QUARTER) - q0 + 1;
  // At most a few bytes per message, so the table never weighs on the peak of memory.
  if (!(span > 0 && span <= n + 65_536)) {
    for (let j = 0; j < n; j++) localTime(zone, time[j]!, out, j);
    return;
  }
  const dayOf = new Int32Array(span), weekHourOf = new Int16Array(span).fill(-1);
  for (let j = 0; j < n; j++) {
    const q = Math.floor(time[j]! / QUARTER) - q0;
    const w = weekHourOf[q]!;
    if (w >= 0) { day[j] = dayOf[q]!; hourOfWeek[j] = w; continue; }
    localTime(zone, time[j]!, out, j);
    if (zone.offset(time[j]!) % QUARTER === 0) { dayOf[q] = day[j]!; weekHourOf[q] = hourOfWeek[j]!; }
  }
}

/** day[j] and hourOfWeek[j] of time t: zone.dayIndex and zone.weekdayHour from one local time. */
function localTime(zone: Zone, t: number, out: { day: Int32Array; hourOfWeek: Uint8Array }, j: number): void {
  const lh = Math.floor((t + zone.offset(t)) / HOUR);
  const day = Math.floor(lh / 24);
  out.day[j] = day;
  out.hourOfWeek[j] = (((day + 3) % 7 + 7) % 7) * 24 + (lh - day * 24);
}

/**
 * A member by key, or by a display name that exactly one member of the group has had (null when
 * none or several), from the names resolveMembers indexed.
 */
function memberFinder(b: DatasetBuilder, remap: Int32Array, names: Map<string, number | null>[]): (group: number, keyOrName: string) => number | null {
  return (group, keyOrName) => {
    const byKey = b.memberByKey(group, keyOrName);
    if (byKey !== undefined) return remap[byKey]!;
    const byName = names[group]!.get(keyOrName);
    return byName === undefined || byName === null ? null : remap[byName]!;
  };
}

/** Messages sorted by (group, time, arrival): their arrival indexes, their times, and where each
 *  group's run starts (start[g] to start[g + 1]). */
export interface SortedMessages { order: Uint32Array; time: Float64Array; start: Uint32Array }

/**
 * Sorts the messages by (group, time, arrival): a stable counting sort by group, then each
 * group's run is left alone when it is in time order already (the usual export), reversed when it
 * is newest-first (留痕), and sorted only otherwise. A comparator sort over millions costs seconds.
 * The times are moved with the counting sort, so the checks of each run read them in order.
 */
export function sortByGroupAndTime(groupOf: Uint32Array, time: Float64Array, groups: number): SortedMessages {
  const n = groupOf.length;
  const start = new Uint32Array(groups + 1);
  for (let i = 0; i < n; i++) start[groupOf[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const sorted = { order: new Uint32Array(n), time: new Float64Array(n), start };
  const next = start.slice(0, groups);
  for (let i = 0; i < n; i++) {
    const k = next[groupOf[i]!]!++;
    sorted.order[k] = i;
    sorted.time[k] = time[i]!;
  }
  for (let g = 0; g < groups; g++) sortRun(sorted, time, start[g]!, start[g + 1]!);
  return sorted;
}

/** Puts [from, to) of `sorted` in time order; `arrivalTime` is the time by arrival index. */
function sortRun({ order, time }: SortedMessages, arrivalTime: Float64Array, from: number, to: number): void {
  let ascending = true, descending = true;
  for (let k = from + 1; k < to && (ascending || descending); k++) {
    const d = time[k]! - time[k - 1]!;
    if (d < 0) ascending = false;
    else if (d > 0) descending = false;
  }
  if (ascending) return;
  if (descending) {
    order.subarray(from, to).reverse();
    time.subarray(from, to).reverse();
    // Equal times are now newest-arrival first: put each tie back in arrival order.
    for (let k = from; k < to;) {
      let e = k + 1;
      while (e < to && time[e] === time[k]) e++;
      if (e - k > 1) order.subarray(k, e).reverse();
      k = e;
    }
    return;
  }
  order.subarray(from, to).sort((a, c) => arrivalTime[a]! - arrivalTime[c]! || a - c);
  for (let k = from; k < to; k++) time[k] = arrivalTime[order[k]!]!;
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
function dedupe(b: DatasetBuilder, { order, time, start }: SortedMessages, spare: SpareBuffers): Uint8Array {
  const keep = spare.take(Uint8Array, order.length).fill(1);
  for (let g = 0; g + 1 < start.length; g++) {
    const end = start[g + 1]!;
    let runStart = start[g]!;
    for (let k = runStart + 1; k <= end; k++) {
      if (k < end && time[k] === time[runStart]) continue;
      // Each message against those before it at the same time: a few pairs, as a rule; a long run
      // (a day-precision export, a flood) by hash, as one comparison per pair would be quadratic.
      const n = k - runStart;
      if (n > SHORT_RUN) dedupeLong(b, order, keep, runStart, k);
      else if (n > 1) dedupeShort(b, order, keep, runStart, k);
      runStart = k;
    }
  }
  return keep;
}

/** Runs up to this long are deduplicated pair by pair. */
const SHORT_RUN = 32;

/** Whether arrival i repeats arrival j (kept, earlier): see dedupe. */
function same(b: DatasetBuilder, i: number, j: number): boolean {
  const idI = b.idHash.data[i]!, idJ = b.idHash.data[j]!;
  return !Number.isNaN(idI) && !Number.isNaN(idJ)
    ? idI === idJ
    : b.input.data[i] !== b.input.data[j] && b.sender.data[i] === b.sender.data[j] && b.textHash.data[i] === b.textHash.data[j] && (b.flags.data[i]! & FLAG.kindMask) === (b.flags.data[j]! & FLAG.kindMask);
}

export function dedupeShort(b: DatasetBuilder, order: Uint32Array, keep: Uint8Array, from: number, to: number): void {
  for (let x = from + 1; x < to; x++) {
    for (let y = from; y < x; y++) {
      if (keep[y] && same(b, order[x]!, order[y]!)) { keep[x] = 0; break; }
    }
  }
}

/**
 * dedupeShort by hash, with the same result: a message repeats a kept earlier one with its id when
 * both have ids, or, when either has none, one with its sender, text and kind from another input.
 * For the latter, up to two inputs are remembered per (sender, text, kind) — among the kept
 * messages without an id, and among all kept ones — which tells whether one differs from this one.
 */
export function dedupeLong(b: DatasetBuilder, order: Uint32Array, keep: Uint8Array, from: number, to: number): void {
  const ids = new Set<number>();
  const withoutId = new Map<string, number[]>(), any = new Map<string, number[]>();
  const note = (m: Map<string, number[]>, key: string, input: number) => {
    const inputs = m.get(key);
    if (!inputs) m.set(key, [input]);
    else if (inputs.length < 2 && inputs[0] !== input) inputs.push(input);
  };
  const other = (m: Map<string, number[]>, key: string, input: number) => m.get(key)?.some((x) => x !== input) ?? false;
  for (let x = from; x < to; x++) {
    const i = order[x]!, id = b.idHash.data[i]!, input = b.input.data[i]!;
    const key = `${b.sender.data[i]}|${b.textHash.data[i]}|${b.flags.data[i]! & FLAG.kindMask}`;
    const hasId = !Number.isNaN(id);
    if (hasId ? ids.has(id) || other(withoutId, key, input) : other(any, key, input)) { keep[x] = 0; continue; }
    if (hasId) ids.add(id); else note(withoutId, key, input);
    note(any, key, input);
  }
}
