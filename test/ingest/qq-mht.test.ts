import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.js';
import type { GroupMetaEvent, IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { qqMht } from '../../src/ingest/qq/mht.js';
import { MhtHtml } from '../../src/ingest/qq/mht-mime.js';
import { parseRow } from '../../src/ingest/qq/mht-rows.js';
import { bytesSource, fileSource } from '../../src/ingest/source.js';
import type { Source } from '../../src/ingest/types.js';
import { detectedAs } from '../helpers/read.js';

const QP = 'fixtures/qq-mht/utf8-qp/全部消息记录.mht';
const RAW = 'fixtures/qq-mht/utf8-7bit/产品交流群.mht';
const GB = 'fixtures/qq-mht/gb18030-base64/聊天记录.mht';

async function run(path: string, source?: Source) {
  const issues: { reason: string; code?: string; line?: number }[] = [];
  const ctx = { path, zone: new Zone('Asia/Shanghai'), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  const events: IngestEvent[] = [];
  for await (const ev of qqMht.read(source ?? await fileSource(path), ctx)) events.push(ev);
  return {
    issues,
    messages: events.filter((e): e is MessageEvent => e.type === 'message'),
    members: events.filter((e): e is MembershipEvent => e.type === 'membership'),
    roles: events.filter((e): e is GroupMetaEvent => e.type === 'group').flatMap((e) => e.roles ?? []),
  };
}
const iso = (t: number) => new Date(t).toISOString();

const BOUND = '----=_NextPart_TEST';
const HEADER = `From: <Save by Tencent MsgMgr>\r\nSubject: Tencent IM Message\r\nMIME-Version: 1.0\r\nContent-Type:multipart/related;\r\n\tcharset="utf-8"\r\n\ttype="text/html";\r\n\tboundary="${BOUND}"\r\n\r\n`;
const ROW = (sender: string, time: string, body: string) => `<tr><td><div style=color:#006EFE;padding-left:10px;><div style=float:left;margin-right:6px;>${sender}</div>${time}</div><div style=padding-left:20px;>${body}</div></td></tr>`;
const HTML = (rows: string[]) => [
  '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>QQ Message</title></head><body><table width=100% cellspacing=0><tr><td><div style=padding-left:10px;>消息分组:我的QQ群</div></td></tr><tr><td><div style=padding-left:10px;>消息对象:测试群</div></td></tr><tr><td style=color:#3568BB;>日期: 2021-03-04</td></tr>',
  ...rows, '</table></body></html>'].join('\r\n');
const mht = (rows: string[], after = '') => `${HEADER}--${BOUND}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding:7bit\r\n\r\n${HTML(rows)}\r\n${after}`;
const fromText = (text: string | Uint8Array) => run('t.mht', bytesSource('t.mht', typeof text === 'string' ? new TextEncoder().encode(text) : text));

describe('QQ 消息管理器 MHT', () => {
  it('is detected as itself (quoted-printable, 7bit and base64 GB18030)', async () => {
    expect(await detectedAs(QP)).toBe('qq-mht');
    expect(await detectedAs(RAW)).toBe('qq-mht');
    expect(await detectedAs(GB)).toBe('qq-mht');
  });

  it('reads two chats of one quoted-printable UTF-8 file: ids, names, kinds, text, local times', async () => {
    const { messages, issues, roles } = await run(QP);
    expect(messages.map((m) => [m.group.id, m.senderId, m.senderName, m.kind, iso(m.time)])).toEqual([
      ['产品交流群', '23333233', '地瓜', 'text', '2020-02-11T01:01:05.000Z'],
      ['产品交流群', '10001', 'Alice', 'image', '2020-02-11T01:03:00.000Z'],
      ['产品交流群', 'bob@example.com', 'Bob', 'text', '2020-02-11T15:59:59.000Z'],
      ['产品交流群', '10002', 'Carol', 'text', '2020-02-11T16:00:01.000Z'],
      ['闲聊群', '23333233', '地瓜', 'text', '2020-02-12T13:00:00.000Z'],
    ]);
    expect(messages[0]!.text).toBe('大家好\n第二行 & 更多');
    expect(messages[0]!.senderRole).toBe('owner');
    expect(messages[2]!.text).toBe('@地瓜 收到 <b>');
    expect(messages[3]!.text).toBe('新人报到');
    expect(roles).toEqual([{ memberId: '23333233', name: '地瓜', role: 'owner' }]);
    // One notice in a wording no rule reads (a membership word): noted, not skipped.
    expect(issues.map((i) => i.code)).toEqual(['unrecognised-system-lines']);
  });

  it('turns 系统消息(10000) notices into joins (with inviter or QR sharer) and leaves', async () => {
    const { members } = await run(QP);
    expect(members.map((e) => [e.group.id, e.action, e.memberId, e.by ?? null, e.method ?? null, iso(e.time)])).toEqual([
      ['产品交流群', 'join', 'Carol', '地瓜', 'invite', '2020-02-11T01:02:00.000Z'],
      ['产品交流群', 'join', 'Dave', '地瓜', 'qr', '2020-02-11T16:05:00.000Z'],
      ['闲聊群', 'leave', 'Eve', null, null, '2020-02-12T13:01:00.000Z'],
    ]);
  });

  it('reads the 7bit layout QQ itself writes the same way', async () => {
    const qp = await run(QP);
    const raw = await run(RAW);
    expect(raw.messages.map((m) => [m.group.id, m.senderId, m.kind, m.text, m.time, m.line])).toEqual(qp.messages.map((m) => [m.group.id, m.senderId, m.kind, m.text, m.time, m.line]));
    expect(raw.members).toEqual(qp.members);
    // Rows are lines in the 7bit file: the line is the file's.
    expect(raw.messages[0]!.line).toBe(15);
  });

  it('reads base64 GB18030 with English-Windows 12-hour times and several invitees', async () => {
    const { messages, members, issues, roles } = await run(GB);
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.group.id, m.senderId, m.senderName, m.kind, m.text ?? null, iso(m.time)])).toEqual([
      ['你好群', '12345678', '你好', 'text', '你好\n𠀀 在吗', '2020-01-02T07:04:05.000Z'],
      ['你好群', '87654321', '小明', 'text', '早', '2020-01-02T16:30:00.000Z'],
      ['你好群', '11112222', '小红', 'sticker', null, '2020-01-03T04:16:00.000Z'],
      ['你好群', '33334444', '小刚', 'image', null, '2020-01-03T04:17:00.000Z'],
    ]);
    expect(members.map((e) => [e.action, e.memberId, e.by, e.method])).toEqual([
      ['join', '小红', '小明', 'invite'], ['join', '小刚', '小明', 'invite'],
    ]);
    expect(roles).toEqual([{ memberId: '11112222', name: '小红', role: 'admin' }]);
  });

  it('never decodes the parts after the HTML: a huge broken picture part is not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mht-'));
    try {
      const path = join(dir, 'big.mht');
      const head = mht([ROW('地瓜(23333233)', '8:00:00', '<font color=\'000000\'>早</font>')]);
      const junk = Buffer.alloc(24 << 20, 0x21); // 24 MB of "!": no base64, no line end
      writeFileSync(path, Buffer.concat([Buffer.from(`${head}--${BOUND}\r\nContent-Type:image/jpeg\r\nContent-Transfer-Encoding:base64\r\nContent-Location:{X}.dat\r\n\r\n`), junk]));
      const source = await fileSource(path);
      let read = 0;
      source.onBytes = (n) => { read = n; };
      const { messages, issues } = await run(path, source);
      expect(issues).toEqual([]);
      expect(messages.map((m) => [m.senderId, m.text, iso(m.time)])).toEqual([['23333233', '早', '2021-03-04T00:00:00.000Z']]);
      expect(read).toBeLessThanOrEqual(1 << 17);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at </html> even without a closing boundary, and skips parts before the HTML', async () => {
    const before = `--${BOUND}\r\nContent-Type:image/png\r\nContent-Transfer-Encoding:base64\r\nContent-Location:{A}.dat\r\n\r\n${'QUJD'.repeat(500)}\r\n\r\n`;
    const text = `${HEADER}${before}--${BOUND}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding:7bit\r\n\r\n${HTML([ROW('A(1)', '1:02:03', 'x')])}\r\n${'@'.repeat(1 << 20)}`;
    const { messages } = await fromText(text);
    expect(messages.map((m) => [m.senderId, m.text, iso(m.time)])).toEqual([['1', 'x', '2021-03-03T17:02:03.000Z']]);
  });

  it('reports a file cut off inside its HTML part (no </html>, no closing boundary); a complete one is not', async () => {
    const whole = mht([ROW('A(1)', '1:02:03', 'x'), ROW('B(2)', '1:03:03', 'y'), ROW('C(3)', '1:04:03', 'z')]);
    const cut = whole.slice(0, whole.indexOf('C(3)'));
    const { messages, issues } = await fromText(cut);
    expect(messages.map((m) => m.senderId)).toEqual(['1', '2']);
    expect(issues).toEqual([expect.objectContaining({ code: 'truncated' })]);
    expect((await fromText(whole)).issues).toEqual([]);
  });

  it('reports rows it cannot read with their line, and a message before any date', async () => {
    const text = mht([ROW('A(1)', 'soon', 'x'), ROW('', '1:00:00', 'y'), ROW('B(2)', '2:00:00', 'ok')]);
    const { messages, issues } = await fromText(text);
    expect(messages.map((m) => m.senderId)).toEqual(['2']);
    expect(issues.map((i) => [i.code, i.line])).toEqual([['bad-timestamp', 14], ['bad-row', 15]]);
    const noDate = `${HEADER}--${BOUND}\r\nContent-Type: text/html\r\n\r\n<html><body><table><tr><td><div>消息对象:X</div></td></tr>\r\n${ROW('A(1)', '1:00:00', 'x')}\r\n</table></body></html>\r\n`;
    const r = await fromText(noDate);
    expect(r.messages).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['bad-timestamp']);
  });

  it('fails with a clear UserError on what is no MHT export', async () => {
    for (const bad of ['just text\n', '', 'From: x\r\nContent-Type: multipart/related\r\n\r\nbody', `${HEADER}--${BOUND}\r\nContent-Type:image/png\r\n\r\nAAAA\r\n--${BOUND}--\r\n`]) {
      const err = await fromText(bad).then(() => null, (e: unknown) => e);
      expect(isUserError(err), JSON.stringify(bad)).toBe(true);
    }
  });

  it('decodes quoted-printable and base64 split anywhere between chunks', () => {
    const html = '<tr><td><div><div>张三(1)</div>1:00:00</div><div><font>多行<br>文本 = 等号</font></div></td></tr>';
    const qp = `${HEADER}--${BOUND}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qpEncode(html)}\r\n--${BOUND}--\r\n`;
    const b64 = `${HEADER}--${BOUND}\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(new Uint8Array(gbk(html))).toString('base64').replace(/.{1,40}/g, '$&\r\n')}--${BOUND}--\r\n`;
    for (const [file, bytes] of [['qp', new TextEncoder().encode(qp)], ['b64', new TextEncoder().encode(b64)]] as const) {
      for (const step of [1, 3, 7, 64]) {
        const m = new MhtHtml(file);
        let out = '';
        for (let i = 0; i < bytes.length && !m.done; i += step) out += m.push(bytes.subarray(i, i + step));
        out += m.end();
        expect(out.trim(), `${file} step ${step}`).toBe(html);
      }
    }
  });

  it('parses a row: sender with e-mail (QQ writes "&get;"), 12-hour time, pictures', () => {
    expect(parseRow('<tr><td><div style=color:#42B475;><div style=float:left;>大魔头&lt;a@b.com&get;</div>4:36:46&nbsp;PM</div><div><IMG src="{1}.dat"></div></td></tr>'))
      .toEqual({ kind: 'message', sender: '大魔头<a@b.com>', time: '4:36:46 PM', text: '', images: 1 });
    expect(parseRow('<tr><td style=x>日期: 2012/4/11</td></tr>')).toEqual({ kind: 'date', date: '2012-04-11' });
  });
});


function qpEncode(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let out = '', line = '';
  for (const b of bytes) {
    const c = b === 61 || b > 126 || b < 32 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
    if (line.length + c.length > 75) { out += `${line}=\r\n`; line = ''; }
    line += c;
  }
  return out + line;
}

function gbk(s: string): number[] {
  // GB18030 bytes of the few Han characters used above, ASCII as is.
  const table: Record<string, number[]> = { 张: [0xd5, 0xc5], 三: [0xc8, 0xfd], 多: [0xb6, 0xe0], 行: [0xd0, 0xd0], 文: [0xce, 0xc4], 本: [0xb1, 0xbe], 等: [0xb5, 0xc8], 号: [0xba, 0xc5] };
  return [...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]);
}
