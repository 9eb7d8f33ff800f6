import type { DatasetPart } from '../../core/dataset/part.js';
import type { GroupInfo } from '../../core/model.js';

/** What a worker thread is asked to read: bytes [start, end) of a file, with the header in front. */
export interface PartJob {
  file: string;
  /** The input as the user named it (issues, a CSV's group from its file name). */
  shownAs: string;
  start: number;
  end: number;
  /** The part ends at the end of the file (its last row may lack a line end). */
  last: boolean;
  encoding: 'utf-8' | 'gb18030';
  header: string;
  zone: string;
  now: number;
  since?: number;
  until?: number;
}

/** What comes back: the part, and what the run needs to count and report it as its own. */
export interface PartResult {
  part: DatasetPart;
  records: number;
  issues: { line?: number; reason: string; code?: string; counts?: boolean }[];
  /** The part ended at a row end (the cut was right). */
  clean: boolean;
  /** Line ends read, the header's included. */
  lines: number;
  /** Characters the decoder replaced. */
  replaced: number;
  /** The group infos the part's reader made (also of groups whose rows were all refused). */
  infos: GroupInfo[];
}
