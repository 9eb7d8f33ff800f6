import { parentPort, workerData } from 'node:worker_threads';
import { DatasetBuilder } from '../../core/dataset/builder.js';
import { partBuffers, toPart } from '../../core/dataset/part.js';
import { Zone } from '../../core/time.js';
import { readPartInto } from '../canonical/fast.js';
import { cleanIssues, guardedSink } from '../guard.js';
import { MIN_ROW_BYTES } from '../limits.js';
import type { ReadContext } from '../types.js';
import type { PartJob, PartResult } from './job.js';
import { rangeSource } from './range.js';
import { trace } from '../../core/trace.js';

/**
 * A worker thread's whole life: read one part of a big CSV into a builder of its own, under the
 * run's window and guard, and hand the builder's collection back (typed arrays transferred).
 * Any failure posts nothing: the caller then reads the part itself.
 */
const job = workerData as PartJob;
trace(`worker: started on bytes ${job.start}–${job.end}`);
const builder = new DatasetBuilder({ since: job.since, until: job.until });
builder.reserve((job.end - job.start) / MIN_ROW_BYTES);
const issues: PartResult['issues'] = [];
let records = 0;
const ctx: ReadContext = { path: job.shownAs, zone: new Zone(job.zone), reportIssue: (i) => { issues.push(i); }, reportProgress: () => {} };
// Bytes read, for the caller's progress line, every few MB.
let told = 0;
const source = rangeSource(job.file, job.shownAs, job.start, job.end, job.encoding, job.header, (bytes) => {
  if (bytes - told >= 4 << 20) { told = bytes; parentPort!.postMessage({ bytes }); }
});
const sink = guardedSink({
  row: (group, row) => { builder.addRow(group, row, 0); records++; },
  events: (batch) => { for (const ev of batch) builder.add(ev, 0); records += batch.length; },
}, ctx, job.now);
const { clean, lines, infos } = await readPartInto(source, cleanIssues(ctx), sink, job.last);
trace('worker: part read');
const part = toPart(builder);
trace('worker: part packed');
const result: PartResult = { part, records, issues, clean, lines, replaced: source.decoding?.replaced ?? 0, infos };
parentPort!.postMessage(result, partBuffers(part));
