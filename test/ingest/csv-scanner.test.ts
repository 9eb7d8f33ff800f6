import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCsv, type CsvRow } from '../../src/ingest/csv/scanner.js';

async function rows(chunks: string[]): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  async function* gen() { for (const c of chunks) yield c; }
  for await (const r of scanCsv(gen(), { delimiter: ',' })) out.push(r);
  return out;
}

/** Split a string at the given cut points (sorted, deduplicated, inside the string). */
function cut(s: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (s.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let prev = 0;
  for (const p of at) { parts.push(s.slice(prev, p)); prev = p; }
  parts.push(s.slice(prev));
  return parts.filter((p) => p.length > 0);
}

const field = fc.oneof(
  fc.constantFrom('', 'a', '好的', 'x y', '"q"', 'a,b', 'line1\nline2', 'cr\r\nlf', '""', ','),
  fc.string({ maxLength: 6 }),
);
const csv = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }).chain((table) =>
  fc.constantFrom('\n', '\r\n').map((eol) =>
    table.map((r) => r.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join(eol) + eol));

describe('scanCsv', () => {
  it('reads quoted fields, doubled quotes, embedded newlines and CRLF', async () => {
    const r = await rows(['id,text\r\n1,"a, ""b""\nc"\r\n2,plain\r\n']);
    expect(r.map((x) => x.fields)).toEqual([['id', 'text'], ['1', 'a, "b"\nc'], ['2', 'plain']]);
    expect(r.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('marks a row cut off inside a quote as truncated', async () => {
    const r = await rows(['a,b\n1,"open']);
    expect(r[1]).toEqual({ fields: ['1', 'open'], line: 2, truncated: true });
  });

  it('gives the same rows however the input is split into chunks', async () => {
    await fc.assert(fc.asyncProperty(csv, fc.array(fc.nat(), { maxLength: 12 }), async (text, points) => {
      expect(await rows(cut(text, points))).toEqual(await rows([text]));
    }), { numRuns: 300 });
  });

  it('numbers each row by the line it starts on, whatever its quoted fields hold', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', '<a x=""1"" y=""2"">', 'p\nq', '"\n"', 'a""\n""b'), fc.string({ maxLength: 4 }));
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), async (table) => {
      const lines = table.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(','));
      const text = lines.join('\n') + '\n';
      const starts = lines.map((_, k) => 1 + lines.slice(0, k).reduce((n, l) => n + l.split('\n').length, 0));
      expect((await rows([text])).map((r) => r.line)).toEqual(starts);
    }), { numRuns: 300 });
  });

  it('gives the same rows one character at a time', async () => {
    const text = 'a,b,c\r\n"x\r\ny",2,"say ""hi"""\r\nlast,,\r\n';
    expect(await rows([...text])).toEqual(await rows([text]));
  });
});
