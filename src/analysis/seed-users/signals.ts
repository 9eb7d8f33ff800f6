import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { DAY } from '../../core/time.js';
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

/** How many of a member's latest active days make their present rhythm (a group that slows down
 *  slows its regulars too; their rhythm of a year ago says little about a silence now). */
const RHYTHM_DAYS = 10;

export interface SeedSignalOptions {
  dailyCap: number;
  halfLifeDays: number;
  newcomerDays: number;
}

/** Signals of every member with member activity in the group up to as-of. */
export function collectSignals(ds: Dataset, g: GroupRecord, asOf: number, asOfDay: number, o: SeedSignalOptions): Map<number, SeedSignals> {
  const { time, flags, sender, responseTo, replyTo, day } = ds.messages;
  // Per-member state in typed arrays by slot (position in g.members): this loop runs once per
  // message, and Maps and Sets keyed per message were most of its time.
  const slots = memberSlots(ds, g), n = g.members.length;
  const signals = new Array<SeedSignals | undefined>(n);
  /** Slots in the order their signals were created: the order of the returned Map. */
  const created: number[] = [];
  const lastDay = new Float64Array(n).fill(NaN), lastWeek = new Float64Array(n).fill(NaN);
  const dayCount = new Int32Array(n);
  /** The last RHYTHM_DAYS active days of each member, for their present rhythm: a ring per member
   *  where active day number k (counting from 0) sits at k % RHYTHM_DAYS. */
  const rhythm = new Int32Array(n * RHYTHM_DAYS);
  /** Distinct (answered or mentioned, by) pairs, as slot × n + slot; and per member how many. */
  const recognisedPairs = new Set<number>();
  const recognisedBy = new Int32Array(n);
  const recognise = (target: number, by: number) => {
    if (target === by) return;
    const pair = target * n + by;
    if (recognisedPairs.has(pair)) return;
    recognisedPairs.add(pair);
    recognisedBy[target]!++;
  };
  const get = (slot: number): SeedSignals => {
    let s = signals[slot];
    if (!s) {
      s = { activeDays: 0, activeWeeks: 0, recentDays: 0, messages: 0, conversationsStarted: 0, repliesReceived: 0, recognisedBy: 0, answersGiven: 0, questionsAnswered: 0, newcomersAnswered: 0, daysSinceLast: 0, usualGapDays: 0, tenureDays: 0, invitedStayed: 0, invitedActive: 0 };
      signals[slot] = s;
      created.push(slot);
    }
    return s;
  };
  const arrived = new Float64Array(n);
  for (let i = 0; i < n; i++) { const r = ds.members[g.members[i]!]!; arrived[i] = r.joinedAt ?? r.firstMessageAt ?? -Infinity; }
  const ln2 = Math.log(2);

  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const t = time[j]!;
    if (t > asOf) break;
    const f = flags[j]!;
    if (!(f & FLAG.human)) continue;
    const who = slots[sender[j]!]!;
    // Being answered counts whoever answers (an admin's reply is recognition too).
    const to = responseTo[j]! >= 0 ? responseTo[j]! : replyTo[j]!;
    const target = to >= 0 ? slots[sender[to]!]! : -1;
    if (target >= 0 && target !== who && flags[to]! & FLAG.member) {
      get(target).repliesReceived++;
      recognise(target, who);
    }
    if (!(f & FLAG.member)) continue;
    const s = get(who);
    const d = day[j]!, w = Math.floor((d + 3) / 7);
    if (lastDay[who] !== d) {
      lastDay[who] = d;
      dayCount[who] = 0;
      const k = s.activeDays++;
      s.recentDays += Math.exp((-ln2 * Math.max(0, asOfDay - d)) / o.halfLifeDays);
      rhythm[who * RHYTHM_DAYS + (k % RHYTHM_DAYS)] = d;
      const held = Math.min(k + 1, RHYTHM_DAYS), oldest = rhythm[who * RHYTHM_DAYS + ((k + 1 - held) % RHYTHM_DAYS)]!;
      s.usualGapDays = held > 1 ? (d - oldest) / (held - 1) : 0;
    }
    if (lastWeek[who] !== w) { lastWeek[who] = w; s.activeWeeks++; }
    const today = ++dayCount[who]!;
    if (today <= o.dailyCap) s.messages++;
    if (f & FLAG.convStart && today <= o.dailyCap) s.conversationsStarted++;
    if (target >= 0 && target !== who && today <= o.dailyCap) {
      s.answersGiven++;
      if (flags[to]! & FLAG.question) s.questionsAnswered++;
      if (time[to]! - arrived[target]! <= o.newcomerDays * DAY) s.newcomersAnswered++;
    }
    s.daysSinceLast = (asOf - t) / DAY;
  }
  for (const k of groupMentions(ds, g)) {
    const j = ds.mentions.message[k]!;
    if (time[j]! > asOf || !(flags[j]! & FLAG.human)) continue;
    const target = slots[ds.mentions.member[k]!]!;
    if (signals[target]) recognise(target, slots[sender[j]!]!);
  }
  const out = new Map<number, SeedSignals>();
  for (const slot of created) {
    const s = signals[slot]!;
    s.recognisedBy = recognisedBy[slot]!;
    s.tenureDays = Math.max(0, (asOf - arrived[slot]!) / DAY);
    out.set(g.members[slot]!, s);
  }
  for (const i of g.members) {
    const r = ds.members[i]!;
    if (r.invitedBy === null || (r.joinedAt ?? -Infinity) > asOf) continue;
    const inviter = out.get(r.invitedBy);
    if (!inviter || (r.leftAt !== null && r.leftAt <= asOf)) continue;
    inviter.invitedStayed++;
    if (out.has(i)) inviter.invitedActive++;
  }
  return out;
}
