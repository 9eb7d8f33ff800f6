import type { DatasetPart } from '../../core/dataset/part.js';
import type { DecodeStats } from '../decode.js';
import type { ReadContext } from '../types.js';

/** A whole input file for a worker thread to read: opened by its path, read by the adapter `adapter`. */
export interface FileJob {
  /** The path to open. */
  file: string;
  /** The input as the report names it (issues are reported under it by the caller). */
  shownAs: string;
  adapter: string;
  /** A messages input (its builder's columns are sized from the file). */
  messages: boolean;
  zone: string;
  now: number;
  since?: number;
  until?: number;
}

/** What comes back: the input as a part, and what the run counts and reports of it. */
export interface FileResult {
  part: DatasetPart;
  /** Events and rows handed on (as the run counts records). */
  records: number;
  issues: Parameters<ReadContext['reportIssue']>[0][];
  /** The encoding read and the characters the decoder replaced. */
  decoding: DecodeStats;
  /** Ids of the groups the input had events for (names-only adapters mark them). */
  touched: string[];
}
