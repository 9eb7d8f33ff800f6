import type { z } from 'zod';
import type { Dataset, GroupRecord } from '../core/dataset/types.js';
import type { Zone } from '../core/time.js';
import type { GroupSeries } from './shared/series.js';

/** What every analysis gets besides the group: the moment "now", the zone, and shared series. */
export interface AnalysisContext {
  dataset: Dataset;
  /** "Now" for the analysis (UTC ms): --as-of, by default the latest event in the input. */
  asOf: number;
  zone: Zone;
  /** How many seed users / spreaders / slots to list (--top). */
  top: number;
  /** Daily and weekly series of the group, computed once and shared by all analyses. */
  series(group: GroupRecord): GroupSeries;
}

/**
 * An analysis: a pure function of one group and the context (no IO, no clock, no console).
 * `prior` holds the results of the analyses that run before it in the registry, for those that
 * build on others (the monetization window reads the lifecycle phase).
 */
export interface Analysis<K extends string, O extends z.ZodType, R extends z.ZodType> {
  key: K;
  title: string;
  /** Thresholds, with defaults; the config file's `analyses.<key>` is validated against it. */
  optionsSchema: O;
  /** The JSON this analysis adds at `groups[i].<key>`: part of the public contract. */
  resultSchema: R;
  /** Instead of `groups[i].<key>`, spread the (object) result into `groups[i].<mergeInto>`
   *  (member journeys live in `groups[i].members`). */
  mergeInto?: 'members';
  run(group: GroupRecord, ctx: AnalysisContext, options: z.output<O>, prior: Record<string, unknown>): z.output<R>;
}

/** Identity helper so each analysis's option and result types are inferred from its schemas. */
export function defineAnalysis<K extends string, O extends z.ZodType, R extends z.ZodType>(a: Analysis<K, O, R>): Analysis<K, O, R> {
  return a;
}

export type AnyAnalysis = Analysis<string, z.ZodType, z.ZodType>;
