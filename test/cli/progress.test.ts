import { describe, expect, it } from 'vitest';
import { makeProgress } from '../../src/cli/progress.js';

/** A stand-in for a terminal's stderr that records what is written. */
function fakeTerminal(columns: number) {
  const written: string[] = [];
  const stream = { isTTY: true, columns, rows: columns ? 40 : 0, write: (s: string) => { written.push(s); return true; }, on: () => stream, once: () => stream, removeListener: () => stream };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe('progress on a terminal', () => {
  it('on a terminal that reports no width, writes plain lines instead of redrawing (ora would clear lines without end)', async () => {
    const { stream, written } = fakeTerminal(0);
    const p = await makeProgress(true, stream);
    const start = performance.now();
    p.update('first');
    while (performance.now() - start < 2100) { /* wait past the interval */ }
    p.update('x.csv  1,000 records, 3 MB, 500/s');
    p.stop();
    expect(written).toEqual(['x.csv  1,000 records, 3 MB, 500/s\n']);
  });
  it('writes nothing when disabled', async () => {
    const { stream, written } = fakeTerminal(80);
    const p = await makeProgress(false, stream);
    p.update('anything');
    p.stop();
    expect(written).toEqual([]);
  });
});
