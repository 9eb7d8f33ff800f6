import { parentPort, workerData } from 'node:worker_threads';
import { DatasetBuilder } from '../../core/dataset/builder.js';
import { partBuffers, toPart } from '../../core/dataset/part.js';
import { collectGarbage } from '../../core/memory.js';
import { Zone } from '../../core/time.js';
import { trace } from '../../core/trace.js';
import { guardAdapter } from '../guard.js';
import { readUnit } from '../read-unit.js';
import { adapters } from '../registry.js';
import { bytesSource, fileSource } from '../source.js';
import type { ReadContext } from '../types.js';
import type { PoolMessage, PoolSettings, UnitJob, UnitResult } from './job.js';

/**
 * A worker thread of the pool: reads whole inputs, one job at a time in the order they come, each
 * into a builder of its own under the run's window and guard, and hands back the builder's
 * collection (typed arrays transferred) with the issues and counts the run would have had. A unit
 * it cannot read (an adapter throws) is reported as failed and the run reads it itself, so an
 * error surfaces exactly as it would have.
 */
const settings = workerData as PoolSettings;
const zone = new Zone(settings.zone);
const SWEEP_BYTES = 16 << 20;
let unswept = 0;
const post = (m: PoolMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

async function run(job: UnitJob): Promise<void> {
  const adapter = adapters.find((a) => a.id === job.adapter);
  if (!adapter) { post({ index: job.index, failed: true }); return; }
  trace(`pool worker: reading ${job.shownAs}`);
  const builder = new DatasetBuilder({ since: settings.since, until: settings.until });
  const issues: UnitResult['issues'] = [];
  let records = 0, told = 0;
  const ctx: ReadContext = {
    path: job.shownAs, zone,
    ...(settings.me ? { me: settings.me } : {}),
    reportIssue: (i) => { issues.push(i); },
    // How far it is, for the run's progress line, every MB.
    reportProgress: (bytes) => { if (bytes - told >= 1 << 20) { told = bytes; post({ index: job.index, bytes, records }); } },
  };
  const input = job.input;
  const open = 'file' in input ? () => fileSource(input.file) : async () => bytesSource(input.entry, input.bytes);
  const unit = { type: 'file' as const, adapter: guardAdapter(adapter, settings.now), open };
  const touched = await readUnit({ builder, index: job.index, unit, kind: job.kind, ctx, counted: (n) => { records += n; } });
  const part = toPart(builder);
  post({ index: job.index, part, records, issues, touched: [...touched] }, partBuffers(part));
  // The builders' members, names and parsing garbage are this thread's peak: collected every few
  // MB of input read (a full collection per small file would cost more than it frees).
  unswept += input.size;
  if (unswept >= SWEEP_BYTES) { collectGarbage(); unswept = 0; }
}

// One job at a time (the pool sends the next when this one is answered); the run absorbs the
// results in input order whatever order they come in.
let queue = Promise.resolve();
parentPort!.on('message', (job: UnitJob) => {
  queue = queue.then(() => run(job).catch(() => post({ index: job.index, failed: true })));
});
