import type { GroupInfo, MessageEvent } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import { cell, csvRows } from '../canonical/rows.js';
import type { IngestAdapter } from '../types.js';
import { attachmentKind } from './json.js';

const HEADER = 'authorid,author,date,content,attachments,reactions';

/** DiscordChatExporter names files "Guild - Category - channel [1234].csv": the id in brackets. */
function groupOf(fileName: string): GroupInfo {
  const base = fileName.replace(/\.csv$/i, '');
  const id = /\[(\d+)\]\s*(?:\[part \d+\])?$/.exec(base)?.[1];
  const name = base.replace(/\s*\[\d+\](?:\s*\[part \d+\])?$/, '');
  return { id: id ?? name, name, platform: 'discord' };
}

export const discordCsv = {
  id: 'discord-csv',
  title: 'DiscordChatExporter CSV (AuthorID,Author,Date,Content,Attachments,Reactions)',
  platform: 'discord',
  capabilities: { identity: 'ids', joins: false, replies: false, note: 'user ids and messages only: the CSV has no message ids, replies or system kinds (use the JSON export)' },
  kind: () => 'messages',
  detect(head) {
    const first = head.text.split('\n', 1)[0] ?? '';
    return first.replace(/["\s\r]/g, '').toLowerCase() === HEADER ? 0.95 : 0;
  },
  async *read(source, ctx) {
    const group = groupOf(source.fileName);
    let col: Record<string, number> = {};
    for await (const row of csvRows(source, ctx)) {
      if ('header' in row) { col = Object.fromEntries(row.header.map((h, i) => [h.toLowerCase(), i])); continue; }
      if (row.truncated) { ctx.reportIssue({ line: row.line, reason: 'the file ends inside a quoted field (truncated?)', code: 'truncated' }); continue; }
      const f = row.fields;
      const raw = cell(f, col.date);
      const time = raw === undefined ? NaN : parseTimestamp(raw, ctx.zone);
      if (Number.isNaN(time)) { ctx.reportIssue({ line: row.line, reason: `unreadable date "${(raw ?? '').slice(0, 40)}"`, code: 'bad-timestamp' }); continue; }
      const id = cell(f, col.authorid);
      if (!id) { ctx.reportIssue({ line: row.line, reason: 'no author id', code: 'no-sender' }); continue; }
      const attachment = cell(f, col.attachments);
      const ev: MessageEvent = { type: 'message', group, time, line: row.line, senderId: id, kind: attachment ? attachmentKind(attachment.split(',')[0]!.split('?')[0]!) : 'text' };
      const name = cell(f, col.author); if (name) ev.senderName = name;
      const text = cell(f, col.content); if (text) ev.text = text;
      yield ev;
    }
  },
} satisfies IngestAdapter;
