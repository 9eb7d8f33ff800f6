import { HashTable } from '../hash.js';
import { FLAG, type GroupRecord } from './types.js';

/** An answer within this time after someone else's message is taken as a response to it. */
const RESPONSE_WINDOW = 5 * 60_000;
/** How many earlier messages to look back through for the one being answered. */
const LOOK_BACK = 4;

/**
 * Explicit replies (quote/reply ids) are resolved to message indexes. Exports without reply links
 * (WhatsApp, most CSVs) still show people answering each other: a human message within minutes of
 * another person's, inside the same conversation, is inferred to respond to it.
 */
export function linkReplies(
  groups: GroupRecord[],
  msg: { time: Float64Array; sender: Uint32Array; flags: Uint16Array; replyTo: Int32Array; responseTo: Int32Array },
  /** Message id hashes of the messages (NaN: none). */
  idHash: Float64Array,
  /** Explicit replies, [message index, hash of the target's id], in message order. */
  replies: readonly (readonly [number, number])[],
): void {
  msg.replyTo.fill(-1);
  msg.responseTo.fill(-1);
  // Explicit replies, group by group (a reply never leaves its group, whatever the ids): replies are
  // in message order and a group's messages one range, so each group's replies are one slice.
  // Typed-array hash tables: a Set or Map of numbers boxes each 53-bit hash (a lookup per message).
  // A bit per low 20 bits of a wanted hash: most messages are nobody's reply target, and the bit
  // says so without a probe of the table. One for all groups, its words cleared after each: a new
  // one per group was 32 fresh pages each time (a page fault each, ~12 µs on some VMs:
  // docs/performance.md).
  const maybe = new Uint32Array(1 << 15);
  let r = 0;
  for (const g of groups) {
    while (r < replies.length && replies[r]![0] < g.msgStart) r++;
    const from = r;
    while (r < replies.length && replies[r]![0] < g.msgEnd) r++;
    if (r === from) continue;
    const wanted = new HashTable();
    for (let k = from; k < r; k++) {
      const h = replies[k]![1];
      wanted.add(h, 0);
      maybe[(h >>> 5) & 0x7fff]! |= 1 << (h & 31);
    }
    const byId = new HashTable(); // the first message of the group with the id
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      const h = idHash[j]!;
      if (h === h && maybe[(h >>> 5) & 0x7fff]! & (1 << (h & 31)) && wanted.get(h) >= 0) byId.add(h, j);
    }
    for (let k = from; k < r; k++) {
      const [j, h] = replies[k]!;
      const target = byId.get(h);
      if (target >= 0 && target !== j) { msg.replyTo[j] = target; msg.responseTo[j] = target; }
      maybe[(h >>> 5) & 0x7fff] = 0;
    }
  }
  for (const g of groups) {
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      if (msg.replyTo[j]! >= 0) continue;
      const f = msg.flags[j]!;
      if (!(f & FLAG.human) || f & FLAG.convStart) continue;
      for (let k = j - 1, seen = 0; k >= g.msgStart && seen < LOOK_BACK; k--) {
        if (!(msg.flags[k]! & FLAG.human)) continue;
        seen++;
        if (msg.time[j]! - msg.time[k]! > RESPONSE_WINDOW) break;
        if (msg.sender[k] !== msg.sender[j]) { msg.responseTo[j] = k; break; }
      }
    }
  }
}
