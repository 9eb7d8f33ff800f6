import { DatasetBuilder } from '../../core/dataset/builder.js';
import { toPart } from '../../core/dataset/part.js';
import type { GroupInfo } from '../../core/model.js';
import { Zone } from '../../core/time.js';
import { guardAdapter } from '../guard.js';
import { MIN_ROW_BYTES } from '../limits.js';
import { adapterById } from '../registry.js';
import { fileSource } from '../source.js';
import { trace } from '../../core/trace.js';
import { eventBatches, type ReadContext } from '../types.js';
import type { FileJob, FileResult } from './job.js';

/**
 * Reads a whole input file into a builder of its own, as the run reads it on the main thread
 * (the same adapter, guard, window and counts), and returns it as a part. Runs in a worker
 * thread; throws what the adapter throws (the caller then reads the file itself and meets it).
 */
export async function readFileJob(job: FileJob, onBytes: (bytes: number) => void): Promise<FileResult> {
  trace(`pool thread: reading ${job.shownAs}`);
  const found = adapterById(job.adapter);
  if (!found) throw new Error(`no adapter ${job.adapter}`);
  const adapter = guardAdapter(found, job.now);
  const builder = new DatasetBuilder({ ...(job.since === undefined ? {} : { since: job.since }), ...(job.until === undefined ? {} : { until: job.until }) });
  const source = await fileSource(job.file, onBytes);
  if (job.messages) builder.reserve(source.size / MIN_ROW_BYTES);
  const issues: FileResult['issues'] = [];
  const ctx: ReadContext = { path: job.shownAs, zone: new Zone(job.zone), reportIssue: (i) => { issues.push(i); }, reportProgress: () => {} };
  let records = 0, last: GroupInfo | null = null;
  const touched = new Set<string>();
  const touch = (group: GroupInfo) => { if (group !== last) { touched.add(group.id); last = group; } };
  if (adapter.readInto) {
    await adapter.readInto(source, ctx, {
      row: (group, row) => { builder.addRow(group, row, 0); touch(group); records++; },
      events: (batch) => { for (const ev of batch) { builder.add(ev, 0); touch(ev.group); } records += batch.length; },
    });
  } else {
    for await (const batch of eventBatches(adapter, source, ctx)) {
      for (const ev of batch) { builder.add(ev, 0); touch(ev.group); }
      records += batch.length;
    }
  }
  return { part: toPart(builder), records, issues, decoding: source.decoding ?? { encoding: null, replaced: 0 }, touched: [...touched] };
}
