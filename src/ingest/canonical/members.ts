import type { GroupInfo, MemberEvent } from '../../core/model.js';
import { parseJoinMethod, parseRole } from '../../core/parse.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { IngestAdapter, ReadContext, Source } from '../types.js';
import { classifyHeader, headerFields, mapColumns, MEMBER_COLUMNS } from './headers.js';
import { groupFromFileName } from './messages.js';
import type { CsvRow } from '../csv/scanner.js';
import { cell, csvRowBatches, sniffDelimiter, strayQuoteIssue, truncatedIssue } from './rows.js';
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
  let map: ReturnType<typeof mapColumns<keyof typeof MEMBER_COLUMNS>>['map'] = {};
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
    const memberId = cell(f, map.member_id) ?? cell(f, map.name);
    if (memberId === undefined) { ctx.reportIssue({ line: row.line, reason: 'no member id or name', code: 'no-member' }); return null; }
    const groupId = cell(f, map.group_id) ?? cell(f, map.group_name) ?? fallbackGroup;
    const ev: MemberEvent = { type: 'member', group: groupInfo(groupId, cell(f, map.group_name)), memberId, line: row.line };
    const name = cell(f, map.name); if (name) ev.name = name;
    const role = parseRole(cell(f, map.role)); if (role) ev.role = role;
    const joined = time(cell(f, map.joined_at), row.line, 'join time'); if (joined !== undefined) ev.joinedAt = joined;
    const left = time(cell(f, map.left_at), row.line, 'leave time'); if (left !== undefined) ev.leftAt = left;
    const inviter = cell(f, map.invited_by); if (inviter) ev.invitedBy = inviter;
    const method = parseJoinMethod(cell(f, map.join_method)); if (method) ev.joinMethod = method;
    return ev;
  };
  for await (const batch of csvRowBatches(source, ctx, memberShape)) {
    if ('header' in batch) {
      const mapped = mapColumns(batch.header, MEMBER_COLUMNS);
      map = mapped.map;
      for (const d of mapped.duplicates) ctx.reportIssue({ line: 1, reason: `column "${d}" appears twice; the first is used`, code: 'duplicate-column', counts: false });
      continue;
    }
    const out: MemberEvent[] = [];
    for (const row of batch) { const ev = onRow(row); if (ev) out.push(ev); }
    if (out.length) yield out;
  }
}

export const canonicalMembersCsv = {
  id: 'members-csv',
  title: 'Member list CSV (group_id,member_id,name,role,joined_at,left_at,invited_by)',
  platform: 'csv',
  capabilities: { identity: 'ids', joins: true, replies: false, note: 'roles, join and leave times, inviters; Chinese headers (群昵称, 角色, 入群时间, 退群时间, 邀请人)' },
  kind: () => 'members',
  detect(head) {
    if (!head.text) return 0;
    const header = headerFields(head.text, sniffDelimiter(head.text.split('\n', 1)[0] ?? ''));
    return classifyHeader(header) === 'members' ? 0.5 : 0;
  },
  async *read(source, ctx) {
    for await (const batch of readMemberBatches(source, ctx)) yield* batch;
  },
  readBatches: readMemberBatches,
} satisfies IngestAdapter;
