import { UserError, type InputIssue } from '../core/errors.js';
import { collectGarbage } from '../core/memory.js';
import { availableParallelism } from 'node:os';
import { DatasetBuilder } from '../core/dataset/builder.js';
import { absorbPart } from '../core/dataset/part.js';
import type { Dataset } from '../core/dataset/types.js';
import { Zone } from '../core/time.js';
import { trace } from '../core/trace.js';
import { discover } from './discover.js';
import { MIN_ROW_BYTES } from './limits.js';
import { poolWorkers, startPool } from './pool/pool.js';
import { kindOf, readUnit } from './read-unit.js';
import type { InputKind, ReadContext } from './types.js';

/** The smallest part worth a worker thread: about 0.3 s of reading, several times a worker's start-up. */
const MIN_PART_BYTES = 8 << 20;
/**
 * The fewest bytes of whole inputs per thread (the main one included) before a pool worker starts:
 * a worker starts cold on every format it meets and its results are absorbed after. On the 2-vCPU
 * machine of docs/performance.md a worker paid at 259 MB in 40 files and not at 92 MB in 20.
 */
const MIN_POOL_BYTES = 48 << 20;

/** What the report says about each input. */
export interface InputSummary {
  path: string;
  format: string;
  kind: InputKind;
  records: number;
  skipped: number;
}

export interface IngestOptions {
  inputs: string[];
  timeZone: string;
  forcedFormat?: string;
  since?: number;
  until?: number;
  strict?: boolean;
  exclude?: string[];
  /** The time of the run: events dated after it are refused (default: the clock). */
  now?: number;
  /** Standard input, for the input "-" (default: the process's). */
  stdin?: () => NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
  /** Threads that read the inputs (the caller's included): parts of one big CSV, or several inputs side by side; 1: one (default: the cores, at most 4). */
  threads?: number;
  /** The smallest part of an input a thread is given (default MIN_PART_BYTES; tests cut tiny files). */
  minPartBytes?: number;
  /** The fewest bytes of whole inputs per thread before the pool starts (default MIN_POOL_BYTES; tests pass tiny files). */
  minPoolBytes?: number;
  /** The user's own display names in the exports (--me): who a WhatsApp export's "You" is. */
  me?: readonly string[];
  /** Progress: bytes read so far in the current input, records so far in all. */
  onProgress?: (p: { path: string; bytes: number; records: number }) => void;
}

export interface IngestResult {
  dataset: Dataset;
  inputs: InputSummary[];
  issues: InputIssue[];
}

/** The inputs → dataset half of the pipeline: discover, read each unit, build, finalize. */
export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const issues: InputIssue[] = [];
  // `skips`: the issue skips a row (a note, such as a duplicate column, skips nothing).
  // `strictStops`: false for a file that is simply not an export (notes beside the exports).
  const fail = (issue: InputIssue, skips = true, strictStops = true) => {
    const hint = skips ? 'without --strict this is skipped and counted' : 'without --strict this is a warning';
    const hintZh = skips ? '不加 --strict 时会跳过并计数' : '不加 --strict 时只是警告';
    if (opts.strict && strictStops) throw new UserError(issue.reason, { file: issue.file, line: issue.line, hint, hintZh, code: issue.code });
    issues.push(issue);
  };
  // One clock for the whole run: the guard of every thread refuses the same future.
  const now = opts.now ?? Date.now();
  const units = await discover(opts.inputs, {
    forced: opts.forcedFormat,
    exclude: opts.exclude,
    now,
    ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }),
    onSkip: (path, reason, foreign) => fail({ code: 'skipped-file', file: path, reason }, true, !foreign),
  });
  trace('inputs discovered');
  if (units.length === 0) throw new UserError('no chat exports or member lists found in the inputs', { hint: 'community-audit formats lists what can be read', zh: '输入中没有找到聊天导出或成员名单', hintZh: 'community-audit formats 列出了能读取的格式', code: 'no-input' });

  const zone = new Zone(opts.timeZone);
  const window = { ...(opts.since === undefined ? {} : { since: opts.since }), ...(opts.until === undefined ? {} : { until: opts.until }) };
  const builder = new DatasetBuilder(window);
  const threads = Math.max(1, Math.floor(opts.threads ?? Math.min(4, availableParallelism())));
  const inputs: InputSummary[] = [];
  let records = 0;
  const kinds = units.map(kindOf);
  // Room for the messages of every input at once (untouched pages cost nothing): the columns are
  // not copied again for each input read or part absorbed, each copy leaving the last as garbage.
  builder.reserve(units.reduce((n, u, k) => n + (kinds[k] === 'messages' && u.type === 'file' && u.reopen ? u.reopen.size : 0), 0) / MIN_ROW_BYTES);
  // The last inputs perhaps on worker threads meanwhile (ingest/pool). Progress counts the records
  // they have read too (`ahead`, until absorbed), and shows their input while the run waits for it.
  let waiting = -1, ahead = 0;
  const aheadIn = new Map<number, number>();
  const workers = poolWorkers(units, threads, opts.minPartBytes ?? MIN_PART_BYTES, opts.minPoolBytes ?? MIN_POOL_BYTES);
  const pool = workers > 0 && startPool(units, kinds, workers, { zone: opts.timeZone, now, ...window, ...(opts.me?.length ? { me: opts.me } : {}) }, (p) => {
    ahead += p.records - (aheadIn.get(p.index) ?? 0);
    aheadIn.set(p.index, p.records);
    if (p.index === waiting) opts.onProgress?.({ path: units[p.index]!.path, bytes: p.bytes, records: records + ahead });
  });
  try {
    for (const [index, unit] of units.entries()) {
      const summary: InputSummary = { path: unit.path, format: unit.adapter.id, kind: kinds[index]!, records: 0, skipped: 0 };
      inputs.push(summary);
      const ctx: ReadContext = {
        path: unit.path,
        zone,
        reportIssue: (i) => { if (i.counts !== false) summary.skipped++; fail({ code: i.code ?? 'bad-row', file: unit.path, line: i.line, reason: i.reason }, i.counts !== false, i.strict !== false); },
        reportProgress: (bytes) => opts.onProgress?.({ path: unit.path, bytes, records: records + ahead }),
        ...(opts.me?.length ? { me: opts.me } : {}),
        ...(threads > 1 ? { split: { parts: threads, minPartBytes: opts.minPartBytes ?? MIN_PART_BYTES, now, ...window } } : {}),
      };
      const counted = (n: number): void => {
        summary.records += n;
        const before = records;
        records += n;
        if ((records >>> 16) !== (before >>> 16)) opts.onProgress?.({ path: unit.path, bytes: -1, records: records + ahead });
      };
      waiting = index;
      const read = pool ? await pool.take(index) : undefined;
      // A worker's records are counted below as the run's, or read again by the run (handed back).
      ahead -= aheadIn.get(index) ?? 0;
      aheadIn.delete(index);
      let touched: Iterable<string>;
      if (read) {
        // As if read here: the part appended, its issues reported and its records counted in order.
        absorbPart(builder, read.part, index, () => undefined);
        for (const issue of read.issues) ctx.reportIssue(issue);
        counted(read.records);
        touched = read.touched;
      } else {
        touched = await readUnit({ builder, index, unit, kind: summary.kind, ctx, counted });
      }
      if (unit.adapter.capabilities.identity === 'names') for (const id of touched) builder.markNamesOnly(id);
      trace(`read ${unit.path}${read ? ' (by a worker)' : ''}`);
    }
  } finally {
    if (pool) pool.close();
  }
  // Parsing garbage out of the way before finalize copies every column (the peak of a run).
  collectGarbage();
  const dataset = builder.finish(opts.timeZone);
  trace('dataset finalized');
  return { dataset, inputs, issues };
}
