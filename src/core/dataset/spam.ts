import { isStaffRole } from '../model.js';
import { FLAG, KIND_INDEX, type GroupRecord, type MemberRecord } from './types.js';

/** The same text from the same sender this many times within REPEAT_WINDOW is an ad campaign
 *  (not a short one: "哈哈哈哈" three times in an evening is chat). */
const REPEATS = 3;
/**
 * Repeats count only when dense: over months, a chatty member says "周末去哪里好玩" or "晚安各位"
 * again and again, and that is conversation; pasting one text three times in a day is not.
 */
const REPEAT_WINDOW = 24 * 3_600_000;
/** A member with at least this many spam messages, making up this share of theirs, is a spammer. */
const SPAMMER_MIN = 3;
const SPAMMER_SHARE = 0.3;
/**
 * Marks spam: ads found at ingest (contact-me, phone numbers), the same text posted again and
 * again by one sender in a short time, and everything a spammer posts. Owners and admins are never
 * "spammers" and their repeated prompts and announcements are theirs to make (an owner who posts
 * "今日打卡" every day is carrying the group, which self-drive must see); their ads still do not
 * count as activity.
 */
export function markSpam(
  groups: GroupRecord[],
  members: MemberRecord[],
  msg: { sender: Uint32Array; flags: Uint16Array; time: Float64Array },
  /** Text hashes of the messages. */
  textHash: Float64Array,
): void {
  // Roles and spammers per member in typed arrays: a member record read per message is a cache miss.
  const staff = new Uint8Array(members.length);
  for (let s = 0; s < members.length; s++) if (isStaffRole(members[s]!.role)) staff[s] = 1;
  const spammer = new Uint8Array(members.length);
  const isStaff = (s: number) => staff[s] === 1;
  // Counts per member (a member belongs to one group), and marks per message: typed arrays, no
  // string keys.
  const total = new Int32Array(members.length), spamCount = new Int32Array(members.length);
  const repeated = new Uint8Array(msg.sender.length);
  // Per message, the sender's previous message with the same text (-1: none), through a table
  // from (sender, text hash) to the latest such message: typed arrays, no Map or list per text.
  const prev = new Int32Array(msg.sender.length);
  // The table is open addressing over (key, message index) in one pair of arrays for all groups,
  // sized for the largest at half load; each group uses as much of it as its own size needs (so a
  // small group's probes stay in the cache). An entry of another group (an index outside the
  // group's range) counts as an empty slot, so the table is neither cleared nor made again per
  // group (a table per group was tens of MB of garbage at 2 M messages).
  const slotsFor = (n: number) => { let slots = 16; while (slots < 2 * n) slots *= 2; return slots; };
  let largest = 0;
  for (const g of groups) largest = Math.max(largest, g.msgEnd - g.msgStart);
  const keys = new Float64Array(slotsFor(largest)), latest = new Int32Array(keys.length).fill(-1);
  for (const g of groups) {
    const start = g.msgStart, end = g.msgEnd, mask = slotsFor(end - start) - 1;
    // Messages of the group are sorted by time, so each chain is too.
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      prev[j] = -1;
      // Only kinds whose text is the sender's own words (text, link): media placeholders such as
      // "[动画表情]" or "[图片]" repeat by nature and say nothing about ads.
      const kind = msg.flags[j]! & FLAG.kindMask;
      const h = textHash[j]!;
      if (h === 0 || msg.flags[j]! & FLAG.short || (kind !== KIND_INDEX.text && kind !== KIND_INDEX.link) || isStaff(msg.sender[j]!)) continue;
      const s = msg.sender[j]!;
      // One key for (sender, text); a different pair under the same key (as rare as a hash
      // collision) starts a new chain rather than joining another's.
      const key = h + s * 8191;
      let i = (key >>> 0) & mask, p = -1;
      for (let v = latest[i]!; v >= start && v < end; v = latest[i = (i + 1) & mask]!) if (keys[i] === key) { p = v; break; }
      keys[i] = key;
      latest[i] = j;
      if (p >= 0 && msg.sender[p] === s && textHash[p] === h) prev[j] = p;
      // REPEATS in a row within the window: j and the ones before it in its chain.
      let first = j;
      for (let k = 1; k < REPEATS && first >= 0; k++) first = prev[first]!;
      if (first >= 0 && msg.time[j]! - msg.time[first]! <= REPEAT_WINDOW) for (let q = j, k = 0; k < REPEATS; k++, q = prev[q]!) repeated[q] = 1;
    }
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      const s = msg.sender[j]!;
      total[s]!++;
      if (msg.flags[j]! & FLAG.ad || repeated[j]) {
        msg.flags[j]! |= FLAG.spam;
        spamCount[s]!++;
      }
    }
    for (const s of g.members) {
      const n = spamCount[s]!;
      if (n === 0 || isStaff(s)) continue;
      if (n >= SPAMMER_MIN && n >= SPAMMER_SHARE * total[s]!) { members[s]!.spammer = true; spammer[s] = 1; }
    }
    for (let j = g.msgStart; j < g.msgEnd; j++) if (spammer[msg.sender[j]!]) msg.flags[j]! |= FLAG.spam;
  }
}
