import { FLAG, type GroupRecord, type MemberRecord } from './types.js';

/** The same text from the same sender this many times is an ad campaign, not a conversation. */
const REPEATS = 3;
/** A member with at least this many spam messages, making up this share of theirs, is a spammer. */
const SPAMMER_MIN = 3;
const SPAMMER_SHARE = 0.3;

/**
 * Marks spam: ads found at ingest (contact-me, phone numbers), the same text posted again and
 * again by one sender, and everything a spammer posts. Owners and admins are never "spammers"
 * (their repeated announcements are theirs to make), but their ads still do not count as activity.
 */
export function markSpam(
  groups: GroupRecord[],
  members: MemberRecord[],
  msg: { sender: Uint32Array; flags: Uint16Array },
  textHash: Float64Array,
): void {
  for (const g of groups) {
    const repeats = new Map<string, number>();
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      if (textHash[j] === 0) continue;
      const key = `${msg.sender[j]}:${textHash[j]}`;
      repeats.set(key, (repeats.get(key) ?? 0) + 1);
    }
    const spamCount = new Map<number, number>();
    const total = new Map<number, number>();
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      const s = msg.sender[j]!;
      total.set(s, (total.get(s) ?? 0) + 1);
      const repeated = textHash[j] !== 0 && repeats.get(`${s}:${textHash[j]}`)! >= REPEATS;
      if (msg.flags[j]! & FLAG.ad || repeated) {
        msg.flags[j]! |= FLAG.spam;
        spamCount.set(s, (spamCount.get(s) ?? 0) + 1);
      }
    }
    for (const [s, n] of spamCount) {
      const m = members[s]!;
      if (m.role === 'owner' || m.role === 'admin') continue;
      if (n >= SPAMMER_MIN && n >= SPAMMER_SHARE * total.get(s)!) m.spammer = true;
    }
    for (let j = g.msgStart; j < g.msgEnd; j++) if (members[msg.sender[j]!]!.spammer) msg.flags[j]! |= FLAG.spam;
  }
}
