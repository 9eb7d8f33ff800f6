import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/ingest/limits.js';
import { cli, errorLine, good, HEADER, report, tempDir } from './cli.js';

/** Huge and hostile containers, generated at test time; the limits give one clear error each. */
const dir = tempDir();
const p = (name: string) => join(dir, name);
const over = LIMITS.maxFieldChars + (2 << 20);

describe('limits instead of running out of memory', () => {
  it('one CSV field over the limit (an unclosed quote swallowing the file)', async () => {
    writeFileSync(p('field.csv'), `${HEADER}\nm1,g1,G,2024-03-04 09:00:00,a,A,text,"${'x'.repeat(over)}",\n`);
    const r = await cli(['analyze', p('field.csv'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorLine(r)).toMatch(/field\.csv:2: a field is longer than 16 MB \(an unclosed quote\?\)$/);
  });

  it('one line over the limit in a line-based export', async () => {
    writeFileSync(p('WhatsApp Chat with G.txt'), `1/2/24, 10:00 - A: hi\n1/2/24, 10:01 - B: ${'y'.repeat(over)}`);
    const r = await cli(['analyze', p('WhatsApp Chat with G.txt'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(errorLine(r)).toMatch(/WhatsApp Chat with G\.txt:2: a line is longer than 16 MB$/);
  });
});

/** A ZIP whose directory claims `size` bytes for `name`, without the bytes (a bomb by its label). */
function lyingZip(name: string, size: number): Uint8Array {
  const z = Buffer.from(zipSync({ [name]: new TextEncoder().encode(good()) }, { level: 9 }));
  z.writeUInt32LE(size >>> 0, 22); // local header: uncompressed size
  const cd = z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  z.writeUInt32LE(size >>> 0, cd + 24); // central directory: uncompressed size
  return z;
}

describe('ZIP archives', () => {
  it('entries that escape the folder are skipped with a warning, never written anywhere', async () => {
    const zip = zipSync({ '../escaped.csv': new TextEncoder().encode(good()), '/etc/abs.csv': new TextEncoder().encode(good()), 'chat/ok.csv': new TextEncoder().encode(good()) });
    writeFileSync(p('slip.zip'), zip);
    const r = await cli(['analyze', p('slip.zip'), '--format', 'json']);
    expect(r.code).toBe(0);
    const rep = report(r);
    expect(rep.inputs.map((i) => [i.path, i.records])).toEqual([[`${p('slip.zip')}!chat/ok.csv`, 3]]);
    expect(rep.warnings.map((w) => w.message)).toEqual([
      'entry "../escaped.csv" points outside the archive; skipped',
      'entry "/etc/abs.csv" points outside the archive; skipped',
    ]);
    expect(existsSync(join(dir, '..', 'escaped.csv'))).toBe(false);
  });

  it('an archive whose directory says it expands to gigabytes is refused before inflating', async () => {
    writeFileSync(p('bomb.zip'), lyingZip('chat.csv', 3.5 * 2 ** 30));
    const r = await cli(['analyze', p('bomb.zip'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorLine(r)).toMatch(/bomb\.zip: the archive expands to an entry of 3\.5 GB \(the limit is 1 GB\) \(at "chat\.csv"\)$/);
  });

  it('an entry that claims less than it holds is cut at the size it claims', async () => {
    writeFileSync(p('liar.zip'), lyingZip('chat.csv', HEADER.length + 1 + 30));
    const r = await cli(['analyze', p('liar.zip'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(report(r).inputs[0]).toMatchObject({ records: 1, skipped: 0 }); // of 3: the rest was beyond the claimed size
  });

  it('a real compression bomb (16 MB of zeros in 16 KB) is read as what it is: not an export', async () => {
    writeFileSync(p('zeros.zip'), zipSync({ 'zeros.csv': new Uint8Array(16 << 20) }, { level: 1 }));
    const r = await cli(['analyze', p('zeros.zip'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(errorLine(r)).toMatch(/^error: no chat exports or member lists found/);
  });

  it('a file named .zip that is not a ZIP', async () => {
    writeFileSync(p('fake.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    const r = await cli(['analyze', p('fake.zip'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(errorLine(r)).toMatch(/fake\.zip: not a readable ZIP archive/);
  });
});
