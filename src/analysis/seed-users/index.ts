import { z } from 'zod';
import { memberColumns, ROLE } from '../shared/member-columns.js';
import { round3 } from '../shared/numbers.js';
import { topK } from '../shared/top.js';
import { defineAnalysis } from '../types.js';
import { namedLikeBot } from './bot-names.js';
import { scoreCandidates } from './rank.js';
import { collectSignals, weekOfDay, signalsAt } from './signals.js';

const weightDefaults = { consistency: 0.25, recency: 0.15, initiative: 0.15, recognition: 0.15, responsiveness: 0.15, tenure: 0.05, fission: 0.1 };
const weight = (what: string, d: number) => z.number().nonnegative().default(d).describe(`weight of ${what}`);

export const seedUsersOptions = z.object({
  minActiveDays: z.number().int().positive().default(5)
    .describe('fewest days with messages to be considered: a one-day burst is not a seed user'),
  minActiveWeeks: z.number().int().positive().default(3).describe('fewest distinct calendar weeks with messages to be considered (in a group in inception, as many as it has had)'),
  dailyCap: z.number().int().positive().default(20)
    .describe('messages (and conversations started, answers given) counted per member per day at most'),
  halfLifeDays: z.number().positive().default(60).describe('half-life of past activity in the recency signal'),
  newcomerDays: z.number().positive().default(14).describe('a member is a newcomer this many days after joining'),
  quietGapFactor: z.number().positive().default(6)
    .describe('a member silent for this many times their usual gap between their last 10 active days (and at least quietMinDays) before the group\'s last member message has gone quiet, and does not rank'),
  quietMinDays: z.number().positive().default(14).describe('the shortest silence that counts as gone quiet'),
  broadcastMinMessages: z.number().int().positive().default(30)
    .describe('a member with at least this many messages (counted as in `messages`)…'),
  broadcastBelow: z.number().nonnegative().default(0.15)
    .describe('…whose replies received, answers given and conversations started (that someone else talked in) together are fewer than this many per message, and under a quarter of the group\'s median, is a broadcaster (an unmarked bot, a daily notice) and does not rank'),
  weights: z.object({
    consistency: weight('consistency: active days and weeks', weightDefaults.consistency),
    recency: weight('recency: active days weighted by how recent they are', weightDefaults.recency),
    initiative: weight('initiative: conversations started', weightDefaults.initiative),
    recognition: weight('recognition: replies and mentions received, from distinct people', weightDefaults.recognition),
    responsiveness: weight('responsiveness: answers to others, to questions, to newcomers', weightDefaults.responsiveness),
    tenure: weight('tenure: days in the group', weightDefaults.tenure),
    fission: weight('fission: people they invited who stayed and talk', weightDefaults.fission),
  }).default(weightDefaults).describe('how the aspects combine (each scaled within the group: log(1 + value) / log(1 + the largest in the group))'),
});

const signalsSchema = z.object({
  activeDays: z.number().int(), activeWeeks: z.number().int(), recentDays: z.number(), messages: z.number().int(),
  conversationsStarted: z.number().int(), repliesReceived: z.number().int(), recognisedBy: z.number().int(),
  answersGiven: z.number().int(), questionsAnswered: z.number().int(), newcomersAnswered: z.number().int(),
  daysSinceLast: z.number(), usualGapDays: z.number(), tenureDays: z.number(), invitedStayed: z.number().int(), invitedActive: z.number().int(),
});

export const seedUsersResult = z.array(z.object({
  memberId: z.string(),
  name: z.string(),
  rank: z.number().int().min(1),
  score: z.number().min(0).max(1).describe('weighted mean of the aspects, each scaled against the group\'s largest (log scale)'),
  signals: signalsSchema,
}));
export type SeedUsersResult = z.output<typeof seedUsersResult>;

/**
 * Seed users (种子用户): members who start, answer and draw answers, consistently, and bring in
 * people who stay. Owner, admins, bots (marked, or named like one), spammers, people who left,
 * short-lived posters and broadcasters nobody answers never rank.
 */
export const seedUsers = defineAnalysis({
  key: 'seedUsers',
  title: 'Seed users: who to cultivate into opinion leaders',
  optionsSchema: seedUsersOptions,
  resultSchema: seedUsersResult,
  run(group, ctx, o, prior): SeedUsersResult {
    const ds = ctx.dataset;
    const table = collectSignals(ds, group, ctx.asOf, ctx.zone.dayIndex(ctx.asOf), o);
    const { activeDays, activeWeeks, daysSinceLast, usualGapDays } = table.columns;
    // Silence is measured against the group's own last member message, so that in a group that
    // fell silent as a whole the former regulars are still there to be seen.
    let groupQuiet = Infinity;
    for (const slot of table.slots) groupQuiet = Math.min(groupQuiet, daysSinceLast[slot]!);
    const cols = memberColumns(ds);
    // A group in inception (young, and its beginning in the data) asks for as many calendar weeks
    // as it has had: then, when the source material says to find seed users, nobody could rank
    // otherwise. A short export of an old group is no young group.
    const young = (prior.lifecycle as { phase?: string } | undefined)?.phase === 'inception';
    const firstDay = ctx.zone.dayIndex(Math.min(ctx.series(group).firstAt, ctx.asOf));
    const minWeeks = young ? Math.min(o.minActiveWeeks, weekOfDay(ctx.zone.dayIndex(ctx.asOf)) - weekOfDay(firstDay) + 1) : o.minActiveWeeks;
    /** Slots of the members who may rank, in the table's order. */
    const candidates: number[] = [];
    for (const slot of table.slots) {
      const m = group.members[slot]!;
      if (cols.role[m] !== ROLE.member || cols.spammer[m]) continue;
      if (cols.leftAt[m]! <= ctx.asOf) continue; // NaN: never left
      if (activeDays[slot]! < o.minActiveDays || activeWeeks[slot]! < minWeeks) continue;
      if (goneQuiet(daysSinceLast[slot]!, usualGapDays[slot]!, groupQuiet, o)) continue;
      // A bot no source marked, by its name: it posts (or relays) too steadily to be told apart
      // otherwise. Last, as the dearest test (four regexes over each name; 30 ms at 2 M messages
      // when it ran for every member).
      const record = ds.members[m]!;
      if (namedLikeBot(record.key) || record.names.some(namedLikeBot)) continue;
      candidates.push(slot);
    }
    dropBroadcasters(table.columns, candidates, o);
    const scores = scoreCandidates(table, candidates, o.weights);
    const best = topK(candidates.length, ctx.top, (a, b) => scores[b]! - scores[a]!
      || activeDays[candidates[b]!]! - activeDays[candidates[a]!]! || group.members[candidates[a]!]! - group.members[candidates[b]!]!);
    return best.map((i, k) => {
      const r = ds.members[group.members[candidates[i]!]!]!;
      const s = signalsAt(table, candidates[i]!);
      return {
        memberId: r.key,
        name: r.names[r.names.length - 1] ?? r.key,
        rank: k + 1,
        score: round3(scores[i]!),
        signals: { ...s, recentDays: round3(s.recentDays), daysSinceLast: Math.round(s.daysSinceLast * 10) / 10, usualGapDays: Math.round(s.usualGapDays * 10) / 10, tenureDays: Math.round(s.tenureDays) },
      };
    });
  },
});

/**
 * A regular who stopped: silent for many times their usual gap between active days. Without a
 * member list or leave events this is how someone who left shows; with one, it is a member who
 * has drifted away (a "became inactive" alert), not someone to cultivate now.
 */
function goneQuiet(daysSinceLast: number, usualGapDays: number, groupQuiet: number, o: { quietGapFactor: number; quietMinDays: number }): boolean {
  const silent = daysSinceLast - groupQuiet;
  return usualGapDays > 0 && silent >= Math.max(o.quietMinDays, o.quietGapFactor * usualGapDays);
}

/** Below this share of the group's median engagement, a member's posting is broadcasting. */
const BROADCAST_OF_MEDIAN = 0.25;

/**
 * Takes out of `candidates` (in place) the broadcasters: members who post steadily but whose posts
 * nobody takes up and who take up nobody's (not the bots of staff.ts's inferBroadcasters, which go
 * on posting after the group fell silent: these post in a live group, and only do not rank) — a bot nobody marked (群助手 posting the daily
 * notice), a member who only forwards links. Presence alone would rank them near the top.
 * Measured against the group's own median too, so that in a group where nobody answers anybody
 * (a check-in group, 打卡群) the steady posters still rank.
 */
function dropBroadcasters(c: { messages: ArrayLike<number>; repliesReceived: ArrayLike<number>; answersGiven: ArrayLike<number>; conversationsStarted: ArrayLike<number> }, candidates: number[], o: { broadcastMinMessages: number; broadcastBelow: number }): void {
  // Openings others took up count too: answers that come after the reply window (a morning post
  // answered twenty minutes later) are no replies, yet the conversation was theirs (review).
  const rate = (slot: number) => (c.repliesReceived[slot]! + c.answersGiven[slot]! + c.conversationsStarted[slot]!) / Math.max(1, c.messages[slot]!);
  const rates = candidates.map(rate);
  if (rates.length === 0) return;
  const median = [...rates].sort((a, b) => a - b)[rates.length >> 1]!;
  const limit = Math.min(o.broadcastBelow, BROADCAST_OF_MEDIAN * median);
  let kept = 0;
  candidates.forEach((slot, i) => { if (c.messages[slot]! < o.broadcastMinMessages || rates[i]! >= limit) candidates[kept++] = slot; });
  candidates.length = kept;
}
