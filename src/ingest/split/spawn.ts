import { Worker } from 'node:worker_threads';
import type { PartJob, PartResult } from './job.js';

/** A part being read by a worker thread: its result (null when the worker failed) and a way to stop it. */
export interface PartInWorker {
  result: Promise<PartResult | null>;
  cancel(): void;
}

/**
 * Starts a worker thread on one part. Never throws: a worker that cannot start (e.g. the module
 * is not built, as under a TypeScript test runner), throws or exits early gives null, and the
 * caller reads the part itself.
 */
export function readPartInWorker(job: PartJob, onBytes: (bytes: number) => void = () => {}): PartInWorker {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./split-worker.js', import.meta.url), { workerData: job });
  } catch {
    return { result: Promise.resolve(null), cancel: () => {} };
  }
  const result = new Promise<PartResult | null>((resolve) => {
    worker.on('message', (m: PartResult | { bytes: number }) => {
      if ('bytes' in m) { onBytes(m.bytes); return; }
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return { result, cancel: () => { void worker.terminate(); } };
}
