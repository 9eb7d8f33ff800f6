import fc from 'fast-check';
import { zipSync } from 'fflate';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { discover as Discover } from '../../src/ingest/discover.js';
import type { poolWorkers as PoolWorkers, startPool as StartPool } from '../../src/ingest/pool/pool.js';
import type { IngestOptions, IngestResult } from '../../src/ingest/run.js';

// Worker threads run the built program (dist/): `npm test` builds first. Through the TypeScript
// sources the workers cannot start and every input is read by the run itself.
const dist = (p: string) => new URL(`../../dist/${p}`, import.meta.url);
const built = existsSync(dist('ingest/run.js'));
const mod = async <T>(p: string): Promise<T> => (await import(dist(p).href)) as T;
const { ingest } = built ? await mod<{ ingest: (o: IngestOptions) => Promise<IngestResult> }>('ingest/run.js') : { ingest: null };
const { discover } = built ? await mod<{ discover: typeof Discover }>('ingest/discover.js') : { discover: null };
const { poolWorkers, startPool } = built ? await mod<{ poolWorkers: typeof PoolWorkers; startPool: typeof StartPool }>('ingest/pool/pool.js') : { poolWorkers: null, startPool: null };

const root = new URL('../../fixtures/', import.meta.url).pathname;
// Every fixture export as its own input: files and folders of every format, member lists too.
const FIXTURES = readdirSync(root).filter((d) => d !== 'demo').flatMap((d) => readdirSync(join(root, d)).map((s) => join(root, d, s)))
  .concat(join(root, 'demo', 'messages.csv'), join(root, 'demo', 'members.csv'));
const NOW = Date.UTC(2026, 0, 1);

const dir = mkdtempSync(join(tmpdir(), 'ca-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A ZIP of exports: its entries cross to a worker as bytes.
const ZIP = join(dir, 'exports.zip');
const zipped = ['whatsapp/android-en', 'qq-txt/basic', 'wechat-memotrace-csv/basic'].flatMap((d) => readdirSync(join(root, d)).map((f) => [`${d}/${f}`, join(root, d, f)] as const));
writeFileSync(ZIP, zipSync(Object.fromEntries(zipped.map(([name, path]) => [name, readFileSync(path)]))));

const run = (inputs: string[], threads: number, extra: Partial<IngestOptions> = {}) =>
  ingest!({ inputs, timeZone: 'Asia/Shanghai', now: NOW, threads, minPartBytes: 1 << 30, minPoolBytes: 1, ...extra });
const units = (inputs: string[]) => discover!(inputs, { now: NOW, onSkip: () => {} });
/** What a worker hands back for the last of `inputs`, the inputs a worker can take, and what the
 *  pool says of the first (undefined: the run's to read). */
async function lastByWorker(inputs: string[]) {
  const us = await units(inputs);
  const kinds = us.map((u) => (u.type === 'folder' ? 'messages' : u.adapter.kind(u.head)));
  const pool = startPool!(us, kinds, 1, { zone: 'Asia/Shanghai', now: NOW }, () => {});
  try {
    return { units: us, last: await pool.take(us.length - 1), first: pool.take(0) };
  } finally {
    pool.close();
  }
}
/** What one thread gives: the same issues, per-input counts and dataset. */
const expectSame = (many: IngestResult, one: IngestResult) => {
  expect(many.issues).toEqual(one.issues);
  expect(many.inputs).toEqual(one.inputs);
  expect(many.dataset).toEqual(one.dataset);
};
const outcome = async (p: Promise<IngestResult>) => p.then((r) => ({ ok: r }), (e: Error) => ({ error: { ...e, message: e.message } }));

describe.skipIf(!built)('whole inputs read by a pool of worker threads', () => {
  it('workers do read inputs here (the rest of this file would prove nothing otherwise)', async () => {
    const all = await units(FIXTURES);
    expect(poolWorkers!(all, 2, 1 << 30, 1)).toBe(1);
    expect(poolWorkers!(all, 4, 1 << 30, 1)).toBe(3);
    expect(poolWorkers!(all, 1, 1 << 30, 1)).toBe(0);
    // Not while a messages CSV is big enough to be cut into parts, nor for too few bytes.
    expect(poolWorkers!(all, 2, 1, 1)).toBe(0);
    expect(poolWorkers!(all, 2, 1 << 30, 1 << 30)).toBe(0);
    // No more workers than inputs they could take (the first input is always the run's).
    const two = await units([FIXTURES[0]!, join(root, 'demo', 'members.csv')]);
    expect(poolWorkers!(two.slice(-2), 4, 1 << 30, 1)).toBe(1);
    // A messages CSV on standard input may be cut (its size is not known here): no pool then.
    const piped = await discover!(['-', ...FIXTURES], { now: NOW, onSkip: () => {}, stdin: () => Readable.from([readFileSync(join(root, 'demo', 'messages.csv'))]) });
    expect(piped[0]!.type === 'file' && piped[0]!.adapter.id).toBe('canonical-csv');
    expect(poolWorkers!(piped, 2, 1 << 30, 1)).toBe(0);
    // The last input is a worker's first: the demo's member list, 626 rows in 7 groups.
    const { last, first } = await lastByWorker(FIXTURES);
    expect(last).not.toBeNull();
    expect(last!.records).toBe(626);
    expect(last!.part.members.group.length).toBe(626);
    expect(last!.part.groups.length).toBe(7);
    expect(first).toBeUndefined();
  });

  it('the run\'s --me reaches a worker: there too the exporter\'s "You" is the user', async () => {
    const chat = join(dir, 'WhatsApp Chat with Hikers.txt');
    writeFileSync(chat, ['1/5/24, 9:00 AM - You created group "x"', '1/5/24, 9:01 AM - You added Bob', '1/5/24, 9:02 AM - Ann: hi Bob'].join('\n'));
    const keys = async (me?: string[]) => {
      const us = await units([FIXTURES[0]!, chat]);
      const pool = startPool!(us, us.map(() => 'messages'), 1, { zone: 'UTC', now: NOW, ...(me ? { me } : {}) }, () => {});
      try {
        const last = await pool.take(us.length - 1);
        return last!.part.members.keys.text;
      } finally {
        pool.close();
      }
    };
    expect(await keys(['Ann'])).toBe('AnnBob');
    expect(await keys()).toBe('YouBobAnn');
  });

  it('an input a worker cannot read is handed back: the run reads it and stops with the same error', async () => {
    const cut = join(dir, 'result.json');
    writeFileSync(cut, readFileSync(join(root, 'telegram', 'group', 'result.json'), 'utf8').slice(0, 1500));
    expect((await lastByWorker([FIXTURES[0]!, cut])).last).toBeNull();
    const [e1, e2] = [await outcome(run([FIXTURES[0]!, cut], 1)), await outcome(run([FIXTURES[0]!, cut], 2))];
    expect(e1).toMatchObject({ error: { message: 'the JSON ends too early (cut off?)' } });
    expect(e2).toEqual(e1);
  });

  it('a worker reads a ZIP entry from its bytes, and the result is that of one thread', async () => {
    const { units: us, last } = await lastByWorker([FIXTURES[0]!, ZIP]);
    expect(us.slice(-zipped.length).map((u) => u.path)).toEqual(zipped.map(([name]) => `${ZIP}!${name}`).sort());
    expect(last).not.toBeNull();
    expect(last!.records).toBeGreaterThan(0);
    const [one, many] = [await run([FIXTURES[0]!, ZIP], 1), await run([FIXTURES[0]!, ZIP], 2)];
    expect(many.inputs.map((i) => i.path)).toEqual(us.map((u) => u.path));
    expectSame(many, one);
  });

  it('progress counts the records every thread has read: never down, never past the total', async () => {
    const files = [0, 1, 2, 3].map((n) => {
      const path = join(dir, `big-${n}.csv`);
      const rows = Array.from({ length: 40_000 }, (_, i) => `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,g${n},u${i % 300},message ${i} of a long enough text`);
      writeFileSync(path, ['timestamp,group_id,sender_id,text', ...rows].join('\n'));
      return path;
    });
    const seen: number[] = [];
    const r = await run(files, 2, { onProgress: (p) => seen.push(p.records) });
    const total = r.inputs.reduce((n, i) => n + i.records, 0);
    expect(total).toBe(160_000);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n, i) => n >= (seen[i - 1] ?? 0) && n <= total)).toBe(true);
  });

  it('gives the dataset, counts and issues of one thread, whatever the inputs and their order', async () => {
    await fc.assert(fc.asyncProperty(fc.shuffledSubarray([...FIXTURES, ZIP], { minLength: 2 }), fc.integer({ min: 2, max: 4 }), async (inputs, threads) => {
      const one = await run(inputs, 1);
      const many = await run(inputs, threads);
      expectSame(many, one);
    }), { numRuns: 12 });
  });

  it('gives the same within a window, and the same error under --strict', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'timestamp,group_id,sender_id,text\n2024-03-01 10:00:00,g1,u1,hi\nnot a date,g1,u2,oops\n2024-03-02 10:00:00,g1,u2,ok\n');
    // Last: the first input a worker takes.
    const inputs = [...FIXTURES, bad];
    const window = { since: Date.UTC(2024, 0, 1), until: Date.UTC(2024, 11, 31) };
    const [one, many] = [await run(inputs, 1, window), await run(inputs, 3, window)];
    expectSame(many, one);
    expect(one.issues.some((i) => i.file === bad && i.line === 3)).toBe(true);
    const [e1, e3] = [await outcome(run(inputs, 1, { strict: true })), await outcome(run(inputs, 3, { strict: true }))];
    expect('error' in e1).toBe(true);
    expect(e3).toEqual(e1);
  });
});
