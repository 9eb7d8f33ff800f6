import { describe, expect, it } from 'vitest';
import type { IngestAdapter } from '../../src/ingest/types.js';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { adapters } from '../../src/ingest/registry.js';
import { bytesSource, fileHead, fileSource } from '../../src/ingest/source.js';
import { strToU8 } from 'fflate';
import { discordCsv } from '../../src/ingest/discord/csv.js';
import { discordJson } from '../../src/ingest/discord/json.js';

const root = new URL('../../fixtures/', import.meta.url).pathname;
const JSON_PATH = `${root}discord/guild/Synth Club - Text - general [810000000000000001].json`;
const CSV_PATH = `${root}discord-csv/basic/Synth Club - Text - general [810000000000000001].csv`;

async function read(adapter: IngestAdapter, path: string) {
  const events: IngestEvent[] = [];
  const issues: { reason: string }[] = [];
  const ctx = { path, zone: new Zone('UTC'), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  for await (const e of adapter.read(await fileSource(path), ctx)) events.push(e);
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const members = events.filter((e): e is MembershipEvent => e.type === 'membership');
  return { messages, members, issues };
}
const iso = (t: number) => new Date(t).toISOString();

describe('discord', () => {
  it.each([[JSON_PATH, 'discord-json'], [CSV_PATH, 'discord-csv']])('detects %s', async (path, id) => {
    const head = await fileHead(path);
    expect([...adapters].sort((a, b) => b.detect(head) - a.detect(head))[0]!.id).toBe(id);
  });

  it('reads DiscordChatExporter JSON: joins, replies, bots, mentions, offsets', async () => {
    const { messages, members, issues } = await read(discordJson, JSON_PATH);
    expect(issues).toEqual([]);
    expect(members).toMatchObject([{ action: 'join', memberId: '900000000000000002', memberName: 'Lena', id: '1' }]);
    expect(iso(members[0]!.time)).toBe('2024-04-01T08:00:00.000Z');
    // The duplicated message 5 is passed on: the dataset dedupes by id.
    expect(messages.map((m) => [m.id, m.kind, m.senderRole])).toEqual([
      ['2', 'text', undefined], ['3', 'text', undefined], ['4', 'text', 'bot'], ['5', 'image', undefined], ['5', 'image', undefined], ['6', 'system', undefined],
    ]);
    expect(messages[0]!.group).toEqual({ id: '810000000000000001', name: 'Synth Club / #general', platform: 'discord' });
    expect(messages[0]!.mentions).toEqual(['900000000000000002']);
    expect(messages[1]).toMatchObject({ replyTo: '2', senderName: 'Lena' });
  });

  it('reads DiscordChatExporter CSV: quoted multi-line fields, ids, attachments', async () => {
    const { messages, issues } = await read(discordCsv, CSV_PATH);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind, m.text, iso(m.time)])).toEqual([
      ['900000000000000001', 'text', 'hello, "world"', '2024-04-01T08:05:00.000Z'],
      ['900000000000000002', 'text', 'two\nlines', '2024-04-01T08:06:00.000Z'],
      ['900000000000000001', 'image', undefined, '2024-04-01T08:08:00.000Z'],
    ]);
    expect(messages[0]!.group).toEqual({ id: '810000000000000001', name: 'Synth Club - Text - general', platform: 'discord' });
  });

  const dce = (channel: object, guild = { id: '800000000000000001', name: 'Synth Club' }) => JSON.stringify({
    guild, channel,
    messages: [{ id: '2001', type: 'Default', timestamp: '2024-04-01T10:02:30+02:00', content: 'thread msg', author: { id: '900000000000000002', name: 'lena', nickname: 'Lena', isBot: false } }],
  });
  async function readText(name: string, text: string) {
    const events: IngestEvent[] = [];
    const ctx = { path: name, zone: new Zone('UTC'), reportIssue: () => {}, reportProgress: () => {} };
    for await (const e of discordJson.read(bytesSource(name, strToU8(text)), ctx)) events.push(e);
    return events.filter((e): e is MessageEvent => e.type === 'message');
  }

  it.each(['GuildPublicThread', 'GuildPrivateThread', 'GuildNewsThread'])('folds a %s export into its parent channel (categoryId, category)', async (type) => {
    const messages = await readText('Synth Club - general - Help thread [820000000000000001].json',
      dce({ id: '820000000000000001', type, categoryId: '810000000000000001', category: 'general', name: 'Help thread', topic: null }));
    expect(messages.map((m) => [m.group.id, m.group.name, m.senderId, m.id, iso(m.time)])).toEqual([
      ['810000000000000001', 'Synth Club / #general', '900000000000000002', '2001', '2024-04-01T08:02:30.000Z'],
    ]);
  });

  it('keeps a channel that is not a thread under its own id, whatever its category', async () => {
    const messages = await readText('x.json', dce({ id: '810000000000000001', type: 'GuildTextChat', categoryId: '1', category: 'Text', name: 'general' }));
    expect(messages[0]!.group).toEqual({ id: '810000000000000001', name: 'Synth Club / #general', platform: 'discord' });
  });

  it('marks staff by their server role (DCE author.roles): Owner, Admin, Moderator; other roles and none leave a member', async () => {
    const author = (id: string, roles?: string[], isBot = false) => ({ id, name: id, isBot, ...(roles ? { roles: roles.map((name, i) => ({ id: `${i}`, name, color: null, position: i })) } : {}) });
    const msgs = [author('a', ['Owner']), author('b', ['Level 5', 'Moderator']), author('c', ['管理员']), author('d', ['Team Red']), author('e'), author('f', ['Admin'], true)]
      .map((a, i) => ({ id: `${i}`, type: 'Default', timestamp: '2024-04-01T10:02:30+02:00', content: 'hi', author: a }));
    const messages = await readText('x.json', JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: '2', type: 'GuildTextChat', name: 'general' }, messages: msgs }));
    expect(messages.map((m) => [m.senderId, m.senderRole])).toEqual([['a', 'owner'], ['b', 'admin'], ['c', 'admin'], ['d', undefined], ['e', undefined], ['f', 'bot']]);
  });

  async function readCsv(name: string, text: string) {
    const events: IngestEvent[] = [];
    const issues: { reason: string; line?: number; code?: string }[] = [];
    const ctx = { path: name, zone: new Zone('UTC'), reportIssue: (i: (typeof issues)[number]) => issues.push(i), reportProgress: () => {} };
    const source = bytesSource(name, strToU8(text));
    for await (const e of discordCsv.read(source, ctx)) events.push(e);
    return { messages: events.filter((e): e is MessageEvent => e.type === 'message'), issues };
  }
  const detectText = (name: string, text: string) => [...adapters]
    .map((a) => [a.id, a.detect({ path: name, fileName: name, text, bytes: strToU8(text) })] as const)
    .sort((a, b) => b[1] - a[1])[0]![0];

  it('detects a DCE CSV by its set of columns, in any order, and reads the ids', async () => {
    const name = 'Synth Club - Text - general [810000000000000001].csv';
    const text = '"Date","AuthorID","Author","Content","Attachments","Reactions"\n"2024-04-01T10:05:00.0000000+02:00","900000000000000001","kai","hi","",""\n';
    expect(detectText(name, text)).toBe('discord-csv');
    const { messages, issues } = await readCsv(name, text);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.group.id, m.senderId, m.senderName, m.text, iso(m.time)])).toEqual([
      ['810000000000000001', '900000000000000001', 'kai', 'hi', '2024-04-01T08:05:00.000Z'],
    ]);
  });

  it('reads the old DCE CSV: Author;Date;Content;Attachments; with dd-MMM-yy hh:mm tt dates, the name#tag as id', async () => {
    const name = 'Synth Club - general.csv';
    const text = 'Author;Date;Content;Attachments;\n"kai#1234";"01-Apr-24 10:05 AM";"hi";"";\n"lena#5678";"01-Apr-24 01:05 PM";"yo";"https://cdn.discordapp.com/x.PNG";\n';
    expect(detectText(name, text)).toBe('discord-csv');
    const { messages, issues } = await readCsv(name, text);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.group.id, m.senderId, m.kind, iso(m.time)])).toEqual([
      ['Synth Club - general', 'kai#1234', 'text', '2024-04-01T10:05:00.000Z'],
      ['Synth Club - general', 'lena#5678', 'image', '2024-04-01T13:05:00.000Z'],
    ]);
  });

  it('a user CSV that only shares some column names is not taken for DCE', () => {
    expect(detectText('x.csv', 'timestamp,sender_name,text\n2024-01-01 10:00,A,hi\n')).not.toBe('discord-csv');
    expect(detectText('x.csv', 'Author,Date,Content\nA,2024-01-01 10:00,hi\n')).not.toBe('discord-csv');
  });

  it('slash dates of a re-saved file: the order one value shows is used for the rows around it; none shown, refused', async () => {
    const head = 'AuthorID,Author,Date,Content,Attachments,Reactions\n';
    const name = 'G [1].csv';
    const md = await readCsv(name, `${head}1,a,4/1/2024 10:06,x,,\n2,b,4/13/2024 9:00,y,,\n1,a,4/2/2024 8:00,z,,\n`);
    expect(md.issues).toEqual([]);
    expect(md.messages.map((m) => [m.text, iso(m.time)])).toEqual([
      ['x', '2024-04-01T10:06:00.000Z'], ['y', '2024-04-13T09:00:00.000Z'], ['z', '2024-04-02T08:00:00.000Z'],
    ]);
    const dm = await readCsv(name, `${head}1,a,4/1/2024 10:06,x,,\n2,b,13/1/2024 9:00,y,,\n`);
    expect(dm.messages.map((m) => [m.text, iso(m.time)])).toEqual([['x', '2024-01-04T10:06:00.000Z'], ['y', '2024-01-13T09:00:00.000Z']]);
    const none = await readCsv(name, `${head}1,a,2024-04-01T10:05:00+00:00,x,,\n2,b,04/01/2024 10:06,y,,\n`);
    expect(none.messages.map((m) => m.text)).toEqual(['x']);
    expect(none.issues).toMatchObject([{ line: 3, code: 'bad-timestamp' }]);
  });
});
