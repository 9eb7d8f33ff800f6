import type { MessageRow } from '../core/dataset/builder.js';
import type { DatasetPart } from '../core/dataset/part.js';
import type { GroupInfo, Identity, IngestEvent } from '../core/model.js';
import type { Zone } from '../core/time.js';
import type { DecodeStats } from './decode.js';

/** The first bytes of a file, decoded, for sniffing: adapters decide from content and file name. */
export interface FileHead {
  /** Up to a few KB of decoded text (BOM removed). Empty for binary containers. */
  text: string;
  /** The raw first bytes, for binary signatures such as ZIP. */
  bytes: Uint8Array;
  fileName: string;
  /** Path as given by the user (file inside a folder, or a ZIP entry as "archive.zip!entry"). */
  path: string;
}

/** What an adapter may ask of the core while reading: decoded text, options and issue reporting. */
export interface ReadContext {
  path: string;
  /** The report's time zone: times written without an offset are local to it. */
  zone: Zone;
  /** A skipped row or dubious record: shown as a warning, fatal under --strict. Counted as
   *  skipped unless `counts: false` (a note where nothing was skipped, e.g. a duplicate column).
   *  `strict: false`: a note about how the file was read that --strict does not stop at either
   *  (nothing in the file is wrong, and the user could not change it). */
  reportIssue(issue: { line?: number; reason: string; code?: string; counts?: boolean; strict?: boolean }): void;
  /** Bytes consumed so far, for progress. */
  reportProgress(bytes: number): void;
  /** Set when a big input may be read in parts by worker threads (see ingest/split). */
  split?: SplitOptions;
  /** The user's own display names (--me): who an export's "You" is (WhatsApp's system lines). */
  me?: readonly string[];
}

/** What worker threads need to read parts of an input as the run would: the run's settings. */
export interface SplitOptions {
  /** How many parts at most (threads, the caller's included). */
  parts: number;
  /** No part smaller than this: below it a worker's start-up costs more than it saves. */
  minPartBytes: number;
  /** The time of the run and the --since/--until window, as the run's builder and guard apply them. */
  now: number;
  since?: number;
  until?: number;
}

/** A source the adapter reads: a stream of decoded text chunks, or the raw bytes for containers. */
export interface Source {
  path: string;
  fileName: string;
  size: number;
  /** Decoded text chunks (encoding detected: UTF-8/UTF-16 with BOM, GB18030), BOM stripped. */
  text(): AsyncIterable<string>;
  /** Raw bytes, for ZIP and xlsx containers. */
  bytes(): Promise<Uint8Array>;
  /** Filled in while `text()` is read: the encoding and the characters it could not decode. */
  decoding?: DecodeStats;
  /** The file on disk behind the source, when there is one (it can then be read in parts). */
  file?: string;
  /** Called with the bytes read so far while `text()` is read. */
  onBytes?: (bytes: number) => void;
}

/** Where `readInto` hands what it reads. */
export interface EventSink {
  /** A message as a reused row: read its fields before returning, keep nothing. */
  row(group: GroupInfo, row: MessageRow): void;
  /** Any other events (and messages the fast path leaves to the general one), in file order. */
  events(batch: IngestEvent[]): void;
  /**
   * What a worker thread read from a later part of the input, after everything before it; `records`
   * as the rows and events of it would have counted; `infoOf` the group info the reader of the
   * earlier parts holds for a group id. Optional: a sink without it gets no parts (no workers).
   */
  part?(part: DatasetPart, records: number, infoOf: (id: string) => GroupInfo | undefined): void;
  /** Parts are coming (workers are still reading) with `ratio` times the bytes read so far of this
   *  input: room for their messages can be made now, while this thread waits. Optional. */
  expect?(ratio: number): void;
}

/** What kind of records an input carries, for the report's `inputs[].kind`. */
export type InputKind = 'messages' | 'members';

export interface IngestAdapter {
  /** Stable id, used by --input-format and in inputs[].format, e.g. "canonical-csv", "wechat-memotrace-csv". */
  id: string;
  /** Human title for `community-audit formats`. */
  title: string;
  platform: string;
  /** What the format can show: ids or only names, joins, replies. For `formats` and docs. */
  capabilities: { identity: Identity; joins: boolean; replies: boolean; note?: string };
  /** 0 (not mine) .. 1 (certainly mine), from the head of the file. The highest score wins. */
  detect(head: FileHead): number;
  /** Yield normalised events. Bad rows go to ctx.reportIssue, never thrown; a file that is not
   *  readable at all throws a UserError. */
  read(source: Source, ctx: ReadContext): AsyncIterable<IngestEvent>;
  /**
   * The same events as `read`, in batches (e.g. a decoded chunk's rows at a time). Optional; the
   * core prefers it for big inputs: one await per batch instead of one per event (each `yield` of
   * an async generator costs a promise and a microtask).
   */
  readBatches?(source: Source, ctx: ReadContext): AsyncIterable<IngestEvent[]>;
  /**
   * The same as `read`, straight into the dataset: plain messages as a reused MessageRow (no event
   * object, no string per field), anything else as events. Optional, for the formats of the
   * biggest inputs (canonical CSV); the core prefers it to `readBatches`.
   */
  readInto?(source: Source, ctx: ReadContext, sink: EventSink): Promise<void>;
  /** The kind of the input, possibly decided from the head (CSV messages vs members). */
  kind(head: FileHead): InputKind;
}

/** A folder on disk or the inside of a ZIP, for formats that are a set of files (Slack). */
export interface Folder {
  /** The folder or archive path as given, e.g. "exports/slack" or "exports/slack.zip". */
  path: string;
  /** Entry paths relative to the folder, with "/" separators. */
  entries: string[];
  open(entry: string): Promise<Source>;
}

/** An adapter for a format that is a whole folder (or ZIP) rather than one file. */
export interface FolderAdapter extends IngestAdapter {
  /** 0..1 from the list of entries; a folder that scores above 0.5 is read whole by this adapter. */
  detectFolder(folder: Folder): number;
  readFolder(folder: Folder, ctx: ReadContext): AsyncIterable<IngestEvent>;
}

/** The adapter's events of one source, in batches: its `readBatches` where it has one, else `read` a batch per event. */
export async function* eventBatches(adapter: IngestAdapter, source: Source, ctx: ReadContext): AsyncGenerator<IngestEvent[]> {
  if (adapter.readBatches) { yield* adapter.readBatches(source, ctx); return; }
  for await (const ev of adapter.read(source, ctx)) yield [ev];
}

export function isFolderAdapter(a: IngestAdapter): a is FolderAdapter {
  return 'detectFolder' in a && typeof (a as FolderAdapter).detectFolder === 'function';
}
