import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { IngestOptions, IngestResult } from '../../src/ingest/run.js';
import { planSplit } from '../../src/ingest/split/plan.js';

// Worker threads run the built program (dist/): `npm test` builds first. Through the TypeScript
// sources the workers cannot start, and every split falls back to one thread (tested below too).
const built = new URL('../../dist/ingest/run.js', import.meta.url);
const ingestBuilt = existsSync(built) ? ((await import(built.href)) as { ingest: (o: IngestOptions) => Promise<IngestResult> }).ingest : null;

const dir = mkdtempSync(join(tmpdir(), 'ca-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileOf = (text: string, bom = false): string => {
  const path = join(dir, `part-${n++}.csv`);
  writeFileSync(path, Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]));
  return path;
};

const HEADERS = [
  'message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to',
  'timestamp,sender_id,group_id,text,message_id,reply_to,type,sender_name,role',
];
const cellArb = fc.oneof(
  fc.constantFrom('', 'u1', 'u2', 'u3', ' u1 ', 'g1', 'g2', 'g3', 'G one', 'text', 'image', 'system', 'admin', 'Ann', 'Bob', '张三',
    '2024-03-01 10:00:00', '2024-03-02T02:00:00Z', '2024-03-01 10:00', 'nonsense', '2099-01-01 00:00:00',
    'hello @Bob there', '加微信 13812345678', '"张三"邀请"李四"加入了群聊', 'm1', 'm2', 'm3', 'a,b', 'say "hi"', 'two\nlines'),
  fc.string({ maxLength: 4 }),
);
const rowArb = (cols: number) => fc.oneof(
  { weight: 10, arbitrary: fc.array(cellArb, { minLength: cols, maxLength: cols }).map((c) => c.map((x) => (/["\n\r,]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(',')) },
  // Stray quotes inside unquoted cells fool a quote count: the cut is then checked and undone.
  { weight: 1, arbitrary: fc.constantFrom('', 'a"b,c', '"q"tail,x', '1,g1,,2024-03-01 10:00:00,u"1,A,text,x"y,') },
);
const csvArb = fc.integer({ min: 0, max: HEADERS.length - 1 }).chain((h) => fc.record({
  header: fc.constant(HEADERS[h]!),
  rows: fc.array(rowArb(HEADERS[h]!.split(',').length), { minLength: 1, maxLength: 60 }),
  eol: fc.constantFrom('\n', '\r\n'),
  lastEol: fc.boolean(),
  bom: fc.boolean(),
  threads: fc.integer({ min: 2, max: 4 }),
}));

const NOW = Date.UTC(2025, 0, 1);
const run = (ingest: (o: IngestOptions) => Promise<IngestResult>, path: string, threads: number) =>
  ingest({ inputs: [path], timeZone: 'Asia/Shanghai', now: NOW, threads, minPartBytes: 1 });

describe.skipIf(!ingestBuilt)('one CSV read by several threads', () => {
  it('gives the dataset, counts and issues (with their lines) of one thread, however it is cut', async () => {
    await fc.assert(fc.asyncProperty(csvArb, async ({ header, rows, eol, lastEol, bom, threads }) => {
      const path = fileOf([header, ...rows].join(eol) + (lastEol ? eol : ''), bom);
      const one = await run(ingestBuilt!, path, 1);
      const many = await run(ingestBuilt!, path, threads);
      expect(many.issues).toEqual(one.issues);
      expect(many.inputs).toEqual(one.inputs);
      expect(many.dataset).toEqual(one.dataset);
    }), { numRuns: 60 });
  });

  it('a group named by a refused row keeps that name in later parts, as one reader keeps it (found by the property)', async () => {
    const rows = [HEADERS[0]!, ' u1 ,admin,,Bob,g2,m3,,,', ',g1,"""张三""邀请""李四""加入了群聊",2099-01-01 00:00:00,,,,,', '1,g1,,2024-03-01 10:00:00,u"1,A,text,x"y,', ',,,,,,,,'];
    const path = fileOf(rows.join('\n') + '\n');
    const one = await run(ingestBuilt!, path, 1);
    const many = await run(ingestBuilt!, path, 3);
    expect(many.dataset).toEqual(one.dataset);
    expect(many.issues).toEqual(one.issues);
  });

  it('reads a plain file of many groups the same (members named differently across parts, replies across parts)', async () => {
    const lines = [HEADERS[0]!];
    for (let i = 0; i < 6000; i++) {
      lines.push(`m${i},g${i % 7},${i < 3000 ? '' : `Group ${i % 7}`},2024-03-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,wxid_${i % 53},Name ${i % 53}${i > 4000 ? 'x' : ''},text,${i % 9 ? `hi @Name ${i % 5}` : '"a, ""b""\nc"'},${i % 11 ? '' : `m${i - 2500}`}`);
    }
    const path = fileOf(lines.join('\n') + '\n');
    const one = await run(ingestBuilt!, path, 1);
    const many = await run(ingestBuilt!, path, 3);
    expect(one.dataset.messages.count).toBe(6000);
    expect(many.dataset).toEqual(one.dataset);
    expect(many.inputs).toEqual(one.inputs);
  });

  it('makes room for the parts by the messages kept so far, not the lines (texts of three lines)', async () => {
    const { DatasetBuilder } = (await import(new URL('../../dist/core/dataset/builder.js', import.meta.url).href)) as typeof import('../../src/core/dataset/builder.js');
    const asked: number[] = [];
    const spy = vi.spyOn(DatasetBuilder.prototype, 'prefault').mockImplementation(function (this: unknown, rows: number) { asked.push(rows); });
    try {
      const lines = [HEADERS[0]!];
      for (let i = 0; i < 4000; i++) lines.push(`m${i},g${i % 5},,2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00,u${i % 31},,text,"one ${i}\ntwo\nthree",`);
      const many = await run(ingestBuilt!, fileOf(lines.join('\n') + '\n'), 2);
      expect(many.dataset.messages.count).toBe(4000);
      // One part for the worker, about half the messages: 95 % of them asked for (a count of the
      // lines read would ask for three times as many).
      expect(asked).toHaveLength(1);
      expect(asked[0]!).toBeGreaterThan(0.8 * 2000);
      expect(asked[0]!).toBeLessThan(2000 * 1.05);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('planSplit', () => {
  it('cuts only at line ends outside quoted fields, after the header', async () => {
    const header = 'timestamp,sender_id,text\n';
    const rows = Array.from({ length: 200 }, (_, i) => `2024-03-01 10:00:00,u${i},"line one\nline ""two""\nthree"\n`).join('');
    const text = header + rows;
    const plan = await planSplit(fileOf(text), Buffer.byteLength(text), 4, 100);
    expect(plan).not.toBeNull();
    expect(plan!.header).toBe(header);
    expect(plan!.cuts[0]).toBe(header.length);
    expect(plan!.cuts.at(-1)).toBe(Buffer.byteLength(text));
    expect(plan!.cuts.length).toBe(5);
    for (const c of plan!.cuts.slice(1, -1)) expect(text.slice(c, c + 20)).toBe('2024-03-01 10:00:00,');
  });

  it('does not cut a small file, or one in UTF-16', async () => {
    expect(await planSplit(fileOf('timestamp,sender_id\n2024-03-01 10:00:00,u1\n'), 42, 2, 1 << 20)).toBeNull();
    const utf16 = join(dir, 'u16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('timestamp,sender_id\n2024-03-01 10:00:00,u1\n'.repeat(50), 'utf16le')]));
    expect(await planSplit(utf16, 4000, 2, 10)).toBeNull();
  });
});
