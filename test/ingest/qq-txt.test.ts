import { detectedAs } from '../helpers/read.js';
import { describe, expect, it } from 'vitest';
import type { GroupMetaEvent, IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { qqTxt } from '../../src/ingest/qq/txt.js';
import { parseQqSystem } from '../../src/ingest/qq/system.js';
import { fileSource } from '../../src/ingest/source.js';

const BASIC = 'fixtures/qq-txt/basic/全部消息记录.txt';
const GB = 'fixtures/qq-txt/gb18030-12h/聊天记录.txt';

async function run(path: string, zone = 'Asia/Shanghai') {
  const issues: { reason: string }[] = [];
  const ctx = { path, zone: new Zone(zone), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  const events: IngestEvent[] = [];
  for await (const ev of qqTxt.read(await fileSource(path), ctx)) events.push(ev);
  return {
    issues,
    messages: events.filter((e): e is MessageEvent => e.type === 'message'),
    members: events.filter((e): e is MembershipEvent => e.type === 'membership'),
    roles: events.filter((e): e is GroupMetaEvent => e.type === 'group').flatMap((e) => e.roles ?? []),
  };
}

describe('QQ 消息管理器 TXT', () => {
  it('is detected as itself (UTF-8 with BOM and GB18030)', async () => {
    expect(await detectedAs(BASIC)).toBe('qq-txt');
    expect(await detectedAs(GB)).toBe('qq-txt');
  });

  it('splits the chats of one file into groups, QQ numbers as ids, titles as roles', async () => {
    const { messages, roles, issues } = await run(BASIC);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.group.id, m.senderId, m.senderName, m.kind])).toEqual([
      ['产品交流群', '23333233', '地瓜', 'text'],
      ['产品交流群', '10001', 'Alice', 'image'],
      ['产品交流群', 'bob@example.com', 'Bob', 'text'],
      ['产品交流群', 'Bob', 'Bob', 'recall'],
      ['闲聊群', '23333233', '地瓜', 'text'],
    ]);
    expect(messages[0]!.text).toBe('大家好\n第二行');
    expect(messages[0]!.senderRole).toBe('owner');
    expect(messages[2]!.text).toBe('@地瓜 收到\n2020-01-02 8:06:30 这一行是正文');
    expect(new Date(messages[0]!.time).toISOString()).toBe('2020-01-02T00:04:05.000Z');
    expect(roles).toEqual([
      { memberId: '23333233', name: '地瓜', role: 'owner' },
      { memberId: '10001', name: 'Alice', role: 'admin' },
    ]);
  });

  it('turns 系统消息 lines into joins and leaves', async () => {
    const { members } = await run(BASIC);
    expect(members.map((e) => [e.group.id, e.action, e.memberId])).toEqual([
      ['产品交流群', 'join', 'Carol'], ['闲聊群', 'leave', 'Dave'],
    ]);
  });

  it('reads GB18030 and 12-hour English-Windows times (12 AM is midnight, 12 PM noon)', async () => {
    const { messages } = await run(GB);
    expect(messages.map((m) => [m.senderId, m.senderName, m.text, new Date(m.time).toISOString()])).toEqual([
      ['12345678', '你好', '你好', '2020-01-02T07:04:05.000Z'],
      ['87654321', '小明', '早', '2020-01-01T16:30:00.000Z'],
      ['12345678', '你好', '午饭', '2020-01-02T04:15:00.000Z'],
    ]);
    expect(messages[0]!.group.id).toBe('你好群');
  });
});

describe('QQ notices: names that end in a quote', () => {
  it('keeps the quote (only an enclosing pair is removed)', () => {
    expect(parseQqSystem('老"K"退出了本群。')).toEqual({ kind: 'leave', member: '老"K"' });
    expect(parseQqSystem('"小王"退出了本群。')).toEqual({ kind: 'leave', member: '小王' });
  });
});
