import type { GroupInfo, MemberEvent } from '../../core/model.js';
import { parseRole } from '../../core/parse.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { IngestAdapter, ReadContext, Source } from '../types.js';
import { findHeaderBelow, HEADER_SEARCH_ROWS, isBlankRow, isTotalsRow, joinMethodOf, mayBeTotals, memberCells, memberHeader, titledName, type MemberMap } from '../member-list/rows.js';
import { classifyHeader, mapColumns, MEMBER_COLUMNS } from './headers.js';
import { groupFromFileName } from './messages.js';
import type { CsvRow } from '../csv/scanner.js';
import { cell, csvRowBatches, headerFields, sniffDelimiter, strayQuoteIssue, truncatedIssue } from '../csv/rows.js';
import type { RowShape } from '../csv/quotes.js';

/** A member row names its member: a line inside a quoted cell with the header's cells and a
 *  member in its column is a row of its own (member lists hold no texts of several lines). */
function memberShape(header: string[]): RowShape | null {
  const { map } = mapColumns(header, MEMBER_COLUMNS);
  const key = map.member_id ?? map.name;
  return key === undefined ? null : { columns: header.length, key, keyOk: () => true };
}

/** A decoded chunk's rows at a time, as events (the adapter's `readBatches`). */
async function* readMemberBatches(source: Source, ctx: ReadContext): AsyncGenerator<MemberEvent[]> {
  let map: MemberMap = {};
  const fallbackGroup = groupFromFileName(source.fileName);
  const time = (raw: string | undefined, line: number, what: string): number | undefined => {
    if (raw === undefined) return undefined;
    const t = parseTimestamp(raw, ctx.zone);
    if (Number.isNaN(t)) { ctx.reportIssue({ line, reason: `unreadable ${what} "${raw.slice(0, 40)}" (kept the member without it)`, code: 'bad-timestamp', counts: false }); return undefined; }
    return t;
  };
  // One info object for a run of rows of a group (lists come group by group): the builder
  // knows a repeat of the last object at once, where a fresh object per row is looked up anew.
  let lastInfo: GroupInfo | null = null;
  const groupInfo = (id: string, name: string | undefined): GroupInfo => {
    if (lastInfo === null || lastInfo.id !== id || lastInfo.name !== name) lastInfo = name ? { id, platform: 'csv', name } : { id, platform: 'csv' };
    return lastInfo;
  };
  const onRow = (row: CsvRow): MemberEvent | null => {
    const f = row.fields;
    if (row.strayQuote) ctx.reportIssue(strayQuoteIssue(row.strayQuote));
    if (row.truncated) { ctx.reportIssue(truncatedIssue(row)); return null; }
    const titled = titledName(cell(f, map.name));
    const name = titled.name ?? cell(f, map.alt_name);
    const memberId = cell(f, map.member_id) ?? name;
    if (mayBeTotals(memberId)) {
      // Excel writes a row that only looks empty as ",,,,": passed over, as in a workbook.
      if (isBlankRow(f)) return null;
      if (isTotalsRow(memberCells(f, map))) {
        ctx.reportIssue({ line: row.line, reason: `a totals row ("${f.filter((c) => c.trim()).join(' ').slice(0, 40)}") is not a member: skipped`, code: 'totals-row', counts: false, strict: false });
        return null;
      }
    }
    if (memberId === undefined) { ctx.reportIssue({ line: row.line, reason: 'no member id or name', code: 'no-member' }); return null; }
    const groupId = cell(f, map.group_id) ?? cell(f, map.group_name) ?? fallbackGroup;
    const ev: MemberEvent = { type: 'member', group: groupInfo(groupId, cell(f, map.group_name)), memberId, line: row.line };
    if (name) ev.name = name;
    const role = parseRole(cell(f, map.role)) ?? titled.role; if (role) ev.role = role;
    const joined = time(cell(f, map.joined_at), row.line, 'join time'); if (joined !== undefined) ev.joinedAt = joined;
    const left = time(cell(f, map.left_at), row.line, 'leave time'); if (left !== undefined) ev.leftAt = left;
    const inviter = cell(f, map.invited_by); if (inviter) ev.invitedBy = inviter;
    const method = joinMethodOf(cell(f, map.join_method)); if (method) ev.joinMethod = method;
    return ev;
  };
  const useHeader = (found: { map: MemberMap; duplicates: string[] }, line: number): void => {
    map = found.map;
    for (const d of found.duplicates) ctx.reportIssue({ line, reason: `column "${d}" appears twice; the first is used`, code: 'duplicate-column', counts: false });
  };
  // The first row is not a header (a title above it): the rows read until the header is found.
  let seeking: { title: string[]; rows: CsvRow[] } | null = null;
  const settle = (s: { title: string[]; rows: CsvRow[] }): CsvRow[] => {
    const k = findHeaderBelow(s.rows.map((r) => r.fields.map((c) => c.trim())));
    if (k < 0) { useHeader(mapColumns(s.title, MEMBER_COLUMNS), 1); return s.rows; }
    const at = s.rows[k]!;
    useHeader(memberHeader(at.fields.map((c) => c.trim()))!, at.line);
    ctx.reportIssue({ line: at.line, reason: `the header is line ${at.line}: ${k + 1} line${k === 0 ? '' : 's'} above it (a title?) skipped`, code: 'title-rows', counts: false, strict: false });
    return s.rows.slice(k + 1);
  };
  const events = (rows: readonly CsvRow[]): MemberEvent[] => {
    const out: MemberEvent[] = [];
    for (const row of rows) { const ev = onRow(row); if (ev) out.push(ev); }
    return out;
  };
  for await (const batch of csvRowBatches(source, ctx, memberShape)) {
    if ('header' in batch) {
      const found = memberHeader(batch.header);
      if (found) useHeader(found, 1);
      else seeking = { title: batch.header, rows: [] };
      continue;
    }
    let rows: readonly CsvRow[] = batch;
    if (seeking) {
      for (const r of batch) if (!isBlankRow(r.fields)) seeking.rows.push(r);
      if (seeking.rows.length < HEADER_SEARCH_ROWS - 1) continue;
      rows = settle(seeking);
      seeking = null;
    }
    const out = events(rows);
    if (out.length) yield out;
  }
  if (seeking) {
    const out = events(settle(seeking));
    if (out.length) yield out;
  }
}

/** The header of a member list's head: its first line, or, when that is a title and no header of
 *  its own, a line below it (among the first HEADER_SEARCH_ROWS non-empty ones). */
function memberListHead(text: string): 'first' | 'below' | null {
  const ls = text.split('\n', 4 * HEADER_SEARCH_ROWS);
  const delimiter = sniffDelimiter(ls[0] ?? '');
  const first = headerFields(text, delimiter);
  const kind = classifyHeader(first);
  if (kind === 'members') return 'first';
  // A messages header is no title.
  if (kind !== null) return null;
  const below = ls.slice(1).map((l) => headerFields(l, delimiter)).filter((f) => !isBlankRow(f)).slice(0, HEADER_SEARCH_ROWS - 1);
  const k = findHeaderBelow(below);
  return k >= 0 && classifyHeader(below[k]!) === 'members' ? 'below' : null;
}

export const canonicalMembersCsv = {
  id: 'members-csv',
  title: 'Member list CSV (group_id,member_id,name,role,joined_at,left_at,invited_by)',
  platform: 'csv',
  capabilities: { identity: 'ids', joins: true, replies: false, note: 'roles, join and leave times, inviters; Chinese headers (群昵称, 角色, 入群时间, 退群时间, 邀请人)' },
  kind: () => 'members',
  detect(head) {
    if (!head.text) return 0;
    const at = memberListHead(head.text);
    return at === 'first' ? 0.5 : at === 'below' ? 0.45 : 0;
  },
  async *read(source, ctx) {
    for await (const batch of readMemberBatches(source, ctx)) yield* batch;
  },
  readBatches: readMemberBatches,
} satisfies IngestAdapter;
