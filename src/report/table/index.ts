import Table from 'cli-table3';
import { safeText } from '../../core/sanitize.js';
import { t } from '../../i18n/index.js';
import { byAttention } from '../attention.js';
import type { Reporter, RenderContext } from '../types.js';
import type { AuditResult, GroupReport } from '../schema.js';
import { view } from '../view.js';
import { sparkline } from './sparkline.js';
import { renderDetail } from './detail.js';
import { badge } from './badges.js';

/** The terminal view: one row per group, the groups that need attention first. */
export const tableReporter = {
  id: 'table',
  title: 'Terminal table (portfolio; --group ID for one group in detail)',
  machine: false,
  render(result, ctx) {
    if (ctx.groupId !== undefined) return renderDetail(result, ctx);
    return `${summary(result, ctx)}\n${portfolio(result, ctx)}\n`;
  },
} satisfies Reporter;

function summary(r: AuditResult, ctx: RenderContext): string {
  const groups = r.groups.map(view);
  const lines = [ctx.chalk.bold(t(ctx.lang, 'summary.title', { groups: r.groups.length, asOf: r.asOf.slice(0, 10), tz: r.timeZone }))];
  if (groups.some((g) => g.vitality)) {
    lines.push(t(ctx.lang, 'summary.counts', {
      dead: groups.filter((g) => g.vitality?.status === 'dead').length,
      atRisk: groups.filter((g) => g.vitality?.status === 'at-risk').length,
      lacking: groups.filter((g) => g.selfDrive?.lacking).length,
      open: groups.filter((g) => g.monetization?.window.status === 'open').length,
    }));
  }
  if (r.warnings.length) lines.push(ctx.chalk.yellow(t(ctx.lang, 'summary.warnings', { n: r.warnings.length })));
  return lines.join('\n');
}

function portfolio(r: AuditResult, ctx: RenderContext): string {
  const groups = byAttention(r.groups);
  const hasVerdicts = groups.some((g) => view(g).lifecycle);
  const head = ['col.group', 'col.members', 'col.active30d', 'col.messages30d', 'col.trend'];
  if (hasVerdicts) head.push('col.phase', 'col.vitality', 'col.selfDrive', 'col.window');
  // Narrow terminals: shorter sparklines and names before anything wraps.
  const spark = ctx.width >= 120 ? 16 : ctx.width >= 100 ? 12 : 8;
  const nameWidth = Math.max(10, Math.min(28, ctx.width - (hasVerdicts ? 100 : 60)));
  const table = new Table({
    head: head.map((k) => ctx.chalk.bold(t(ctx.lang, k))),
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right', 'left'],
    wordWrap: false,
  });
  for (const g of groups) table.push(row(g, ctx, hasVerdicts, spark, nameWidth));
  return table.toString();
}

function row(g: GroupReport, ctx: RenderContext, hasVerdicts: boolean, spark: number, nameWidth: number): string[] {
  const v = view(g);
  const cells = [
    truncate(safeText(g.name), nameWidth),
    String(g.members.total),
    String(g.members.active30d),
    String(g.messages.last30d),
    sparkline(g.activity.weekly.map((w) => w.messages), spark),
  ];
  if (hasVerdicts) {
    cells.push(
      v.lifecycle ? badge(ctx, 'phase', v.lifecycle.phase) : '',
      v.vitality ? badge(ctx, 'vitality', v.vitality.zombie ? 'zombie' : v.vitality.status) : '',
      v.selfDrive ? `${v.selfDrive.score.toFixed(2)} ${v.selfDrive.lacking ? badge(ctx, 'selfDrive', 'lacking') : ''}`.trim() : '',
      v.monetization ? badge(ctx, 'window', v.monetization.window.status) : '',
    );
  }
  return cells;
}

/** Cut to `width` terminal columns (CJK characters take two). */
export function truncate(s: string, width: number): string {
  let w = 0, out = '';
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > width - 1 && w + cw > width) return `${out}…`;
    w += cw;
    out += ch;
  }
  return out;
}

export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd))) return 2;
  return 1;
}
