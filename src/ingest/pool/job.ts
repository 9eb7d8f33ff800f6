import type { DatasetPart } from '../../core/dataset/part.js';
import type { Reopen } from '../discover.js';
import type { InputKind } from '../types.js';

/** One whole input for a worker thread of the pool: where it is and how the run reads it. */
export interface UnitJob {
  /** The unit's place among the run's inputs (its results are absorbed in this order). */
  index: number;
  /** A file on disk, or a ZIP entry's bytes (a copy crosses to the worker). */
  input: Reopen;
  /** The input as the run names it (issues, a CSV's group from its file name). */
  shownAs: string;
  /** The adapter the run picked for it (by id: adapters do not cross threads). */
  adapter: string;
  kind: InputKind;
}

/** What every job of a worker shares: the run's settings, as its builder and guard apply them. */
export interface PoolSettings {
  zone: string;
  now: number;
  since?: number;
  until?: number;
  /** The user's own names (--me). */
  me?: readonly string[];
}

/** A unit read by a worker: what sequential reading would have put in the run's builder and said. */
export interface UnitResult {
  index: number;
  part: DatasetPart;
  /** Records as the run counts them (each row and event handed on). */
  records: number;
  /** The issues the reading reported, in order, as the reader reported them. */
  issues: { line?: number; reason: string; code?: string; counts?: boolean; strict?: boolean }[];
  /** The groups the reading touched (handed an event, in the window or not). */
  touched: string[];
}

/** Messages from a worker: a result, a unit it could not read (the run then reads it), or how far it is. */
export type PoolMessage = UnitResult | { index: number; failed: true } | PoolProgress;

/** How far a worker is in an input: bytes read and records handed on so far. */
export interface PoolProgress { index: number; bytes: number; records: number }
