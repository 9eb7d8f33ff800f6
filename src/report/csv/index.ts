import { safeCell, safeText } from '../../core/sanitize.js';
import type { AuditResult, GroupReport } from '../schema.js';
import { conditionsOf, slotText } from '../shared/narrative.js';
import type { Reporter } from '../types.js';
import { view } from '../view.js';

type Cell = string | number | boolean | null | undefined;

/**
 * CSV for spreadsheets: one row per group, or with `--table members` one row per seed user,
 * spreader and member going quiet. UTF-8 with a BOM (Excel then reads Chinese right), CRLF and
 * RFC 4180 quoting; text that a spreadsheet would run as a formula is defused. Column names and
 * values are stable English identifiers, whatever --lang says.
 */
export const csvReporter = {
  id: 'csv',
  title: 'CSV for spreadsheets (one row per group; --table members for people)',
  machine: true,
  render(r, ctx) {
    const [head, rows] = ctx.table === 'members' ? members(r) : groups(r);
    return `\uFEFF${[head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
  },
} satisfies Reporter;

export const GROUP_COLUMNS = ['asOf', 'timeZone', 'groupId', 'groupName', 'platform', 'members', 'active30d', 'joined30d', 'left30d', 'messagesTotal', 'messages30d',
  'phase', 'phaseSince', 'phaseConfidence', 'vitality', 'zombie', 'lastMemberMessageAt', 'selfDriveScore', 'selfDriveLacking', 'window', 'windowOpenedAt', 'bestSlots',
  'kFactor', 'invitedShare', 'maxDepth', 'seedUsers', 'topSpreaders', 'goingQuiet', 'conditions'] as const;

function groups(r: AuditResult): [string[], Cell[][]] {
  const rows = r.groups.map((g) => {
    const v = view(g);
    const names = (xs: { name: string }[] | undefined) => xs?.map((x) => x.name).join('; ');
    return [r.asOf, r.timeZone, g.id, g.name, g.platform, g.members.total, g.members.active30d, g.members.joined30d, g.members.left30d, g.messages.total, g.messages.last30d,
      v.lifecycle?.phase, v.lifecycle?.since, v.lifecycle?.confidence, v.vitality?.status, v.vitality?.zombie, v.vitality?.lastMemberMessageAt,
      v.selfDrive?.score, v.selfDrive?.lacking, v.monetization?.window.status, v.monetization?.window.openedAt, v.monetization?.slots.slice(0, 3).map((s) => slotText('en', s)).join('; '),
      v.fission?.kFactor, v.fission?.invitedShare, v.fission?.maxDepth, names(v.seedUsers), names(v.fission?.topSpreaders), names(quiet(g)), conditionsOf(g).join('; ')];
  });
  return [[...GROUP_COLUMNS], rows];
}

export const MEMBER_COLUMNS = ['asOf', 'groupId', 'groupName', 'list', 'rank', 'memberId', 'name', 'score', 'invited', 'stayed', 'active', 'subtree', 'lastMessageAt', 'usualPerWeek'] as const;

function members(r: AuditResult): [string[], Cell[][]] {
  const rows: Cell[][] = [];
  for (const g of r.groups) {
    const v = view(g), base = [r.asOf, g.id, g.name];
    for (const s of v.seedUsers ?? []) rows.push([...base, 'seed-user', s.rank, s.memberId, s.name, s.score, null, null, null, null, null, null]);
    (v.fission?.topSpreaders ?? []).forEach((s, i) => rows.push([...base, 'spreader', i + 1, s.memberId, s.name, null, s.invited, s.stayed, s.active, s.subtree, null, null]));
    (quiet(g) ?? []).forEach((s, i) => rows.push([...base, 'going-quiet', i + 1, s.memberId, s.name, null, null, null, null, null, s.lastMessageAt, s.usualPerWeek]));
  }
  return [[...MEMBER_COLUMNS], rows];
}

function quiet(g: GroupReport): { memberId: string; name: string; lastMessageAt: string; usualPerWeek: number }[] | undefined {
  return (g.members as { goingQuiet?: { memberId: string; name: string; lastMessageAt: string; usualPerWeek: number }[] }).goingQuiet;
}

/** One RFC 4180 field. Numbers and booleans are written as they are; text is defused and quoted. */
export function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = safeCell(safeText(v));
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
