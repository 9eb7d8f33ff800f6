import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MemberEvent, MessageEvent } from '../../src/core/model.js';
import { canonicalMessagesCsv } from '../../src/ingest/canonical/messages.js';
import { canonicalMembersCsv as membersAdapter } from '../../src/ingest/canonical/members.js';
import { pickAdapter } from '../../src/ingest/discover.js';
import { fileHead } from '../../src/ingest/source.js';
import { fixture, readWith } from '../helpers/read.js';

const messages = (evs: unknown[]) => evs as MessageEvent[];

describe('canonical messages CSV', () => {
  it('reads every timestamp form, quoted commas and newlines, and reports bad rows with their line', async () => {
    const { events, issues } = await readWith(canonicalMessagesCsv, fixture('canonical/basic/messages.csv'), 'Asia/Shanghai');
    const ms = messages(events.filter((e) => e.type === 'message'));
    expect(ms.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    // The system row is the roster's history: a join with its inviter.
    expect(events.filter((e) => e.type === 'membership')).toMatchObject([{ action: 'join', memberId: '小周', by: '小李', method: 'invite', id: 'm9' }]);
    // 09:00 in Shanghai is 01:00 UTC.
    expect(new Date(ms[0]!.time).toISOString()).toBe('2024-03-04T01:00:00.000Z');
    expect(new Date(ms[2]!.time).toISOString()).toBe('2024-03-04T01:06:30.000Z');
    expect(new Date(ms[3]!.time).toISOString()).toBe('2024-03-05T13:15:00.000Z');
    expect(ms[4]!.time).toBe(1709730000 * 1000);
    expect(ms[5]!.time).toBe(1709816400000);
    expect(ms[1]!.text).toBe('我在读《三体》, 推荐');
    expect(ms[1]!.replyTo).toBe('m1');
    expect(ms[3]!.text).toBe('多行\n消息');
    expect(ms[2]!.kind).toBe('image');
    expect(ms[0]!.group).toMatchObject({ id: 'g1', name: '读书会' });
    expect(issues.map((i) => [i.line, i.code])).toEqual([[9, 'bad-timestamp'], [10, 'no-sender']]);
  });

  it('matches Chinese header aliases with a BOM and CRLF, in any column order', async () => {
    const { events, issues } = await readWith(canonicalMessagesCsv, fixture('canonical/zh-headers/聊天.csv'));
    const ms = messages(events);
    expect(issues).toEqual([]);
    expect(ms).toHaveLength(2);
    expect(ms[0]).toMatchObject({ senderId: 'wxid_owner', senderName: '老王', text: '大家好', kind: 'text', group: { id: '跑步群' } });
  });

  it('reads GB18030 files and takes the group from the file name when there is no group column', async () => {
    const { events } = await readWith(canonicalMessagesCsv, fixture('canonical/gbk/跑步群.csv'));
    const ms = messages(events);
    expect(ms.map((m) => m.text)).toEqual(['你好世界', '早上好']);
    expect(ms[0]!.group.id).toBe('跑步群');
    expect(ms[0]!.senderId).toBe('老王');
  });

  it('accepts semicolon and tab delimiters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-'));
    for (const [name, d] of [['semi.csv', ';'], ['tab.csv', '\t']] as const) {
      const p = join(dir, name);
      writeFileSync(p, ['timestamp', 'sender_name', 'text'].join(d) + '\n' + ['2024-01-01 10:00', 'A', 'hi, there'].join(d) + '\n');
      const { events } = await readWith(canonicalMessagesCsv, p, 'UTC');
      expect(messages(events)[0]).toMatchObject({ senderId: 'A', text: 'hi, there', time: Date.UTC(2024, 0, 1, 10) });
    }
  });

  it('reports a file cut off inside a quoted field', async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'ca-')), 'cut.csv');
    writeFileSync(p, 'timestamp,sender_name,text\n2024-01-01 10:00,A,ok\n2024-01-01 10:01,B,"never closed\n');
    const { events, issues } = await readWith(canonicalMessagesCsv, p, 'UTC');
    expect(events).toHaveLength(1);
    expect(issues).toMatchObject([{ code: 'truncated', line: 3 }]);
  });
});

describe('canonical members CSV', () => {
  it('reads roles, join and leave times and inviters, with Chinese headers and roles', async () => {
    const { events } = await readWith(membersAdapter, fixture('canonical/zh-headers/成员.csv'));
    const ms = events as MemberEvent[];
    expect(ms).toHaveLength(2);
    expect(ms[0]).toMatchObject({ memberId: 'wxid_owner', name: '老王', role: 'owner', group: { id: '跑步群' } });
    expect(ms[1]).toMatchObject({ role: 'member', invitedBy: 'wxid_owner', joinedAt: Date.UTC(2024, 2, 1, 16) });
  });

  it('is told apart from a messages CSV by its header', async () => {
    expect(pickAdapter(await fileHead(fixture('canonical/basic/members.csv')))?.adapter.id).toBe('members-csv');
    expect(pickAdapter(await fileHead(fixture('canonical/basic/messages.csv')))?.adapter.id).toBe('canonical-csv');
    expect(pickAdapter(await fileHead(fixture('canonical/zh-headers/成员.csv')))?.adapter.id).toBe('members-csv');
  });
});

describe('member list CSV as Excel saves it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ca-ml-'));
  const write = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const HEAD = '微信号,群昵称,角色,入群时间,邀请人\r\n';
  const ROWS = 'wxid_a,爱丽丝,群主,2024/1/2 12:00,\r\nwxid_b,Bob,,2024/1/3 6:00,wxid_a\r\n';
  const ids = (evs: unknown[]) => (evs as MemberEvent[]).map((m) => [m.memberId, m.name, m.role, m.invitedBy, m.line]);

  it('finds the header under a title line, detected as a member list', async () => {
    const p = write('技术群成员.csv', '\uFEFF技术交流群成员名单,,,,\r\n' + HEAD + ROWS);
    expect(pickAdapter(await fileHead(p))?.adapter.id).toBe('members-csv');
    const { events, issues } = await readWith(membersAdapter, p);
    expect(ids(events)).toEqual([['wxid_a', '爱丽丝', 'owner', undefined, 3], ['wxid_b', 'Bob', undefined, 'wxid_a', 4]]);
    expect(issues).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('1 line above it') })]);
    const p2 = write('two.csv', '成员名单\r\n\r\n导出于 2024-01-05,\r\n' + HEAD + ROWS);
    expect(pickAdapter(await fileHead(p2))?.adapter.id).toBe('members-csv');
    expect(ids((await readWith(membersAdapter, p2)).events)).toEqual([['wxid_a', '爱丽丝', 'owner', undefined, 5], ['wxid_b', 'Bob', undefined, 'wxid_a', 6]]);
  });

  it('does not take a plain text file for a member list', async () => {
    expect(pickAdapter(await fileHead(write('readme.txt', 'Hello\nthis is a readme\n\nmore text\n')))).toBeFalsy();
  });

  it('passes over all-empty rows silently and skips a totals row with one note', async () => {
    const p = write('gbk.csv', HEAD + ROWS + ',,,,\r\n,,,,\r\n合计,2人,,,\r\n');
    const { events, issues } = await readWith(membersAdapter, p);
    expect(ids(events)).toEqual([['wxid_a', '爱丽丝', 'owner', undefined, 2], ['wxid_b', 'Bob', undefined, 'wxid_a', 3]]);
    expect(issues).toEqual([expect.objectContaining({ line: 6, code: 'totals-row', reason: expect.stringContaining('totals row') })]);
    // A member whose nickname is a totals word, with an id and a number beside it, is a member.
    const sum = write('sum.csv', 'member_id,name,level\n12345678,Sum,5\n23456789,Bob,3\n');
    const read = await readWith(membersAdapter, sum);
    expect(read.issues).toEqual([]);
    expect(ids(read.events).map((x) => x[0])).toEqual(['12345678', '23456789']);
    // With a group column, the group on the totals row does not make it a member.
    const g = write('g.csv', 'group_id,member_id,name\nG1,a,A\nG1,合计,1人\n');
    expect(ids((await readWith(membersAdapter, g)).events)).toEqual([['a', 'A', undefined, undefined, 2]]);
  });

  it('reads 【群主】 titles in 群名片 as roles and an empty 群名片 as the 成员 nickname', async () => {
    const p = write('qq.csv', '成员,群名片,QQ号,入群时间\n地瓜,【群主】地瓜,23333233,2019/03/01\nAlice,,10001,2020/05/06\n');
    expect(pickAdapter(await fileHead(p))?.adapter.id).toBe('members-csv');
    const { events } = await readWith(membersAdapter, p);
    expect((events as MemberEvent[]).map((m) => [m.memberId, m.name, m.role])).toEqual([['23333233', '地瓜', 'owner'], ['10001', 'Alice', undefined]]);
    // With 昵称 beside 群名片 (fifth independent simulator): the 群名片 is the name, its title the role.
    const q = write('qq2.csv', '群号,群名称,QQ号,群名片,昵称,入群时间\n411,考研群,10086001,【群主】周老师,周老师,2024/10/19 09:00\n411,考研群,22142724,,毛伟芳,2024/10/19 09:01\n');
    const two = await readWith(membersAdapter, q);
    expect((two.events as MemberEvent[]).map((m) => [m.memberId, m.name, m.role])).toEqual([['10086001', '周老师', 'owner'], ['22142724', '毛伟芳', undefined]]);
  });
});

describe('canonical messages CSV: DiscordChatExporter-like columns', () => {
  it('reads AuthorID as the sender id', async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'ca-')), 'dce.csv');
    writeFileSync(p, 'Date,AuthorID,Author,Content\n2024-01-01 10:00,810000000000000001,kai,hi\n');
    const { events } = await readWith(canonicalMessagesCsv, p, 'UTC');
    expect(messages(events)[0]).toMatchObject({ senderId: '810000000000000001', senderName: 'kai', text: 'hi' });
  });
});
