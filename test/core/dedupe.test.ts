import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetBuilder } from '../../src/core/dataset/builder.js';
import { dedupeLong, dedupeShort } from '../../src/core/dataset/finalize.js';
import { ingest } from '../../src/ingest/run.js';

/** The columns dedupe reads, as a builder holds them. */
function columns(ms: { id: number | null; input: number; sender: number; text: number; kind: number }[]): DatasetBuilder {
  const col = (f: (m: (typeof ms)[number]) => number, C: Float64ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor) => ({ data: C.from(ms.map(f)) });
  return {
    idHash: col((m) => m.id ?? NaN, Float64Array), input: col((m) => m.input, Uint16Array), sender: col((m) => m.sender, Uint32Array),
    textHash: col((m) => m.text, Float64Array), flags: col((m) => m.kind, Uint16Array),
  } as unknown as DatasetBuilder;
}

describe('dedupe of messages at one time', () => {
  it('by hash (long runs) keeps exactly what pair by pair keeps', () => {
    const msg = fc.record({ id: fc.option(fc.integer({ min: 0, max: 4 })), input: fc.integer({ min: 0, max: 2 }), sender: fc.integer({ min: 0, max: 2 }), text: fc.integer({ min: 0, max: 2 }), kind: fc.integer({ min: 0, max: 1 }) });
    fc.assert(fc.property(fc.array(msg, { maxLength: 60 }), (ms) => {
      const b = columns(ms);
      const order = Uint32Array.from(ms.keys());
      const short = new Uint8Array(ms.length).fill(1), long = new Uint8Array(ms.length).fill(1);
      dedupeShort(b, order, short, 0, ms.length);
      dedupeLong(b, order, long, 0, ms.length);
      expect([...long]).toEqual([...short]);
    }), { numRuns: 2000 });
  });

  it('two overlapping day-precision exports of 20 000 messages in one day: each message kept once (a long run at one time)', async () => {
    // The same messages twice (two overlapping exports): each is kept once.
    const dir = mkdtempSync(join(tmpdir(), 'ca-dedupe-'));
    try {
      const rows = Array.from({ length: 20_000 }, (_, i) => `2024-03-01,g1,u${i % 50},message ${i % 700}`);
      for (const n of [1, 2]) writeFileSync(join(dir, `part${n}.csv`), ['timestamp,group_id,sender_id,text', ...rows].join('\n'));
      const { dataset } = await ingest({ inputs: [join(dir, 'part1.csv'), join(dir, 'part2.csv')], timeZone: 'UTC', threads: 1, now: Date.UTC(2025, 0, 1) });
      // Within one export, repeats are messages (the same person saying the same thing again).
      expect(dataset.messages.count).toBe(20_000);
      expect(dataset.duplicatesDropped).toBe(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
