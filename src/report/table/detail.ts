import Table from 'cli-table3';
import { UserError } from '../../core/errors.js';
import type { Finding } from '../../core/findings.js';
import { safeText } from '../../core/sanitize.js';
import { findingText, hasText, t, type Lang } from '../../i18n/index.js';
import type { AuditResult } from '../schema.js';
import { localDate } from '../shared/dates.js';
import { percent, windowPhrase } from '../shared/narrative.js';
import type { RenderContext } from '../types.js';
import { view } from '../view.js';
import { badge, paint } from './badges.js';
import { sparkline, weeklyRates } from './sparkline.js';

/** The first groups of the report, to say which ones --group can name. */
function groupList(r: AuditResult): string {
  // Names beside ids: the operator knows the group by its name, and --group takes either.
  return `${r.groups.slice(0, 8).map((x) => (x.name && x.name !== x.id ? `${safeText(x.name)} (${safeText(x.id)})` : safeText(x.id))).join(', ')}${r.groups.length > 8 ? ', …' : ''}`;
}

/** `--group ID`: one group in detail — timeline, evidence, seed users, slots, spreaders. */
export function renderDetail(r: AuditResult, ctx: RenderContext): string {
  const g = r.groups.find((x) => x.id === ctx.groupId || x.name === ctx.groupId);
  if (!g) throw new UserError(`no group "${ctx.groupId}" in the report`, { hint: `groups: ${groupList(r)}`, zh: `报告中没有群 "${ctx.groupId}"`, hintZh: `现有的群：${groupList(r)}`, code: 'usage' });
  const v = view(g);
  const c = ctx.chalk, lang = ctx.lang, tz = r.timeZone;
  const col = (key: string) => t(lang, key);
  const out: string[] = [c.bold(t(lang, 'detail.title', { name: safeText(g.name), id: safeText(g.id) }))];
  out.push(`${col('col.members')}: ${g.members.total}  ${col('col.active30d')}: ${g.members.active30d}  ${col('col.messages30d')}: ${g.messages.last30d}  ${sparkline(weeklyRates(g.activity.weekly), 26)}`);
  const section = (key: string) => out.push('', c.bold.underline(t(lang, key)));
  const findings = (fs: Finding[]) => { for (const f of fs) out.push(`  ${mark(f, ctx)} ${safeText(findingText(lang, f, tz))}`); };
  const none = `  ${t(lang, 'detail.none')}`;

  if (v.lifecycle) {
    section('detail.timeline');
    for (const s of v.lifecycle.timeline) out.push(`  ${localDate(s.start, tz)} → ${localDate(s.end, tz)}  ${badge(ctx, 'phase', s.phase)}`);
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
    out.push(...selfDriveParts(lang, v.selfDrive).map((l) => `  ${l}`));
    // Which days the parts measure: the last 90 days of member activity, an old stretch in a dead group.
    const { windowStart, windowEnd } = v.selfDrive as { windowStart?: unknown; windowEnd?: unknown };
    if (typeof windowStart === 'string' && typeof windowEnd === 'string') out.push(`  ${t(lang, 'selfDrive.window', { from: localDate(windowStart, tz), to: localDate(windowEnd, tz) })}`);
  }
  if (v.seedUsers) {
    section('detail.seeds');
    // In a dead group they are who was active before it fell silent: people to win back, not leaders now.
    if (v.vitality?.status === 'dead' && v.seedUsers.length) out.push(`  ${t(lang, 'detail.seedsOfDead')}`);
    out.push(v.seedUsers.length ? table([col('col.rank'), col('col.name'), col('col.score'), ...SEED_SIGNALS.map((k) => col(`signal.${k}`))], v.seedUsers.map((s) => [String(s.rank), safeText(s.name), s.score.toFixed(2), ...SEED_SIGNALS.map((k) => signal(k, s.signals[k]))])) : none);
  }
  if (v.monetization) {
    // The window and the slots are two answers: when in its life to sell, and at what hours.
    section('detail.window');
    out.push(`  ${paint(ctx, 'window', v.monetization.window.status, windowPhrase(lang, v.monetization.window, tz))}`);
    // What to watch, or do, next: the JSON's watch lines (they were only there).
    findings(v.monetization.window.watch ?? []);
    section('detail.slots');
    const slots = v.monetization.slots.map((s) => `${t(lang, `weekday.${s.weekday}`)} ${String(s.hour).padStart(2, '0')}:00 (${s.score.toFixed(2)})`).join(', ');
    out.push(`  ${slots ? `${slots}  [${tz}]` : t(lang, 'detail.none')}`);
  }
  if (v.fission) {
    section('detail.fission');
    const f = v.fission;
    out.push(`  ${t(lang, 'fission.line', { k: f.kFactor.toFixed(2), invited: percent(f.invitedShare), depth: f.maxDepth, cycle: f.cycleTimeDaysMedian ?? '–' })}`);
    section('detail.spreaders');
    out.push(f.topSpreaders.length ? table(['col.name', 'col.invited', 'col.stayed', 'col.stayedAndActive', 'col.subtree'].map(col), f.topSpreaders.map((s) => [safeText(s.name), String(s.invited), String(s.stayed), String(s.stayedAndActive ?? s.active), String(s.subtree)])) : none);
  }
  const members = g.members as Record<string, unknown>;
  if (Array.isArray(members.cohorts) && members.cohorts.length) {
    section('detail.cohorts');
    // Every column but the month and the count of joiners is a share.
    const rows = (members.cohorts as Record<string, unknown>[]).map((x) => Object.entries(x).map(([k, y]) => (typeof y === 'number' && k !== 'joined' ? `${(y * 100).toFixed(0)}%` : String(y ?? '–'))));
    out.push(table(Object.keys(members.cohorts[0] as object).map((k) => cohortColumn(lang, k)), rows));
  }
  if (Array.isArray(members.goingQuiet)) {
    section('detail.goingQuiet');
    const q = members.goingQuiet as { name: string; lastMessageAt: string; usualPerWeek: number }[];
    out.push(q.length ? table(['col.name', 'col.lastMessage', 'col.usualPerWeek'].map(col), q.map((x) => [safeText(x.name), localDate(x.lastMessageAt, tz), x.usualPerWeek.toFixed(1)])) : none);
  }
  return `${out.join('\n')}\n`;
}

/** The self-drive parts with their labels: shares as percentages, flags as yes/no, counts as they are. */
function selfDriveParts(lang: Lang, sd: Record<string, unknown>): string[] {
  const parts = Object.entries(sd).filter(([, x]) => typeof x === 'number' || typeof x === 'boolean' || x === null).map(([k, x]) => {
    const label = hasText(`selfDrive.part.${k}`) ? t(lang, `selfDrive.part.${k}`) : k;
    const value = typeof x === 'boolean' ? t(lang, x ? 'word.yes' : 'word.no')
      : x === null ? '–'
        : k.endsWith('Share') ? percent(x as number)
          : num(x as number);
    return `${label}: ${value}`;
  });
  // Three parts a line keeps the labels readable on an 80-column terminal.
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 3) lines.push(parts.slice(i, i + 3).join(' · '));
  return lines;
}

/** A cohort column in words: `stillIn1m` → "Still in after 1 mo"; unknown keys stay as they are. */
function cohortColumn(lang: Lang, key: string): string {
  const m = /^(stillIn|posting)(\d+)m$/.exec(key);
  if (m) return t(lang, `cohort.${m[1]}`, { n: Number(m[2]) });
  return hasText(`cohort.${key}`) ? t(lang, `cohort.${key}`) : key;
}

function mark(f: Finding, ctx: RenderContext): string {
  switch (f.severity) {
    case 'bad': return ctx.chalk.red('✗');
    case 'warn': return ctx.chalk.yellow('!');
    case 'good': return ctx.chalk.green('✓');
    default: return ctx.chalk.cyan('·');
  }
}

/** The seed-user signals worth a column in a terminal (labels in `signal.*`); the JSON has them all. */
const SEED_SIGNALS = ['activeDays', 'activeWeeks', 'conversationsStarted', 'repliesReceived', 'answersGiven', 'invitedStayed', 'daysSinceLast'] as const;

/** A seed-user signal cell: counts as they are; days since the last message always with one
 *  decimal, so the column reads as one kind of number ("0.6", "13.0", not "0.60" beside "13"). */
function signal(key: string, x: number | null | undefined): string {
  if (x === undefined || x === null) return '–';
  return key === 'daysSinceLast' ? x.toFixed(1) : num(x);
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(x >= 10 ? 0 : 2);
}

function table(head: string[], rows: string[][]): string {
  const tb = new Table({ head, style: { head: [], border: [] }, wordWrap: false });
  for (const r of rows) tb.push(r);
  return tb.toString();
}
