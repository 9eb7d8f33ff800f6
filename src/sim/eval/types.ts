/**
 * What the evaluation reads: the report's groups (only the fields the metrics need, loosely typed —
 * the harness checks the real JSON, not our own types of it) and the simulator's truth.
 */
import type { GroupTruth } from '../truth.js';

export type { GroupTruth };

/** One figure of the evaluation against its target. */
export interface MetricRow {
  metric: string;
  value: number;
  target: string;
  pass: boolean;
  detail?: string;
}

export interface ReportGroup {
  id: string;
  lifecycle?: { phase: string; timeline: { phase: string; start: string; end: string }[] };
  vitality?: { status: string; zombie: boolean };
  selfDrive?: { lacking: boolean };
  seedUsers?: { memberId: string; rank: number }[];
  monetization?: { window: { status: string; openedAt: string | null }; slots: { weekday: number; hour: number; score: number }[] };
  fission?: { kFactor: number; topSpreaders: { memberId: string }[] };
}

/** A metric module: pure, reads report groups and truth only. */
export type Evaluate = (groups: readonly ReportGroup[], truth: readonly GroupTruth[]) => MetricRow[];

/** Report groups paired with their truth by group id; truth groups missing from the report pair with undefined. */
export function pair(groups: readonly ReportGroup[], truth: readonly GroupTruth[]): { r: ReportGroup | undefined; t: GroupTruth }[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  return truth.map((t) => ({ r: byId.get(t.groupId), t }));
}

/** A row "at least `min`" (a share or a rate). NaN (nothing to measure) fails, with the reason. */
export function atLeast(metric: string, value: number, min: number, detail?: string): MetricRow {
  return { metric, value: round(value), target: `>= ${min}`, pass: value >= min, ...(detail !== undefined && { detail }) };
}

export function atMost(metric: string, value: number, max: number, detail?: string): MetricRow {
  return { metric, value: round(value), target: `<= ${max}`, pass: value <= max, ...(detail !== undefined && { detail }) };
}

/** Missing from the report: the analysis did not run, so its figures cannot pass. */
export function missing(metric: string, target: string, what: string): MetricRow {
  return { metric, value: Number.NaN, target, pass: false, detail: `no ${what} in the report` };
}

export function share(hits: number, n: number): number {
  return n === 0 ? Number.NaN : hits / n;
}

export function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x;
}
