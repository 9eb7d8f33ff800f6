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

  const chat = (head: string, messages: object[]) => bytesSource('result.json', strToU8(`{${head}, "messages": ${JSON.stringify(messages)}}`));

  it('leaves out "unsupported" messages (only an id) without an issue (--strict would abort on it)', async () => {
    const issues: { reason: string; code?: string; counts?: boolean; line?: number }[] = [];
    const source = chat('"name": "G", "type": "private_supergroup", "id": 5', [
      { id: 1, type: 'message', date: '2024-01-01T08:00:00', date_unixtime: '1704096000', from: 'A', from_id: 'user1', text: 'hi' },
      { id: 2, type: 'unsupported' },
      { id: 3, type: 'unsupported' },
      { id: 4, type: 'message', date_unixtime: '1704096060', from: 'B', from_id: 'user2', text: 'yo' },
    ]);
    const ctx = { path: source.path, zone: new Zone('UTC'), reportIssue: (i: (typeof issues)[number]) => issues.push(i), reportProgress: () => {} };
    const events: IngestEvent[] = [];
    for await (const e of telegramJson.read(source, ctx)) events.push(e);
    expect(events.map((e) => (e as MessageEvent).id)).toEqual(['1', '4']);
    expect(issues).toEqual([]);
  });

  it('reads numeric from_id / actor_id of exports before late 2020 as user<n> ids', async () => {
    const { messages, members, events } = await read(chat('"name": "Old", "type": "private_group", "id": 42', [
      { id: 1, type: 'service', date: '2019-03-01T10:00:00', actor: 'Alice', actor_id: 111, action: 'create_group', title: 'Old', members: ['Bob'], text: '' },
      { id: 2, type: 'message', date: '2019-03-01T10:05:00', from: 'Bob', from_id: 222, text: 'hi' },
      { id: 3, type: 'service', date: '2019-03-02T11:00:00', actor: 'Alice', actor_id: 111, action: 'invite_members', members: ['Carol'], text: '' },
      { id: 4, type: 'message', date: '2019-03-02T11:05:00', from: 'Carol', from_id: 333, text: 'thanks' },
      { id: 5, type: 'service', date: '2019-03-02T12:00:00', actor: 'Alice', actor_id: 111, action: 'pin_message', text: '' },
    ]));
    expect(messages.map((m) => [m.id, m.senderId, m.senderName, m.kind])).toEqual([
      ['2', 'user222', 'Bob', 'text'], ['4', 'user333', 'Carol', 'text'], ['5', 'user111', 'Alice', 'system'],
    ]);
    expect(members.map((m) => [m.action, m.memberId, m.by])).toEqual([
      ['join', 'user111', undefined], ['join', 'user222', 'user111'], ['join', 'user333', 'user111'],
    ]);
    expect(events.find((e) => e.type === 'group')).toMatchObject({ roles: [{ memberId: 'user111', role: 'owner' }] });
  });

  it('people added without a name (deleted accounts) are not counted, and a note says how many', async () => {
    const { members, issues } = await read(chat('"name": "Old", "type": "private_group", "id": 42', [
      { id: 1, type: 'service', date: '2019-03-01T10:00:00', actor: 'Alice', actor_id: 111, action: 'create_group', title: 'Old', members: ['Bob', null], text: '' },
      { id: 2, type: 'message', date: '2019-03-01T10:05:00', from: 'Bob', from_id: 222, text: 'hi' },
      { id: 3, type: 'service', date: '2019-03-02T11:00:00', actor: 'Alice', actor_id: 111, action: 'invite_members', members: [null, '', 'Carol'], text: '' },
    ]));
    expect(members.map((m) => [m.action, m.memberId])).toEqual([['join', 'user111'], ['join', 'user222'], ['join', 'Carol']]);
    expect(issues).toEqual([expect.objectContaining({ code: 'nameless-members', counts: false, strict: false, reason: expect.stringMatching(/^3 people were added without a name \(deleted accounts/) })]);
    expect((issues[0] as { line?: number }).line).toBeGreaterThan(0);
  });

  it('the chat acting as itself: anonymous admins are staff, migrate_from_group is nobody', async () => {
    const { messages, members } = await read(chat('"name": "Dev", "type": "private_supergroup", "id": 1234567890', [
      { id: 1, type: 'service', date_unixtime: '1704067320', actor: 'Dev', actor_id: 'channel1234567890', action: 'migrate_from_group', title: 'Dev old', text: '' },
      { id: 2, type: 'service', date_unixtime: '1704067380', actor: 'Dev', actor_id: 'channel1234567890', action: 'invite_members', members: ['Carol'], text: '' },
      { id: 3, type: 'message', date_unixtime: '1704067400', from: 'Carol', from_id: 'user3', text: 'hi' },
      { id: 4, type: 'service', date_unixtime: '1704067500', actor: 'Dev', actor_id: 'channel1234567890', action: 'pin_message', text: '' },
      { id: 5, type: 'message', date_unixtime: '1704067860', from: 'Dev', from_id: 'channel1234567890', author: 'Boss', text: 'anon admin post' },
      // Another channel posting in the group (a member speaking as their channel) stays a member.
      { id: 6, type: 'message', date_unixtime: '1704067900', from: 'Blog', from_id: 'channel777', text: 'hello' },
    ]));
    expect(messages.map((m) => [m.id, m.senderId, m.senderRole])).toEqual([
      ['3', 'user3', undefined], ['5', 'channel1234567890', 'admin'], ['6', 'channel777', undefined],
    ]);
    // The anonymous admin's invite is still a join, without an inviter.
    expect(members.map((m) => [m.action, m.memberId, m.by])).toEqual([['join', 'user3', undefined]]);
  });

  it('throws a UserError for a file that is not JSON', async () => {
    await expect(read(bytesSource('result.json', strToU8('{"messages": [ {"id": 1,')))).rejects.toThrow(/JSON/);
  });
});

describe('telegram-json: shapes of real exports (session 9 audit)', () => {
  const chat = (head: string, messages: object[]) => bytesSource('result.json', strToU8(`{${head}, "messages": ${JSON.stringify(messages)}}`));
  const at = (id: number) => ({ id, date: '2024-03-01T10:00:00', date_unixtime: String(1709287200 + id) });

  it('a forum topic\'s posts are no replies to the topic\'s creation; a real reply stays one', async () => {
    const { messages } = await read(chat('"name": "F", "type": "private_supergroup", "id": 7', [
      { ...at(1), type: 'service', actor: 'Wahid', actor_id: 'user1', action: 'topic_created', title: 'Patents' },
      { ...at(2), type: 'message', from: 'Ann', from_id: 'user2', text: 'who knows about patents?', reply_to_message_id: 1 },
      { ...at(3), type: 'message', from: 'Bob', from_id: 'user3', text: 'me', reply_to_message_id: 2 },
    ]));
    expect(messages.map((m) => [m.id, m.replyTo ?? null])).toEqual([['1', null], ['2', null], ['3', '2']]);
  });

  it('an invite by an actor who never writes keeps the actor\'s name beside the id; "Group" as inviter is nobody', async () => {
    const { members } = await read(chat('"name": "E", "type": "private_supergroup", "id": 8', [
      { ...at(1), type: 'service', actor: 'Belkadi', actor_id: 'user9', action: 'invite_members', members: ['Kp'] },
      { ...at(2), type: 'service', actor: 'Lea', actor_id: 'user4', action: 'join_group_by_link', inviter: 'Group' },
    ]));
    expect(members.map((j) => [j.memberId, j.by ?? null, j.byName ?? null, j.method])).toEqual([['Kp', 'user9', 'Belkadi', 'invite'], ['user4', null, null, 'link']]);
  });

  it('a broadcast channel is no group: left out as a one-to-one chat is', async () => {
    const { messages } = await read(chat('"name": "News", "type": "public_channel", "id": 9', [
      { ...at(1), type: 'message', from: 'News', from_id: 'channel9', text: 'post' },
    ]));
    expect(messages[0]!.group).toMatchObject({ personal: true });
  });

  it('a link in an export without text_entities (before 2021): the text array\'s own entities', async () => {
    const { messages } = await read(chat('"name": "C", "type": "private_group", "id": 10', [
      { ...at(1), type: 'message', from: 'Ann', from_id: 'user2', text: ['see ', { type: 'link', text: 'https://example.com' }] },
    ]));
    expect(messages[0]!.kind).toBe('link');
  });
});
