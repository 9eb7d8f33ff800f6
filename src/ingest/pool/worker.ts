import { parentPort } from 'node:worker_threads';
import { collectGarbage } from '../../core/memory.js';
import { partBuffers } from '../../core/dataset/part.js';
import type { FileJob } from './job.js';
import { readFileJob } from './read-file.js';

/**
 * A pool thread: reads the input files it is sent, one at a time, and posts each back as a part
 * (typed arrays transferred). A file it fails on comes back as null: the caller reads it itself.
 */
parentPort!.on('message', (m: { id: number; job: FileJob }) => {
  // Bytes read, for the caller's progress line, every few MB.
  let told = 0;
  const progress = (bytes: number) => { if (bytes - told >= 4 << 20) { told = bytes; parentPort!.postMessage({ id: m.id, bytes }); } };
  readFileJob(m.job, progress).then(
    (result) => {
      parentPort!.postMessage({ id: m.id, result }, partBuffers(result.part));
      // The file's builder and parsing garbage go now, not while the next file grows the heap:
      // this heap adds to the main thread's in the peak.
      collectGarbage();
    },
    () => parentPort!.postMessage({ id: m.id, result: null }),
  );
});
