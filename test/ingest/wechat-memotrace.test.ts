import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectedAs } from '../helpers/read.js';
import { describe, expect, it } from 'vitest';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { bytesSource, fileSource } from '../../src/ingest/source.js';
import type { IngestAdapter } from '../../src/ingest/types.js';
import { wechatMemotraceCsv } from '../../src/ingest/wechat/memotrace-csv.js';
import { wechatMemotraceTxt } from '../../src/ingest/wechat/memotrace-txt.js';
import { wechatMemotrace2Csv } from '../../src/ingest/wechat/memotrace2-csv.js';
import { csvRows } from '../../src/ingest/csv/rows.js';
import { ingest } from '../../src/ingest/run.js';

const CSV = 'fixtures/wechat-memotrace-csv/basic/技术交流群_utf8.csv';
const TXT = 'fixtures/wechat-memotrace-txt/basic/技术交流群.txt';

async function run(adapter: IngestAdapter, path: string, zone = 'Asia/Shanghai') {
  const issues: { reason: string }[] = [];
  const ctx = { path, zone: new Zone(zone), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  const events: IngestEvent[] = [];
  for await (const ev of adapter.read(await fileSource(path), ctx)) events.push(ev);
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const joins = events.filter((e): e is MembershipEvent => e.type === 'membership');
  return { events, messages, joins, issues };
}

describe('WeChat MemoTrace CSV', () => {
  it('is detected as itself, over the canonical CSV', async () => {
    expect(await detectedAs(CSV)).toBe('wechat-memotrace-csv');
  });

  it('reads messages with wxids, local times in the report zone, XML as kinds without text', async () => {
    const { messages, issues } = await run(wechatMemotraceCsv, CSV);
    expect(issues).toEqual([]);
    expect(messages.filter((m) => m.kind !== 'recall')).toHaveLength(5);
    const first = messages.find((m) => m.id === '2')!;
    expect(first).toMatchObject({ senderId: 'wxid_alice', senderName: '爱丽丝', kind: 'text', text: '今天开会吗？' });
    // CreateTime is epoch seconds: 13:01 in Shanghai is 05:01 UTC, whatever the zone.
    expect(new Date(first.time).toISOString()).toBe('2024-01-02T05:01:00.000Z');
    expect(first.group).toMatchObject({ id: '技术交流群', platform: 'wechat' });
    const image = messages.find((m) => m.id === '5')!;
    expect(image).toMatchObject({ kind: 'image', senderId: 'wxid_bob', senderName: 'Bob' });
    expect(image.text).toBeUndefined();
    expect(messages.find((m) => m.id === '13')).toMatchObject({ kind: 'sticker' });
    expect(messages.find((m) => m.id === '4')!.text).toBe('我先说两句\n第二行，含逗号,和"引号"');
  });

  it('links a quote reply to the quoted row, though rows come newest first', async () => {
    const { messages } = await run(wechatMemotraceCsv, CSV);
    expect(messages.find((m) => m.id === '6')).toMatchObject({ kind: 'text', text: '同意，下周见', replyTo: '2' });
  });

  it('turns system notices into joins with inviters, removals, recalls and a rename', async () => {
    const { events, joins, messages } = await run(wechatMemotraceCsv, CSV);
    const j = (name: string) => joins.find((e) => e.memberId === name && e.action === 'join');
    expect(j('Bob')).toMatchObject({ by: '爱丽丝', method: 'invite', id: '1#0' });
    expect(j('Carol')).toMatchObject({ by: '爱丽丝', method: 'invite', id: '1#1' });
    expect(j('Dave')).toMatchObject({ by: '爱丽丝', method: 'qr' });
    expect(j('Gina')).toMatchObject({ by: 'Bob', method: 'invite' }); // XML template
    expect(j('Hank')).toMatchObject({ by: 'Bob', method: 'invite' });
    expect(j('Eve')).toMatchObject({ by: 'Alice', method: 'invite' }); // English client
    expect(j('Frank')).toMatchObject({ by: 'Alice' });
    expect(j('Ivan')).toMatchObject({ by: 'Alice', method: 'qr' });
    expect(joins.filter((e) => e.action === 'join')).toHaveLength(8);
    expect(joins.find((e) => e.action === 'remove')).toMatchObject({ memberId: 'Carol', by: '爱丽丝' });
    expect(messages.filter((m) => m.kind === 'recall').map((m) => m.senderId).sort()).toEqual(['Bob', '我']);
    expect(events.find((e) => e.type === 'group')).toMatchObject({ group: { id: '技术交流群', name: '产品交流群' } });
  });

  it('reports a bad row and goes on', async () => {
    const csv = '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n'
      + '1,1,1,0,0,,,hi,not a time,,A,wxid_a\r\n2,1,1,0,0,1704171600,,ok,,,A,wxid_a\r\n';
    const issues: string[] = [];
    const ctx = { path: 'x_utf8.csv', zone: new Zone('UTC'), reportIssue: (i: { reason: string }) => issues.push(i.reason), reportProgress: () => {} };
    const out: IngestEvent[] = [];
    for await (const ev of wechatMemotraceCsv.read(bytesSource('x_utf8.csv', new TextEncoder().encode(csv)), ctx)) out.push(ev);
    expect(out).toHaveLength(1);
    expect(issues).toHaveLength(1);
  });
});

describe('WeChat MemoTrace CSV re-saved by Excel', () => {
  it('reads CreateTime in epoch milliseconds', async () => {
    const csv = (await readFile(CSV, 'utf8')).replace(/^(\d+,\d+,\d+,\d+,\d,)(\d{10}),/gm, '$1$2000,');
    expect(csv).toContain(',1704171660000,');
    const dir = mkdtempSync(join(tmpdir(), 'ca-mt-'));
    const path = join(dir, '技术交流群_utf8.csv');
    writeFileSync(path, csv);
    const ms = await run(wechatMemotraceCsv, path);
    const s = await run(wechatMemotraceCsv, CSV);
    expect(ms.issues).toEqual([]);
    expect(ms.messages.map((m) => [m.id, m.time, m.senderId, m.replyTo])).toEqual(s.messages.map((m) => [m.id, m.time, m.senderId, m.replyTo]));
    expect(ms.joins).toEqual(s.joins);
    expect(new Date(ms.messages.find((m) => m.id === '2')!.time).toISOString()).toBe('2024-01-02T05:01:00.000Z');
  });

  it('detects and reads the file saved with ";" or as UTF-16 "Unicode text" with tabs', async () => {
    const rows: string[][] = [];
    for await (const r of csvRows(await fileSource(CSV), { path: CSV, zone: new Zone('UTC'), reportIssue: () => {}, reportProgress: () => {} })) rows.push('header' in r ? r.header : r.fields);
    const base = await run(wechatMemotraceCsv, CSV);
    for (const [d, enc, name] of [[';', 'utf8', 'x_utf8.csv'], ['\t', 'utf16le', 'x_utf8.txt']] as const) {
      const text = rows.map((r) => r.map((f) => (/[";\t\n,]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(d)).join('\r\n') + '\r\n';
      const path = join(mkdtempSync(join(tmpdir(), 'ca-mt-')), name);
      writeFileSync(path, Buffer.concat([Buffer.from(enc === 'utf8' ? [0xef, 0xbb, 0xbf] : [0xff, 0xfe]), Buffer.from(text, enc)]));
      expect(await detectedAs(path)).toBe('wechat-memotrace-csv');
      const got = await run(wechatMemotraceCsv, path);
      expect(got.messages.map((m) => [m.id, m.time, m.senderId, m.kind, m.text])).toEqual(base.messages.map((m) => [m.id, m.time, m.senderId, m.kind, m.text]));
      expect(got.joins.map((j) => [j.action, j.memberId, j.by])).toEqual(base.joins.map((j) => [j.action, j.memberId, j.by]));
    }
  });
});

describe('WeChat MemoTrace TXT', () => {
  it('is detected as itself', async () => {
    expect(await detectedAs(TXT)).toBe('wechat-memotrace-txt');
  });

  it('reads blocks keyed by name, system lines on one line, quotes stripped', async () => {
    const { messages, joins, issues } = await run(wechatMemotraceTxt, TXT);
    expect(issues).toEqual([]);
    expect(messages).toHaveLength(7);
    expect(messages[0]).toMatchObject({ senderId: '爱丽丝', text: '今天开会吗？', kind: 'text' });
    expect(new Date(messages[0]!.time).toISOString()).toBe('2024-01-02T05:01:00.000Z');
    // A content line that starts with a date is not a header unless a blank line comes before it.
    expect(messages[1]!.text).toBe('我先说两句\n2024-01-02 13:03:30 这一行不是消息头');
    expect(messages[2]).toMatchObject({ senderId: 'Bob & Co', kind: 'image' });
    expect(messages[3]).toMatchObject({ text: '同意，下周见' });
    expect(messages[3]!.replyTo).toBeUndefined();
    expect(messages[4]).toMatchObject({ senderId: 'Bob & Co', kind: 'recall' });
    expect(messages[5]).toMatchObject({ kind: 'link' });
    expect(joins.map((e) => [e.action, e.memberId, e.by, e.method])).toEqual([
      ['join', 'Bob', '爱丽丝', 'invite'], ['join', 'Carol', '爱丽丝', 'invite'],
      ['join', 'Dave', '爱丽丝', 'qr'], ['remove', 'Carol', '爱丽丝', undefined],
    ]);
  });

  it('reads local times in the zone given', async () => {
    const { messages } = await run(wechatMemotraceTxt, TXT, 'UTC');
    expect(new Date(messages[0]!.time).toISOString()).toBe('2024-01-02T13:01:00.000Z');
  });

  const txt = async (name: string, text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'ca-mtt-')), name);
    writeFileSync(path, text);
    return { path, ...(await run(wechatMemotraceTxt, path)) };
  };

  it('reads a header with no content (a message it could not render) as an empty message of that sender', async () => {
    const { messages, issues } = await txt('读书群.txt', [
      '2024-01-02 13:00:00 Bob', '', // before Bob's first message with text
      '2024-01-02 13:01:00 爱丽丝', '今天开会吗？', '',
      '2024-01-02 13:02:00 Bob', '',
      '2024-01-02 13:03:00 Carol', '好', '',
      '2024-01-02 13:04:00 Bob', '收到', '',
      '2024-01-02 13:05:00 "Dave"与群里其他人都不是朋友关系，请注意隐私安全', '',
      '2024-01-02 13:06:00 爱丽丝', '',
      '2024-01-02 13:07:00 Eve', '', // no other message: a name all the same
      '2024-01-02 13:08:00 "爱丽丝" 拍了拍 "Bob"', '',
      '2024-01-02 13:09:00 你已添加了Frank，现在可以开始聊天了', '',
      '2024-01-02 13:10:00 Bob开启了朋友验证', '',
    ].join('\n'));
    expect(issues).toEqual([]);
    const byTime = [...messages].sort((a, b) => a.time - b.time);
    expect(byTime.map((m) => [m.senderId, m.text, new Date(m.time).toISOString()])).toEqual([
      ['Bob', undefined, '2024-01-02T05:00:00.000Z'],
      ['爱丽丝', '今天开会吗？', '2024-01-02T05:01:00.000Z'],
      ['Bob', undefined, '2024-01-02T05:02:00.000Z'],
      ['Carol', '好', '2024-01-02T05:03:00.000Z'],
      ['Bob', '收到', '2024-01-02T05:04:00.000Z'],
      ['爱丽丝', undefined, '2024-01-02T05:06:00.000Z'],
      ['Eve', undefined, '2024-01-02T05:07:00.000Z'],
    ]);
  });

  it('reads WeChatMsg 2.x: a notice as its time alone with the text below, quotes with 引用：, 【图片】 placeholders', async () => {
    const { path, messages, joins, issues } = await txt('技术群.txt', [
      '2024-02-01 10:00:00 小红', '在吗', '',
      '2024-02-01 10:01:00 我', '【图片】 image/2024-02/abc.jpg', '',
      '2024-02-01 10:02:00', '"小红"邀请"小明"加入了群聊', '',
      '2024-02-01 10:02:30', '"小红" 拍了拍 "小明"', '',
      '2024-02-01 10:03:00 小明', '大家好', '引用：小红: 在吗', '',
    ].join('\n'));
    expect(await detectedAs(path)).toBe('wechat-memotrace-txt');
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind, m.text])).toEqual([
      ['小红', 'text', '在吗'], ['我', 'image', undefined], ['小明', 'text', '大家好'],
    ]);
    expect(joins.map((e) => [e.memberId, e.by, new Date(e.time).toISOString()])).toEqual([['小明', '小红', '2024-02-01T02:02:00.000Z']]);
  });

  it('2.x: a notice with no text does not swallow the message after it; a file may open with a notice', async () => {
    const { path, messages, joins, issues } = await txt('群B.txt', [
      '2024-03-01 20:00:00', '"小李"邀请"小赵"加入了群聊', '',
      '2024-03-01 20:00:30', '',
      '2024-03-01 20:01:00 老周', '欢迎两位', '',
      '2024-03-01 20:02:00 小李', '谢谢', '',
    ].join('\n'));
    expect(await detectedAs(path)).toBe('wechat-memotrace-txt');
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.text])).toEqual([['老周', '欢迎两位'], ['小李', '谢谢']]);
    expect(joins.map((e) => [e.memberId, e.by])).toEqual([['小赵', '小李']]);
  });

  it('reads the older name-first headers', async () => {
    const { path, messages, joins, issues } = await txt('读书群.txt', [
      '老王 2024-01-02 21:40:12', '你好', '2024-01-02 21:40:30 这一行是正文', '',
      '小 李 2024-01-02 21:41:00', '在', '',
      '"老王"邀请"小张"加入了群聊 2024-01-02 21:42:00', '',
      '小张 2024-01-02 21:43:00', '大家好', '',
    ].join('\n'));
    expect(await detectedAs(path)).toBe('wechat-memotrace-txt');
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.text, new Date(m.time).toISOString()])).toEqual([
      ['老王', '你好\n2024-01-02 21:40:30 这一行是正文', '2024-01-02T13:40:12.000Z'],
      ['小 李', '在', '2024-01-02T13:41:00.000Z'],
      ['小张', '大家好', '2024-01-02T13:43:00.000Z'],
    ]);
    expect(joins.map((e) => [e.action, e.memberId, e.by])).toEqual([['join', '小张', '老王']]);
  });
});

describe('WeChat 留痕/WeChatMsg 2.x CSV', () => {
  const V2 = 'fixtures/wechat-memotrace2-csv/basic/读书会.csv';

  it('is detected as itself, over the canonical CSV its Chinese headers would also fit', async () => {
    expect(await detectedAs(V2)).toBe('wechat-memotrace2-csv');
  });

  it('keys senders by display name, reads 系统消息 rows as joins and recalls, kinds from 类型, quotes stripped', async () => {
    const { messages, joins, issues } = await run(wechatMemotrace2Csv, V2);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.id, m.senderId, m.kind, m.text])).toEqual([
      ['5002', '老周', 'text', '欢迎两位'], ['5003', '小李', 'text', '谢谢群主！\n请多关照'], ['5004', '小赵', 'image', undefined],
      ['5005', '老周', 'text', '不客气'], ['5006', '小赵', 'recall', undefined],
    ]);
    expect(messages[0]!.group).toMatchObject({ id: '读书会', name: '读书会' });
    expect(new Date(messages[0]!.time).toISOString()).toBe('2024-03-01T12:01:00.000Z');
    expect(joins.map((e) => [e.memberId, e.by])).toEqual([['小李', '老周'], ['小赵', '老周']]);
  });
});

describe('WeChat MemoTrace CSV: the exporter\'s remark and the nickname notices use', () => {
  it('shows the remark, and finds the member by nickname in notices (one member, their invitee theirs)', async () => {
    const head = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';
    const rows = [
      '3,597,1,0,0,1704171720,,大家好,2024-01-02 13:02:00,,小李,wxid_li',
      '2,597,10000,0,0,1704171660,,"""芒果""邀请""小李""加入了群聊",2024-01-02 13:01:00,,,',
      '1,597,1,0,0,1704171600,,早,2024-01-02 13:00:00,芒果(同事),芒果,wxid_mango',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'ca-remark-'));
    writeFileSync(join(dir, '读书会_utf8.csv'), `${head}\n${rows.join('\n')}\n`);
    const { dataset } = await ingest({ inputs: [dir], timeZone: 'Asia/Shanghai', strict: false, now: Date.UTC(2024, 0, 3) });
    expect(dataset.members.map((m) => m.key).sort()).toEqual(['wxid_li', 'wxid_mango']);
    const mango = dataset.members.find((m) => m.key === 'wxid_mango')!, li = dataset.members.find((m) => m.key === 'wxid_li')!;
    expect(mango.names.at(-1)).toBe('芒果(同事)');
    expect(li.invitedBy).toBe(mango.index);
  });
});

describe('WeChat 留痕/WeChatMsg 2.x CSV: names and quotes', () => {
  it('a notice naming a sender by 昵称 finds them; a text that merely says 引用： keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-v2-'));
    writeFileSync(join(dir, '读书会.csv'), '\uFEFF消息ID,类型,发送人,时间,内容,备注,昵称,更多信息\n'
      + '1,文本,老周,2024-03-01 20:01:00,我想引用：鲁迅的一句话,老周,周,more\n'
      + '2,文本,小李,2024-03-01 20:02:00,好的,小李,李,more\n'
      + '3,系统消息,,2024-03-01 20:05:00,"""周""邀请""小王""加入了群聊",,,more\n');
    const { messages } = await run(wechatMemotrace2Csv, join(dir, '读书会.csv'));
    expect(messages[0]!.text).toBe('我想引用：鲁迅的一句话');
    const { dataset } = await ingest({ inputs: [dir], timeZone: 'Asia/Shanghai', strict: false, now: Date.UTC(2024, 2, 2) });
    expect(dataset.members.map((m) => m.key).sort()).toEqual(['小李', '小王', '老周']);
    const zhou = dataset.members.find((m) => m.key === '老周')!;
    expect(dataset.members.find((m) => m.key === '小王')!.invitedBy).toBe(zhou.index);
  });
});

describe('留痕 CSV of a chat with one person (session 12: found in a public importer\'s test data)', () => {
  const HEAD = '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';
  const rows = [
    '1854662,217,1,0,0,1628863878,,我通过了你的朋友验证请求，现在我们可以开始聊天了,2021-08-13 22:11:18,宋悦,Viζa.,wxid_h6cbjnu4re9722',
    '1854663,217,1,0,1,1628863886,,你好,2021-08-13 22:11:26,Enigma,Enigma,wxid_me',
    '1854664,217,1,0,0,1628863895,,你好呀,2021-08-13 22:11:35,宋悦,Viζa.,wxid_h6cbjnu4re9722',
  ];
  const groupsOf = async (folder: string, lines: string[]) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ca-mt-')), folder);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, '宋悦_utf8.csv');
    writeFileSync(path, [HEAD, ...lines].join('\r\n'));
    const events: IngestEvent[] = [];
    const ctx = { path, zone: new Zone('Asia/Shanghai'), reportIssue: () => {}, reportProgress: () => {} };
    for await (const ev of wechatMemotraceCsv.read(await fileSource(path), ctx)) events.push(ev);
    return events.filter((e) => e.type === 'group' && e.group.personal).length;
  };

  it('is one-to-one by WeChat\'s "now we can chat", or by a contact\'s folder (remark(wxid_…))', async () => {
    expect(await groupsOf('聊天记录/宋悦', rows)).toBe(1);
    expect(await groupsOf('聊天记录/宋悦(wxid_h6cbjnu4re9722)', rows.slice(1))).toBe(1);
  });

  it('a group of two voices stays a group without either sign, and a group notice keeps it one', async () => {
    expect(await groupsOf('聊天记录/小群', rows.slice(1))).toBe(0);
    const notice = '1854665,217,10000,0,0,1628863999,,"""Enigma""邀请""宋悦""加入了群聊",2021-08-13 22:13:19,,,';
    expect(await groupsOf('聊天记录/宋悦(wxid_h6cbjnu4re9722)', [...rows, notice])).toBe(0);
  });
});
