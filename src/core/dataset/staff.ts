import { isStaffRole } from '../model.js';
import { FLAG, KIND_INDEX, type GroupRecord, type MemberRecord } from './types.js';

/** Platforms where only the owner and admins can remove a member. */
const ADMINS_REMOVE = new Set(['wechat', 'qq', 'whatsapp', 'telegram']);

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
 * 2. the member who made most of the group's invitations (≥ MIN_INVITES and ≥ MIN_INVITE_SHARE),
 *    unless the exporter of rule 1 made MIN_INVITES invitations too (the inviting staff is known);
 * and in every group, staff known or not, 3. whoever removed a member (where only staff can).
 * A role stated anywhere (`stated[m] > 0`, even "member" in a member list) is never overridden.
 */
export function inferStaff(groups: GroupRecord[], members: MemberRecord[], stated: Uint8Array, self: Iterable<number>): void {
  const promote = (idx: number) => {
    const m = members[idx]!;
    if (stated[idx]! > 0 || m.role !== 'member') return;
    m.role = 'admin';
    m.roleInferred = true;
  };
  // 3. Whoever removed someone, wherever a creator or owner is known too: WeChat, QQ, WhatsApp and
  // Telegram let only the owner and admins remove members (the exports name just the creator).
  // Not LINE, where any member may remove another, nor a platform the export does not name.
  for (const g of groups) {
    if (!ADMINS_REMOVE.has(g.platform)) continue;
    for (const e of g.events) if (e.action === 'remove' && e.by !== null && e.by !== e.member) promote(e.by);
  }
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
    // An exporter who invites people (MIN_INVITES, as the rule asks of anyone) does the staff's
    // inviting: someone else who invites more is a member spreading the group (fifth independent
    // simulator: a viral member beside an exporter who invited three was made an admin, and the
    // fission called staff-seeded). One invitation is the operator adding an assistant, who then
    // seeds the group: staff still (review).
    const selfInvites = inferred.some((idx) => (invites.get(idx) ?? 0) >= MIN_INVITES);
    if (!selfInvites && top >= 0 && most >= MIN_INVITES && most >= MIN_INVITE_SHARE * total) inferred.push(top);
    for (const idx of inferred) promote(idx);
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
 * Or: the only voices, unanswered, over the group's last this long — owners or admins nobody knows
 * about, once part of a conversation, now talking into a dead group.
 */
export const ALONE_AFTER = 30 * 86_400_000;
/** At most this many such voices: an owner and an admin or two, not a circle of members. */
export const ALONE_MAX_VOICES = 3;
/** Each voice posts on at least this many of those days: a regular, not a passer-by. */
export const ALONE_VOICE_MIN_DAYS = 3;
/** Before those days, at least this many times as many other members as voices posted. */
export const ALONE_OTHERS_FACTOR = 2;

/**
 * Bots and broadcasters from behaviour, for a group where no source stated a member or a bot, only
 * perhaps the owner and admins (留痕, WhatsApp, Telegram; QQ states owner and admins, never bots):
 * a daily bot or an admin nobody knows about, posting into a group that has gone quiet, would
 * otherwise count as member activity and a zombie group would look alive. A sender becomes a bot
 * (`roleInferred`) when, over BROADCAST_MIN_MESSAGES
 * messages on BROADCAST_MIN_DAYS days, at most BROADCAST_MAX_SHARE of them were answered by someone
 * else and at most that share answer anyone, and their last message is BROADCAST_AFTER or more after
 * the last answered message of anyone else: a member, even a shy one, is answered now and then or
 * answers, and does not go on posting for weeks after everyone else fell silent. Spammers (marked
 * already) and members with a stated or inferred role are left alone. Needs `responseTo`, so it runs
 * after linkReplies; returns the members made bots (their messages' flags are the caller's to redo).
 * Then, where no admin is stated, the last voices of a group (see lastVoices) are made bots too.
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
    // A source that states members or bots (a member list, a role column) knows who the bots are.
    if (g.members.some((m) => stated[m]! > 0 && !isStaffRole(members[m]!.role))) continue;
    // Where it states admins (QQ's 【管理员】), an unnamed voice is no admin nobody named.
    const adminsStated = g.members.some((m) => stated[m]! > 0 && members[m]!.role === 'admin');
    for (const s of g.members) { posts[s] = answered[s] = answers[s] = dayCount[s] = 0; lastAnswered[s] = -Infinity; }
    for (let j = g.msgStart; j < g.msgEnd; j++) {
      const s = msg.sender[j]!;
      // Messages are in time order, so a sender's days come in order: count the changes.
      if (posts[s]++ === 0 || msg.day[j] !== lastDay[s]) { dayCount[s]!++; lastDay[s] = msg.day[j]!; }
      const to = msg.responseTo[j]!;
      if (to < 0 || msg.sender[to] === s) continue;
      answers[s]!++;
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
    for (const s of g.members) {
      const m = members[s]!, n = posts[s]!;
      if (n < BROADCAST_MIN_MESSAGES || stated[s]! > 0 || m.role !== 'member' || m.spammer || m.lastMessageAt === null) continue;
      if (dayCount[s]! < BROADCAST_MIN_DAYS) continue;
      if (answered[s]! > BROADCAST_MAX_SHARE * n || answers[s]! > BROADCAST_MAX_SHARE * n) continue;
      const others = s === bestOf ? second : best;
      if (!Number.isFinite(others) || m.lastMessageAt - others < BROADCAST_AFTER) continue;
      m.role = 'bot';
      m.roleInferred = true;
      made.push(s);
    }
    // After the bots above: a bot posting beside them is not one more voice.
    for (const s of adminsStated ? [] : lastVoices(g, members, stated, msg)) {
      const m = members[s]!;
      m.role = 'bot';
      m.roleInferred = true;
      made.push(s);
    }
  }
  return made;
}

/**
 * The last voices of a group: the few senders (at most ALONE_MAX_VOICES) posting over the group's
 * last ALONE_AFTER (ending with its last message) when nobody else is there — known staff and bots,
 * spammers, notices and recalls aside — and nobody answers: no answer of one person to another in
 * those days except staff answering staff, and at most BROADCAST_MAX_SHARE of the voices' posts
 * answering one another, known staff or a bot (two admins' "收到" is still only staff talking).
 * Each voice posted on ALONE_VOICE_MIN_DAYS days (a regular, not a passer-by), and the voices with
 * the known staff posted BROADCAST_MIN_MESSAGES on BROADCAST_MIN_DAYS days (a steady posting into
 * the silence). Before those days the group had a life beyond the voices: at least
 * ALONE_OTHERS_FACTOR times as many other members as there are voices posted, and someone answered
 * someone (staff answering staff aside). That is an owner or admins nobody named, talking into a
 * dead group — a zombie whoever they are. Friends who only ever talked among themselves, or who
 * answer each other now, are not. Their earlier posts may have been answered (the share rule then
 * keeps them members): what is judged is the end. Returns the voices, or none.
 */
function lastVoices(g: GroupRecord, members: MemberRecord[], stated: Uint8Array, msg: { time: Float64Array; sender: Uint32Array; day: Int32Array; responseTo: Int32Array; flags: Uint16Array }): number[] {
  if (g.msgEnd <= g.msgStart) return [];
  const from = msg.time[g.msgEnd - 1]! - ALONE_AFTER;
  const talks = (m: MemberRecord): boolean => !m.spammer && m.role !== 'bot';
  /** A person talking: no notice or recall, no spammer or bot. */
  const talking = (j: number): boolean => {
    const kind = msg.flags[j]! & FLAG.kindMask;
    return kind !== KIND_INDEX.system && kind !== KIND_INDEX.recall && talks(members[msg.sender[j]!]!);
  };
  const voices: number[] = [], voiceDays: number[] = [], voiceLastDay: number[] = [];
  let first = g.msgEnd, n = 0, voicePosts = 0, days = 0, lastDay = NaN;
  for (let j = g.msgEnd - 1; j >= g.msgStart && msg.time[j]! >= from; j--) {
    first = j;
    if (!talking(j)) continue;
    // Known staff posting beside the voices is the same posting into the silence.
    n++;
    if (msg.day[j] !== lastDay) { days++; lastDay = msg.day[j]!; }
    const s = msg.sender[j]!;
    if (isStaffRole(members[s]!.role)) continue;
    let v = voices.indexOf(s);
    if (v < 0) {
      if (voices.length === ALONE_MAX_VOICES || stated[s]! > 0 || members[s]!.role !== 'member') return [];
      v = voices.push(s) - 1;
      voiceDays.push(0);
      voiceLastDay.push(NaN);
    }
    voicePosts++;
    if (msg.day[j] !== voiceLastDay[v]) { voiceDays[v]!++; voiceLastDay[v] = msg.day[j]!; }
  }
  if (voices.length === 0 || n < BROADCAST_MIN_MESSAGES || days < BROADCAST_MIN_DAYS) return [];
  if (voiceDays.some((d) => d < ALONE_VOICE_MIN_DAYS)) return [];
  const inside = (m: MemberRecord): boolean => voices.includes(m.index) || isStaffRole(m.role) || m.role === 'bot';
  // Answers in those days: none with anyone else, few among the voices, staff and bots.
  let among = 0;
  for (let j = first; j < g.msgEnd; j++) {
    const to = msg.responseTo[j]!;
    if (to < 0 || msg.sender[to] === msg.sender[j]) continue;
    const a = members[msg.sender[j]!]!, b = members[msg.sender[to]!]!;
    if (a.spammer || b.spammer || (isStaffRole(a.role) && isStaffRole(b.role))) continue;
    if (!inside(a) || !inside(b)) return [];
    among++;
  }
  if (among > BROADCAST_MAX_SHARE * voicePosts) return [];
  // Before: other members who posted, and someone answering someone.
  const others = new Set<number>();
  let exchange = false;
  for (let j = g.msgStart; j < first; j++) {
    const s = msg.sender[j]!, to = msg.responseTo[j]!;
    if (talking(j) && !isStaffRole(members[s]!.role) && !voices.includes(s)) others.add(s);
    if (to < 0 || msg.sender[to] === s) continue;
    const a = members[s]!, b = members[msg.sender[to]!]!;
    if (talks(a) && talks(b) && !(isStaffRole(a.role) && isStaffRole(b.role))) exchange = true;
  }
  return exchange && others.size >= ALONE_OTHERS_FACTOR * voices.length ? voices : [];
}
