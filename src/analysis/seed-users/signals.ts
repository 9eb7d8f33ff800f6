import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { DAY } from '../../core/time.js';
import { memberColumns } from '../shared/member-columns.js';
import { memberSlots } from '../shared/slots.js';
import { groupMentions } from './mentions.js';

/** What one member did, as counted for the seed-user ranking. All numbers, for the JSON. */
export interface SeedSignals {
  activeDays: number;
  activeWeeks: number;
  /** Active days weighted by recency (half-life `halfLifeDays`): presence that still holds. */
  recentDays: number;
  /** Member messages with at most `dailyCap` counted per day, so a flood does not count as presence. */
  messages: number;
  /** Conversations (after a 30-minute gap) they opened that someone else then talked in. */
  conversationsStarted: number;
  /** Replies (explicit or inferred answers) their messages drew from others. */
  repliesReceived: number;
  /** Distinct people who answered or @-mentioned them. */
  recognisedBy: number;
  answersGiven: number;
  questionsAnswered: number;
  newcomersAnswered: number;
  daysSinceLast: number;
  /** Mean gap in days between their last few active days: their present rhythm. */
  usualGapDays: number;
  tenureDays: number;
  /** People they invited who are still in the group, and of those how many have spoken. */
  invitedStayed: number;
  invitedActive: number;
}

/** The calendar week (Monday to Sunday) of a local day index (day 0, 1970-01-01, was a Thursday). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** How many of a member's latest active days make their present rhythm (a group that slows down
 *  slows its regulars too; their rhythm of a year ago says little about a silence now). */
const RHYTHM_DAYS = 10;

export interface SeedSignalOptions {
  dailyCap: number;
  halfLifeDays: number;
  newcomerDays: number;
}

/**
 * The signals of a group's members, one column per signal by slot (position in g.members). The
 * ranking reads every member's signals but lists only a few: objects are made for those alone.
 */
export interface SignalTable {
  /** Slots that have signals (they wrote member messages or were answered), in the order they got them. */
  slots: number[];
  columns: Record<keyof SeedSignals, Int32Array | Float64Array>;
}

/** One member's signals as an object, in the order of SeedSignals (the JSON's order). */
export function signalsAt(t: SignalTable, slot: number): SeedSignals {
  const c = t.columns;
  return {
    activeDays: c.activeDays[slot]!, activeWeeks: c.activeWeeks[slot]!, recentDays: c.recentDays[slot]!, messages: c.messages[slot]!,
    conversationsStarted: c.conversationsStarted[slot]!, repliesReceived: c.repliesReceived[slot]!, recognisedBy: c.recognisedBy[slot]!,
    answersGiven: c.answersGiven[slot]!, questionsAnswered: c.questionsAnswered[slot]!, newcomersAnswered: c.newcomersAnswered[slot]!,
    daysSinceLast: c.daysSinceLast[slot]!, usualGapDays: c.usualGapDays[slot]!, tenureDays: c.tenureDays[slot]!,
    invitedStayed: c.invitedStayed[slot]!, invitedActive: c.invitedActive[slot]!,
  };
}

/** Signals of every member with member activity in the group up to as-of. */
export function collectSignals(ds: Dataset, g: GroupRecord, asOf: number, asOfDay: number, o: SeedSignalOptions): SignalTable {
  const { time, flags, sender, responseTo, replyTo, day } = ds.messages;
  // This loop runs once per message: every per-member number lives in a typed array by slot
  // (position in g.members).
  const slots = memberSlots(ds, g), n = g.members.length;
  const c = counters(n);
  /** Slots in the order they got signals (answered, or wrote): the order of the returned Map. */
  const created: number[] = [];
  const has = new Uint8Array(n);
  const touch = (slot: number) => { if (!has[slot]) { has[slot] = 1; created.push(slot); } };
  const lastDay = new Float64Array(n).fill(NaN), lastWeek = new Float64Array(n).fill(NaN), lastAt = new Float64Array(n).fill(NaN);
  const dayCount = new Int32Array(n);
  /** The last RHYTHM_DAYS active days of each member, for their present rhythm: a ring per member
   *  where active day number k (counting from 0) sits at k % RHYTHM_DAYS. */
  const rhythm = new Int32Array(n * RHYTHM_DAYS);
  /** Distinct (answered or mentioned, by) pairs, as slot × n + slot; and per member how many. */
  const recognisedPairs = pairSet(n);
  const recognisedBy = new Int32Array(n);
  const recognise = (target: number, by: number) => {
    if (target === by || !recognisedPairs.add(target * n + by)) return;
    recognisedBy[target]!++;
  };
  const cols = memberColumns(ds);
  const arrived = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = g.members[i]!, joined = cols.joinedAt[m]!, first = cols.firstMessageAt[m]!;
    arrived[i] = !Number.isNaN(joined) ? joined : !Number.isNaN(first) ? first : -Infinity;
  }
  const recency = recencyWeights(asOfDay, g.msgEnd > g.msgStart ? day[g.msgStart]! : asOfDay, o.halfLifeDays);
  /** The member whose conversation start waits for someone else to join in, or -1. */
  let opener = -1;

  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const t = time[j]!;
    if (t > asOf) break;
    const f = flags[j]!;
    if (!(f & FLAG.human)) continue;
    const who = slots[sender[j]!]!;
    if (f & FLAG.convStart) opener = -1;
    else if (opener >= 0 && who !== opener) {
      // A conversation counts as started once someone else (member or staff) talks in it: a daily
      // notice nobody takes up is posting, not starting a conversation.
      c.conversationsStarted[opener]!++;
      opener = -1;
    }
    // Being answered counts whoever answers (an admin's reply is recognition too).
    const to = responseTo[j]! >= 0 ? responseTo[j]! : replyTo[j]!;
    const target = to >= 0 ? slots[sender[to]!]! : -1;
    if (target >= 0 && target !== who && flags[to]! & FLAG.member) {
      touch(target);
      c.repliesReceived[target]!++;
      recognise(target, who);
    }
    if (!(f & FLAG.member)) continue;
    touch(who);
    const d = day[j]!, w = weekOfDay(d);
    if (lastDay[who] !== d) {
      lastDay[who] = d;
      dayCount[who] = 0;
      rhythm[who * RHYTHM_DAYS + (c.activeDays[who]! % RHYTHM_DAYS)] = d;
      c.activeDays[who]!++;
      c.recentDays[who] += recency(d);
    }
    if (lastWeek[who] !== w) { lastWeek[who] = w; c.activeWeeks[who]!++; }
    const today = ++dayCount[who]!;
    if (today <= o.dailyCap) c.messages[who]!++;
    if (f & FLAG.convStart && today <= o.dailyCap) opener = who;
    if (target >= 0 && target !== who && today <= o.dailyCap) {
      c.answersGiven[who]!++;
      if (flags[to]! & FLAG.question) c.questionsAnswered[who]!++;
      if (time[to]! - arrived[target]! <= o.newcomerDays * DAY) c.newcomersAnswered[who]!++;
    }
    lastAt[who] = t;
  }
  for (const k of groupMentions(ds, g)) {
    const j = ds.mentions.message[k]!;
    if (time[j]! > asOf || !(flags[j]! & FLAG.human)) continue;
    const target = slots[ds.mentions.member[k]!]!;
    if (has[target]) recognise(target, slots[sender[j]!]!);
  }
  const daysSinceLast = new Float64Array(n), usualGapDays = new Float64Array(n), tenureDays = new Float64Array(n);
  for (const slot of created) {
    const days = c.activeDays[slot]!;
    // The rhythm as it stood after their last active day: the mean gap across the ring.
    const held = Math.min(days, RHYTHM_DAYS);
    const newest = rhythm[slot * RHYTHM_DAYS + ((days - 1) % RHYTHM_DAYS)]!, oldest = rhythm[slot * RHYTHM_DAYS + ((days - held) % RHYTHM_DAYS)]!;
    daysSinceLast[slot] = Number.isNaN(lastAt[slot]!) ? 0 : (asOf - lastAt[slot]!) / DAY;
    usualGapDays[slot] = held > 1 ? (newest - oldest) / (held - 1) : 0;
    tenureDays[slot] = Math.max(0, (asOf - arrived[slot]!) / DAY);
  }
  const invitedStayed = new Int32Array(n), invitedActive = new Int32Array(n);
  for (let slot = 0; slot < n; slot++) {
    // An unknown join time does not stop an invitee from counting; an unknown leave is no leave.
    const i = g.members[slot]!, by = cols.invitedBy[i]!;
    if (by < 0 || cols.joinedAt[i]! > asOf || cols.leftAt[i]! <= asOf) continue;
    // The slot array holds other groups' positions too: the inviter counts only as a member of this group with signals.
    const inviter = slots[by]!;
    if (g.members[inviter] !== by || !has[inviter]) continue;
    invitedStayed[inviter]!++;
    if (has[slot]) invitedActive[inviter]!++;
  }
  return {
    slots: created,
    columns: { ...c, recognisedBy, daysSinceLast, usualGapDays, tenureDays, invitedStayed, invitedActive },
  };
}

/** The per-member counts collectSignals keeps while it walks the messages, one typed array each. */
function counters(n: number) {
  const ints = () => new Int32Array(n);
  return {
    activeDays: ints(), activeWeeks: ints(), messages: ints(), conversationsStarted: ints(), repliesReceived: ints(),
    answersGiven: ints(), questionsAnswered: ints(), newcomersAnswered: ints(),
    recentDays: new Float64Array(n),
  };
}

/**
 * The recency weight of an active day (half-life `halfLifeDays` back from as-of): one Math.exp
 * per age in days rather than per member and day. Ages up to `asOfDay − firstDay` are kept.
 */
function recencyWeights(asOfDay: number, firstDay: number, halfLifeDays: number): (d: number) => number {
  const ln2 = Math.log(2);
  const weight = (age: number) => Math.exp((-ln2 * age) / halfLifeDays);
  const byAge = new Float64Array(Math.max(1, asOfDay - firstDay + 1)).fill(NaN);
  return (d) => {
    const age = Math.max(0, asOfDay - d);
    if (age >= byAge.length) return weight(age);
    let w = byAge[age]!;
    if (Number.isNaN(w)) byAge[age] = w = weight(age);
    return w;
  };
}

/** Up to this many pairs (n²) a bit per pair (8 MB at most); beyond, a Set of the pairs seen. */
const MAX_PAIR_BITS = 1 << 26;

/**
 * A set of pair numbers below n², whose add says whether the pair is new. A bit per pair while
 * that is small: a Set of numbers cost a third of a second per million replies in one big group
 * (each add and lookup a cache miss in a growing hash table).
 */
export function pairSet(n: number, maxBits = MAX_PAIR_BITS): { add(pair: number): boolean } {
  if (n * n <= maxBits) {
    const bits = new Uint32Array(Math.ceil((n * n) / 32));
    return {
      add(pair) {
        const w = pair >>> 5, bit = 1 << (pair & 31);
        if (bits[w]! & bit) return false;
        bits[w]! |= bit;
        return true;
      },
    };
  }
  const seen = new Set<number>();
  return { add: (pair) => seen.size !== seen.add(pair).size };
}
