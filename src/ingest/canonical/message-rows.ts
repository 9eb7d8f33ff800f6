import { UserError } from '../../core/errors.js';
import type { GroupInfo, IngestEvent, MessageEvent } from '../../core/model.js';
import { parseKind, parseRole } from '../../core/parse.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { RowShape } from '../csv/quotes.js';
import type { CsvRow } from '../csv/scanner.js';
import type { ReadContext, Source } from '../types.js';
import { factEvents } from '../notices/events.js';
import { parseSystemLine } from '../wechat/system.js';
import { mapColumns, MESSAGE_COLUMNS, type ColumnMap } from './headers.js';
import { cell, strayQuoteIssue, truncatedIssue } from '../csv/rows.js';
import type { Zone } from '../../core/time.js';

/** The file name without its extension: the group of a messages CSV that has no group column. */
export function groupFromFileName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

/** A messages CSV needs a time and a sender on every row: without those columns no row can be read. */
function checkMessageHeader(map: ColumnMap<keyof typeof MESSAGE_COLUMNS>, file: string): void {
  const missing = map.timestamp === undefined ? 'timestamp' : map.sender_id === undefined && map.sender_name === undefined ? 'sender' : null;
  if (missing === null) return;
  const accepted = (missing === 'timestamp' ? MESSAGE_COLUMNS.timestamp : [...MESSAGE_COLUMNS.sender_id, ...MESSAGE_COLUMNS.sender_name]).join(', ');
  throw new UserError(`no ${missing === 'timestamp' ? 'timestamp' : 'sender id or sender name'} column in the header`, {
    file, line: 1, code: 'missing-column', hint: `accepted headers: ${accepted}`,
    zh: `表头中没有${missing === 'timestamp' ? '时间' : '发送者 ID 或发送者昵称'}列`, hintZh: `可用的表头：${accepted}`,
  });
}

/** A messages row has a readable time: a line inside a quoted cell that has one is a row of its own. */
export function messageShape(header: string[], zone: Zone): RowShape | null {
  const key = mapColumns(header, MESSAGE_COLUMNS).map.timestamp;
  return key === undefined ? null : { columns: header.length, key, keyOk: (c) => !Number.isNaN(parseTimestamp(c, zone)) };
}

/**
 * The general reading of a messages CSV's rows, any shape: events go to `out`. Shared by
 * `readBatches` and by the fast reader (`readInto`), which leaves it the rows it does not take.
 */
export class MessageRows {
  map: ColumnMap<keyof typeof MESSAGE_COLUMNS> = {};
  /** What a row looks like, once the header is read (for quotes that would swallow rows). */
  shape: RowShape | null = null;
  /** Groups by id: one object per group, shared by all its events (the builder relies on it). */
  readonly groups = new Map<string, GroupInfo>();
  readonly fallbackGroup: string;
  constructor(source: Source, private readonly ctx: ReadContext) {
    this.fallbackGroup = groupFromFileName(source.fileName);
  }

  header(header: string[]): void {
    const mapped = mapColumns(header, MESSAGE_COLUMNS);
    this.map = mapped.map;
    this.shape = messageShape(header, this.ctx.zone);
    for (const d of mapped.duplicates) this.ctx.reportIssue({ line: 1, reason: `column "${d}" appears twice; the first is used`, code: 'duplicate-column', counts: false });
    checkMessageHeader(this.map, this.ctx.path);
  }

  group(groupId: string, name: string | undefined): GroupInfo {
    let group = this.groups.get(groupId);
    if (!group) {
      group = { id: groupId, name: name ?? groupId, platform: 'csv' };
      this.groups.set(groupId, group);
    }
    return group;
  }

  row(row: CsvRow, out: IngestEvent[]): void {
    const { map, ctx } = this;
    const f = row.fields;
    if (row.strayQuote) ctx.reportIssue(strayQuoteIssue(row.strayQuote));
    if (row.truncated) { ctx.reportIssue(truncatedIssue(row)); return; }
    const rawTime = cell(f, map.timestamp);
    const time = rawTime === undefined ? NaN : parseTimestamp(rawTime, ctx.zone);
    if (Number.isNaN(time)) { ctx.reportIssue({ line: row.line, reason: rawTime === undefined ? 'no timestamp' : `unreadable timestamp "${rawTime.slice(0, 40)}"`, code: 'bad-timestamp' }); return; }
    const group = this.group(cell(f, map.group_id) ?? cell(f, map.group_name) ?? this.fallbackGroup, cell(f, map.group_name));
    const kind = parseKind(cell(f, map.type));
    const text = map.text === undefined ? undefined : f[map.text];
    const id = cell(f, map.message_id);
    const senderId = cell(f, map.sender_id) ?? cell(f, map.sender_name);
    // System rows ("X"邀请"Y"加入了群聊, "Y" joined via the QR code shared by "X", leaves,
    // removals, recalls) carry the roster's history: read them as membership events.
    if ((kind === 'system' || senderId === undefined) && text) {
      const fact = parseSystemLine(text.trim());
      if (fact) { out.push(...factEvents(fact, group, time, id === undefined ? { line: row.line } : { id, line: row.line })); return; }
      if (senderId === undefined && kind === 'system') return; // a notice about nobody (pats, tips)
    }
    if (senderId === undefined) { ctx.reportIssue({ line: row.line, reason: 'no sender', code: 'no-sender' }); return; }
    const ev: MessageEvent = { type: 'message', group, time, senderId, senderName: cell(f, map.sender_name), kind, line: row.line };
    if (id !== undefined) ev.id = id;
    if (text) ev.text = text;
    const reply = cell(f, map.reply_to); if (reply !== undefined) ev.replyTo = reply;
    const role = parseRole(cell(f, map.role)); if (role) ev.senderRole = role;
    out.push(ev);
  }
}

