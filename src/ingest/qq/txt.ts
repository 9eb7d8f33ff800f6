import type { GroupInfo, IngestEvent, MessageEvent, Role } from '../../core/model.js';
import { parseRole } from '../../core/parse.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { IngestAdapter, ReadContext } from '../types.js';
import { factEvents } from '../notices/events.js';
import { placeholderKind } from '../text/placeholders.js';
import { cleanName, fileStem } from '../text/names.js';
import { lines } from '../text/lines.js';
import { parseQqSystem } from './system.js';
import { UnknownSystemLines } from '../unknown-lines.js';

/**
 * QQ 消息管理器 TXT (PC QQ ≤ 9): one file may hold many chats, each after `消息对象:<name>`.
 * Headers are `<date> <time>[ AM|PM] <name>(<QQ>)` or `<name><email>`; titles such as 【管理员】
 * prefix the name and are turned into roles. Times are local wall clock, 12-hour on English Windows
 * (`8:04:05 PM`) and Chinese Windows (`下午 8:04:05`); dates may use `/`, seconds may be missing.
 * A header follows a blank line; one that does not is still taken when it ends in a QQ number or
 * an e-mail address, which a line of text practically never does.
 */
const FILE_HEADER = '消息记录（此消息记录为文本格式，不支持重新导入）';
const HEADER = /^(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2}) (?:(?<zh>上午|下午|凌晨|中午|晚上) ?)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?: ?(?<ampm>[AP]M))? (?<name>.*?)(?:\((?<qq>\d+)\)|<(?<mail>[^>]+)>)?\s*$/i;
/** The header of a message not set off by a blank line: it must end in a QQ number or e-mail. */
const ID_END = /(?:\(\d{5,}\)|<[^<>\s]+@[^<>\s]+>)\s*$/;
const SYSTEM_IDS = new Set(['10000', '1000000']);

export function qqTxtScore(text: string): number {
  const t = text.replace(/^\uFEFF/, '');
  if (t.startsWith(FILE_HEADER)) return 0.97;
  const ls = t.split('\n', 80).map((l) => l.replace(/\r$/, ''));
  const withId = ls.filter((l) => { const g = HEADER.exec(l)?.groups; return g && (g.qq || g.mail); }).length;
  if (t.includes('消息对象:') && withId > 0) return 0.9;
  return withId >= 2 ? 0.6 : 0;
}

/** One message as the QQ 消息管理器 exports show it (the TXT and MHT readers share it). */
export interface Block { time: number; id: string; name: string; role?: Role; body: string[]; line: number }

export const qqTxt = {
  id: 'qq-txt',
  title: 'QQ 消息管理器 TXT export (many chats in one file)',
  platform: 'qq',
  capabilities: {
    identity: 'ids', joins: true, replies: false,
    note: 'QQ number (or e-mail) as id; 【群主】/【管理员】 titles as roles; joins, leaves and removals from 系统消息 lines by name; no reply links',
  },
  kind: () => 'messages',
  detect: (head) => (head.text ? qqTxtScore(head.text) : 0),
  async *read(source, ctx) {
    let group: GroupInfo = { id: fileStem(source.fileName), name: fileStem(source.fileName), platform: 'qq' };
    let block: Block | null = null;
    let prevBlank = true;
    let lineNo = 0;
    const roleSeen = new Set<string>();
    const unknown = new UnknownSystemLines();
    for await (const raw of lines(source)) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      const obj = /^消息对象:(.*)$/.exec(line);
      if (obj || /^消息分组:/.test(line) || /^={10,}$/.test(line) || (lineNo === 1 && line === FILE_HEADER)) {
        if (block) { yield* toEvents(block, group, ctx, unknown); block = null; }
        if (obj) { const name = cleanName(obj[1]!); group = { id: name, name, platform: 'qq' }; }
        prevBlank = true;
        continue;
      }
      const g = prevBlank || !block || ID_END.test(line) ? HEADER.exec(line)?.groups : undefined;
      if (g) {
        if (block) yield* toEvents(block, group, ctx, unknown);
        block = null;
        const time = parseTimestamp(`${g.y}-${g.mo}-${g.d} ${hour24(Number(g.h), g.ampm ?? g.zh)}:${g.mi}:${g.s ?? '00'}`, ctx.zone);
        if (Number.isNaN(time)) { ctx.reportIssue({ line: lineNo, reason: `unreadable time in "${line.slice(0, 40)}"`, code: 'bad-timestamp' }); }
        else {
          const { name, role } = stripTitles(g.name!);
          const id: string = g.qq ?? g.mail ?? name;
          block = { time, id, name: name || id, body: [], line: lineNo };
          if (role) {
            block.role = role;
            const key = `${group.id}\u0000${id}\u0000${role}`;
            if (!roleSeen.has(key)) { roleSeen.add(key); yield { type: 'group', group, roles: [{ memberId: id, name: block.name, role }] }; }
          }
        }
      } else if (block) {
        block.body.push(line);
      } else if (line.trim() !== '') {
        ctx.reportIssue({ line: lineNo, reason: 'text before the first message header', code: 'stray-line' });
      }
      prevBlank = line.trim() === '';
    }
    if (block) yield* toEvents(block, group, ctx, unknown);
    unknown.report(ctx);
  },
} satisfies IngestAdapter;

/** 12-hour clock to 24: AM/PM, or the Chinese day parts (上午 8 点, 下午 3 点, 中午 12 点). */
export function hour24(h: number, part: string | undefined): string {
  if (!part) return String(h);
  const p = part.toUpperCase();
  if (p === '中午') return String(h < 11 ? h + 12 : h);
  const pm = p === 'PM' || p === '下午' || p === '晚上';
  return String((h % 12) + (pm ? 12 : 0));
}

/** 【群主】【管理员】… prefixes: removed from the name; the first one that is a role gives it. */
export function stripTitles(raw: string): { name: string; role?: Role } {
  let role: Role | undefined;
  const name = raw.replace(/^(?:【([^】]*)】\s*)+/, (all) => {
    for (const t of all.matchAll(/【([^】]*)】/g)) role ??= parseRole(t[1]);
    return '';
  });
  return { name: cleanName(name), ...(role ? { role } : {}) };
}

/** Words of a 系统消息 about who is in the group: one no rule reads is worth a note. */
const MEMBERSHIP_WORDS = /加入|退出|退群|移出|踢出|邀请|入群|进群|离开|joined|left|removed|invited/i;

/** A message block as events: 系统消息 as membership facts, recalls, placeholders as kinds. */
export function toEvents(b: Block, group: GroupInfo, ctx: ReadContext, unknown: UnknownSystemLines): IngestEvent[] {
  const body = [...b.body];
  while (body.length && body[body.length - 1]!.trim() === '') body.pop();
  const text = body.join('\n');
  if (SYSTEM_IDS.has(b.id) || b.name === '系统消息') {
    const fact = parseQqSystem(text);
    // File uploads, notices and the like change no membership; a membership word we cannot read is noted.
    if (!fact && MEMBERSHIP_WORDS.test(text)) unknown.add(b.line);
    return fact ? factEvents(fact, group, b.time, { line: b.line, self: ctx.me?.[0] }) : [];
  }
  // A member's own recall is shown in their name, not the system's.
  const recall = parseQqSystem(text);
  if (recall?.kind === 'recall') return [{ type: 'message', group, time: b.time, line: b.line, senderId: b.id, senderName: b.name, kind: 'recall' }];
  if (!b.id) { ctx.reportIssue({ line: b.line, reason: 'no sender', code: 'no-sender' }); return []; }
  const kind = placeholderKind(text);
  const ev: MessageEvent = { type: 'message', group, time: b.time, line: b.line, senderId: b.id, senderName: b.name, kind: kind ?? 'text' };
  if (b.role) ev.senderRole = b.role;
  if (kind === undefined && text) ev.text = text;
  return [ev];
}
