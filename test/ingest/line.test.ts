import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import type { GroupMetaEvent, IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { DayReader } from '../../src/ingest/line/dates.js';
import { lineTxt } from '../../src/ingest/line/index.js';
import { parseLineSystem } from '../../src/ingest/line/system.js';
import { bytesSource, fileSource } from '../../src/ingest/source.js';
import type { Source } from '../../src/ingest/types.js';
import { detectedAs, fixture } from '../helpers/read.js';

const EN = fixture('line/en-group/[LINE] Chat history in Book Club.txt');
const ZH = fixture('line/zh-hant-invites/[LINE] 讀書會.txt');
const JA = fixture('line/ja-group/[LINE] 山登り部.txt');
const PC = fixture('line/zh-hant-pc/[LINE] 工作群.txt');
const BAD = fixture('line/bad-date/[LINE] Chat history in Broken.txt');

async function read(source: Source, zone = 'UTC', me?: string[]) {
  const events: IngestEvent[] = [];
  const issues: { line?: number; code?: string; reason: string }[] = [];
  const ctx = { path: source.path, zone: new Zone(zone), reportIssue: (i: { line?: number; code?: string; reason: string }) => issues.push(i), reportProgress: () => {}, ...(me ? { me } : {}) };
  for await (const e of lineTxt.read(source, ctx)) events.push(e);
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const changes = events.filter((e): e is MembershipEvent => e.type === 'membership');
  return { events, messages, changes, issues };
}
const iso = (t: number) => new Date(t).toISOString();
const text = (s: string, name = 'x.txt') => bytesSource(name, strToU8(s));
const people = (changes: MembershipEvent[]) => changes.map((c) => [c.action, c.memberId, c.by, c.method]);

describe('line-txt', () => {
  it.each([EN, ZH, JA, PC, BAD])('is detected as LINE: %s', async (path) => {
    expect(await detectedAs(path)).toBe('line-txt');
  });

  it('reads an English group export: CRLF, 12-hour times, invites split, quoted lines, unsent and calls left out', async () => {
    const { messages, changes, issues, events } = await read(await fileSource(EN));
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind, iso(m.time)])).toEqual([
      ['Alice', 'text', '2024-01-02T09:05:00.000Z'], ['Bob', 'text', '2024-01-02T09:06:00.000Z'],
      ['Carol', 'text', '2024-01-02T12:30:00.000Z'], ['Dan', 'image', '2024-01-02T15:10:00.000Z'],
      ['Bob', 'text', '2024-01-13T00:00:00.000Z'],
    ]);
    expect(messages[0]!.group).toEqual({ id: 'Book Club', name: 'Book Club', platform: 'line' });
    expect(messages[2]!.text).toBe('First line\nsecond line, with "quotes"');
    expect(messages[2]!.line).toBe(8);
    expect(people(changes)).toEqual([
      ['join', 'Bob', 'Alice', 'invite'], ['join', 'Carol', 'Alice', 'invite'], ['join', 'Dan', undefined, 'link'],
      ['leave', 'Carol', undefined, undefined], ['remove', 'Dan', 'Alice', undefined],
    ]);
    expect(iso(changes[2]!.time)).toBe('2024-01-02T15:04:00.000Z');
    // A group: nothing marks it personal.
    expect(events.some((e) => e.type === 'group')).toBe(false);
  });

  it('reads local times in the run zone', async () => {
    const { messages } = await read(await fileSource(EN), 'Asia/Tokyo');
    expect(iso(messages[0]!.time)).toBe('2024-01-02T00:05:00.000Z');
    expect(iso(messages[4]!.time)).toBe('2024-01-12T15:00:00.000Z');
  });

  it('reads a zh-Hant export: 上午/下午, 邀請 with two invitees, an accepted invitation joins once', async () => {
    const { messages, changes, issues } = await read(await fileSource(ZH), 'Asia/Taipei');
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind, iso(m.time)])).toEqual([
      ['王小明', 'text', '2024-02-10T01:02:00.000Z'], ['李四', 'text', '2024-02-10T04:30:00.000Z'],
      ['張三', 'sticker', '2024-02-10T07:04:00.000Z'], ['陳五', 'text', '2024-02-10T07:06:00.000Z'],
      // 上午12:15 is a quarter past midnight.
      ['李四', 'text', '2024-02-10T16:15:00.000Z'], ['錢七', 'text', '2024-02-11T02:05:00.000Z'],
    ]);
    expect(messages[0]!.group.name).toBe('讀書會');
    expect(messages[3]!.text).toBe('第一行\n第二行');
    expect(people(changes)).toEqual([
      ['join', '李四', '王小明', 'invite'], ['join', '張三', '王小明', 'invite'], ['join', '陳五', undefined, 'link'],
      ['leave', '張三', undefined, undefined], ['remove', '陳五', '王小明', undefined],
      ['join', '趙六', undefined, 'link'], ['join', '錢七', '王小明', 'invite'],
    ]);
  });

  it('reads a Japanese export with BOM and CRLF: 午前/午後, 招待, 参加, 退会, 削除', async () => {
    const { messages, changes, issues } = await read(await fileSource(JA), 'Asia/Tokyo');
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind, iso(m.time)])).toEqual([
      ['佐藤', 'text', '2024-03-30T00:01:00.000Z'], ['鈴木', 'sticker', '2024-03-30T04:30:00.000Z'], ['高橋', 'text', '2024-03-30T14:45:00.000Z'],
    ]);
    expect(messages[0]!.group).toEqual({ id: '山登り部', name: '山登り部', platform: 'line' });
    expect(people(changes)).toEqual([
      ['join', '鈴木', '佐藤', 'invite'], ['join', '高橋', '佐藤', 'invite'], ['join', '田中', undefined, 'link'],
      ['leave', '高橋', undefined, undefined], ['remove', '田中', '佐藤', undefined],
    ]);
  });

  it('reads a PC "Save chat" file: no header, spaces, unquoted continuation lines, the chat named by the file', async () => {
    const { messages, issues } = await read(await fileSource(PC));
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind, m.text, m.group.id])).toEqual([
      ['SUNNY', 'text', '嘿 哥', '工作群'], ['Enson', 'text', '感謝 我看只有交接部分', '工作群'], ['Enson', 'image', undefined, '工作群'],
      ['Enson', 'text', '再看一下剪輯進度\n感恩＾＾', '工作群'], ['SUNNY', 'text', '好', '工作群'],
    ]);
  });

  it('reports an impossible date and the messages under it with their lines', async () => {
    const { messages, issues } = await read(await fileSource(BAD));
    expect(messages.map((m) => m.text)).toEqual(['hello', 'back to normal']);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['bad-timestamp', 6], ['bad-timestamp', 7]]);
  });

  it('reports a message before any date line, a bad time and stray text, with their lines', async () => {
    const { messages, issues } = await read(text('[LINE] Chat history in G\n\n09:00\tA\tno day yet\n2024/01/02(火)\n25:10\tA\tno such hour\n10:00\tB\tfine\n'));
    expect(messages.map((m) => m.text)).toEqual(['fine']);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['bad-row', 3], ['bad-timestamp', 5]]);
    const stray = await read(text('2024/01/02(火)\njust words\n10:00\tB\tfine\n'));
    expect(stray.issues.map((i) => [i.code, i.line])).toEqual([['stray-line', 2]]);
  });

  it('marks a chat "with" one person as personal, but not one that plainly is a group', async () => {
    const one = await read(text('[LINE] Chat history with Bob\nSaved on: 2024/01/03 09:00\n\nTue, 01/02/2024\n10:00\tBob\thi\n10:01\tAnn\thello\n'));
    expect(one.events.at(-1)).toEqual({ type: 'group', group: { id: 'Bob', name: 'Bob', platform: 'line', personal: true } } satisfies GroupMetaEvent);
    const zh = await read(text('[LINE] 與小明的聊天記錄\n儲存日期： 2020/02/12 02:42\n\n2017/11/20（一）\n下午04:46\t小明\ttesting\n'));
    expect(zh.events.at(-1)).toMatchObject({ type: 'group', group: { id: '小明', personal: true } });
    const group = await read(text('[LINE] Chat history with Old Friends\n\nTue, 01/02/2024\n10:00\t\tAnn invited Cid.\n10:01\tAnn\thi\n'));
    expect(group.events.some((e) => e.type === 'group')).toBe(false);
  });

  it('marks the messages of the user named with --me as the exporter\'s: the first of the names to write', async () => {
    const { messages } = await read(await fileSource(EN), 'UTC', ['Nobody', 'Bob', 'Alice']);
    expect(messages.map((m) => [m.senderId, m.fromSelf ?? false])).toEqual([
      ['Alice', true], ['Bob', false], ['Carol', false], ['Dan', false], ['Bob', false],
    ]);
    expect((await read(await fileSource(EN))).messages.some((m) => m.fromSelf)).toBe(false);
  });

  it('reads a Thai phone export: its "saved on" line, weekday-first Buddhist-era date lines (session 12)', async () => {
    const { messages, issues } = await read(text('[LINE] ประวัติการแชทในกลุ่ม "กลุ่มทดสอบ"\nบันทึกเมื่อ 04/09/2569 07:48\n\nศ. 28/11/2568\n08:55\tสมชาย\tสวัสดีครับ\n09:00\tสมหญิง\t[รูป]\n\nส. 29/11/2568\n10:00\tสมชาย\tครับ\n'));
    expect(messages.map((m) => [m.senderId, new Date(m.time).toISOString().slice(0, 10)])).toEqual([['สมชาย', '2025-11-28'], ['สมหญิง', '2025-11-28'], ['สมชาย', '2025-11-29']]);
    expect(messages[0]!.group.name).toBe('กลุ่มทดสอบ');
    expect(issues).toEqual([]);
  });

  it('counts system lines in an unknown wording in one note', async () => {
    const { issues, changes } = await read(text('2024/01/02(火)\n10:00\t\tsomething new happened\n10:01\t\tanother thing\n10:02\tA\thi\n'));
    expect(changes).toEqual([]);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['unrecognised-system-lines', 2]]);
  });

  it('decides day and month of "Tue, 01/02/2024" by the weekday', () => {
    const days = new DayReader();
    expect(days.read('Tue, 01/02/2024')).toEqual({ y: 2024, m: 1, d: 2 });
    expect(days.read('Thu, 01/02/2024')).toEqual({ y: 2024, m: 2, d: 1 });
    // Thai phones: day first, Buddhist era.
    expect(days.read('Wed, 10/07/2562 BE')).toEqual({ y: 2019, m: 7, d: 10 });
    expect(days.read('2016/5/8（週日）')).toEqual({ y: 2016, m: 5, d: 8 });
    expect(days.read('2024/1/2周二')).toEqual({ y: 2024, m: 1, d: 2 });
    // A Thai phone in Thai (weekday, day/month, Buddhist era); Thai, Korean and Indonesian weekdays on the PC (session 12).
    expect(days.read('ศ. 28/11/2568')).toEqual({ y: 2025, m: 11, d: 28 });
    expect(days.read('ศ. 31/02/2568')).toBe('impossible');
    expect(days.read('2025.05.15 วันพฤหัสบดี')).toEqual({ y: 2025, m: 5, d: 15 });
    expect(days.read('2025.05.15 목요일')).toEqual({ y: 2025, m: 5, d: 15 });
    expect(days.read('2025.05.15 Kamis')).toEqual({ y: 2025, m: 5, d: 15 });
    expect(days.read('2024.02.30 Friday')).toBe('impossible');
    // A line of chat that is a date without a weekday is no date line.
    expect(days.read('2024/01/02')).toBeNull();
    expect(days.read('2024.01.02 meeting notes')).toBeNull();
  });

  it('reads the system wordings of each language, several invitees split', () => {
    expect(parseLineSystem('Alice invited Bob, Carol and Dan.')).toEqual({ kind: 'invited', by: 'Alice', members: ['Bob', 'Carol', 'Dan'] });
    expect(parseLineSystem('王小明邀請李四、張三加入群組。')).toEqual({ kind: 'invited', by: '王小明', members: ['李四', '張三'] });
    expect(parseLineSystem('王小明邀请李四加入群组')).toEqual({ kind: 'invited', by: '王小明', members: ['李四'] });
    expect(parseLineSystem('Ann已將Ben新增至群組')).toEqual({ kind: 'invited', by: 'Ann', members: ['Ben'] });
    expect(parseLineSystem('李四已加入该群')).toEqual({ kind: 'joined', member: '李四' });
    expect(parseLineSystem('李四加入聊天')).toEqual({ kind: 'joined', member: '李四' });
    expect(parseLineSystem('張三已離開群組')).toEqual({ kind: 'left', member: '張三' });
    expect(parseLineSystem('張三已退群')).toEqual({ kind: 'left', member: '張三' });
    expect(parseLineSystem('王小明已讓張三退出群組')).toEqual({ kind: 'removed', by: '王小明', members: ['張三'] });
    expect(parseLineSystem('已將張三強制退出社群。')).toEqual({ kind: 'removed', members: ['張三'] });
    expect(parseLineSystem('佐藤が田中を退会させました。')).toEqual({ kind: 'removed', by: '佐藤', members: ['田中'] });
    for (const unsent of ['Firm unsent a message.', 'Message unsent.', 'Enson已收回訊息', '已收回訊息', '李四撤回了一条消息', '鈴木が送信を取り消しました']) {
      expect(parseLineSystem(unsent), unsent).toEqual({ kind: 'unsent' });
    }
    expect(parseLineSystem('Ann made an announcement.')).toEqual({ kind: 'notice' });
    expect(parseLineSystem('Ann said hello')).toBeNull();
  });
});

describe('line-txt: times and names typed inside messages (review, session 9)', () => {
  const text = (name: string, lines: string[]) => bytesSource(name, strToU8(`${lines.join('\n')}\n`));

  it('phone: inside a quoted message, a line that starts with a time but names no sender is the message\'s', async () => {
    const { messages } = await read(text('[LINE] Chat history in Club.txt', [
      '[LINE] Chat history in Club', 'Saved on: 2024/03/05 10:00', '', '2024.03.04 Monday',
      '09:01\tBob\t"Plan for tomorrow:', '10:00\tbus leaves', 'end"', '09:02\tAnn\tok',
    ]));
    expect(messages.map((m) => [m.senderId, m.text])).toEqual([['Bob', 'Plan for tomorrow:\n10:00\tbus leaves\nend'], ['Ann', 'ok']]);
  });

  it('PC: a time earlier than the message\'s own is part of it; a known writer\'s line is their message', async () => {
    const { messages, events } = await read(text('[LINE] 行程群.txt', [
      '2025.08.04 星期一', '16:09 Enson 大家好', '16:10 SUNNY 明天行程：', '09:00 大廳 集合', '10:30 出發去 機場', '16:11 Enson Tom joined the group',
    ]));
    expect(messages.map((m) => [m.senderId, m.text])).toEqual([
      ['Enson', '大家好'], ['SUNNY', '明天行程：\n09:00 大廳 集合\n10:30 出發去 機場'], ['Enson', 'Tom joined the group'],
    ]);
    expect(events.filter((e) => e.type === 'membership')).toEqual([]);
  });
});
