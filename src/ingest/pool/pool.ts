import { Worker } from 'node:worker_threads';
import type { InputUnit, Reopen } from '../discover.js';
import type { InputKind } from '../types.js';
import type { PoolMessage, PoolSettings, UnitJob, UnitResult } from './job.js';

/**
 * Whole inputs read by worker threads while the run reads the others. The run reads the inputs
 * from the first on, directly into its builder; the workers take them from the last one back, one
 * at a time, until they meet the run — so each thread's share follows its real speed. Results are
 * absorbed in input order, so the dataset, issues and counts are those of reading in order.
 */
export interface UnitPool {
  /**
   * Called as the run comes to input `index`: the worker's result when a worker took it (null:
   * the worker could not read it, the run reads it itself), undefined when it is the run's to
   * read — it is then the run's, and no worker takes it.
   */
  take(index: number): Promise<UnitResult | null> | undefined;
  /** Stops the workers (their remaining results are dropped). */
  close(): void;
}

/** An input another thread can read by itself (a file on disk, a ZIP entry): what a worker can take. */
function poolable(u: InputUnit): u is Extract<InputUnit, { type: 'file' }> & { reopen: Reopen } {
  return u.type === 'file' && u.reopen !== undefined;
}

/**
 * How many workers pay: the inputs that workers could take (files on disk, from the last one back
 * to the first that is not one) must hold at least `minPoolBytes` per thread, a worker's start-up
 * being worth it only then. None while a messages CSV big enough to be cut (`minPartBytes`, as
 * ingest/split cuts) is in the run: all threads read it in parts, and the cores are taken then.
 */
export function poolWorkers(units: readonly InputUnit[], threads: number, minPartBytes: number, minPoolBytes: number): number {
  if (threads < 2 || units.length < 2) return 0;
  if (units.some((u) => u.type === 'file' && u.adapter.readInto !== undefined && u.reopen && 'file' in u.reopen && u.reopen.size >= 2 * minPartBytes)) return 0;
  let bytes = 0;
  for (let k = units.length - 1; k > 0; k--) {
    const u = units[k]!;
    if (!poolable(u)) break;
    bytes += u.reopen.size;
  }
  return Math.max(0, Math.min(threads - 1, Math.floor(bytes / minPoolBytes) - 1));
}

/**
 * Starts `workers` worker threads on the inputs. Never throws: a worker that cannot start (e.g.
 * the module is not built, as under a TypeScript test runner) or dies gives null for the inputs
 * it took, and the run reads them itself.
 */
export function startPool(units: readonly InputUnit[], kinds: readonly InputKind[], workers: number, settings: PoolSettings, onBytes: (index: number, bytes: number) => void): UnitPool {
  // A result is forgotten once it is both answered and taken: the run drops it after absorbing it,
  // and a part kept here would stay in memory to the end of reading.
  const results = new Map<number, { promise: Promise<UnitResult | null>; resolve: (r: UnitResult | null) => void; answered: boolean; taken: boolean }>();
  const answer = (index: number, r: UnitResult | null) => {
    const e = results.get(index);
    if (!e) return;
    e.resolve(r);
    e.answered = true;
    if (e.taken) results.delete(index);
  };
  let run = -1; // the input the run is at
  let next = units.length - 1; // the next input for a worker
  const threads: Worker[] = [];

  // The next input for a worker, while it is one another thread can read, beyond the run's: its result promised.
  const claim = (): UnitJob | null => {
    const u = units[next];
    if (next <= run + 1 || !u || !poolable(u)) return null;
    const index = next--;
    let resolve!: (r: UnitResult | null) => void;
    const promise = new Promise<UnitResult | null>((r) => { resolve = r; });
    results.set(index, { promise, resolve, answered: false, taken: false });
    return { index, input: u.reopen, shownAs: u.path, adapter: u.adapter.id, kind: kinds[index]! };
  };

  for (let w = 0; w < workers; w++) {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings });
    } catch {
      break;
    }
    threads.push(worker);
    let current: number | null = null;
    const give = () => {
      const job = claim();
      current = job?.index ?? null;
      if (job) worker.postMessage(job);
    };
    worker.on('message', (m: PoolMessage) => {
      if ('bytes' in m) { onBytes(m.index, m.bytes); return; }
      answer(m.index, 'failed' in m ? null : m);
      give();
    });
    // After an error or exit the input it had is the run's to read (resolving twice is a no-op).
    const fail = () => { if (current !== null) answer(current, null); current = null; };
    worker.once('error', fail);
    worker.once('exit', fail);
    give();
  }
  return {
    take: (index) => {
      run = index;
      const e = results.get(index);
      if (!e) return undefined;
      e.taken = true;
      if (e.answered) results.delete(index);
      return e.promise;
    },
    close: () => { for (const w of threads) void w.terminate(); },
  };
}
