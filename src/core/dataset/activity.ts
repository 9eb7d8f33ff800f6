import { FLAG, KIND_INDEX, type Dataset, type GroupRecord } from './types.js';

/** A gap after which a human message starts a new conversation. */
const CONVERSATION_GAP = 30 * 60_000;

/**
 * Each member's message count, spam count, first and last message time. Counted in typed arrays
 * and written to the member records once each: a record read per message is a cache miss.
 */
export function messageCounts(members: Dataset['members'], out: { time: Float64Array; sender: Uint32Array; flags: Uint16Array }): void {
  const n = new Int32Array(members.length), spam = new Int32Array(members.length);
  const first = new Float64Array(members.length), last = new Float64Array(members.length);
  for (let j = 0; j < out.sender.length; j++) {
    const s = out.sender[j]!;
    if (n[s]!++ === 0) first[s] = out.time[j]!;
    last[s] = out.time[j]!;
    if (out.flags[j]! & FLAG.spam) spam[s]!++;
  }
  members.forEach((m, s) => {
    m.messages += n[s]!;
    m.spamMessages += spam[s]!;
    if (n[s]! > 0) { m.firstMessageAt ??= first[s]!; m.lastMessageAt = last[s]!; }
  });
}

const ROLE_MEMBER = 0, ROLE_STAFF = 1, ROLE_BOT = 2;

/** Human, member and staff flags from each sender's role, and conversation starts among human messages. */
export function activityFlags(groups: readonly GroupRecord[], members: Dataset['members'], out: { time: Float64Array; sender: Uint32Array; flags: Uint16Array }): void {
  // A plain loop: Uint8Array.from with a callback goes through the iterator protocol per member.
  const role = new Uint8Array(members.length);
  for (let s = 0; s < members.length; s++) {
    const r = members[s]!.role;
    role[s] = r === 'bot' ? ROLE_BOT : r === 'owner' || r === 'admin' ? ROLE_STAFF : ROLE_MEMBER;
  }
  for (const g of groups) {
    let last = -Infinity;
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      const r = role[out.sender[j]!]!;
      let f = out.flags[j]! & ~(FLAG.human | FLAG.member | FLAG.staff | FLAG.convStart);
      const kind = f & FLAG.kindMask;
      if (kind !== KIND_INDEX.system && kind !== KIND_INDEX.recall && r !== ROLE_BOT && !(f & FLAG.spam)) {
        f |= FLAG.human;
        f |= r === ROLE_STAFF ? FLAG.staff : FLAG.member;
        if (out.time[j]! - last > CONVERSATION_GAP) f |= FLAG.convStart;
        last = out.time[j]!;
      }
      out.flags[j] = f;
    }
  }
}
