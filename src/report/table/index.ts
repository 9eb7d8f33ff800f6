import Table from 'cli-table3';
import { safeText } from '../../core/sanitize.js';
import { plural, t } from '../../i18n/index.js';
import { localDate } from '../shared/dates.js';
import { byAttention } from '../attention.js';
import type { Reporter, RenderContext } from '../types.js';
import type { AuditResult, GroupReport } from '../schema.js';
import { view } from '../view.js';
import { changesTitle, changeText } from '../shared/narrative.js';
import { sparkline, weeklyRates } from './sparkline.js';
import { renderDetail } from './detail.js';
import { badge } from './badges.js';
import { charWidth, truncate } from './width.js';
import { lineWidth } from './fit.js';

/** The terminal view: one row per group, the groups that need attention first. */
export const tableReporter = {
  id: 'table',
  title: 'Terminal table (portfolio; --group ID for one group in detail)',
  machine: false,
  render(result, ctx) {
    if (ctx.groupId !== undefined) return renderDetail(result, ctx);
    return `${summary(result, ctx)}\n${changes(result, ctx)}${portfolio(result, ctx)}\n${footnotes(result, ctx)}`;
  },
} satisfies Reporter;

function summary(r: AuditResult, ctx: RenderContext): string {
  const groups = r.groups.map(view);
  const lines = [ctx.chalk.bold(t(ctx.lang, 'summary.title', { groups: plural(ctx.lang, r.groups.length, 'summary.groups'), asOf: localDate(r.asOf, r.timeZone), tz: r.timeZone }))];
  if (groups.some((g) => g.vitality)) {
    // Groups nobody wrote in are named apart: their verdicts stand on their rosters alone.
    const noMessages = groups.filter((g) => g.vitality?.reasons.some((f) => f.code === 'vitality-no-messages')).length;
    lines.push(t(ctx.lang, noMessages ? 'summary.countsNoMessages' : 'summary.counts', {
      dead: groups.filter((g) => g.vitality?.status === 'dead').length,
      atRisk: groups.filter((g) => g.vitality?.status === 'at-risk').length,
      lacking: groups.filter((g) => g.selfDrive?.lacking).length,
      open: groups.filter((g) => g.monetization?.window.status === 'open').length,
      noMessages,
    }));
  }
  if (r.warnings.length) {
    // Merged duplicates, a few undecodable characters or personal chats left out are worth a
    // warning, but no row or file was skipped: claiming so would send the user looking for lost data.
    const skipped = r.inputs.some((i) => i.skipped > 0) || r.warnings.some((w) => w.code === 'skipped-file');
    lines.push(ctx.chalk.yellow(plural(ctx.lang, r.warnings.length, skipped ? 'summary.warnings' : 'summary.warningsNoSkips')));
  }
  return lines.join('\n');
}

/** "Since last run" (with --baseline): one line per change. */
function changes(r: AuditResult, ctx: RenderContext): string {
  if (!r.changes) return '';
  const lines = [ctx.chalk.bold(changesTitle(ctx.lang, r))];
  if (!r.changes.length) lines.push(`  ${t(ctx.lang, 'changes.none')}`);
  for (const c of r.changes) lines.push(`  • ${changeText(ctx.lang, c, safeText)}`);
  return `${lines.join('\n')}\n`;
}

/** The portfolio, fitted to `ctx.width`: the name column takes what the others leave, and on
 *  narrow terminals the sparkline, then the activity counts, give way before anything wraps. */
function portfolio(r: AuditResult, ctx: RenderContext): string {
  const groups = byAttention(r.groups);
  // Vitality too: a portfolio of member lists alone has no phase, but each says "no messages".
  const hasVerdicts = groups.some((g) => view(g).lifecycle || view(g).vitality);
  const spark = ctx.width >= 140 ? 16 : ctx.width >= 110 ? 12 : 8;
  const head = ['col.group', 'col.members', 'col.active30d', 'col.messages30d', 'col.trend'];
  if (hasVerdicts) head.push('col.phase', 'col.vitality', 'col.selfDrive', 'col.window');
  const full = groups.map((g) => row(g, ctx, hasVerdicts, spark));
  const heads = head.map((k) => ctx.chalk.bold(t(ctx.lang, k)));
  let keep = head.map((_, i) => i);
  const nameRoom = (cols: number[]) => ctx.width - 1 - cols.slice(1).reduce((s, i) => s + 3 + Math.max(lineWidth(heads[i]!), ...full.map((c) => lineWidth(c[i]!))), 0) - 3;
  for (const drop of [4, 2, 3, 7]) if (nameRoom(keep) < 14) keep = keep.filter((i) => i !== drop);
  const nameWidth = Math.max(8, Math.min(32, nameRoom(keep), Math.max(...groups.map((g) => lineWidth(safeText(g.name))), lineWidth(heads[0]!))));
  const table = new Table({
    head: keep.map((i) => heads[i]!),
    style: { head: [], border: [] },
    colAligns: keep.map((i) => (i >= 1 && i <= 3 ? 'right' : 'left')),
    wordWrap: false,
  });
  full.forEach((cells, n) => table.push(keep.map((i) => (i === 0 ? truncate(safeText(groups[n]!.name), nameWidth) : cells[i]!))));
  return table.toString();
}

/** What a mark in the table means, under it, when some row has it. */
function footnotes(r: AuditResult, ctx: RenderContext): string {
  const noStaff = r.groups.filter((g) => view(g).selfDrive?.staffKnown === false).length;
  const out: string[] = [];
  if (noStaff) out.push(ctx.chalk.dim(`${NO_STAFF} ${t(ctx.lang, 'note.selfDriveNoStaff', { n: noStaff })}`));
  // The note that explains "dead" verdicts of an older export belongs beside them, not only in the JSON.
  const early = r.warnings.filter((w) => w.code === 'input-ends-early');
  if (early.length) out.push(ctx.chalk.dim(`! ${t(ctx.lang, 'note.inputsEndEarly', { day: r.asOf.slice(0, 10), names: early.map((w) => (w.file ? safeText(w.file) : t(ctx.lang, 'note.inputsMany', { n: Number(/^\d+/.exec(w.message)?.[0] ?? 0) }))).join(', ') })}`));
  return out.map((l) => `${l}\n`).join('');
}

/** A verdict cell left blank on purpose (not judged, or missing from an older report). */
const NOT_JUDGED = '–';
/** After a self-drive score measured with no owner or admin known (explained under the table). */
const NO_STAFF = '?';

function row(g: GroupReport, ctx: RenderContext, hasVerdicts: boolean, spark: number): string[] {
  const v = view(g);
  const cells = [
    safeText(g.name),
    String(g.members.total),
    String(g.members.active30d),
    String(g.messages.last30d),
    sparkline(weeklyRates(g.activity.weekly), spark),
  ];
  if (hasVerdicts) {
    cells.push(
      v.lifecycle ? badge(ctx, 'phase', v.lifecycle.phase) : NOT_JUDGED,
      v.vitality ? badge(ctx, 'vitality', v.vitality.zombie ? 'zombie' : v.vitality.status) : NOT_JUDGED,
      v.selfDrive ? `${v.selfDrive.score.toFixed(2)}${v.selfDrive.staffKnown === false ? NO_STAFF : ''} ${v.selfDrive.lacking ? badge(ctx, 'selfDrive', 'lacking') : ''}`.trim() : NOT_JUDGED,
      v.monetization ? badge(ctx, 'window', v.monetization.window.status) : NOT_JUDGED,
    );
  }
  return cells;
}


export { charWidth, truncate };
