import type { JoinMethod, Role } from '../../core/model.js';
import { parseJoinMethod, parseRole } from '../../core/parse.js';
import { mapColumns, MEMBER_COLUMNS, type ColumnMap } from '../canonical/headers.js';

/**
 * What the member-list readers (CSV and .xlsx) share about rows that are not members: a title
 * (or a few) above the header, blank rows, a totals row at the bottom; and about cells written
 * for people rather than programs: 【群主】 titles in a name, 入群方式 in words.
 */
export type MemberKey = keyof typeof MEMBER_COLUMNS;
export type MemberMap = ColumnMap<MemberKey>;

/** How many non-empty rows from the top may hold the header (titles, an export date above it). */
export const HEADER_SEARCH_ROWS = 10;

/** The member columns a row maps, when it names a member column (id or name); else null. */
export function memberHeader(header: readonly string[]): { map: MemberMap; duplicates: string[]; mapped: number } | null {
  const { map, duplicates } = mapColumns<MemberKey>([...header], MEMBER_COLUMNS);
  if (map.member_id === undefined && map.name === undefined) return null;
  return { map, duplicates, mapped: Object.keys(map).length };
}

/**
 * The header among the first rows when the first is not one (a title row, often a merged cell):
 * the index of the row naming the most member columns, the first of equals; -1 for none.
 * `rows`: the rows after the first, non-empty ones only; at most HEADER_SEARCH_ROWS - 1 are read.
 */
export function findHeaderBelow(rows: readonly (readonly string[])[]): number {
  let best = -1, bestMapped = 0;
  for (let i = 0; i < rows.length && i < HEADER_SEARCH_ROWS - 1; i++) {
    const h = memberHeader(rows[i]!);
    if (h && h.mapped > bestMapped) { best = i; bestMapped = h.mapped; }
  }
  return best;
}

/** Every cell empty (Excel writes `,,,,` for a row that only looks empty). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

const TOTAL_WORD = /^(?:合计|总计|小计|共计|总数|总人数|total|totals|sum)\s*[:：]?\s*(?:共?\s*\d+\s*(?:人|名|位|个)?)?$/i;
const COUNT = /^(?:共\s*)?\d+(?:\.\d+)?\s*(?:人|名|位|个)?$/;
const PEOPLE = /^(?:共\s*)?\d+\s*(?:人|名|位)$/;

/**
 * A totals row (合计 | 3人, total | 3, a lone 共3人): a totals word with counts only, or a lone count
 * of people; not a member. `cells`: the row's member cells (group columns left out: a list of
 * several groups may repeat the group on its totals row).
 */
export function isTotalsRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return false;
  if (filled.some((c) => TOTAL_WORD.test(c))) return filled.every((c) => TOTAL_WORD.test(c) || COUNT.test(c));
  return filled.length === 1 && PEOPLE.test(filled[0]!);
}

/**
 * A row's member id (or the absence of one) that a totals row can have: none, the totals word, or a
 * count of people. A member's id never is one (a QQ number is an id, not a count; a member
 * nicknamed "Sum" still has an id), so isTotalsRow is only asked about such rows.
 */
export function mayBeTotals(memberId: string | undefined): boolean {
  if (memberId === undefined) return true;
  const id = memberId.trim();
  return TOTAL_WORD.test(id) || PEOPLE.test(id);
}

/** The cells of a row but its group columns, for isTotalsRow. */
export function memberCells(cells: readonly string[], map: MemberMap): string[] {
  return cells.filter((_, i) => i !== map.group_id && i !== map.group_name);
}

/**
 * A name with a role title in front, as qun.qq.com shows the 群名片 of the owner and admins
 * (【群主】地瓜): the name without it, and the role. Other brackets are part of the name
 * (【广州】小王 is how members name themselves), so only a title that is a role is taken.
 */
export function titledName(raw: string | undefined): { name?: string; role?: Role } {
  if (raw === undefined || !raw.startsWith('【')) return { name: raw };
  const m = /^【([^】]*)】\s*(.+)$/.exec(raw);
  const role = m ? parseRole(m[1]) : undefined;
  return role ? { name: m![2]!.trim(), role } : { name: raw };
}

/** 入群方式 in a tool's words (企业微信: 通过扫描群二维码入群, 由成员邀请入群（通过邀请链接入群）), or a plain value. */
export function joinMethodOf(raw: string | undefined): JoinMethod | undefined {
  const m = parseJoinMethod(raw);
  if (m !== 'unknown' || raw === undefined) return m;
  if (/二维码|扫码|qr/i.test(raw)) return 'qr';
  if (/链接|link/i.test(raw)) return 'link';
  if (/邀请|invit/i.test(raw)) return 'invite';
  return m;
}
