import type { SeedSignals } from './signals.js';

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
 * Each value on a log scale against the group's largest, 0 for 0: a seed user who answers four
 * times as often as the next person stands out (a percentile would put them a notch apart), while
 * one member with a huge count of one thing still cannot outweigh steady all-round presence.
 */
function normalise(values: number[]): number[] {
  const max = Math.max(0, ...values);
  if (max <= 0) return values.map(() => 0);
  const top = log1p(max);
  return values.map((v) => (v <= 0 ? 0 : log1p(v) / top));
}

/** Math.log1p, remembered for the small whole numbers most signals are (counts of days, messages). */
const smallLogs = new Float64Array(4096).fill(NaN);
function log1p(v: number): number {
  if (!Number.isInteger(v) || v < 0 || v >= smallLogs.length) return Math.log1p(v);
  let l = smallLogs[v]!;
  if (Number.isNaN(l)) smallLogs[v] = l = Math.log1p(v);
  return l;
}

/** Weighted mean of the aspects, each the mean of its signals, log-scaled against the largest. Scores in 0..1. */
export function scoreCandidates(signals: SeedSignals[], weights: AspectWeights): number[] {
  const n = signals.length;
  const score = new Array<number>(n).fill(0);
  let total = 0;
  for (const [aspect, keys] of Object.entries(ASPECTS) as [Aspect, readonly (keyof SeedSignals)[]][]) {
    const w = weights[aspect];
    if (w <= 0) continue;
    total += w;
    const per = keys.map((k) => normalise(signals.map((s) => s[k])));
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (const p of per) sum += p[i]!;
      score[i]! += (w * sum) / keys.length;
    }
  }
  return total > 0 ? score.map((x) => x / total) : score;
}
