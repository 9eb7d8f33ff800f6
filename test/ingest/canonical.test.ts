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

describe('canonical messages CSV: DiscordChatExporter-like columns', () => {
  it('reads AuthorID as the sender id', async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'ca-')), 'dce.csv');
    writeFileSync(p, 'Date,AuthorID,Author,Content\n2024-01-01 10:00,810000000000000001,kai,hi\n');
    const { events } = await readWith(canonicalMessagesCsv, p, 'UTC');
    expect(messages(events)[0]).toMatchObject({ senderId: '810000000000000001', senderName: 'kai', text: 'hi' });
  });
});
