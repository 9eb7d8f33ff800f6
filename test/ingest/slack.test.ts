import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { bytesSource } from '../../src/ingest/source.js';
import { diskFolder } from '../../src/ingest/disk-folder.js';
import { discover } from '../../src/ingest/discover.js';
import { slackExport } from '../../src/ingest/slack/index.js';
import type { Folder } from '../../src/ingest/types.js';

const WS = new URL('../../fixtures/slack/workspace', import.meta.url).pathname;

async function read(folder: Folder) {
  const events: IngestEvent[] = [];
  const issues: { reason: string }[] = [];
  const ctx = { path: folder.path, zone: new Zone('UTC'), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  for await (const e of slackExport.readFolder(folder, ctx)) events.push(e);
  return {
    events, issues,
    messages: events.filter((e): e is MessageEvent => e.type === 'message'),
    members: events.filter((e): e is MembershipEvent => e.type === 'membership'),
  };
}

/** The fixture folder zipped under a top folder, as some people re-zip exports. */
async function zippedFolder(): Promise<Folder> {
  const files: Record<string, Uint8Array> = {};
  for (const e of await readdir(WS, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[`export/${join(e.parentPath, e.name).slice(WS.length + 1)}`] = new Uint8Array(await readFile(join(e.parentPath, e.name)));
  }
  const unzipped = unzipSync(zipSync(files));
  return { path: 'ws.zip', entries: Object.keys(unzipped).sort(), open: async (entry) => bytesSource(`ws.zip!${entry}`, unzipped[entry]!) };
}

describe('slack-export', () => {
  it('detects the folder and reads channels, joins with inviters, leaves, threads and bots', async () => {
    const folder = await diskFolder(WS);
    expect(slackExport.detectFolder(folder)).toBeGreaterThan(0.5);
    const { messages, members, events, issues } = await read(folder);
    expect(issues).toEqual([]);
    expect(members.map((m) => [m.action, m.memberId, m.by, m.method, new Date(m.time).toISOString()])).toEqual([
      ['join', 'U01', undefined, 'unknown', '2024-01-02T10:00:00.000Z'],
      ['join', 'U02', 'U01', 'invite', '2024-01-02T10:01:40.000Z'],
      ['join', 'U03', 'U02', 'invite', '2024-01-03T10:00:00.000Z'],
      ['leave', 'U02', undefined, undefined, '2024-01-03T11:00:00.000Z'],
    ]);
    expect(messages.map((m) => [m.id, m.senderId, m.senderName, m.senderRole, m.replyTo])).toEqual([
      ['1704189800.000300', 'U01', 'Mia', undefined, undefined],
      ['1704189900.000400', 'U02', 'Nils', undefined, '1704189800.000300'],
      ['1704190000.000500', 'B01', 'CI', 'bot', undefined],
      ['1704276100.000200', 'U09', 'deploybot', 'bot', undefined],
    ]);
    expect(messages[0]).toMatchObject({ text: 'Hi <@U02> & welcome', mentions: ['U02'], group: { id: 'C01', name: 'general', platform: 'slack' } });
    expect(events.find((e) => e.type === 'group')).toMatchObject({ roles: [{ memberId: 'U01', role: 'owner' }] });
  });

  it('reads the same export from a ZIP with a top folder', async () => {
    const folder = await zippedFolder();
    expect(slackExport.detectFolder(folder)).toBeGreaterThan(0.5);
    const { messages, members } = await read(folder);
    expect([messages.length, members.length]).toEqual([4, 4]);
  });

  it('a folder holding an export beside other exports is not the export: each is read (found by the fourth independent simulator)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ca-slack-beside-'));
    await cp(WS, join(dir, 'slack'), { recursive: true });
    await cp(new URL('../../fixtures/demo/messages.csv', import.meta.url).pathname, join(dir, 'messages.csv'));
    await cp(new URL('../../fixtures/line/en-group', import.meta.url).pathname, join(dir, 'line'), { recursive: true });
    const units = await discover([dir], { now: Date.now(), onSkip: () => {} });
    expect(units.map((u) => [u.path.slice(dir.length + 1), u.adapter.id])).toEqual([
      ['line/' + (await readdir(join(dir, 'line')))[0], 'line-txt'], ['messages.csv', 'canonical-csv'], ['slack', 'slack-export'],
    ]);
    // The same, zipped: the export inside the archive is read whole, the CSV beside it as a file.
    const files: Record<string, Uint8Array> = { 'messages.csv': new Uint8Array(await readFile(join(dir, 'messages.csv'))) };
    for (const e of await readdir(WS, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) files[`slack/${join(e.parentPath, e.name).slice(WS.length + 1)}`] = new Uint8Array(await readFile(join(e.parentPath, e.name)));
    }
    await writeFile(join(dir, 'both.zip'), zipSync(files));
    const zipped = await discover([join(dir, 'both.zip')], { now: Date.now(), onSkip: () => {} });
    expect(zipped.map((u) => [u.path.slice(dir.length + 1), u.adapter.id])).toEqual([['both.zip!slack', 'slack-export'], ['both.zip!messages.csv', 'canonical-csv']]);
    // Three folders down, as the walk on disk goes (review); a hidden folder is left out, as on disk.
    const deep = Object.fromEntries(Object.entries(files).flatMap(([k, v]) => [[`a/b/${k}`, v], [`.backup/${k}`, v]]));
    await writeFile(join(dir, 'deep.zip'), zipSync(deep));
    const deepUnits = await discover([join(dir, 'deep.zip')], { now: Date.now(), onSkip: () => {} });
    expect(deepUnits.map((u) => [u.path.slice(dir.length + 1), u.adapter.id])).toEqual([['deep.zip!a/b/slack', 'slack-export'], ['deep.zip!a/b/messages.csv', 'canonical-csv']]);
    // Hidden files beside a wrapped export (a ZIP made on a Mac) still leave it the export.
    const wrapped = await zippedFolder();
    expect(slackExport.detectFolder({ ...wrapped, entries: [...wrapped.entries, '.DS_Store', '__MACOSX/export/._users.json'] })).toBeGreaterThan(0.5);
  });

  it('never claims a lone file', () => {
    expect(slackExport.detect()).toBe(0);
  });

  it('reads a bot_message without bot_id (an old incoming webhook): its username is the id, a bot', async () => {
    const files: Record<string, string> = {
      'channels.json': JSON.stringify([{ id: 'C01', name: 'general', created: '1704153600', creator: 'U01', members: ['U01'] }]),
      'users.json': JSON.stringify([{ id: 'U01', name: 'mia', real_name: 'Mia' }]),
      'general/2024-01-02.json': JSON.stringify([
        { type: 'message', user: 'U01', text: 'hi', ts: '1704189800.000300' },
        { type: 'message', subtype: 'bot_message', username: 'jenkins', text: 'build ok', ts: '1704189900.000400' },
        { type: 'message', subtype: 'bot_message', text: 'nobody', ts: '1704190000.000500' },
      ]),
    };
    const folder: Folder = { path: 'ws', entries: Object.keys(files).sort(), open: async (entry) => bytesSource(`ws/${entry}`, new TextEncoder().encode(files[entry]!)) };
    const { messages, issues } = await read(folder);
    expect(messages.map((m) => [m.id, m.senderId, m.senderName, m.senderRole, m.kind])).toEqual([
      ['1704189800.000300', 'U01', 'Mia', undefined, 'text'],
      ['1704189900.000400', 'jenkins', 'jenkins', 'bot', 'text'],
    ]);
    // Without a username either, nothing says who posted: still a skipped row.
    expect(issues).toHaveLength(1);
  });
});
