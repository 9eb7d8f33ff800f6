import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { DAY } from '../../core/time.js';

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
  const out = new Map<number, SeedSignals>();
  const lastDay = new Map<number, number>(), lastWeek = new Map<number, number>(), dayCount = new Map<number, number>();
  const recognisers = new Map<number, Set<number>>();
  /** The last RHYTHM_DAYS active days of each member, for their present rhythm. */
  const lastDays = new Map<number, number[]>();
  const recognise = (target: number, by: number) => {
    if (target === by) return;
    let set = recognisers.get(target);
    if (!set) recognisers.set(target, (set = new Set()));
    set.add(by);
  };
  const get = (m: number): SeedSignals => {
    let s = out.get(m);
    if (!s) {
      s = { activeDays: 0, activeWeeks: 0, recentDays: 0, messages: 0, conversationsStarted: 0, repliesReceived: 0, recognisedBy: 0, answersGiven: 0, questionsAnswered: 0, newcomersAnswered: 0, daysSinceLast: 0, usualGapDays: 0, tenureDays: 0, invitedStayed: 0, invitedActive: 0 };
      out.set(m, s);
    }
    return s;
  };
  const arrived = (m: number) => ds.members[m]!.joinedAt ?? ds.members[m]!.firstMessageAt ?? -Infinity;
  const ln2 = Math.log(2);

  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const t = time[j]!;
    if (t > asOf) break;
    const f = flags[j]!;
    if (!(f & FLAG.human)) continue;
    const who = sender[j]!;
    // Being answered counts whoever answers (an admin's reply is recognition too).
    const to = responseTo[j]! >= 0 ? responseTo[j]! : replyTo[j]!;
    const target = to >= 0 ? sender[to]! : -1;
    if (target >= 0 && target !== who && flags[to]! & FLAG.member) {
      get(target).repliesReceived++;
      recognise(target, who);
    }
    if (!(f & FLAG.member)) continue;
    const s = get(who);
    const d = day[j]!, w = Math.floor((d + 3) / 7);
    if (lastDay.get(who) !== d) {
      lastDay.set(who, d);
      dayCount.set(who, 0);
      s.activeDays++;
      s.recentDays += Math.exp((-ln2 * Math.max(0, asOfDay - d)) / o.halfLifeDays);
      const recent = lastDays.get(who) ?? [];
      recent.push(d);
      if (recent.length > RHYTHM_DAYS) recent.shift();
      lastDays.set(who, recent);
      s.usualGapDays = recent.length > 1 ? (d - recent[0]!) / (recent.length - 1) : 0;
    }
    if (lastWeek.get(who) !== w) { lastWeek.set(who, w); s.activeWeeks++; }
    const today = dayCount.get(who)! + 1;
    dayCount.set(who, today);
    if (today <= o.dailyCap) s.messages++;
    if (f & FLAG.convStart && today <= o.dailyCap) s.conversationsStarted++;
    if (target >= 0 && target !== who && today <= o.dailyCap) {
      s.answersGiven++;
      if (flags[to]! & FLAG.question) s.questionsAnswered++;
      if (time[to]! - arrived(target) <= o.newcomerDays * DAY) s.newcomersAnswered++;
    }
    s.daysSinceLast = (asOf - t) / DAY;
  }
  for (let k = 0; k < ds.mentions.message.length; k++) {
    const j = ds.mentions.message[k]!;
    if (j < g.msgStart || j >= g.msgEnd || time[j]! > asOf || !(flags[j]! & FLAG.human)) continue;
    const target = ds.mentions.member[k]!;
    if (out.has(target)) recognise(target, sender[j]!);
  }
  for (const [m, s] of out) {
    s.recognisedBy = recognisers.get(m)?.size ?? 0;
    s.tenureDays = Math.max(0, (asOf - arrived(m)) / DAY);
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
