import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { memberSlots } from '../shared/slots.js';

/**
 * Each member's human messages in a group up to as-of, as the journeys need them. The messages are
 * kept as index ranges into the dataset's columns (one array for the whole group, member by
 * member) rather than an array of times per member, and looked up by binary search.
 */
export class MemberActivity {
  constructor(
    private readonly ds: Dataset,
    /** Slot (position in g.members) of a dataset member index. */
    private readonly slots: Int32Array,
    /** The human messages of slot s are msg[start[s] .. start[s + 1]), ascending. */
    private readonly start: Int32Array,
    private readonly msg: Int32Array,
    /** First answer from someone else to any of their messages (UTC ms), NaN when none. */
    private readonly answeredAt: Float64Array,
  ) {}

  /** Human messages of member `m` (a member of the group). */
  count(m: number): number {
    const s = this.slots[m]!;
    return this.start[s + 1]! - this.start[s]!;
  }

  /** Time of their first and last human message (call only when count(m) > 0). */
  firstAt(m: number): number {
    return this.ds.messages.time[this.msg[this.start[this.slots[m]!]!]!]!;
  }

  lastAt(m: number): number {
    return this.ds.messages.time[this.msg[this.start[this.slots[m]! + 1]! - 1]!]!;
  }

  /** First answer from someone else to any of their messages (UTC ms), or null. */
  firstAnsweredAt(m: number): number | null {
    const t = this.answeredAt[this.slots[m]!]!;
    return Number.isNaN(t) ? null : t;
  }

  /** Did they write a human message in [from, to)? */
  wroteBetween(m: number, from: number, to: number): boolean {
    const s = this.slots[m]!, time = this.ds.messages.time;
    let lo = this.start[s]!, hi = this.start[s + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (time[this.msg[mid]!]! < from) lo = mid + 1; else hi = mid;
    }
    return lo < this.start[s + 1]! && time[this.msg[lo]!]! < to;
  }

  /**
   * Local weeks (Monday day index, from the dataset's day column) they wrote in: how many distinct,
   * and the first and last (call only when count(m) > 0).
   */
  weeks(m: number): { distinct: number; first: number; last: number } {
    const s = this.slots[m]!, day = this.ds.messages.day;
    const weekOf = (k: number) => mondayOf(day[this.msg[k]!]!);
    // Weeks in message order do not go down, so each change is a new week; a local day can only
    // step back at a DST change around midnight, and then a Set counts them.
    let distinct = 0, previous = NaN, ascending = true;
    for (let k = this.start[s]!; k < this.start[s + 1]!; k++) {
      const w = weekOf(k);
      if (w === previous) continue;
      if (w < previous) ascending = false;
      distinct++;
      previous = w;
    }
    if (!ascending) {
      const seen = new Set<number>();
      for (let k = this.start[s]!; k < this.start[s + 1]!; k++) seen.add(weekOf(k));
      distinct = seen.size;
    }
    return { distinct, first: weekOf(this.start[s]!), last: previous };
  }
}

/** The local day index of the Monday of a local day's week (as Zone.weekStartDay). */
function mondayOf(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

/**
 * Two passes over the group's messages up to as-of: count each member's human messages and note
 * the first answer someone else gave them (explicit reply or inferred response, from a human, to
 * a member who had already written), then lay the messages out member by member.
 */
export function memberActivity(ds: Dataset, g: GroupRecord, asOf: number): MemberActivity {
  const { time, flags, sender, responseTo, replyTo } = ds.messages;
  const slots = memberSlots(ds, g), n = g.members.length;
  const count = new Int32Array(n);
  const answeredAt = new Float64Array(n).fill(NaN);
  let end = g.msgStart;
  for (; end < g.msgEnd && time[end]! <= asOf; end++) {
    if (!(flags[end]! & FLAG.human)) continue;
    const who = slots[sender[end]!]!;
    count[who]!++;
    const target = responseTo[end]! >= 0 ? responseTo[end]! : replyTo[end]!;
    if (target < 0) continue;
    const to = slots[sender[target]!]!;
    if (to !== who && count[to]! > 0 && Number.isNaN(answeredAt[to]!)) answeredAt[to] = time[end]!;
  }
  const start = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) start[s + 1] = start[s]! + count[s]!;
  const msg = new Int32Array(start[n]!), fill = start.slice(0, n);
  for (let j = g.msgStart; j < end; j++) if (flags[j]! & FLAG.human) msg[fill[slots[sender[j]!]!]!++] = j;
  return new MemberActivity(ds, slots, start, msg, answeredAt);
}
