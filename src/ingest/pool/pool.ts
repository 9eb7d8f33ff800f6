import { Worker } from 'node:worker_threads';
import type { FileJob, FileResult } from './job.js';

/** A file handed to the pool. */
export interface PooledFile {
  /**
   * What a worker read, or null: at once when no worker has started on the file yet (it is taken
   * back, and the caller reads it rather than wait while it sits in the queue), or when the
   * worker failed (the caller reads it and meets the same error, if any).
   */
  take(): Promise<FileResult | null>;
}

interface Entry {
  job: FileJob;
  onBytes: (bytes: number) => void;
  state: 'queued' | 'running' | 'taken';
  resolve: (r: FileResult | null) => void;
  result: Promise<FileResult | null>;
}

type Reply = { id: number; bytes: number } | { id: number; result: FileResult | null };

/**
 * Worker threads that read whole input files while the main thread reads others; each file comes
 * back as a part, absorbed in input order (see ingest). Every file is submitted up front; threads
 * take the queue from its end while the main thread goes through the inputs from the start and
 * takes back what nobody has started, so they meet in the middle (from the front, a thread would
 * always be one file ahead of the main one, which would only wait). Each thread reads one file at
 * a time and ends when the queue is empty (its heap is not kept through the rest of the run);
 * `close` stops them all.
 */
export class FilePool {
  private readonly queue: Entry[] = [];
  private readonly all = new Set<Worker>();
  private broken = false;
  private nextId = 0;

  constructor(private readonly size: number) {}

  submit(job: FileJob, onBytes: (bytes: number) => void = () => {}): PooledFile {
    let resolve!: (r: FileResult | null) => void;
    const result = new Promise<FileResult | null>((r) => { resolve = r; });
    const entry: Entry = { job, onBytes, state: 'queued', resolve, result };
    this.queue.push(entry);
    this.pump();
    return {
      take: () => {
        if (entry.state !== 'queued') return entry.result;
        this.queue.splice(this.queue.indexOf(entry), 1);
        entry.state = 'taken';
        return Promise.resolve(null);
      },
    };
  }

  async close(): Promise<void> {
    for (const e of this.queue.splice(0)) e.resolve(null);
    const ending = [...this.all].map((w) => w.terminate());
    this.all.clear();
    await Promise.all(ending);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.all.size < this.size ? this.spawn() : null;
      if (!worker) {
        // No thread can start (e.g. under a test runner, without the built module): the caller reads.
        if (this.broken && this.all.size === 0) for (const e of this.queue.splice(0)) e.resolve(null);
        return;
      }
      this.run(worker, this.queue.pop()!);
    }
  }

  private spawn(): Worker | null {
    if (this.broken) return null;
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.js', import.meta.url));
    } catch {
      this.broken = true;
      return null;
    }
    this.all.add(worker);
    return worker;
  }

  private run(worker: Worker, entry: Entry): void {
    entry.state = 'running';
    const id = this.nextId++;
    const done = (result: FileResult | null, alive: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onGone);
      worker.off('exit', onGone);
      entry.resolve(result);
      if (!alive) return;
      if (this.queue.length > 0) this.run(worker, this.queue.pop()!);
      else { this.all.delete(worker); void worker.terminate(); }
    };
    const onMessage = (m: Reply) => {
      if (m.id !== id) return;
      if ('bytes' in m) entry.onBytes(m.bytes);
      else done(m.result, true);
    };
    // A thread that dies (or never starts) fails its file; the pool stops starting new ones.
    const onGone = () => {
      this.broken = true;
      this.all.delete(worker);
      void worker.terminate();
      done(null, false);
      this.pump();
    };
    worker.on('message', onMessage);
    worker.once('error', onGone);
    worker.once('exit', onGone);
    worker.postMessage({ id, job: entry.job });
  }
}
