import { UserError } from '../../core/errors.js';
import { LIMITS, mb } from '../limits.js';
import { decodeEntities } from '../text/names.js';

/**
 * The rows of the QQ 消息管理器's HTML table, as the decoded text arrives (no DOM: a small tag
 * scanner over one `<tr>…</tr>` at a time). QQ writes a row per line:
 *
 *   <tr><td><div style=…>消息分组:我的QQ群</div></td></tr>
 *   <tr><td><div style=…>消息对象:产品交流群</div></td></tr>
 *   <tr><td style=…>日期: 2020-02-11</td></tr>
 *   <tr><td><div style=color:#006EFE;…><div style=float:left;…>地瓜(23333233)</div>4:36:46</div>
 *       <div style=padding-left:20px;><font style=… color='000000'>text<br>more</font><IMG src="{…}.dat"></div></td></tr>
 *
 * A message row's first div holds the sender in an inner div and the time after it; its second
 * div the body: text (in <font>), <br> as line breaks, <IMG> for pictures and QQ faces.
 */

export type MhtRow =
  | { kind: 'date'; date: string }
  | { kind: 'folder'; name: string }
  | { kind: 'chat'; name: string }
  | { kind: 'message'; sender: string; time: string; text: string; images: number }
  | { kind: 'bad'; reason: string }
  | { kind: 'other' };

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->|([^<]+)|</g;
const ROW_START = /<tr\b/i;

/** One row's HTML as what it says. */
export function parseRow(html: string): MhtRow {
  let depth = 0;
  let top = -1;
  let cell = '', sender = '', time = '', body = '';
  let images = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const tag = m[2]?.toLowerCase();
    if (tag === 'div') {
      if (m[1]) depth = Math.max(0, depth - 1);
      else if (++depth === 1) top++;
    } else if (tag === 'br') {
      if (top >= 1) body += '\n';
      else if (depth === 0) cell += ' ';
    } else if (tag === 'img') {
      if (top >= 1 && !m[1]) images++;
    } else if (m[3] !== undefined || m[0] === '<') {
      const raw = m[3] ?? '<';
      if (depth === 0) cell += raw;
      else if (top === 0) { if (depth >= 2) sender += raw; else time += raw; }
      else body += raw;
    }
  }
  if (top < 0) {
    const d = /^日期\s*[:：]\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(clean(cell));
    return d ? { kind: 'date', date: `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}` } : { kind: 'other' };
  }
  if (top === 0) {
    const t = clean(time + sender);
    const f = /^消息分组\s*[:：](.*)$/s.exec(t);
    if (f) return { kind: 'folder', name: f[1]!.trim() };
    const c = /^消息对象\s*[:：](.*)$/s.exec(t);
    if (c) return { kind: 'chat', name: c[1]!.trim() };
    return { kind: 'other' };
  }
  // QQ writes the ">" of an e-mail sender as "&get;" (seen by two converters).
  const who = clean(sender.replace(/&get;/g, '&gt;'));
  const when = clean(time);
  if (!who) return { kind: 'bad', reason: 'a message row without a sender' };
  if (!when) return { kind: 'bad', reason: `a message row of "${who.slice(0, 40)}" without a time` };
  const text = decodeEntities(body.replace(/\r/g, '')).replace(/\u00a0/g, ' ').replace(/^[ \t]*\n+|\s+$/g, '');
  return { kind: 'message', sender: who, time: when, text, images };
}

function clean(s: string): string {
  return decodeEntities(s.replace(/\r?\n/g, ' ')).replace(/[\u00a0\u3000]/g, ' ').trim();
}

/** Splits the decoded HTML into rows as it arrives, with the line each row starts on. */
export class RowScanner {
  /** `</html>` was seen: the table is over. */
  ended = false;
  private buf = '';
  private line = 0;

  constructor(private readonly path: string, private readonly firstLine = 1) {}

  *push(text: string): Generator<{ row: MhtRow; line: number }> {
    if (this.ended) return;
    this.buf += text;
    let from = 0;
    const rowEnd = /<\/tr\s*>/gi;
    for (let m = rowEnd.exec(this.buf); m; m = rowEnd.exec(this.buf)) {
      const end = m.index + m[0].length;
      const chunk = this.buf.slice(from, end);
      const start = chunk.search(ROW_START);
      const before = start < 0 ? chunk : chunk.slice(0, start);
      if (/<\/html\s*>/i.test(before)) { this.ended = true; return; }
      this.line += newlines(before);
      if (start >= 0) yield { row: parseRow(chunk.slice(start)), line: this.firstLine + this.line };
      this.line += newlines(start < 0 ? '' : chunk.slice(start));
      from = end;
    }
    this.buf = this.buf.slice(from);
    if (/<\/html\s*>/i.test(this.buf)) { this.ended = true; return; }
    if (this.buf.length > LIMITS.maxLineChars) {
      throw new UserError(`a table row is longer than ${mb(LIMITS.maxLineChars)} MB`, {
        file: this.path, line: this.firstLine + this.line, code: 'line-too-long',
        hint: 'is this really a QQ message manager export? a row that long is not a chat message',
        zh: `有一个表格行超过 ${mb(LIMITS.maxLineChars)} MB`, hintZh: '这真的是 QQ 消息管理器的导出吗？这么长的一行不会是聊天消息',
      });
    }
  }
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
