import { isStaffRole } from '../model.js';
import { FLAG, KIND_INDEX, type GroupRecord, type MemberRecord } from './types.js';

/** The main inviter counts as staff when they made at least this many invitations… */
export const MIN_INVITES = 3;
/** …and at least this share of the group's invitations with a known inviter. */
export const MIN_INVITE_SHARE = 0.3;

/**
 * Staff from behaviour, for a group where no source stated an owner or admin (留痕 has no role
 * column, WhatsApp and Telegram know only a creator that may be outside the export). Without staff,
 * an owner or admin who keeps posting in a dead group makes it look alive, and the owner who
 * invites most people ranks as the top spreader. Two rules, each making an admin:
 * 1. the exporting user (operators export their own groups);
 * 2. the member who made most of the group's invitations (≥ MIN_INVITES and ≥ MIN_INVITE_SHARE).
 * A role stated anywhere (`stated[m] > 0`, even "member" in a member list) is never overridden.
 */
export function inferStaff(groups: GroupRecord[], members: MemberRecord[], stated: Uint8Array, self: Iterable<number>): void {
  const selfByGroup = new Map<number, number[]>();
  for (const m of self) (selfByGroup.get(members[m]!.group) ?? selfByGroup.set(members[m]!.group, []).get(members[m]!.group)!).push(m);
  for (const g of groups) {
    if (g.members.some((m) => isStaffRole(members[m]!.role))) continue;
    const invites = new Map<number, number>();
    let total = 0;
    for (const m of g.members) {
      const by = members[m]!.invitedBy;
      if (by === null) continue;
      total++;
      invites.set(by, (invites.get(by) ?? 0) + 1);
    }
    let top = -1, most = 0;
    for (const [by, n] of invites) if (n > most || (n === most && by < top)) { top = by; most = n; }
    const inferred = selfByGroup.get(g.index) ?? [];
    if (top >= 0 && most >= MIN_INVITES && most >= MIN_INVITE_SHARE * total) inferred.push(top);
    for (const idx of inferred) {
      const m = members[idx]!;
      if (stated[idx]! > 0 || m.role !== 'member') continue;
      m.role = 'admin';
      m.roleInferred = true;
    }
  }
}

/** A broadcaster posts at least this many messages… */
export const BROADCAST_MIN_MESSAGES = 8;
/** …on at least this many distinct days… */
export const BROADCAST_MIN_DAYS = 5;
/** …of which at most this share drew a response from someone else, and at most this share answer someone… */
export const BROADCAST_MAX_SHARE = 0.1;
/** …and keeps posting this long after the last message of anyone else that someone answered. */
export const BROADCAST_AFTER = 14 * 86_400_000;
/**
 * Or: the only one posting, unanswered, over the group's last this long — an owner nobody knows
 * about, once answered, now talking into a dead group.
 */
export const ALONE_AFTER = 30 * 86_400_000;

/**
 * Bots and broadcasters from behaviour, for a group where no source stated a role other than the
 * creator as owner (留痕, WhatsApp, Telegram): a daily bot or an admin nobody knows about, posting
 * into a group that has gone quiet, would otherwise count as member activity and a zombie group
 * would look alive. A sender becomes a bot (`roleInferred`) when, over BROADCAST_MIN_MESSAGES
 * messages on BROADCAST_MIN_DAYS days, at most BROADCAST_MAX_SHARE of them were answered by someone
 * else and at most that share answer anyone, and their last message is BROADCAST_AFTER or more after
 * the last answered message of anyone else: a member, even a shy one, is answered now and then or
 * answers, and does not go on posting for weeks after everyone else fell silent. Spammers (marked
 * already) and members with a stated or inferred role are left alone. Needs `responseTo`, so it runs
 * after linkReplies; returns the members made bots (their messages' flags are the caller's to redo).
 */
export function inferBroadcasters(
  groups: GroupRecord[],
  members: MemberRecord[],
  stated: Uint8Array,
  msg: { time: Float64Array; sender: Uint32Array; day: Int32Array; responseTo: Int32Array; flags: Uint16Array },
): number[] {
  const made: number[] = [];
  // Per member (a member belongs to one group) and per message: typed arrays, allocated once.
  const posts = new Int32Array(members.length), answered = new Int32Array(members.length), answers = new Int32Array(members.length);
  const dayCount = new Int32Array(members.length), lastDay = new Int32Array(members.length);
  /** Each sender's last message that someone else answered. */
  const lastAnswered = new Float64Array(members.length);
  const seen = new Uint8Array(msg.sender.length);
  for (const g of groups) {
    if (g.msgEnd - g.msgStart < BROADCAST_MIN_MESSAGES) continue;
    if (g.members.some((m) => stated[m]! > 0 && members[m]!.role !== 'owner')) continue;
    for (const s of g.members) { posts[s] = answered[s] = answers[s] = dayCount[s] = 0; lastAnswered[s] = -Infinity; }
    let lastExchange = -Infinity; // the last answer of one person to another in the group
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      const s = msg.sender[j]!;
      // Messages are in time order, so a sender's days come in order: count the changes.
      if (posts[s]++ === 0 || msg.day[j] !== lastDay[s]) { dayCount[s]!++; lastDay[s] = msg.day[j]!; }
      const to = msg.responseTo[j]!;
      if (to < 0 || msg.sender[to] === s) continue;
      answers[s]!++;
      // Staff answering staff is still only staff talking (the zombie of the domain).
      if (!(isStaffRole(members[s]!.role) && isStaffRole(members[msg.sender[to]!]!.role))) lastExchange = msg.time[j]!;
      if (seen[to]) continue;
      seen[to] = 1;
      const t = msg.sender[to]!;
      answered[t]!++;
      if (msg.time[to]! > lastAnswered[t]!) lastAnswered[t] = msg.time[to]!;
    }
    // The latest answered message of anyone but s: the best of the group, or the second best for its owner.
    let best = -Infinity, second = -Infinity, bestOf = -1;
    for (const s of g.members) {
      const t = lastAnswered[s]!;
      if (t > best) { second = best; best = t; bestOf = s; } else if (t > second) second = t;
    }
    const alone = aloneSince(g, members, msg, lastExchange);
    for (const s of g.members) {
      const m = members[s]!, n = posts[s]!;
      if (n === 0 || stated[s]! > 0 || m.role !== 'member' || m.spammer || m.lastMessageAt === null) continue;
      if (s !== alone) {
        if (n < BROADCAST_MIN_MESSAGES || dayCount[s]! < BROADCAST_MIN_DAYS) continue;
        if (answered[s]! > BROADCAST_MAX_SHARE * n || answers[s]! > BROADCAST_MAX_SHARE * n) continue;
        const others = s === bestOf ? second : best;
        if (!Number.isFinite(others) || m.lastMessageAt - others < BROADCAST_AFTER) continue;
      }
      m.role = 'bot';
      m.roleInferred = true;
      made.push(s);
    }
  }
  return made;
}

/**
 * The one sender posting over the group's last ALONE_AFTER (ending with its last message), when
 * they are the only one there — known staff and bots, spammers, notices and recalls aside —,
 * nobody answered anyone in it (`lastExchange`: the group's last answer of one person to another,
 * staff answering staff aside), and they posted
 * BROADCAST_MIN_MESSAGES on BROADCAST_MIN_DAYS days in it; else -1. Their earlier posts may have
 * been answered (the share rule above then keeps them a member): what is judged is the end.
 */
function aloneSince(g: GroupRecord, members: MemberRecord[], msg: { time: Float64Array; sender: Uint32Array; day: Int32Array; flags: Uint16Array }, lastExchange: number): number {
  // A group where nobody ever answered anyone is one voice, not a group that died around it.
  if (g.msgEnd <= g.msgStart || !Number.isFinite(lastExchange)) return -1;
  const from = msg.time[g.msgEnd - 1]! - ALONE_AFTER;
  if (lastExchange > from) return -1;
  let who = -1, n = 0, days = 0, lastDay = NaN;
  for (let j = g.msgEnd - 1; j >= g.msgStart && msg.time[j]! >= from; j--) {
    const s = msg.sender[j]!, kind = msg.flags[j]! & FLAG.kindMask;
    // Notices (joins, renames) and recalls are nobody talking; known staff and bots may post too.
    if (members[s]!.spammer || kind === KIND_INDEX.system || kind === KIND_INDEX.recall || isStaffRole(members[s]!.role) || members[s]!.role === 'bot') continue;
    if (who >= 0 && s !== who) return -1;
    who = s;
    n++;
    if (msg.day[j] !== lastDay) { days++; lastDay = msg.day[j]!; }
  }
  return n >= BROADCAST_MIN_MESSAGES && days >= BROADCAST_MIN_DAYS ? who : -1;
}
