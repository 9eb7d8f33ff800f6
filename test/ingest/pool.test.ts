import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestOptions, IngestResult } from '../../src/ingest/run.js';

// Pool threads run the built program (dist/): `npm test` builds first. Through the TypeScript
// sources no thread can start and every file is read by the main thread (the fallback).
const built = new URL('../../dist/ingest/run.js', import.meta.url);
const ingestBuilt = existsSync(built) ? ((await import(built.href)) as { ingest: (o: IngestOptions) => Promise<IngestResult> }).ingest : null;
const fixtures = new URL('../../fixtures/', import.meta.url).pathname;

const dir = mkdtempSync(join(tmpdir(), 'ca-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string | Buffer): string => { const p = join(dir, name); writeFileSync(p, text); return p; };

// Inputs that share groups and members across files, carry bad and future-dated rows, a GBK file
// and a names-only format: whatever a pool thread reads must land as if read in input order.
const canonical = ['message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to'];
for (let i = 0; i < 400; i++) canonical.push(`m${i},g${i % 3},${i < 200 ? '' : `Group ${i % 3}`},2024-03-${String(1 + (i % 27)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,u${i % 17},Name ${i % 17}${i > 300 ? 'b' : ''},text,${i % 5 ? `hi @Name ${i % 4}` : '"a, ""b""\nc"'},${i % 7 ? '' : `m${i - 3}`}`);
canonical.push('m-bad,g1,,not a time,u1,,text,x,', 'm-future,g1,,2099-01-01 00:00:00,u1,,text,x,');
const members = ['member_id,name,group_id,role,joined_at,invited_by', ...Array.from({ length: 30 }, (_, i) => `u${i},Member ${i},g${i % 3},${i === 0 ? 'owner' : 'member'},2024-02-${String(1 + (i % 20)).padStart(2, '0')},${i > 3 ? `u${i % 3}` : ''}`), 'u99,,g9,,not a date,'];
const inputs = [
  write('a-messages.csv', canonical.join('\n') + '\n'),
  write('b-members.csv', members.join('\n') + '\n'),
  join(fixtures, 'canonical', 'gbk'),
  join(fixtures, 'whatsapp'),
  join(fixtures, 'wechat-memotrace-csv'),
  join(fixtures, 'telegram'),
  write('c-more.csv', canonical.slice(0, 120).join('\n').replace(/,g(\d),/g, ',g$1x,') + '\n'),
];
const NOW = Date.UTC(2025, 0, 1);
const run = (threads: number, extra: Partial<IngestOptions> = {}) =>
  ingestBuilt!({ inputs, timeZone: 'Asia/Shanghai', now: NOW, threads, minPoolBytes: 0, ...extra });

describe.skipIf(!ingestBuilt)('input files read by pool threads', () => {
  it('give the dataset, counts and issues of one thread, in input order', async () => {
    const one = await run(1);
    expect(one.inputs.length).toBeGreaterThanOrEqual(8);
    expect(one.issues.length).toBeGreaterThanOrEqual(3);
    for (const threads of [2, 4]) {
      const many = await run(threads);
      expect(many.issues).toEqual(one.issues);
      expect(many.inputs).toEqual(one.inputs);
      expect(many.dataset).toEqual(one.dataset);
    }
  });

  it('keep the window: events outside it still mark a names-only group', async () => {
    const window = { since: Date.UTC(2024, 2, 10), until: Date.UTC(2024, 2, 20) };
    const one = await run(1, window), many = await run(3, window);
    expect(many.dataset).toEqual(one.dataset);
    expect(many.inputs).toEqual(one.inputs);
  });

  it('stop at the same first issue under --strict, and meet the same error in an unreadable file', async () => {
    const strict = async (threads: number) => run(threads, { strict: true }).then(() => 'no error', (e: Error) => e.message);
    expect(await strict(3)).toBe(await strict(1));
    expect(await strict(1)).not.toBe('no error');
    const broken = write('d-broken.csv', 'message_id,group_id,text\nm1,g1,hello\n');
    const read = async (threads: number) => ingestBuilt!({ inputs: [inputs[0]!, broken], timeZone: 'UTC', now: NOW, threads, minPoolBytes: 0 }).then(() => 'no error', (e: Error) => e.message);
    expect(await read(3)).toBe(await read(1));
  });
});
