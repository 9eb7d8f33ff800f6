import type { MemberEvent } from '../../core/model.js';
import { parseRole } from '../../core/parse.js';
import { parseTimestamp } from '../../core/timestamp.js';
import { DAY, type Zone } from '../../core/time.js';
import type { IngestAdapter } from '../types.js';
import { fileStem } from '../text/names.js';
import { findHeaderBelow, HEADER_SEARCH_ROWS, isTotalsRow, joinMethodOf, mayBeTotals, memberCells, memberHeader, titledName, type MemberKey } from './rows.js';
import { readFirstSheet, type Cell } from './sheet.js';

/**
 * Member lists kept in Excel (.xlsx): the first sheet, a header row with the same flexible
 * names as the member-list CSV (wxid, QQ号, 群昵称, 邀请人, 入群时间 …), one member per row.
 * Dates are Excel serials (days since 1899-12-30, local wall clock) or date strings. A title row
 * or a few may stand above the header, and a totals row (合计 | 3人) below the members.
 */
type Key = MemberKey;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel date serial as a UTC instant, reading the wall clock in the report's zone. */
export function excelSerial(n: number, zone: Zone): number {
  return zone.fromLocal(EXCEL_EPOCH + Math.round(n * DAY));
}

function text(c: Cell): string | undefined {
  if (c === undefined) return undefined;
  // Ids typed as numbers (QQ号) come back as numbers: written without exponent or decimals.
  const s = typeof c === 'number' ? (Number.isInteger(c) ? c.toFixed(0) : String(c)) : c.trim();
  return s === '' ? undefined : s;
}

export const memberListXlsx = {
  id: 'members-xlsx',
  title: 'Member list in Excel .xlsx (wxid, QQ号, 群昵称, 角色, 入群时间, 邀请人 …)',
  platform: 'csv',
  capabilities: { identity: 'ids', joins: true, replies: false, note: 'first sheet; same header names as the member-list CSV; Excel dates read in --tz' },
  kind: () => 'members',
  detect(head) {
    const zip = head.bytes[0] === 0x50 && head.bytes[1] === 0x4b;
    if (!zip) return 0;
    return /\.xlsx$/i.test(head.fileName) ? 0.9 : 0;
  },
  async *read(source, ctx) {
    // fflate is loaded when a workbook is read, not at every start-up.
    const rows = readFirstSheet(await source.bytes(), ctx.path, (await import('fflate')).unzipSync);
    const filled = (r: Cell[] | undefined): boolean => r !== undefined && r.some((c) => text(c) !== undefined);
    const cellsOf = (r: Cell[]): string[] => Array.from(r, (c) => text(c) ?? '');
    const firstAt = rows.findIndex(filled);
    if (firstAt < 0) { ctx.reportIssue({ reason: 'the first sheet is empty', code: 'empty-file' }); return; }
    let headerAt = firstAt;
    let found = memberHeader(cellsOf(rows[firstAt]!));
    if (!found) {
      // A title row above the header (a merged cell, 技术交流群成员名单): the header is further down.
      const below: number[] = [];
      for (let i = firstAt + 1; i < rows.length && below.length < HEADER_SEARCH_ROWS - 1; i++) if (filled(rows[i])) below.push(i);
      const k = findHeaderBelow(below.map((i) => cellsOf(rows[i]!)));
      if (k >= 0) {
        headerAt = below[k]!;
        found = memberHeader(cellsOf(rows[headerAt]!));
        const skipped = k + 1;
        ctx.reportIssue({ line: headerAt + 1, reason: `the header is row ${headerAt + 1}: ${skipped} row${skipped === 1 ? '' : 's'} above it (a title?) skipped`, code: 'title-rows', counts: false, strict: false });
      }
    }
    if (!found) {
      ctx.reportIssue({ line: firstAt + 1, reason: 'no member id or name column (wxid, QQ号, 群昵称 …)', code: 'missing-column' });
      return;
    }
    const { map, duplicates } = found;
    for (const d of duplicates) ctx.reportIssue({ line: headerAt + 1, reason: `column "${d}" appears twice; the first is used`, code: 'duplicate-column', counts: false });
    const fallbackGroup = fileStem(source.fileName);
    const get = (r: Cell[], k: Key) => (map[k] === undefined ? undefined : r[map[k]]);
    const time = (c: Cell, line: number, what: string): number | undefined => {
      if (c === undefined || c === '') return undefined;
      const t = typeof c === 'number' ? excelSerial(c, ctx.zone) : parseTimestamp(c, ctx.zone);
      if (Number.isNaN(t)) { ctx.reportIssue({ line, reason: `unreadable ${what} "${String(c).slice(0, 40)}" (kept the member without it)`, code: 'bad-timestamp' }); return undefined; }
      return t;
    };
    for (let i = headerAt + 1; i < rows.length; i++) {
      const r = rows[i]!, line = i + 1;
      if (!filled(r)) continue;
      const titled = titledName(text(get(r, 'name')));
      const name = titled.name ?? text(get(r, 'alt_name'));
      const memberId = text(get(r, 'member_id')) ?? name;
      if (mayBeTotals(memberId) && isTotalsRow(memberCells(cellsOf(r), map))) {
        ctx.reportIssue({ line, reason: `a totals row ("${cellsOf(r).filter((c) => c).join(' ').slice(0, 40)}") is not a member: skipped`, code: 'totals-row', counts: false, strict: false });
        continue;
      }
      if (memberId === undefined) { ctx.reportIssue({ line, reason: 'no member id or name', code: 'no-member' }); continue; }
      const groupId = text(get(r, 'group_id')) ?? text(get(r, 'group_name')) ?? fallbackGroup;
      const ev: MemberEvent = { type: 'member', group: { id: groupId, platform: 'csv' }, memberId };
      const groupName = text(get(r, 'group_name')); if (groupName) ev.group.name = groupName;
      if (name) ev.name = name;
      const role = parseRole(text(get(r, 'role'))) ?? titled.role; if (role) ev.role = role;
      const joined = time(get(r, 'joined_at'), line, 'join time'); if (joined !== undefined) ev.joinedAt = joined;
      const left = time(get(r, 'left_at'), line, 'leave time'); if (left !== undefined) ev.leftAt = left;
      const inviter = text(get(r, 'invited_by')); if (inviter) ev.invitedBy = inviter;
      const method = joinMethodOf(text(get(r, 'join_method'))); if (method) ev.joinMethod = method;
      yield ev;
    }
  },
} satisfies IngestAdapter;
