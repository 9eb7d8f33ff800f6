import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectedAs } from '../helpers/read.js';
import { describe, expect, it } from 'vitest';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { bytesSource, fileSource } from '../../src/ingest/source.js';
import type { IngestAdapter, Source } from '../../src/ingest/types.js';
import { chatlabJson, chatlabJsonl } from '../../src/ingest/wechat/chatlab-json.js';
import { wechatWeflowJson } from '../../src/ingest/wechat/weflow-json.js';

const WEFLOW = 'fixtures/wechat-weflow-json/basic/技术交流群.json';
const CHATLAB = 'fixtures/wechat-chatlab-json/basic/技术交流群.chatlab.json';
const JSONL = 'fixtures/wechat-chatlab-jsonl/basic/技术交流群.jsonl';

async function run(adapter: IngestAdapter, path: string, source?: Source) {
  const issues: { reason: string; line?: number }[] = [];
  const ctx = { path, zone: new Zone('Asia/Shanghai'), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  const events: IngestEvent[] = [];
  for await (const ev of adapter.read(source ?? await fileSource(path), ctx)) events.push(ev);
  return {
    events, issues,
    messages: events.filter((e): e is MessageEvent => e.type === 'message'),
    joins: events.filter((e): e is MembershipEvent => e.type === 'membership'),
  };
}

describe('WeChat WeFlow / EchoTrace JSON', () => {
  it('is detected as itself', async () => {
    expect(await detectedAs(WEFLOW)).toBe('wechat-weflow-json');
  });

  it('reads wxids, the chatroom id, kinds from labels, joins from notices', async () => {
    const { messages, joins, issues } = await run(wechatWeflowJson, WEFLOW);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatchObject({ id: '2', senderId: 'wxid_alice', senderName: '爱丽丝', kind: 'text', text: '今天开会吗？' });
    expect(messages[0]!.group).toMatchObject({ id: '12345678@chatroom', name: '技术交流群' });
    expect(new Date(messages[0]!.time).toISOString()).toBe('2024-01-02T05:01:00.000Z');
    expect(messages.map((m) => m.kind)).toEqual(['text', 'image', 'text', 'link']);
    expect(messages[3]!.text).toBeUndefined(); // XML card content is not text
    expect(joins.map((e) => [e.memberId, e.by, e.method])).toEqual([
      ['Bob', '爱丽丝', 'invite'], ['Carol', '爱丽丝', 'invite'], ['Dave', '我自己', 'qr'],
    ]);
    expect(issues).toHaveLength(1); // the message without a time
  });

  it('reads an EchoTrace file (no weflow object) too', async () => {
    const doc = { session: { wxid: '1@chatroom', displayName: 'G' }, messages: [{ localId: 1, createTime: 1704171600, type: '文本消息', content: 'hi', isSend: 0, senderUsername: 'wxid_a', senderDisplayName: 'A' }] };
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    const { messages } = await run(wechatWeflowJson, 'echo.json', bytesSource('echo.json', bytes));
    expect(messages).toMatchObject([{ senderId: 'wxid_a', text: 'hi', group: { id: '1@chatroom' } }]);
  });

  it('detects an EchoTrace file that opens with an avatars map larger than 4 KB', async () => {
    const doc = JSON.parse(await readFile(WEFLOW, 'utf8')) as Record<string, unknown>;
    const avatars = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`wxid_${i}`, `data:image/png;base64,${'A'.repeat(1200)}`]));
    const path = join(mkdtempSync(join(tmpdir(), 'ca-wf-')), '技术交流群.json');
    writeFileSync(path, JSON.stringify({ avatars, session: doc.session, messages: doc.messages }, null, 2));
    expect(await detectedAs(path)).toBe('wechat-weflow-json');
    expect((await run(wechatWeflowJson, path)).messages).toHaveLength(4);
  });

  it('reads createTime in epoch milliseconds as well as seconds', async () => {
    const doc = JSON.parse(await readFile(WEFLOW, 'utf8')) as { messages: { createTime?: number }[] };
    for (const m of doc.messages) if (m.createTime !== undefined) m.createTime *= 1000;
    const { messages, joins } = await run(wechatWeflowJson, 'ms.json', bytesSource('ms.json', new TextEncoder().encode(JSON.stringify(doc))));
    expect(messages).toHaveLength(4);
    expect(new Date(messages[0]!.time).toISOString()).toBe('2024-01-02T05:01:00.000Z');
    expect(joins.map((e) => [e.memberId, e.by, e.method])).toEqual([
      ['Bob', '爱丽丝', 'invite'], ['Carol', '爱丽丝', 'invite'], ['Dave', '我自己', 'qr'],
    ]);
  });
});

describe('WeFlow arkme-json and one-to-one sessions', () => {
  const ARKME = 'fixtures/wechat-weflow-json/arkme/读书会.json';

  it('reads senders through the senders table (group card first), the exporter from isSend: true', async () => {
    expect(await detectedAs(ARKME)).toBe('wechat-weflow-json');
    const { messages, joins, issues } = await run(wechatWeflowJson, ARKME);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.senderName, m.kind, m.text, m.fromSelf === true])).toEqual([
      ['wxid_me', '群主-老周', 'text', '这周读哪本？', true], ['wxid_li', '小李', 'text', '《乌合之众》', false],
      ['wxid_zhao', '赵', 'image', undefined, false],
    ]);
    expect(messages[0]!.group).toMatchObject({ id: '55667788@chatroom', name: '读书会' });
    expect(messages[0]!.group.personal).toBeUndefined();
    expect(joins.map((e) => [e.memberId, e.by])).toEqual([['赵', '小李']]);
  });

  it('a private session (type 私聊, isGroup false, or a wxid that is no chatroom) is personal', async () => {
    const doc = JSON.parse(await readFile(ARKME, 'utf8')) as { session: Record<string, unknown> };
    for (const session of [{ wxid: 'wxid_li', type: '私聊' }, { wxid: 'x@chatroom', isGroup: false }, { wxid: 'wxid_li' }]) {
      doc.session = session;
      const { messages } = await run(wechatWeflowJson, 'p.json', bytesSource('p.json', new TextEncoder().encode(JSON.stringify(doc))));
      expect(messages[0]!.group.personal).toBe(true);
    }
  });
});

describe('ChatLab JSON and JSONL', () => {
  it('are detected as themselves', async () => {
    expect(await detectedAs(CHATLAB)).toBe('chatlab-json');
    expect(await detectedAs(JSONL)).toBe('chatlab-jsonl');
  });

  for (const [adapter, path] of [[chatlabJson, CHATLAB], [chatlabJsonl, JSONL]] as const) {
    it(`${adapter.id}: ids, replies, roles, system joins, recalls`, async () => {
      const { events, messages, joins, issues } = await run(adapter, path);
      expect(events[0]).toMatchObject({ type: 'group', roles: [{ memberId: 'wxid_alice', role: 'owner' }, { memberId: 'wxid_bob', role: 'admin' }] });
      expect(messages).toHaveLength(4);
      expect(messages[0]!.group).toMatchObject({ id: '12345678@chatroom', name: '技术交流群', platform: 'wechat' });
      expect(messages[1]).toMatchObject({ id: 'm2', senderId: 'wxid_bob', replyTo: 'm1', text: '收到' });
      expect(new Date(messages[0]!.time).toISOString()).toBe('2024-01-02T05:00:00.000Z');
      expect(messages[2]).toMatchObject({ kind: 'image' });
      expect(messages[2]!.text).toBeUndefined();
      expect(messages[3]).toMatchObject({ kind: 'recall', senderId: 'wxid_bob' });
      expect(joins.map((e) => [e.memberId, e.by])).toEqual([['Carol', '爱丽丝'], ['Dave', '爱丽丝']]);
      // The JSONL fixture ends with a broken line: reported, not thrown.
      expect(issues).toHaveLength(adapter === chatlabJsonl ? 1 : 0);
    });
  }
});

describe('ChatLab JSONL lines of an unknown type', () => {
  it('are reported with the type as the file has it, never thrown (even a type no String() can print)', async () => {
    const lines = ['{"_type":"header","chatlab":{"version":"1"},"meta":{"name":"g"}}', '{"_type":"note"}', '{"_type":{"toString":false}}', '{"_type":[1,2]}'];
    const { issues } = await run(chatlabJsonl, 'g.jsonl', bytesSource('g.jsonl', Buffer.from(lines.join('\n'))));
    expect(issues.map((i) => i.reason)).toEqual(['unknown record type "note"', 'unknown record type "{"toString":false}"', 'unknown record type "[1,2]"']);
  });
});
