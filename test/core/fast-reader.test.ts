import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/dataset/builder.js';
import type { IngestEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { canonicalMessagesCsv } from '../../src/ingest/canonical/messages.js';
import type { ReadContext, Source } from '../../src/ingest/types.js';

const sourceOf = (text: string, sizes: number[]): Source => ({
  path: 'x.csv', fileName: 'x.csv', size: text.length,
  async *text() {
    for (let i = 0, k = 0; i < text.length; k++) { const n = sizes[k % sizes.length]!; yield text.slice(i, i + n); i += n; }
  },
  bytes: async () => new TextEncoder().encode(text),
});

async function viaRead(text: string) {
  const issues: unknown[] = [];
  const ctx: ReadContext = { path: 'x.csv', zone: new Zone('Asia/Shanghai'), reportIssue: (i) => issues.push(i), reportProgress: () => {} };
  const b = new DatasetBuilder();
  let records = 0;
  for await (const ev of canonicalMessagesCsv.read(sourceOf(text, [text.length || 1]), ctx)) { b.add(ev, 0); records++; }
  return { ds: b.finish('Asia/Shanghai'), issues, records };
}

async function viaInto(text: string, sizes: number[]) {
  const issues: unknown[] = [];
  const ctx: ReadContext = { path: 'x.csv', zone: new Zone('Asia/Shanghai'), reportIssue: (i) => issues.push(i), reportProgress: () => {} };
  const b = new DatasetBuilder();
  let records = 0;
  await canonicalMessagesCsv.readInto(sourceOf(text, sizes), ctx, {
    row: (group, row) => { b.addRow(group, row, 0); records++; },
    events: (batch: IngestEvent[]) => { for (const ev of batch) b.add(ev, 0); records += batch.length; },
  });
  return { ds: b.finish('Asia/Shanghai'), issues, records };
}

const HEADERS = [
  'message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to',
  'timestamp,sender_id,group_id,text,message_id,reply_to,type,sender_name,role',
  'message_id;group_id;timestamp;sender_id;sender_name;text',
];
const cellArb = fc.oneof(
  fc.constantFrom('', ' ', 'a', 'u1', 'u2', 'U 1', ' u1 ', 'g1', 'g2', '"', 'x"y', 'text', 'image', 'system', 'SYSTEM', '图片', 'admin', '\u3000u1',
    '2024-03-01 10:00:00', '2024-03-01T02:00:00Z', '2024-03-01 10:00', 'nonsense', '2024-02-30 10:00:00', ' 2024-03-01 10:00:00',
    'hello @u2 there', '加微信 13812345678', '"张三"邀请"李四"加入了群聊', 'm1', 'm2', 'long-id-abcdefghijklmnop'),
  fc.string({ maxLength: 6 }),
);
const quote = (s: string, delim: string) => (/["\n\r]/.test(s) || s.includes(delim) || Math.random() < 0 ? `"${s.replace(/"/g, '""')}"` : s);
const rowArb = (delim: string, cols: number) => fc.oneof(
  { weight: 8, arbitrary: fc.array(cellArb, { minLength: cols, maxLength: cols }).map((c) => c.map((x) => (/["\n\r;,]/.test(x) ? quote(x, delim) : x)).join(delim)) },
  { weight: 1, arbitrary: fc.array(cellArb, { minLength: 1, maxLength: cols + 2 }).map((c) => c.map((x) => `"${x.replace(/"/g, '""')}\n"`).join(delim)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '"unclosed, still', 'a"b,c', '"q"tail,x') },
);
const csvArb = fc.integer({ min: 0, max: HEADERS.length - 1 }).chain((h) => {
  const header = HEADERS[h]!;
  const delim = header.includes(';') ? ';' : ',';
  const cols = header.split(delim).length;
  return fc.record({
    header: fc.constant(header),
    rows: fc.array(rowArb(delim, cols), { maxLength: 25 }),
    eol: fc.constantFrom('\n', '\r\n'),
    lastEol: fc.boolean(),
    sizes: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
  });
});

describe('canonical readInto (the fast reader)', () => {
  it('builds the same dataset with the same issues as read, any rows, any chunking', async () => {
    await fc.assert(fc.asyncProperty(csvArb, async ({ header, rows, eol, lastEol, sizes }) => {
      const text = [header, ...rows].join(eol) + (lastEol ? eol : '');
      const a = await viaRead(text);
      const b = await viaInto(text, sizes);
      expect(b.issues).toEqual(a.issues);
      expect(b.records).toBe(a.records);
      expect(b.ds).toEqual(a.ds);
    }), { numRuns: 400 });
  });
  it('rows with quoted cells (doubled quotes, newlines, delimiters inside) give the same dataset and issue lines', async () => {
    // Valid time, group and sender on every row, so most rows are ones the fast reader takes; a
    // bad row after each few names its line, which the newlines inside quotes before it decide.
    const textArb = fc.oneof(
      fc.constantFrom('a "quoted" word', 'line one\nline two', 'x, y; z', '""', '"', 'crlf\r\ninside', ' padded ', 'tail"', '加微信 13812345678', '@u2 hi', '@B"b 你好'),
      fc.string({ maxLength: 8 }),
    );
    const rowArb = fc.record({
      group: fc.constantFrom('g1', 'g2', 'g 3'), sender: fc.constantFrom('u1', 'u2', 'u,3'), name: fc.constantFrom('', 'Ann', 'B "b"', 'B"b', 'C\nc'),
      type: fc.constantFrom('text', 'image', ''), text: textArb, hour: fc.integer({ min: 10, max: 23 }),
      quoteMask: fc.integer({ min: 0, max: 255 }), bad: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(fc.array(rowArb, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }), async (rows, eol, sizes) => {
      const cellOf = (v: string, bit: number, mask: number) => ((mask >> bit) & 1 || /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const lines = ['message_id,group_id,timestamp,sender_id,sender_name,type,text'];
      rows.forEach((r, i) => {
        const cells = [`m${i}`, r.group, `2024-03-01 ${r.hour}:00:00`, r.sender, r.name, r.type, r.text];
        lines.push(cells.map((c, j) => cellOf(c, j, r.quoteMask)).join(','));
        if (r.bad) lines.push(`m${i}b,g1,not a time,u1,,text,x`);
      });
      const text = lines.join(eol) + eol;
      const a = await viaRead(text);
      const b = await viaInto(text, sizes);
      expect(b.issues).toEqual(a.issues);
      expect(b.records).toBe(a.records);
      expect(b.ds).toEqual(a.ds);
    }), { numRuns: 300 });
  });
  it('plain rows take the fast path: a big plain file gives the same result', async () => {
    const lines = ['message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to'];
    for (let i = 0; i < 5000; i++) lines.push(`m${i},g${i % 13},G${i % 13},2024-03-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00:00,wxid_user_${i % 97},Name ${i % 101},${i % 10 ? 'text' : 'image'},${i % 7 ? `hi ${i % 50} @Name ${i % 5}` : '"a, ""b""\nc"'},${i % 20 ? '' : `m${i - 1}`}`);
    const text = lines.join('\n') + '\n';
    const a = await viaRead(text);
    const b = await viaInto(text, [65536, 1000, 7]);
    expect(b.records).toBe(5000);
    expect(b.ds).toEqual(a.ds);
  });
});
