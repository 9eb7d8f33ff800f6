import { detectedAs } from '../helpers/read.js';
import { describe, expect, it } from 'vitest';
import type { GroupMetaEvent, IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { qqTxt } from '../../src/ingest/qq/txt.js';
import { parseQqSystem } from '../../src/ingest/qq/system.js';
import { bytesSource, fileSource } from '../../src/ingest/source.js';
import type { Source } from '../../src/ingest/types.js';

const BASIC = 'fixtures/qq-txt/basic/全部消息记录.txt';
const GB = 'fixtures/qq-txt/gb18030-12h/聊天记录.txt';

async function run(path: string, zone = 'Asia/Shanghai', source?: Source, me?: string[]) {
  const issues: { reason: string }[] = [];
  const ctx = { path, zone: new Zone(zone), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {}, ...(me ? { me } : {}) };
  const events: IngestEvent[] = [];
  for await (const ev of qqTxt.read(source ?? await fileSource(path), ctx)) events.push(ev);
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

const HEAD = '消息记录（此消息记录为文本格式，不支持重新导入）\n\n================================================================\n消息分组:我的QQ群\n================================================================\n消息对象:测试群\n================================================================\n\n';
const fromText = (body: string) => run('聊天记录.txt', 'Asia/Shanghai', bytesSource('聊天记录.txt', new TextEncoder().encode(HEAD + body)));
const iso = (t: number) => new Date(t).toISOString();

describe('QQ TXT header variants', () => {
  it('takes a header without a blank line before it when it ends in a QQ number or e-mail', async () => {
    const { messages, issues } = await fromText('2020-01-02 8:04:05 地瓜(23333233)\n大家好\n2020-01-02 8:05:00 Alice(10001)\n嗯\n2020-01-02 8:05:30 这一行是正文\n2020-01-02 8:06:00 Bob<bob@x.com>\n好\n');
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.senderName, m.text])).toEqual([
      ['23333233', '地瓜', '大家好'],
      ['10001', 'Alice', '嗯\n2020-01-02 8:05:30 这一行是正文'],
      ['bob@x.com', 'Bob', '好'],
    ]);
  });

  it('reads headers without seconds, with / dates, with 上午/下午, and with trailing spaces', async () => {
    const { messages, issues } = await fromText([
      '2020-01-02 8:04 地瓜(23333233)', '早', '',
      '2020/1/2 8:05:06 Alice(10001)', '嗯', '',
      '2020-01-02 下午 3:04:05 地瓜(23333233)', '午后', '',
      '2020-01-02 上午 12:10:00 Alice(10001)', '深夜', '',
      '2020-01-02 下午 12:30:00 Alice(10001) ', '中午', '',
    ].join('\n'));
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.senderName, m.text, iso(m.time)])).toEqual([
      ['23333233', '地瓜', '早', '2020-01-02T00:04:00.000Z'],
      ['10001', 'Alice', '嗯', '2020-01-02T00:05:06.000Z'],
      ['23333233', '地瓜', '午后', '2020-01-02T07:04:05.000Z'],
      ['10001', 'Alice', '深夜', '2020-01-01T16:10:00.000Z'],
      ['10001', 'Alice', '中午', '2020-01-02T04:30:00.000Z'],
    ]);
  });

  it('detects a file of such headers without the file header', async () => {
    const { qqTxtScore } = await import('../../src/ingest/qq/txt.js');
    expect(qqTxtScore('2020/01/02 8:04 地瓜(23333233)\n早\n\n2020/01/02 下午 8:05 Alice(10001)\n嗯\n')).toBeGreaterThan(0);
  });
});

describe('QQ notices: several invitees, QR joins, 已退出', () => {
  it('splits invitees at 、，and a spaced 和, but not inside a name (an ASCII comma is part of a QQ nickname)', () => {
    expect(parseQqSystem('地瓜邀请小红、小刚加入了本群。')).toEqual({ kind: 'join', members: ['小红', '小刚'], by: '地瓜', method: 'invite' });
    expect(parseQqSystem('地瓜邀请小红，小刚、王,小二 和 小王加入了本群')).toEqual({ kind: 'join', members: ['小红', '小刚', '王,小二', '小王'], by: '地瓜', method: 'invite' });
    expect(parseQqSystem('地瓜邀请和平加入了本群')).toEqual({ kind: 'join', members: ['和平'], by: '地瓜', method: 'invite' });
    expect(parseQqSystem('地瓜邀请"小红"和"小刚"加入了本群')).toEqual({ kind: 'join', members: ['小红', '小刚'], by: '地瓜', method: 'invite' });
  });

  it('reads a QR join with the member who shared the code', () => {
    expect(parseQqSystem('小明通过扫描地瓜分享的二维码加入本群。')).toEqual({ kind: 'join', members: ['小明'], by: '地瓜', method: 'qr' });
    expect(parseQqSystem('小明通过扫描二维码加入了本群')).toEqual({ kind: 'join', members: ['小明'], method: 'qr' });
  });

  it('reads 已退出本群 as a leave by the member, without 已', () => {
    expect(parseQqSystem('小刚已退出本群')).toEqual({ kind: 'leave', member: '小刚' });
  });

  it('turns them into membership events in a file', async () => {
    const { members } = await fromText([
      '2020-01-02 8:04:05 系统消息(1000000)', '小明通过扫描地瓜分享的二维码加入本群。', '',
      '2020-01-02 8:05:05 系统消息(1000000)', '地瓜邀请小红、小刚加入了本群。', '',
      '2020-01-02 8:06:05 系统消息(1000000)', '小刚已退出本群', '',
    ].join('\n'));
    expect(members.map((e) => [e.action, e.memberId, e.method, e.by])).toEqual([
      ['join', '小明', 'qr', '地瓜'],
      ['join', '小红', 'invite', '地瓜'],
      ['join', '小刚', 'invite', '地瓜'],
      ['leave', '小刚', undefined, undefined],
    ]);
  });

  it('"你" in a system line is the exporter: "我" unless the user gave their name (--me)', async () => {
    const text = ['消息记录（此消息记录为文本格式，不支持重新导入）', '', '消息对象:产品交流群', '',
      '2020-01-02 8:04:05 地瓜(23333233)', '大家好', '', '2020-01-02 8:07:00 系统消息(1000000)', '你邀请Carol加入了本群', ''].join('\n');
    const source = () => bytesSource('/x/t.txt', new TextEncoder().encode(text));
    expect((await run('/x/t.txt', 'Asia/Shanghai', source())).members.map((j) => [j.memberId, j.by])).toEqual([['Carol', '我']]);
    expect((await run('/x/t.txt', 'Asia/Shanghai', source(), ['地瓜'])).members.map((j) => [j.memberId, j.by])).toEqual([['Carol', '地瓜']]);
  });
});

describe('QQ 系统消息 no rule reads', () => {
  it('notes once those that speak of membership; file uploads and other notices pass silently', async () => {
    const text = [
      '消息分组:我的QQ群', '================================================================', '消息对象:读书会', '================================================================', '',
      '2016-07-24 14:17:11 系统消息(10000)', '[图片] 阿明 分享文件 14:17:10', '"书单.pdf" 下载', '',
      '2016-07-24 14:20:00 阿明(10001)', '大家看看书单', '',
      '2016-07-24 14:30:00 系统消息(10000)', '小芳 通过群聊邀请 进群了', '',
      '2016-07-24 14:40:00 系统消息(10000)', '小红 被踢出了本群', '',
    ].join('\n');
    const { issues, messages, members } = await run('全部消息记录.txt', 'Asia/Shanghai', bytesSource('全部消息记录.txt', new TextEncoder().encode(text)));
    expect(messages.map((m) => m.senderId)).toEqual(['10001']);
    expect(members).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognised-system-lines', line: 13, reason: expect.stringMatching(/^2 system lines/) })]);
  });
});
