import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { replacedIn } from '../../src/ingest/decode.js';
import { LIMITS, mb } from '../../src/ingest/limits.js';
import { ingest } from '../../src/ingest/run.js';

const dir = mkdtempSync(join(tmpdir(), 'ca-run-'));
const HEADER = 'message_id,group_id,timestamp,sender_id,sender_name,type,text\n';
const put = (name: string, data: string | Uint8Array) => { const p = join(dir, name); writeFileSync(p, data); return p; };

describe('ingest options and issue counting', () => {
  it('`now` is the time of the run: later events are refused', async () => {
    const p = put('now.csv', `${HEADER}m1,g,2024-01-01 10:00:00,a,A,text,hi\nm2,g,2024-06-01 10:00:00,a,A,text,later\n`);
    const r = await ingest({ inputs: [p], timeZone: 'UTC', now: Date.UTC(2024, 2, 1) });
    expect(r.inputs[0]).toMatchObject({ records: 1, skipped: 1 });
    expect(r.issues.map((i) => i.code)).toEqual(['future-timestamp']);
  });
  it('`stdin` is read for the input "-"', async () => {
    const csv = `${HEADER}m1,g,2024-01-01 10:00:00,a,A,text,hi\n`;
    const r = await ingest({ inputs: ['-'], timeZone: 'UTC', now: Date.UTC(2024, 2, 1), stdin: () => Readable.from([Buffer.from(csv)]) });
    expect(r.dataset.messages.count).toBe(1);
  });
  it('a duplicate column is a warning that skips nothing', async () => {
    const p = put('dup.csv', `message_id,group_id,timestamp,sender_id,text,text\nm1,g,2024-01-01 10:00:00,a,hi,x\n`);
    const r = await ingest({ inputs: [p], timeZone: 'UTC' });
    expect(r.inputs[0]).toMatchObject({ records: 1, skipped: 0 });
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate-column']);
  });
  it('a member list date in the future: the member is kept, nothing counted as skipped', async () => {
    const p = put('members.csv', 'group_id,member_id,name,role,joined_at\ng,a,A,member,2099-01-01 00:00:00\n');
    const r = await ingest({ inputs: [p], timeZone: 'UTC', now: Date.UTC(2024, 2, 1) });
    expect(r.inputs[0]).toMatchObject({ records: 1, skipped: 0 });
    expect(r.issues.map((i) => i.code)).toEqual(['future-timestamp']);
  });
  it('bytes that are not valid UTF-8: one warning per file with the count, no row skipped', async () => {
    const head = Buffer.from(`${HEADER}m1,g,2024-01-01 10:00:00,a,A,text,${'x'.repeat(70_000)}\n`);
    const bad = Buffer.concat([head, Buffer.from('m2,g,2024-01-01 11:00:00,a,A,text,caf'), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from(' \uFFFD ok\n')]);
    const r = await ingest({ inputs: [put('mixed.csv', bad)], timeZone: 'UTC' });
    expect(r.inputs[0]).toMatchObject({ records: 2, skipped: 0 });
    const warn = r.issues.filter((i) => i.code === 'invalid-encoding');
    expect(warn).toHaveLength(1);
    expect(warn[0]!.reason).toMatch(/^2 characters were not valid utf-8/);
  });
  it('a runaway quote: an input error naming the limit from LIMITS', async () => {
    const p = put('runaway.csv', `${HEADER}m1,g,2024-01-01 10:00:00,a,A,text,"${'x'.repeat(LIMITS.maxFieldChars + 10)}\n`);
    await expect(ingest({ inputs: [p], timeZone: 'UTC' })).rejects.toMatchObject({
      message: `a field is longer than ${mb(LIMITS.maxFieldChars)} MB (an unclosed quote?)`, details: { code: 'field-too-long', line: 2 },
    });
  });
  it('replacedIn does not count a U+FFFD written in the file', () => {
    expect(replacedIn('a\uFFFDb', Buffer.from('a\uFFFDb'), 'utf-8')).toBe(0);
    expect(replacedIn('a\uFFFDb', Buffer.from([0x61, 0xff, 0x62]), 'utf-8')).toBe(1);
    expect(replacedIn('plain', Buffer.from('plain'), 'utf-8')).toBe(0);
  });
  it('--me reaches the readers: the exporter\'s "You" is the user in every group (workers: pool.test)', async () => {
    const chat = (name: string) => put(`WhatsApp Chat with ${name}.txt`, [
      '1/5/24, 9:00 AM - You created group "x"', '1/5/24, 9:01 AM - You added Bob', '1/5/24, 9:02 AM - Ann: hi Bob', '1/5/24, 9:03 AM - Bob: hi',
    ].join('\n'));
    const r = await ingest({ inputs: [chat('Hikers'), chat('Readers')], timeZone: 'UTC', now: Date.UTC(2024, 2, 1), threads: 1, me: ['Ann'] });
    const ds = r.dataset;
    expect(ds.members.map((m) => [ds.groups[m.group]!.id, m.key, m.role, m.invitedBy === null ? null : ds.members[m.invitedBy]!.key]))
      .toEqual([['Hikers', 'Ann', 'owner', null], ['Hikers', 'Bob', 'member', 'Ann'], ['Readers', 'Ann', 'owner', null], ['Readers', 'Bob', 'member', 'Ann']]);
    expect(r.issues).toEqual([]);
  });
});
