import type { GroupInfo, MessageEvent } from '../../core/model.js';
import { parseTimestamp, slashDayOrder, type DayOrder } from '../../core/timestamp.js';
import { cell, csvRows, headerFields } from '../csv/rows.js';
import { sniffDelimiter, type CsvRow } from '../csv/scanner.js';
import type { IngestAdapter, ReadContext } from '../types.js';
import { attachmentKind } from './json.js';

/**
 * The columns DiscordChatExporter writes, in any order (a spreadsheet may have moved them): now
 * `AuthorID,Author,Date,Content,Attachments,Reactions`; before user ids, `Author;Date;Content;Attachments;`
 * (`;`-separated, a trailing `;`, dates like `01-Apr-24 10:05 AM`).
 */
const COLUMNS = new Set(['authorid', 'author', 'date', 'content', 'attachments', 'reactions']);
const REQUIRED = ['author', 'date', 'content', 'attachments'];

/** How sure the header is a DCE CSV's: every column one of DCE's, with author, date, content and attachments. */
function headerScore(text: string): number {
  const t = text.replace(/^\uFEFF/, '');
  const line = t.split('\n', 1)[0] ?? '';
  const cols = headerFields(line, sniffDelimiter(line)).map((c) => c.toLowerCase());
  // The old format ends every line with its separator: an empty last column.
  if (cols.length > 1 && cols[cols.length - 1] === '') cols.pop();
  if (!cols.every((c) => COLUMNS.has(c)) || new Set(cols).size !== cols.length || !REQUIRED.every((c) => cols.includes(c))) return 0;
  return cols.includes('authorid') ? 0.95 : 0.9;
}

/** DiscordChatExporter names files "Guild - Category - channel [1234].csv": the id in brackets. */
function groupOf(fileName: string): GroupInfo {
  const base = fileName.replace(/\.csv$/i, '');
  const id = /\[(\d+)\]\s*(?:\[part \d+\])?$/.exec(base)?.[1];
  const name = base.replace(/\s*\[\d+\](?:\s*\[part \d+\])?$/, '');
  return { id: id ?? name, name, platform: 'discord' };
}

export const discordCsv = {
  id: 'discord-csv',
  title: 'DiscordChatExporter CSV (AuthorID,Author,Date,Content,Attachments,Reactions in any order; or the old Author;Date;Content;Attachments)',
  platform: 'discord',
  capabilities: { identity: 'ids', joins: false, replies: false, note: 'user ids (the old format without AuthorID: the name#tag) and messages only: the CSV has no message ids, replies or system kinds (use the JSON export)' },
  kind: () => 'messages',
  detect(head) {
    return headerScore(head.text);
  },
  async *read(source, ctx) {
    const group = groupOf(source.fileName);
    let col: Record<string, number> = {};
    // Slash dates with the year last (a file re-saved by a spreadsheet) are read in the order the
    // file shows by a value that can only be read one way (a number above 12). Until one does, an
    // ambiguous row waits; rows still waiting at the end are refused, never guessed.
    let order: DayOrder | null = null;
    let waiting: CsvRow[] = [];
    for await (const row of csvRows(source, ctx)) {
      if ('header' in row) { col = Object.fromEntries(row.header.map((h, i) => [h.toLowerCase(), i])); continue; }
      if (row.truncated) { ctx.reportIssue({ line: row.line, reason: 'the file ends inside a quoted field (truncated?)', code: 'truncated' }); continue; }
      const raw = cell(row.fields, col.date);
      const shown = raw === undefined ? null : slashDayOrder(raw);
      if (shown === 'either' && order === null) { waiting.push(row); continue; }
      if ((shown === 'md' || shown === 'dm') && order === null) {
        order = shown;
        for (const w of waiting) { const ev = toEvent(w, group, col, ctx, order); if (ev) yield ev; }
        waiting = [];
      }
      const ev = toEvent(row, group, col, ctx, order ?? undefined);
      if (ev) yield ev;
    }
    for (const w of waiting) {
      ctx.reportIssue({ line: w.line, reason: `date "${(cell(w.fields, col.date) ?? '').slice(0, 40)}" could be day/month or month/day, and no date of the file tells which`, code: 'bad-timestamp' });
    }
  },
} satisfies IngestAdapter;

function toEvent(row: CsvRow, group: GroupInfo, col: Record<string, number>, ctx: ReadContext, order: DayOrder | undefined): MessageEvent | null {
  const f = row.fields;
  const raw = cell(f, col.date);
  const time = raw === undefined ? NaN : parseTimestamp(raw, ctx.zone, order);
  if (Number.isNaN(time)) { ctx.reportIssue({ line: row.line, reason: `unreadable date "${(raw ?? '').slice(0, 40)}"`, code: 'bad-timestamp' }); return null; }
  const name = cell(f, col.author);
  // The old format has no user ids: its Author is the name#discriminator, unique on Discord then.
  const id = col.authorid === undefined ? name : cell(f, col.authorid);
  if (!id) { ctx.reportIssue({ line: row.line, reason: col.authorid === undefined ? 'no author' : 'no author id', code: 'no-sender' }); return null; }
  const attachment = cell(f, col.attachments);
  const ev: MessageEvent = { type: 'message', group, time, line: row.line, senderId: id, kind: attachment ? attachmentKind(attachment.split(',')[0]!.split('?')[0]!) : 'text' };
  if (name) ev.senderName = name;
  const text = cell(f, col.content); if (text) ev.text = text;
  return ev;
}
