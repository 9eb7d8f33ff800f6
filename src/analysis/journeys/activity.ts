import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';

/** One member's human messages in a group, as the journeys need them. */
export interface MemberActivity {
  /** Human message times, ascending. */
  times: number[];
  /** First answer from someone else to any of their messages (UTC ms), or null. */
  firstAnsweredAt: number | null;
}

/**
 * One pass over the group's messages up to as-of: each member's human message times, and the
 * first answer someone else gave them (explicit reply or inferred response, from a human).
 */
export function memberActivity(ds: Dataset, g: GroupRecord, asOf: number): Map<number, MemberActivity> {
  const { time, flags, sender, responseTo, replyTo } = ds.messages;
  const out = new Map<number, MemberActivity>();
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    if (time[j]! > asOf) break;
    if (!(flags[j]! & FLAG.human)) continue;
    const who = sender[j]!;
    let a = out.get(who);
    if (!a) out.set(who, (a = { times: [], firstAnsweredAt: null }));
    a.times.push(time[j]!);
    const target = responseTo[j]! >= 0 ? responseTo[j]! : replyTo[j]!;
    if (target < 0) continue;
    const to = sender[target]!;
    if (to === who) continue;
    const b = out.get(to);
    if (b && b.firstAnsweredAt === null) b.firstAnsweredAt = time[j]!;
  }
  return out;
}

/** Messages in [from, to). */
export function countBetween(times: readonly number[], from: number, to: number): number {
  let n = 0;
  for (const t of times) if (t >= from && t < to) n++;
  return n;
}
