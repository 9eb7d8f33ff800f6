import { Worker } from 'node:worker_threads';
import type { InputUnit, Reopen } from '../discover.js';
import type { InputKind } from '../types.js';
import type { PoolMessage, PoolProgress, PoolSettings, UnitJob, UnitResult } from './job.js';

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

/** The biggest ZIP entry a worker takes: its bytes are copied to the worker (the run keeps its own
 *  in case the worker hands it back), so a bigger one is read where it is. */
export const MAX_COPIED_ENTRY = 32 << 20;

/** An input another thread can read by itself (a file on disk, a ZIP entry): what a worker can take. */
function poolable(u: InputUnit): u is Extract<InputUnit, { type: 'file' }> & { reopen: Reopen } {
  return u.type === 'file' && u.reopen !== undefined && ('file' in u.reopen || u.reopen.size <= MAX_COPIED_ENTRY);
}

/**
 * How many workers pay: the inputs that workers could take (files on disk and ZIP entries, from
 * the last one back to the first that is not one, never the first input) must hold at least
 * `minPoolBytes` per thread, the main one included — a worker's start-up and its cold code cost
 * about what reading a few MB does — and there is no more than one worker per such input. None in
 * a run with a messages CSV that may be cut into parts (`minPartBytes`, as ingest/split cuts; one
 * from standard input, of unknown size, may be): all threads read it, and the cores are taken then.
 */
export function poolWorkers(units: readonly InputUnit[], threads: number, minPartBytes: number, minPoolBytes: number): number {
  if (threads < 2 || units.length < 2) return 0;
  const cut = (u: InputUnit) => u.type === 'file' && u.adapter.readInto !== undefined && (!u.reopen || ('file' in u.reopen && u.reopen.size >= 2 * minPartBytes));
  if (units.some(cut)) return 0;
  let bytes = 0, inputs = 0;
  for (let k = units.length - 1; k > 0; k--) {
    const u = units[k]!;
    if (!poolable(u)) break;
    bytes += u.reopen.size;
    inputs++;
  }
  return Math.max(0, Math.min(threads - 1, inputs, Math.floor(bytes / minPoolBytes) - 1));
}

/**
 * Starts `workers` worker threads on the inputs. Never throws: a worker that cannot start (e.g.
 * the module is not built, as under a TypeScript test runner) or dies gives null for the inputs
 * it took, and the run reads them itself.
 */
export function startPool(units: readonly InputUnit[], kinds: readonly InputKind[], workers: number, settings: PoolSettings, onProgress: (p: PoolProgress) => void): UnitPool {
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
      worker = new Worker(new URL('./pool-worker.js', import.meta.url), { workerData: settings });
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
    // After an error, an exit or a message that cannot be read, the input it had is the run's to
    // read (an answered result is not answered again), and the worker gets no more.
    let dead = false;
    const fail = () => { dead = true; if (current !== null) answer(current, null); current = null; };
    worker.on('message', (m: PoolMessage) => {
      if ('bytes' in m) { onProgress(m); return; }
      answer(m.index, 'failed' in m ? null : m);
      // One job at a time: the next only for the answer to the current one.
      if (m.index === current && !dead) give();
    });
    worker.on('messageerror', () => { fail(); void worker.terminate(); });
    worker.on('error', fail);
    worker.on('exit', fail);
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
