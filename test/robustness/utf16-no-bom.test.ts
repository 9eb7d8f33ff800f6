import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf16WithoutBom } from '../../src/ingest/decode.js';
import { cli, report, tempDir } from './cli.js';

/** UTF-16 with no BOM, either byte order: some tools write it; the NULs say which it is. */
const dir = tempDir();
const be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

describe('UTF-16 without a BOM', () => {
  it('is told by where the NULs fall over the head, even when the first line has none', () => {
    const chinese = '读书会聊天记录导出\n'.repeat(3) + '[2024/1/2 上午9:00:00] Alice: hello 1\n'.repeat(20);
    expect(utf16WithoutBom(Buffer.from(chinese, 'utf16le'))).toBe('utf-16le');
    expect(utf16WithoutBom(be(chinese))).toBe('utf-16be');
    // Chinese only, no ASCII at all: nothing to go by (and valid UTF-8 or GB18030 is tried).
    expect(utf16WithoutBom(Buffer.from('读书会聊天记录', 'utf16le'))).toBeNull();
    // UTF-8 text, and a binary file with NULs on both sides.
    expect(utf16WithoutBom(Buffer.from(chinese))).toBeNull();
    expect(utf16WithoutBom(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 3 === 0 ? 0 : (i * 7) & 0xff))))).toBeNull();
    // A few bytes are too few to count: a NUL among them does not make text UTF-16.
    expect(utf16WithoutBom(Buffer.from('garbage\0\x01', 'latin1'))).toBeNull();
  });

  it('a WhatsApp export (its lines start with an LRM) reads as the UTF-8 one does, in either byte order', async () => {
    const folder = 'fixtures/whatsapp/zh-pm';
    const name = readdirSync(folder).find((f) => f.endsWith('.txt'))!;
    const text = readFileSync(join(folder, name), 'utf8');
    type Groups = { groups: { name: string; messages: { total: number } }[] };
    const first = await cli(['analyze', join(folder, name), '--format', 'json']);
    const want = report(first), wantGroups = (JSON.parse(first.stdout) as Groups).groups;
    expect(want.inputs[0]!.records).toBeGreaterThan(0);
    for (const [order, bytes] of [['le', Buffer.from(text, 'utf16le')], ['be', be(text)]] as const) {
      // The same file name: WhatsApp names the group in it.
      mkdirSync(join(dir, order));
      const path = join(dir, order, name);
      writeFileSync(path, bytes);
      const run = await cli(['analyze', path, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const got = report(run);
      expect(got.inputs.map((i) => [i.format, i.records, i.skipped])).toEqual(want.inputs.map((i) => [i.format, i.records, i.skipped]));
      const groups = (JSON.parse(run.stdout) as Groups).groups;
      expect(groups.map((g) => [g.name, g.messages.total])).toEqual(wantGroups.map((g) => [g.name, g.messages.total]));
    }
  });
});
