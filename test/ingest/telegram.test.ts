import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { adapters } from '../../src/ingest/registry.js';
import { bytesSource, fileHead, fileSource } from '../../src/ingest/source.js';
import type { Source } from '../../src/ingest/types.js';
import { telegramJson } from '../../src/ingest/telegram/index.js';

const dir = new URL('../../fixtures/telegram/', import.meta.url).pathname;
const GROUP = `${dir}group/result.json`;
const ACCOUNT = `${dir}account/result.json`;

async function read(source: Source, zone = 'UTC') {
  const events: IngestEvent[] = [];
  const issues: { reason: string }[] = [];
  const ctx = { path: source.path, zone: new Zone(zone), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  for await (const e of telegramJson.read(source, ctx)) events.push(e);
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const members = events.filter((e): e is MembershipEvent => e.type === 'membership');
  return { events, messages, members, issues };
}
const iso = (t: number) => new Date(t).toISOString();

describe('telegram-json', () => {
  it.each([GROUP, ACCOUNT])('is detected as Telegram: %s', async (path) => {
    const head = await fileHead(path);
    expect([...adapters].sort((a, b) => b.detect(head) - a.detect(head))[0]!.id).toBe('telegram-json');
  });

  it('reads a group: ids, replies, mentions, media, service actions with inviters', async () => {
    const { messages, members, events, issues } = await read(await fileSource(GROUP));
    expect(issues).toHaveLength(1); // message 10 has no date
    expect(messages.map((m) => [m.id, m.senderId, m.kind])).toEqual([
      ['3', 'user103', 'text'], ['5', 'user105', 'text'], ['6', 'user104', 'image'], ['9', 'user101', 'system'],
    ]);
    expect(messages[0]!.group).toEqual({ id: '1500000001', name: 'Makers', platform: 'telegram' });
    expect(iso(messages[0]!.time)).toBe('2024-03-01T10:10:00.000Z'); // date_unixtime wins
    expect(iso(messages[1]!.time)).toBe('2024-03-02T09:01:00.000Z');
    expect(messages[1]).toMatchObject({ text: 'thanks Quinn!', replyTo: '3', mentions: ['user103'], senderName: 'Sam' });
    // Invitees are names in the export; they are resolved to the ids their messages show.
    expect(members.map((m) => [m.action, m.memberId, m.by, m.method])).toEqual([
      ['join', 'user101', undefined, 'unknown'], ['join', 'user102', 'user101', 'invite'],
      ['join', 'user103', 'user101', 'invite'], ['join', 'user104', 'user101', 'invite'],
      ['join', 'user105', 'user103', 'link'], ['leave', 'user104', undefined, undefined],
      ['remove', 'user105', 'user101', undefined],
    ]);
    expect(events.find((e) => e.type === 'group')).toMatchObject({ roles: [{ memberId: 'user101', role: 'owner' }] });
  });

  it('reads `date` without date_unixtime as local time of the report zone', async () => {
    const { messages } = await read(await fileSource(GROUP), 'Asia/Shanghai');
    expect(iso(messages[1]!.time)).toBe('2024-03-02T01:01:00.000Z');
    expect(iso(messages[0]!.time)).toBe('2024-03-01T10:10:00.000Z');
  });

  it('reads every chat of an account export as its own group', async () => {
    const { messages } = await read(await fileSource(ACCOUNT));
    expect(messages.map((m) => [m.group.id, m.group.name, m.id, m.senderId, m.replyTo])).toEqual([
      ['102', 'Pavel', '1', 'user102', undefined],
      ['1500000001', 'Makers', '11', 'user101', undefined],
      ['1500000001', 'Makers', '12', 'user103', '11'],
    ]);
  });

  it('streams: chunk boundaries anywhere in the JSON do not matter', async () => {
    const text = new TextDecoder().decode(await (await fileSource(GROUP)).bytes());
    const chunked: Source = { ...bytesSource('result.json', strToU8(text)), text: async function* () { for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7); } };
    expect((await read(chunked)).messages).toHaveLength(4);
  });

  it('throws a UserError for a file that is not JSON', async () => {
    await expect(read(bytesSource('result.json', strToU8('{"messages": [ {"id": 1,')))).rejects.toThrow(/JSON/);
  });
});
