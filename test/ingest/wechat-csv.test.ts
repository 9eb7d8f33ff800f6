import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectedAs } from '../helpers/read.js';
import { describe, expect, it } from 'vitest';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { fileSource } from '../../src/ingest/source.js';
import type { IngestAdapter } from '../../src/ingest/types.js';
import { csvRows } from '../../src/ingest/csv/rows.js';
import { wechatChatlogCsv } from '../../src/ingest/wechat/chatlog-csv.js';
import { wechatPywxdumpCsv } from '../../src/ingest/wechat/pywxdump-csv.js';

const CHATLOG = 'fixtures/wechat-chatlog-csv/basic/chatlog.csv';
const PYWXDUMP = 'fixtures/wechat-pywxdump-csv/basic/wxid_me_0_5000.csv';

async function run(adapter: IngestAdapter, path: string) {
  const issues: { reason: string; code?: string }[] = [];
  const ctx = { path, zone: new Zone('Asia/Shanghai'), reportIssue: (i: { reason: string; code?: string }) => issues.push(i), reportProgress: () => {} };
  const events: IngestEvent[] = [];
  for await (const ev of adapter.read(await fileSource(path), ctx)) events.push(ev);
  return {
    issues,
    messages: events.filter((e): e is MessageEvent => e.type === 'message'),
    joins: events.filter((e): e is MembershipEvent => e.type === 'membership'),
  };
}

describe('WeChat chatlog CSV', () => {
  it('is detected as itself, over the canonical CSV', async () => {
    expect(await detectedAs(CHATLOG)).toBe('wechat-chatlog-csv');
  });

  it('reads senders, the chatroom, rendered media, quotes and system joins', async () => {
    const { messages, joins, issues } = await run(wechatChatlogCsv, CHATLOG);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind, m.text])).toEqual([
      ['wxid_alice', 'text', '今天开会吗？'], ['wxid_bob', 'image', undefined],
      ['wxid_bob', 'text', '同意'], ['wxid_alice', 'link', undefined],
    ]);
    expect(messages[0]!.group).toMatchObject({ id: '12345678@chatroom', name: '技术交流群' });
    expect(messages.some((m) => m.group.personal)).toBe(false);
    expect(new Date(messages[0]!.time).toISOString()).toBe('2024-01-02T05:01:00.000Z');
    expect(joins.map((e) => [e.memberId, e.by, e.method])).toEqual([
      ['Bob', '爱丽丝', 'invite'], ['Carol', '爱丽丝', 'invite'], ['Dave', '爱丽丝', 'qr'],
    ]);
  });
});

describe('chatlog CSV of a chat with one person', () => {
  it('is left out as personal: its talker is a wxid, not a chatroom', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ca-wx-')), 'chatlog.csv');
    writeFileSync(out, 'Time,SenderName,Sender,TalkerName,Talker,Content\n2024-01-02 13:01:00,爱丽丝,wxid_alice,爱丽丝,wxid_alice,在吗\n');
    const { messages } = await run(wechatChatlogCsv, out);
    expect(messages.map((m) => [m.group.id, m.group.personal])).toEqual([['wxid_alice', true]]);
  });
});

describe('WeChat PyWxDump CSV', () => {
  it('is detected as itself, over the member-list CSV', async () => {
    expect(await detectedAs(PYWXDUMP)).toBe('wechat-pywxdump-csv');
  });

  it('reads MsgSvrID ids, kinds from labels, quotes, recalls and removals; is_sender marks the exporter', async () => {
    const { messages, joins, issues } = await run(wechatPywxdumpCsv, PYWXDUMP);
    // Joins name people by display name, senders are wxids: a note says they are not tied (sim-5).
    expect(issues).toEqual([expect.objectContaining({ code: 'joins-by-name', line: 2, counts: false })]);
    expect(messages.map((m) => [m.id, m.senderId, m.kind, m.text, m.fromSelf === true])).toEqual([
      ['7002', 'wxid_alice', 'text', '今天开会吗？', false], ['7003', 'wxid_bob', 'image', undefined, false],
      ['7004', '我', 'text', '同意', true], ['7005', 'Bob', 'recall', undefined, false],
    ]);
    expect(messages[0]!.group.id).toBe('12345678@chatroom');
    expect(joins.map((e) => [e.action, e.memberId, e.by])).toEqual([
      ['join', 'Bob', '爱丽丝'], ['join', 'Carol', '爱丽丝'], ['remove', 'Carol', '爱丽丝'],
    ]);
  });
});

describe('PyWxDump CSV, older and WeFlow layouts', () => {
  const CONTENT = 'fixtures/wechat-pywxdump-csv/content-json/wxid_me_0_5000.csv';
  const WECLONE = 'fixtures/wechat-pywxdump-csv/weclone/读书会.csv';

  it('both are detected as PyWxDump, never as a member list', async () => {
    expect(await detectedAs(CONTENT)).toBe('wechat-pywxdump-csv');
    expect(await detectedAs(WECLONE)).toBe('wechat-pywxdump-csv');
  });

  it('reads the text out of the older `content` JSON; a room that is no chatroom is a personal chat', async () => {
    const { messages, joins, issues } = await run(wechatPywxdumpCsv, CONTENT);
    expect(issues.map((i) => (i as { code?: string }).code)).toEqual(['joins-by-name']);
    expect(messages.map((m) => [m.senderId, m.kind, m.text, m.group.id, m.group.personal === true])).toEqual([
      ['wxid_ming', 'text', '早上好，今天讲什么？', '87654321@chatroom', false], ['wxid_fang', 'image', undefined, '87654321@chatroom', false],
      ['我', 'text', '讲裂变', '87654321@chatroom', false],
      ['我', 'text', '私聊一句', 'wxid_friend', true], ['wxid_friend', 'text', '好的', 'wxid_friend', true],
    ]);
    expect(joins.map((e) => [e.memberId, e.by])).toEqual([['小芳', '阿明']]);
  });

  it('an export of messages with a header no reader knows is no member list (it has a text column)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ca-wx-')), 'chat.csv');
    writeFileSync(out, 'id,talker,room_name,content,Created\n1,wxid_a,1@chatroom,hello,2024-01-01 10:00:00\n');
    expect(await detectedAs(out)).toBe('');
    // A member list may still have a text-like column beside its member columns.
    writeFileSync(out, 'member_id,name,joined_at,message\nwxid_a,A,2024-01-01,hi\n');
    expect(await detectedAs(out)).toBe('members-csv');
  });

  it('without room_name (WeFlow), the file is the chat', async () => {
    const { messages, issues } = await run(wechatPywxdumpCsv, WECLONE);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.text, m.group.id])).toEqual([
      ['wxid_li', '这周读哪本？', '读书会'], ['我', '《乌合之众》', '读书会'], ['wxid_zhao', undefined, '读书会'],
    ]);
  });
});

describe('chatlog and PyWxDump CSV re-saved by Excel', () => {
  for (const [adapter, path] of [[wechatChatlogCsv, CHATLOG], [wechatPywxdumpCsv, PYWXDUMP]] as const) {
    it(`${adapter.id}: detected and read with ";" or as UTF-16 text with tabs`, async () => {
      const rows: string[][] = [];
      for await (const r of csvRows(await fileSource(path), { path, zone: new Zone('UTC'), reportIssue: () => {}, reportProgress: () => {} })) rows.push('header' in r ? r.header : r.fields);
      const base = await run(adapter, path);
      expect(base.messages.length).toBeGreaterThan(2);
      for (const [d, enc] of [[';', 'utf8'], ['\t', 'utf16le']] as const) {
        const text = rows.map((r) => r.map((f) => (/[";\t\n,]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(d)).join('\r\n') + '\r\n';
        const out = join(mkdtempSync(join(tmpdir(), 'ca-wx-')), path.split('/').pop()!);
        writeFileSync(out, Buffer.concat([Buffer.from(enc === 'utf8' ? [0xef, 0xbb, 0xbf] : [0xff, 0xfe]), Buffer.from(text, enc)]));
        expect(await detectedAs(out)).toBe(adapter.id);
        const got = await run(adapter, out);
        expect(got.messages.map((m) => [m.id, m.time, m.senderId, m.kind, m.text])).toEqual(base.messages.map((m) => [m.id, m.time, m.senderId, m.kind, m.text]));
        expect(got.joins.map((j) => [j.action, j.memberId, j.by])).toEqual(base.joins.map((j) => [j.action, j.memberId, j.by]));
      }
    });
  }
});

describe('PyWxDump CSV whose exporter is a wxid (found by the fifth independent simulator)', () => {
  it('the exporter (is_sender 1) is the one "你" in a notice speaks of, once seen', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ca-wx-')), 'wxid_owner01_0_5000.csv');
    writeFileSync(out, [
      'id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime',
      '1,1001,文本,1,wxid_owner01,2@chatroom,欢迎大家,,2025-06-01 09:00:00',
      '2,1002,系统通知,0,系统,2@chatroom,"你邀请""张伟""加入了群聊",,2025-06-02 09:00:00',
      '3,1003,文本,0,wxid_zw,2@chatroom,大家好,,2025-06-02 10:00:00',
    ].join('\n'));
    const { messages, joins } = await run(wechatPywxdumpCsv, out);
    expect(messages.map((m) => [m.senderId, m.fromSelf === true])).toEqual([['wxid_owner01', true], ['wxid_zw', false]]);
    expect(joins.map((e) => [e.memberId, e.by])).toEqual([['张伟', 'wxid_owner01']]);
  });
});

describe('PyWxDump CSV: a 「你…」 notice before the exporter writes (review: the owner\'s invitations were lost)', () => {
  it('waits for the first is_sender row; without one it is 我, as before', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ca-wx-')), 'wxid_owner01_0_5000.csv');
    const head = 'id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime';
    const invite = '1,1001,系统通知,0,系统,2@chatroom,"你邀请""张伟""、""李娜""加入了群聊",,2025-06-01 09:00:00';
    writeFileSync(out, [head, invite,
      '2,1002,系统通知,0,系统,2@chatroom,"""张伟""邀请""王芳""加入了群聊",,2025-06-01 09:30:00',
      '3,1003,文本,0,wxid_zw,2@chatroom,大家好,,2025-06-02 10:00:00',
      '4,1004,文本,1,wxid_owner01,2@chatroom,欢迎大家,,2025-06-02 11:00:00'].join('\n'));
    const { joins } = await run(wechatPywxdumpCsv, out);
    expect(joins.map((e) => [e.memberId, e.by]).sort()).toEqual([['张伟', 'wxid_owner01'], ['李娜', 'wxid_owner01'], ['王芳', '张伟']]);
    writeFileSync(out, [head, invite].join('\n'));
    expect((await run(wechatPywxdumpCsv, out)).joins.map((e) => e.by)).toEqual(['我', '我']);
  });
});
