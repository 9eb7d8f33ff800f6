import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, fileHead, fileSource } from '../../src/ingest/source.js';
import { canonicalMessagesCsv } from '../../src/ingest/canonical/messages.js';
import type { IngestEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import type { Source } from '../../src/ingest/types.js';
import { cli, report, tempDir } from './cli.js';

/**
 * Lines ended by a lone CR (old Mac, some Excel "CSV (Macintosh)" saves) are lines: a file whose
 * head has CRs and no LF is read with each CR as a line end, whatever its encoding; a CRLF file
 * is read as before.
 */
const dir = tempDir();
const HEADER = 'message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to';
const rows = [HEADER, 'm1,g1,读书会,2024-03-01 10:00:00,u1,用户1,text,你好1,', 'm2,g1,读书会,2024-03-02 10:00:00,u2,用户2,text,"two\rlines",', 'm3,g1,读书会,not a time,u1,用户1,text,x,', 'm4,g1,读书会,2024-03-04 10:00:00,u1,用户1,text,"say ""hi""",m1'];

async function messagesOf(source: Source) {
  const issues: { line?: number; code?: string }[] = [];
  const events: IngestEvent[] = [];
  const ctx = { path: source.path, zone: new Zone('UTC'), reportIssue: (i: { line?: number; code?: string }) => issues.push(i), reportProgress: () => {} };
  for await (const ev of canonicalMessagesCsv.read(source, ctx)) events.push(ev);
  return { messages: events.filter((e): e is MessageEvent => e.type === 'message'), issues };
}

describe('CR-only line ends', () => {
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from(rows.join('\r') + '\r')],
    ['UTF-8 with a BOM, no CR at the end', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\r'))])],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.join('\r') + '\r', 'utf16le')])],
  ];
  for (const [what, bytes] of cases) {
    it(`are line ends in a file (${what}): every row, its line, the quoted text`, async () => {
      const path = join(dir, `cr-${what.replace(/\W+/g, '-')}.csv`);
      writeFileSync(path, bytes);
      expect((await fileHead(path)).text.split('\n')[0]).toBe(HEADER);
      for (const source of [await fileSource(path), bytesSource(path, bytes)]) {
        const { messages, issues } = await messagesOf(source);
        expect(messages.map((m) => [m.id, m.line, m.text])).toEqual([['m1', 2, '你好1'], ['m2', 3, 'two\nlines'], ['m4', 6, 'say "hi"']]);
        expect(issues).toEqual([expect.objectContaining({ code: 'bad-timestamp', line: 5 })]);
      }
    });
  }

  it('are read by analyze: detected, the group found, the bad row at its line', async () => {
    const path = join(dir, 'mac.csv');
    writeFileSync(path, rows.join('\r') + '\r');
    const run = await cli(['analyze', path, '--format', 'json']);
    const rep = report(run);
    expect(rep.inputs[0]).toMatchObject({ format: 'canonical-csv', records: 3, skipped: 1 });
    expect((JSON.parse(run.stdout) as { groups: { name: string }[] }).groups.map((g) => g.name)).toEqual(['读书会']);
    expect(rep.warnings.map((w) => [w.code, w.line])).toEqual([['bad-timestamp', 5]]);
  });

  it('leave a CRLF file as it was: a CR inside a quoted text is kept, rows end at CRLF', async () => {
    const path = join(dir, 'crlf.csv');
    writeFileSync(path, rows.join('\r\n') + '\r\n');
    const { messages } = await messagesOf(await fileSource(path));
    expect(messages.map((m) => [m.id, m.line, m.text])).toEqual([['m1', 2, '你好1'], ['m2', 3, 'two\rlines'], ['m4', 5, 'say "hi"']]);
  });
});
