import type { GroupInfo, IngestEvent, MessageEvent } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { IngestAdapter } from '../types.js';
import { factEvents } from '../notices/events.js';
import { placeholderKind } from '../text/placeholders.js';
import { parseSystemLine } from './system.js';
import { cleanName, fileStem } from '../text/names.js';
import { lines } from '../text/lines.js';

/**
 * 留痕/MemoTrace (WeChatMsg) TXT: blocks of `<time> <name>` then the content, a blank line between.
 * Older versions write `<name> <time>`; a file keeps the order of its first header. A system notice
 * is `<time> <text>` on one line with no content after it; a header of a member's name with no
 * content (a message the exporter could not render) is an empty message; WeChatMsg 2.x writes a
 * notice as its time alone with the text on the next line. No ids anywhere: members are keyed by
 * display name, and quotes (`引用:name:text`, 2.x `引用：name: text`) cannot be linked to a message.
 */
const HEADER = /^(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}) (.+)$/;
const NAME_FIRST = /^(.+?) (\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2})$/;
// WeChatMsg 2.x (wxManager) writes a system notice as its time alone, the text on the next line.
const TIME_ONLY = /^(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2})$/;
// QQ's export has the same header shape but ends in a QQ number or an e-mail in brackets.
const QQ_TAIL = /(\(\d{5,}\)|<[^>]+>)$/;

type Order = 'time' | 'name';

/** A header line as its time and the rest (name or notice), in the order given or either. */
function header(line: string, order: Order | null): { order: Order; time: string; rest: string } | null {
  if (order !== 'name') { const m = HEADER.exec(line); if (m) return { order: 'time', time: m[1]!, rest: m[2]! }; }
  if (order !== 'time') { const m = NAME_FIRST.exec(line); if (m && !HEADER.test(line)) return { order: 'name', time: m[2]!, rest: m[1]! }; }
  return null;
}

export function memotraceTxtScore(text: string): number {
  const ls = text.split('\n', 60).map((l) => l.replace(/\r$/, ''));
  const first = ls.find((l) => l.trim() !== '');
  if (!first || text.includes('消息对象:')) return 0;
  // WeChatMsg 2.x may open with a notice: its time alone on the first line.
  if (TIME_ONLY.test(first)) return ls.some((l) => HEADER.test(l) && !QQ_TAIL.test(l)) ? 0.65 : 0;
  if (!HEADER.test(first)) {
    // Name first: two headers at least, each after a blank line (or at the top).
    const names = ls.filter((l, i) => NAME_FIRST.test(l) && (i === 0 || ls[i - 1]!.trim() === '')).length;
    return NAME_FIRST.test(first) && names >= 2 ? 0.6 : 0;
  }
  const headers = ls.filter((l) => HEADER.test(l));
  const qq = headers.filter((l) => QQ_TAIL.test(l)).length;
  if (qq * 2 >= headers.length) return 0.2;
  return 0.65;
}

interface Pending { time: number; rest: string; line: number }
interface Block { time: number; name: string; body: string[]; line: number }

export const wechatMemotraceTxt = {
  id: 'wechat-memotrace-txt',
  title: 'WeChat 留痕/MemoTrace (WeChatMsg) TXT',
  platform: 'wechat',
  capabilities: {
    identity: 'names', joins: true, replies: false,
    note: 'display names only (no wxid); joins with inviters from system lines; quotes cannot be linked; group = file name',
  },
  kind: () => 'messages',
  detect: (head) => (head.text ? memotraceTxtScore(head.text) : 0),
  async *read(source, ctx) {
    const stem = fileStem(source.fileName);
    const group: GroupInfo = { id: stem, name: stem, platform: 'wechat' };
    let pending: Pending | null = null;
    let block: Block | null = null;
    let prevBlank = true;
    let lineNo = 0;
    let order: Order | null = null;
    // Senders seen, and lines that are neither a notice we know nor a known sender (yet).
    const senders = new Set<string>();
    const unknown: Pending[] = [];
    const empty = (p: Pending): MessageEvent => toMessage({ time: p.time, name: p.rest, body: [], line: p.line }, group);
    const settle = (p: Pending): IngestEvent[] => {
      const fact = parseSystemLine(p.rest);
      if (fact) return factEvents(fact, group, p.time, { line: p.line, self: ctx.me?.[0] });
      if (senders.has(cleanName(p.rest))) return [empty(p)];
      unknown.push(p);
      return [];
    };
    let notice: { time: number; line: number } | null = null;
    for await (const line of lines(source)) {
      lineNo++;
      if (notice) {
        if (line.trim() === '') continue;
        const at = notice;
        notice = null;
        // A notice with no text: the line is the next header, read as such below.
        if (!TIME_ONLY.test(line) && !header(line, order)) {
          const fact = parseSystemLine(line);
          if (fact) yield* factEvents(fact, group, at.time, { line: at.line, self: ctx.me?.[0] });
          prevBlank = false;
          continue;
        }
        prevBlank = true;
      }
      const alone = (prevBlank || pending || !block) ? TIME_ONLY.exec(line) : null;
      const noticeTime = alone ? parseTimestamp(alone[1]!, ctx.zone) : NaN;
      if (!Number.isNaN(noticeTime)) {
        if (pending) yield* settle(pending);
        if (block) yield toMessage(block, group);
        block = null; pending = null;
        notice = { time: noticeTime, line: lineNo };
        continue;
      }
      const m = header(line, order);
      // A header only after a blank line or another header: content lines may start with a date.
      const time = m ? parseTimestamp(m.time, ctx.zone) : NaN;
      if (m && Number.isNaN(time)) ctx.reportIssue({ line: lineNo, reason: `impossible date in "${line.slice(0, 40)}"`, code: 'bad-timestamp' });
      if (m && !Number.isNaN(time) && (prevBlank || pending || !block)) {
        order ??= m.order;
        if (pending) yield* settle(pending);
        if (block) yield toMessage(block, group);
        block = null;
        pending = { time, rest: m.rest, line: lineNo };
        // A line that reads as a notice is one even when a content line follows by mistake.
        if (parseSystemLine(m.rest)) { yield* settle(pending); pending = null; }
      } else if (pending) {
        if (line.trim() === '') { yield* settle(pending); pending = null; }
        else {
          block = { time: pending.time, name: pending.rest, body: [line], line: pending.line };
          senders.add(cleanName(pending.rest));
          pending = null;
        }
      } else if (block) {
        block.body.push(line);
      } else if (line.trim() !== '') {
        ctx.reportIssue({ line: lineNo, reason: 'text before the first message header', code: 'stray-line' });
      }
      prevBlank = line.trim() === '';
    }
    if (pending) yield* settle(pending);
    if (block) yield toMessage(block, group);
    // A sender's header with no content before their first message with some, or the header of a
    // sender with no other message, when it reads as a name: an empty message too. Other lines are
    // notices that say nothing about members (pats, tips).
    for (const p of unknown) if (senders.has(cleanName(p.rest)) || looksLikeName(p.rest)) yield empty(p);
  },
} satisfies IngestAdapter;

/**
 * A header's rest that is a name rather than a notice we do not know: short, without the quotes
 * and sentence punctuation of notices, and without their words. When in doubt it is a notice: a
 * notice taken for a name would add a member who is not one.
 */
const NOTICE_WORDS = /拍了拍|红包|转账|邀请|加入|移出|撤回|修改|群聊|群主|群公告|朋友|验证|二维码|开启|关闭|以上|现在|你已|已经|消息|通话|语音|视频|invited|joined|removed|recalled|changed|group|message|friend|you /i;
export function looksLikeName(rest: string): boolean {
  const s = rest.trim();
  return s.length > 0 && [...s].length <= 20 && !/["“”「」『』，。！？；：,!?;:]/.test(s) && !NOTICE_WORDS.test(s);
}

function toMessage(b: Block, group: GroupInfo): MessageEvent {
  const body = [...b.body];
  while (body.length && body[body.length - 1]!.trim() === '') body.pop();
  // A quote reply ends with "引用:<name>:<quoted text>"; the quoted text is not this message's.
  const quote = body.findIndex((l) => /^引用[:：]/.test(l));
  if (quote > 0) body.length = quote;
  const text = body.join('\n');
  const name = cleanName(b.name);
  const kind = placeholderKind(text);
  const ev: MessageEvent = { type: 'message', group, time: b.time, line: b.line, senderId: name, senderName: name, kind: kind ?? 'text' };
  if (kind === undefined && text) ev.text = text;
  return ev;
}
