import type { SeedSignals, SignalTable } from './signals.js';

/** The aspects of a seed user (种子用户) and the signals each is read from. */
export const ASPECTS = {
  consistency: ['activeDays', 'activeWeeks'],
  recency: ['recentDays'],
  initiative: ['conversationsStarted'],
  recognition: ['recognisedBy', 'repliesReceived'],
  responsiveness: ['answersGiven', 'questionsAnswered', 'newcomersAnswered'],
  tenure: ['tenureDays'],
  fission: ['invitedActive', 'invitedStayed'],
} as const satisfies Record<string, readonly (keyof SeedSignals)[]>;

export type Aspect = keyof typeof ASPECTS;
export type AspectWeights = Record<Aspect, number>;

/**
 * Adds each candidate's value on a log scale against the largest among them, 0 for 0, to `into`:
 * a seed user who answers four times as often as the next person stands out (a percentile would
 * put them a notch apart), while one member with a huge count of one thing still cannot outweigh
 * steady all-round presence.
 */
function addNormalised(values: ArrayLike<number>, candidates: readonly number[], into: Float64Array): void {
  let max = 0;
  for (const slot of candidates) max = Math.max(max, values[slot]!);
  if (max <= 0) return;
  const top = log1p(max);
  for (let i = 0; i < candidates.length; i++) {
    const v = values[candidates[i]!]!;
    into[i]! += v <= 0 ? 0 : log1p(v) / top;
  }
}

/** Math.log1p, remembered for the small whole numbers most signals are (counts of days, messages). */
const smallLogs = new Float64Array(4096).fill(NaN);
function log1p(v: number): number {
  if (!Number.isInteger(v) || v < 0 || v >= smallLogs.length) return Math.log1p(v);
  let l = smallLogs[v]!;
  if (Number.isNaN(l)) smallLogs[v] = l = Math.log1p(v);
  return l;
}

/**
 * Weighted mean of the aspects, each the mean of its signals, log-scaled against the largest, for
 * the candidates (slots of the table). Scores in 0..1, in the candidates' order.
 */
export function scoreCandidates(table: SignalTable, candidates: readonly number[], weights: AspectWeights): Float64Array {
  const n = candidates.length;
  const score = new Float64Array(n), sum = new Float64Array(n);
  let total = 0;
  for (const [aspect, keys] of Object.entries(ASPECTS) as [Aspect, readonly (keyof SeedSignals)[]][]) {
    const w = weights[aspect];
    if (w <= 0) continue;
    total += w;
    sum.fill(0);
    for (const k of keys) addNormalised(table.columns[k], candidates, sum);
    for (let i = 0; i < n; i++) score[i]! += (w * sum[i]!) / keys.length;
  }
  if (total > 0) for (let i = 0; i < n; i++) score[i]! /= total;
  return score;
}
