import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { discover } from '../../src/ingest/discover.js';
import { qqQceChunked } from '../../src/ingest/qq/qce-chunked.js';
import { qqQceJson } from '../../src/ingest/qq/qce-json.js';
import { QCE_FIELDS, timeOf } from '../../src/ingest/qq/qce-message.js';
import { parseQceTip } from '../../src/ingest/qq/qce-tips.js';
import { shape } from '../../src/ingest/shape.js';
import { SELF } from '../../src/ingest/notices/facts.js';
import { ingest } from '../../src/ingest/run.js';
import { bytesSource, fileSource } from '../../src/ingest/source.js';
import type { IngestAdapter, Source } from '../../src/ingest/types.js';
import { detectedAs, fixture } from '../helpers/read.js';

const V5 = fixture('qq-qce/group/group_123456789_20240303_120000.json');
const V6 = fixture('qq-qce/rust-v6/读书会4群(987654321).json');
const PARSED = fixture('qq-qce/parsed-v4/group_555666777_20231102_080000.json');
const PRIVATE = fixture('qq-qce/private/friend_20002_20240305_220000.json');
const CHUNKED = fixture('qq-qce/chunked/group_123456789_20240401_090000_chunked_jsonl');

type Issue = { line?: number; reason: string; code?: string; counts?: boolean };
async function read(source: Source, opts: { zone?: string; adapter?: IngestAdapter; me?: string[] } = {}) {
  const issues: Issue[] = [];
  const ctx = { path: source.path, zone: new Zone(opts.zone ?? 'Asia/Shanghai'), reportIssue: (i: Issue) => issues.push(i), reportProgress: () => {}, ...(opts.me ? { me: opts.me } : {}) };
  const events: IngestEvent[] = [];
  for await (const ev of (opts.adapter ?? qqQceJson).read(source, ctx)) events.push(ev);
  return {
    events, issues,
    messages: events.filter((e): e is MessageEvent => e.type === 'message'),
    joins: events.filter((e): e is MembershipEvent => e.type === 'membership').map((e) => [e.action, e.memberId, e.memberName, e.by, e.method]),
  };
}
const file = async (path: string, opts: Parameters<typeof read>[1] = {}) => read(await fileSource(path), opts);
const said = (ms: MessageEvent[]) => ms.map((m) => [m.senderId, m.senderName, m.kind]);

const tmp = mkdtempSync(join(tmpdir(), 'ca-qce-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('qq-chat-exporter (QCE) JSON', () => {
  it('is detected for every version and layout, and takes no other format\'s files', async () => {
    for (const f of [V5, V6, PARSED, PRIVATE]) expect(await detectedAs(f), f).toBe('qq-qce-json');
    expect(await detectedAs(join(CHUNKED, 'manifest.json'))).toBe('qq-qce-chunked');
    const others = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? others(join(dir, n)) : [join(dir, n)]));
    for (const f of others(fixture('')).filter((p) => !p.includes('/qq-qce/'))) expect(await detectedAs(f), f).not.toMatch(/^qq-qce/);
  });

  it('V5: QQ numbers as keys, group cards as names, media kinds, replies and mentions', async () => {
    const { messages, issues } = await file(V5);
    expect(said(messages)).toEqual([
      ['10001', '群主老王', 'text'], ['20002', '李同学', 'text'], ['30003', '小张', 'text'], ['20002', '李同学', 'text'],
      ['40004', '小赵', 'image'], ['40004', undefined, 'recall'], ['10001', '群主老王', 'file'], ['30003', '小张', 'voice'],
      ['50005', '王老师', 'text'], ['10001', '群主老王', 'text'],
    ]);
    expect(messages[0]!.group).toEqual({ id: '123456789', name: '读书会3群', platform: 'qq' });
    // The mention is keyed by the uid's QQ number; the "@李同学" it stands for leaves the text.
    expect(messages[2]).toMatchObject({ mentions: ['20002'], text: ' 谢谢拉我进群' });
    // The quoted message before a reply is not the sender's text.
    expect(messages[3]).toMatchObject({ replyTo: '7341000000000000005', text: '不客气' });
    // The exporting user (chatInfo.selfUin) is marked: operators export their own groups.
    expect(messages.filter((m) => m.fromSelf).map((m) => m.senderId)).toEqual(['10001', '10001', '10001']);
    expect(issues).toEqual([
      { line: 20, reason: 'message 7341000000000000015: no readable timestamp', code: 'bad-timestamp' },
      expect.objectContaining({ line: 15, code: 'unrecognised-system-lines', counts: false }),
    ]);
  });

  it('V5: joins from gray tips with inviter and method, "你" as the exporter, names keyed by QQ number', async () => {
    expect((await file(V5)).joins).toEqual([
      ['join', '20002', '小李', '10001', 'invite'],
      ['join', '30003', '小张', '20002', 'qr'],
      ['join', '40004', '小赵', undefined, 'unknown'],
      // 王五 is 王老师's nickname; 小孙 never wrote, so stays a name.
      ['join', '小孙', '小孙', '50005', 'invite'],
    ]);
  });

  it('V6 (Rust): BOM, friendly file name, tip uids and the QQ numbers of their XML, QR code of the exporter, recalls with and without their sender', async () => {
    const { messages, joins, issues } = await file(V6);
    expect(issues).toEqual([]);
    expect(messages[0]!.group.id).toBe('987654321');
    expect(said(messages)).toEqual([
      ['10001', '群主老王', 'text'], ['50005', '王老师', 'text'], ['60006', '小孙', 'text'], ['50005', '王老师', 'text'],
      ['60006', undefined, 'recall'], ['50005', '王老师', 'recall'],
    ]);
    // The `at` element carries the QQ number itself.
    expect(messages[2]).toMatchObject({ mentions: ['50005'], text: ' 谢谢' });
    expect(messages[3]!.replyTo).toBe('7350000000000000006');
    expect(joins).toEqual([
      ['join', '60006', '小孙', '50005', 'invite'],
      // 小周 never wrote: the tip's XML (originalData) pairs the uid with the QQ number.
      ['join', '70070', '小周', '50005', 'invite'],
      ['join', '小钱', '小钱', '10001', 'qr'],
      // 小周, still silent, is known by name from that XML tip.
      ['join', '小吴', '小吴', '70070', 'invite'],
    ]);
  });

  it('the parsed-message shape of older versions: ISO times, rawMessage names, isRecalled, "[4]" tips', async () => {
    const { messages, issues, joins } = await file(PARSED);
    expect(said(messages)).toEqual([['70007', '七哥', 'text'], ['80008', '小八', 'text'], ['80008', '小八', 'recall'], ['70007', '七哥', 'text']]);
    expect(new Date(messages[0]!.time).toISOString()).toBe('2023-11-01T12:00:00.000Z');
    expect(messages[1]!.replyTo).toBe('7290000000000000101');
    expect(joins).toEqual([]);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['unrecognised-system-lines', 111]]);
  });

  it('times are instants: the same in every zone, only the day they fall on changes', async () => {
    const [sh, utc] = [await file(V5), await file(V5, { zone: 'UTC' })];
    expect(utc.events).toEqual(sh.events);
    expect(new Date(sh.messages[4]!.time).toISOString()).toBe('2024-03-01T17:35:00.000Z');
    const day = async (timeZone: string) => {
      const { dataset } = await ingest({ inputs: [V5], timeZone, now: Date.UTC(2026, 0, 1) });
      return dataset.messages.day[dataset.messages.time.indexOf(Date.UTC(2024, 2, 1, 17, 35))];
    };
    expect([await day('Asia/Shanghai'), await day('UTC')]).toEqual([19784, 19783]); // 2024-03-02, 2024-03-01
  });

  it('reads the time from `timestamp` (ms, seconds, ISO) or else `time` (RFC 3339, or the PC\'s wall clock in --tz)', () => {
    const at = (m: object, zone = 'Asia/Shanghai') => new Date(timeOf(shape(m, QCE_FIELDS)!, new Zone(zone))).toISOString();
    expect(at({ timestamp: 1709254800000 })).toBe('2024-03-01T01:00:00.000Z');
    expect(at({ timestamp: '1709254800' })).toBe('2024-03-01T01:00:00.000Z');
    expect(at({ timestamp: '2024-03-01T01:00:00.000Z' })).toBe('2024-03-01T01:00:00.000Z');
    expect(at({ time: '2024-03-01T01:00:00.000Z' }, 'UTC')).toBe('2024-03-01T01:00:00.000Z');
    expect(at({ time: '2024-03-01 09:00:00' })).toBe('2024-03-01T01:00:00.000Z');
    expect(at({ time: '2024-03-01 09:00:00' }, 'UTC')).toBe('2024-03-01T09:00:00.000Z');
  });

  it('words gray tips as QQ NT and QCE write them ("你" is the exporter)', () => {
    const cases: [string, unknown][] = [
      ['你邀请小李、小张加入了群聊', { kind: 'join', members: ['小李', '小张'], by: SELF, method: 'invite' }],
      ['老王邀请你加入了群聊', { kind: 'join', members: [SELF], by: '老王', method: 'invite' }],
      ['小李通过你的二维码加入了群聊', { kind: 'join', members: ['小李'], by: SELF, method: 'qr' }],
      ['你通过小李分享的二维码加入了群聊', { kind: 'join', members: [SELF], by: '小李', method: 'qr' }],
      ['你加入了群聊', { kind: 'join', members: [SELF], method: 'unknown' }],
      ['小李 撤回了一条消息（打错字了）', { kind: 'recall', member: '小李' }],
      ['老王 撤回了 小李 的消息', { kind: 'recall', member: '小李' }],
      ['小李退出了群聊', { kind: 'leave', member: '小李' }],
      ['小李被老王移出了群聊', { kind: 'remove', members: ['小李'], by: '老王' }],
      ['小李加入本群。', { kind: 'join', members: ['小李'], method: 'unknown' }],
      ['你已是群成员', null], ['小钱戳了戳王老师', null], ['群聊更新', null],
    ];
    for (const [text, fact] of cases) expect(parseQceTip(text), text).toEqual(fact);
  });

  it('reads as a stream: chunk boundaries anywhere give the same events', async () => {
    const text = new TextDecoder().decode(readFileSync(V6)).replace(/^\uFEFF/, '');
    const sliced: Source = { ...bytesSource('x.json', strToU8(text)), fileName: 'x(987654321).json', text: async function* () { for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7); } };
    expect((await read(sliced)).events).toEqual((await file(V6)).events);
  });

  it('reads the V4 chunkSize layout (chunks of one chat in one file) as one group', async () => {
    const msg = (id: string, t: number, uin: string) => ({ id, timestamp: t, sender: { uid: `u_${uin}`, uin, name: `n${uin}` }, type: 'text', content: { text: 'hi' }, recalled: false, system: false });
    const chat = { name: 'G', type: 'group' };
    const doc = { metadata: { name: 'QQChatExporter V4 / https://github.com/shuakami/qq-chat-exporter (分块 1)' }, chunkInfo: { totalChunks: 2 }, chunks: [
      { chatInfo: chat, messages: [msg('1', 1_709_000_000_000, '1001')] }, { chatInfo: chat, messages: [msg('2', 1_709_000_060_000, '1002')] },
    ] };
    const { messages } = await read(bytesSource('group_424242_20240301_000000.json', strToU8(JSON.stringify(doc))));
    expect(messages.map((m) => [m.group.id, m.id, m.senderId])).toEqual([['424242', '1', '1001'], ['424242', '2', '1002']]);
  });

  it('a member whose messages carry their QQ number, then "0" or none, stays one member (by the uid)', async () => {
    const says = (id: string, sender: object) => ({ id, timestamp: 1_709_000_000_000 + Number(id) * 60_000, sender, type: 'text', content: { text: 'hi' }, recalled: false, system: false });
    const doc = { metadata: { name: 'QQChatExporter V5' }, chatInfo: { name: 'G', type: 'group' }, messages: [
      says('1', { uid: 'u_40004', uin: '40004', name: 'Ann' }), says('2', { uid: 'u_40004', uin: '0', name: 'Ann' }), says('3', { uid: 'u_40004', name: 'Ann' }),
    ] };
    const { messages } = await read(bytesSource('group_424242_20240301_000000.json', strToU8(JSON.stringify(doc))));
    expect(messages.map((m) => m.senderId)).toEqual(['40004', '40004', '40004']);
  });

  it('without chatInfo.selfUin, "你" is the first --me name, else a member "我"', async () => {
    const tip = { id: '1', timestamp: 1_709_000_000_000, sender: { uid: '未知', uin: '0', name: '0' }, type: 'type_1', content: { text: '你邀请阿七加入了群聊' }, system: true };
    const doc = bytesSource('group_424242_20240301_000000.json', strToU8(JSON.stringify({ metadata: { name: 'QQChatExporter V5' }, chatInfo: { name: 'G', type: 'group' }, messages: [tip] })));
    expect((await read(doc, { me: ['七哥'] })).joins).toEqual([['join', '阿七', '阿七', '七哥', 'invite']]);
    expect((await read(doc)).joins).toEqual([['join', '阿七', '阿七', '我', 'invite']]);
  });

  it('a private chat is read but marked personal (left out of the report)', async () => {
    const { messages } = await file(PRIVATE);
    expect(messages.map((m) => [m.group.personal, m.group.id, m.senderId])).toEqual([[true, '20002', '10001'], [true, '20002', '20002']]);
  });

  it('bad JSON is a one-line error with the file and line', async () => {
    const broken = join(tmp, 'group_1_20240101_000000.json');
    writeFileSync(broken, readFileSync(V5, 'utf8').replace('"id":"7341000000000000004",', '"id":"7341000000000000004",,'));
    const err = await file(broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ details: { file: broken, line: 9, code: 'bad-json' } });
    expect((err as Error).message).not.toContain('\n');
  });
});

describe('qq-chat-exporter (QCE) chunked-jsonl folder', () => {
  const opts = { timeZone: 'Asia/Shanghai', now: Date.UTC(2026, 0, 1) };
  const summary = async (inputs: string[], strict = false) => {
    const { dataset, issues } = await ingest({ inputs, strict, ...opts });
    const g = dataset.groups[0]!;
    const key = (m: number | null) => (m === null ? null : dataset.members[m]!.key);
    return { id: g.id, name: g.name, messages: g.msgEnd - g.msgStart, members: g.members.map(key).sort(), joins: g.events.map((e) => [key(e.member), key(e.by), e.method]), issues };
  };

  it('the folder is one input read by the folder reader, chunks in the manifest\'s order (BOM on the first)', async () => {
    const units = await discover([CHUNKED], { onSkip: () => {} });
    expect(units.map((u) => [u.type, u.adapter.id])).toEqual([['folder', 'qq-qce-chunked']]);
    expect(await summary([CHUNKED])).toEqual({
      id: '123456789', name: '读书会3群', messages: 4, members: ['10001', '20002', '40004'],
      joins: [['40004', '10001', 'invite']], issues: [],
    });
  });

  it('the manifest given alone reads its chunks from beside it', async () => {
    const { messages } = await read(await fileSource(join(CHUNKED, 'manifest.json')), { adapter: qqQceChunked });
    expect(messages.map((m) => m.id)).toEqual(['7351000000000000001', '7351000000000000003', '7351000000000000004', '7351000000000000005']);
  });

  it('a bad line and a missing chunk are reported with the chunk and line; --strict stops at the first', async () => {
    const dir = join(tmp, 'group_123456789_20240401_090000_chunked_jsonl');
    cpSync(CHUNKED, dir, { recursive: true });
    const second = join(dir, 'chunks', 'c000002.jsonl');
    writeFileSync(second, readFileSync(second, 'utf8').replace(/\n(?=.)/, '\n{"id": broken\n'));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { chunked: { chunks: object[] } };
    manifest.chunked.chunks.push({ index: 3, fileName: 'c000003.jsonl', relativePath: 'chunks/c000003.jsonl' });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const got = await summary([dir]);
    expect(got.messages).toBe(4);
    expect(got.issues.map((i) => [i.code, i.reason.split(' (')[0]])).toEqual([
      ['bad-json-line', 'chunks/c000002.jsonl line 2: not valid JSON'],
      ['missing-chunk', 'chunks/c000003.jsonl: listed in manifest.json but not in the folder'],
    ]);
    await expect(summary([dir], true)).rejects.toMatchObject({ details: { file: dir, code: 'bad-json-line' }, message: expect.stringMatching(/^chunks\/c000002\.jsonl line 2: not valid JSON/) });
  });
});
