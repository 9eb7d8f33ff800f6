import type { IngestEvent, MessageEvent } from '../../core/model.js';
import { parseKind, parseRole } from '../../core/parse.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { IngestAdapter, ReadContext, Source } from '../types.js';
import { factEvents } from '../wechat/events.js';
import { parseSystemLine } from '../wechat/system.js';
import { classifyHeader, headerFields, mapColumns, MESSAGE_COLUMNS } from './headers.js';
import type { CsvRow } from '../csv/scanner.js';
import { cell, csvRowBatches, sniffDelimiter } from './rows.js';

/** The file name without its extension: the group of a messages CSV that has no group column. */
export function groupFromFileName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

/** A decoded chunk's rows at a time, as events (the adapter's `readBatches`). */
async function* readMessageBatches(source: Source, ctx: ReadContext): AsyncGenerator<IngestEvent[]> {
  let map: ReturnType<typeof mapColumns<keyof typeof MESSAGE_COLUMNS>>['map'] = {};
  const fallbackGroup = groupFromFileName(source.fileName);
  const groups = new Map<string, MessageEvent['group']>();
  // Rows are handled a decoded chunk at a time: events go to `out`, handed over after each batch.
  let out: IngestEvent[] = [];
  const onRow = (row: CsvRow): void => {
    const f = row.fields;
    if (row.truncated) { ctx.reportIssue({ line: row.line, reason: 'the file ends inside a quoted field (truncated?)', code: 'truncated' }); return; }
    const rawTime = cell(f, map.timestamp);
    const time = rawTime === undefined ? NaN : parseTimestamp(rawTime, ctx.zone);
    if (Number.isNaN(time)) { ctx.reportIssue({ line: row.line, reason: rawTime === undefined ? 'no timestamp' : `unreadable timestamp "${rawTime.slice(0, 40)}"`, code: 'bad-timestamp' }); return; }
    const groupId = cell(f, map.group_id) ?? cell(f, map.group_name) ?? fallbackGroup;
    let group = groups.get(groupId);
    if (!group) {
      group = { id: groupId, name: cell(f, map.group_name) ?? groupId, platform: 'csv' };
      groups.set(groupId, group);
    }
    const kind = parseKind(cell(f, map.type));
    const text = map.text === undefined ? undefined : f[map.text];
    const id = cell(f, map.message_id);
    const senderId = cell(f, map.sender_id) ?? cell(f, map.sender_name);
    // System rows ("X"邀请"Y"加入了群聊, "Y" joined via the QR code shared by "X", leaves,
    // removals, recalls) carry the roster's history: read them as membership events.
    if ((kind === 'system' || senderId === undefined) && text) {
      const fact = parseSystemLine(text.trim());
      if (fact) { out.push(...factEvents(fact, group, time, id === undefined ? {} : { id })); return; }
      if (senderId === undefined && kind === 'system') return; // a notice about nobody (pats, tips)
    }
    if (senderId === undefined) { ctx.reportIssue({ line: row.line, reason: 'no sender', code: 'no-sender' }); return; }
    const ev: MessageEvent = { type: 'message', group, time, senderId, senderName: cell(f, map.sender_name), kind };
    if (id !== undefined) ev.id = id;
    if (text) ev.text = text;
    const reply = cell(f, map.reply_to); if (reply !== undefined) ev.replyTo = reply;
    const role = parseRole(cell(f, map.role)); if (role) ev.senderRole = role;
    out.push(ev);
  };
  for await (const batch of csvRowBatches(source, ctx)) {
    if ('header' in batch) {
      const mapped = mapColumns(batch.header, MESSAGE_COLUMNS);
      map = mapped.map;
      for (const d of mapped.duplicates) ctx.reportIssue({ line: 1, reason: `column "${d}" appears twice; the first is used`, code: 'duplicate-column' });
      if (map.timestamp === undefined) ctx.reportIssue({ line: 1, reason: 'no timestamp column (时间)', code: 'missing-column' });
      continue;
    }
    for (const row of batch) onRow(row);
    if (out.length) { yield out; out = []; }
  }
}

export const canonicalMessagesCsv = {
  id: 'canonical-csv',
  title: 'Canonical messages CSV (message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to)',
  platform: 'csv',
  capabilities: { identity: 'ids', joins: false, replies: true, note: 'English and Chinese header aliases; any column order' },
  kind: () => 'messages',
  detect(head) {
    if (!head.text) return 0;
    const header = headerFields(head.text, sniffDelimiter(head.text.split('\n', 1)[0] ?? ''));
    return classifyHeader(header) === 'messages' ? 0.5 : 0;
  },
  async *read(source, ctx) {
    for await (const batch of readMessageBatches(source, ctx)) yield* batch;
  },
  readBatches: readMessageBatches,
} satisfies IngestAdapter;
