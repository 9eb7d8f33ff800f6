import Table from 'cli-table3';
import { UserError } from '../../core/errors.js';
import type { Finding } from '../../core/findings.js';
import { safeText } from '../../core/sanitize.js';
import { findingText, t } from '../../i18n/index.js';
import type { AuditResult } from '../schema.js';
import type { RenderContext } from '../types.js';
import { view } from '../view.js';
import { badge } from './badges.js';
import { sparkline } from './sparkline.js';

/** `--group ID`: one group in detail — timeline, evidence, seed users, slots, spreaders. */
export function renderDetail(r: AuditResult, ctx: RenderContext): string {
  const g = r.groups.find((x) => x.id === ctx.groupId || x.name === ctx.groupId);
  if (!g) throw new UserError(`no group "${ctx.groupId}" in the report`, { hint: `groups: ${r.groups.slice(0, 8).map((x) => x.id).join(', ')}${r.groups.length > 8 ? ', …' : ''}`, code: 'usage' });
  const v = view(g);
  const c = ctx.chalk;
  const out: string[] = [c.bold(t(ctx.lang, 'detail.title', { name: safeText(g.name), id: safeText(g.id) }))];
  out.push(`${t(ctx.lang, 'col.members')}: ${g.members.total}  ${t(ctx.lang, 'col.active30d')}: ${g.members.active30d}  ${t(ctx.lang, 'col.messages30d')}: ${g.messages.last30d}  ${sparkline(g.activity.weekly.map((w) => w.messages), 26)}`);
  const section = (key: string) => out.push('', c.bold.underline(t(ctx.lang, key)));
  const findings = (fs: Finding[]) => { for (const f of fs) out.push(`  ${mark(f, ctx)} ${safeText(findingText(ctx.lang, f))}`); };

  if (v.lifecycle) {
    section('detail.timeline');
    for (const s of v.lifecycle.timeline) out.push(`  ${s.start.slice(0, 10)} → ${s.end.slice(0, 10)}  ${badge(ctx, 'phase', s.phase)}`);
    section('detail.evidence');
    findings(v.lifecycle.evidence);
  }
  if (v.vitality) {
    section('detail.reasons');
    out.push(`  ${badge(ctx, 'vitality', v.vitality.zombie ? 'zombie' : v.vitality.status)}`);
    findings(v.vitality.reasons);
  }
  if (v.selfDrive) {
    section('detail.selfDrive');
    const parts = Object.entries(v.selfDrive).filter(([, x]) => typeof x === 'number' || typeof x === 'boolean');
    out.push(`  ${parts.map(([k, x]) => `${k}=${typeof x === 'number' ? num(x) : x}`).join('  ')}`);
  }
  if (v.seedUsers) {
    section('detail.seeds');
    out.push(v.seedUsers.length ? table(['#', 'name', 'score', ...SEED_SIGNALS.map((k) => SIGNAL_LABELS[k])], v.seedUsers.map((s) => [String(s.rank), safeText(s.name), s.score.toFixed(2), ...SEED_SIGNALS.map((k) => (s.signals[k] === undefined || s.signals[k] === null ? '–' : num(s.signals[k])))])) : `  ${t(ctx.lang, 'detail.none')}`);
  }
  if (v.monetization) {
    section('detail.slots');
    out.push(`  ${badge(ctx, 'window', v.monetization.window.status)}${v.monetization.window.openedAt ? ` (${v.monetization.window.openedAt.slice(0, 10)})` : ''}`);
    out.push(`  ${v.monetization.slots.map((s) => `${t(ctx.lang, `weekday.${s.weekday}`)} ${String(s.hour).padStart(2, '0')}:00 (${s.score.toFixed(2)})`).join(', ') || t(ctx.lang, 'detail.none')}`);
  }
  if (v.fission) {
    section('detail.fission');
    const f = v.fission;
    out.push(`  K=${f.kFactor.toFixed(2)}  invited=${(f.invitedShare * 100).toFixed(0)}%  depth=${f.maxDepth}  cycle=${f.cycleTimeDaysMedian ?? '–'}d`);
    section('detail.spreaders');
    out.push(f.topSpreaders.length ? table(['name', 'invited', 'stayed', 'active', 'subtree'], f.topSpreaders.map((s) => [safeText(s.name), String(s.invited), String(s.stayed), String(s.active), String(s.subtree)])) : `  ${t(ctx.lang, 'detail.none')}`);
  }
  const members = g.members as Record<string, unknown>;
  if (Array.isArray(members.cohorts) && members.cohorts.length) {
    section('detail.cohorts');
    // Every column but the month and the count of joiners is a share.
    const rows = (members.cohorts as Record<string, unknown>[]).map((x) => Object.entries(x).map(([k, y]) => (typeof y === 'number' && k !== 'joined' ? `${(y * 100).toFixed(0)}%` : String(y ?? '–'))));
    out.push(table(Object.keys(members.cohorts[0] as object), rows));
  }
  if (Array.isArray(members.goingQuiet)) {
    section('detail.goingQuiet');
    const q = members.goingQuiet as { name: string; lastMessageAt: string; usualPerWeek: number }[];
    out.push(q.length ? table(['name', 'last message', 'usual / week'], q.map((x) => [safeText(x.name), x.lastMessageAt.slice(0, 10), x.usualPerWeek.toFixed(1)])) : `  ${t(ctx.lang, 'detail.none')}`);
  }
  return `${out.join('\n')}\n`;
}

function mark(f: Finding, ctx: RenderContext): string {
  switch (f.severity) {
    case 'bad': return ctx.chalk.red('✗');
    case 'warn': return ctx.chalk.yellow('!');
    case 'good': return ctx.chalk.green('✓');
    default: return ctx.chalk.cyan('·');
  }
}

/** The seed-user signals worth a column in a terminal; the JSON has them all. */
const SEED_SIGNALS = ['activeDays', 'activeWeeks', 'conversationsStarted', 'repliesReceived', 'answersGiven', 'invitedStayed', 'daysSinceLast'] as const;
const SIGNAL_LABELS: Record<(typeof SEED_SIGNALS)[number], string> = {
  activeDays: 'days', activeWeeks: 'weeks', conversationsStarted: 'started', repliesReceived: 'replies in',
  answersGiven: 'answers', invitedStayed: 'brought', daysSinceLast: 'last (d)',
};

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(x >= 10 ? 0 : 2);
}

function table(head: string[], rows: string[][]): string {
  const tb = new Table({ head, style: { head: [], border: [] }, wordWrap: false });
  for (const r of rows) tb.push(r);
  return tb.toString();
}
