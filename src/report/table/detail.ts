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
import { fitNames, lineWidth, pack, wrap } from './fit.js';
import { truncate } from './width.js';

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
  // A sentence longer than the terminal wraps under itself, not under the mark.
  const findings = (fs: Finding[]) => {
    // The sentence is wrapped before its mark is put in front: the mark's colour codes take no room.
    for (const f of fs) out.push(...wrap(safeText(findingText(lang, f, tz)), ctx.width - 4, 0).map((l, i) => (i === 0 ? `  ${mark(f, ctx)} ${l}` : `    ${l}`)));
  };
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
    out.push(...selfDriveParts(lang, v.selfDrive, ctx.width - 2).map((l) => `  ${l}`));
    // Which days the parts measure: the last 90 days of member activity, an old stretch in a dead group.
    const { windowStart, windowEnd } = v.selfDrive as { windowStart?: unknown; windowEnd?: unknown };
    if (typeof windowStart === 'string' && typeof windowEnd === 'string') out.push(`  ${t(lang, 'selfDrive.window', { from: localDate(windowStart, tz), to: localDate(windowEnd, tz) })}`);
  }
  if (v.seedUsers) {
    section('detail.seeds');
    // In a dead group they are who was active before it fell silent: people to win back, not leaders now.
    if (v.vitality?.status === 'dead' && v.seedUsers.length) out.push(...wrap(t(lang, 'detail.seedsOfDead'), ctx.width - 2, 2).map((l) => `  ${l}`));
    const seeds = v.seedUsers;
    const seedTable = (keys: readonly (typeof SEED_SIGNALS)[number][], nameWidth = Infinity) => table([col('col.rank'), col('col.name'), col('col.score'), ...keys.map((k) => col(`signal.${k}`))], seeds.map((s) => [String(s.rank), truncate(safeText(s.name), nameWidth), s.score.toFixed(2), ...keys.map((k) => signal(k, s.signals[k]))]));
    // On a narrow terminal the signals give way, least telling first, before a line wraps.
    let keys: readonly (typeof SEED_SIGNALS)[number][] = SEED_SIGNALS;
    let text = seeds.length ? seedTable(keys) : none;
    for (const drop of SEED_NARROW) {
      if (!seeds.length || lineWidth(text) <= ctx.width) break;
      keys = keys.filter((k) => k !== drop);
      text = seedTable(keys);
    }
    if (seeds.length) text = fitNames((w) => seedTable(keys, w), ctx.width, 1);
    out.push(text);
  }
  if (v.monetization) {
    // The window and the slots are two answers: when in its life to sell, and at what hours.
    section('detail.window');
    out.push(`  ${paint(ctx, 'window', v.monetization.window.status, windowPhrase(lang, v.monetization.window, tz))}`);
    // What to watch, or do, next: the JSON's watch lines (they were only there).
    findings(v.monetization.window.watch ?? []);
    section('detail.slots');
    const slots = v.monetization.slots.map((s) => `${t(lang, `weekday.${s.weekday}`)} ${String(s.hour).padStart(2, '0')}:00 (${s.score.toFixed(2)})`);
    if (!slots.length) out.push(`  ${t(lang, 'detail.none')}`);
    // As many a line as the terminal holds, the zone after the last.
    if (slots.length) out.push(...pack([...slots, `[${tz}]`], ', ', ctx.width - 2).map((l) => `  ${l}`.replace(/, \[/, '  [')));
  }
  if (v.fission) {
    section('detail.fission');
    const f = v.fission;
    out.push(...wrap(t(lang, 'fission.line', { k: f.kFactor.toFixed(2), invited: percent(f.invitedShare), depth: f.maxDepth, cycle: f.cycleTimeDaysMedian ?? '–' }), ctx.width - 2, 2).map((l) => `  ${l}`));
    section('detail.spreaders');
    const spreaders = (nameWidth: number) => table(['col.name', 'col.invited', 'col.stayed', 'col.stayedAndActive', 'col.subtree'].map(col), f.topSpreaders.map((s) => [truncate(safeText(s.name), nameWidth), String(s.invited), String(s.stayed), String(s.stayedAndActive ?? s.active), String(s.subtree)]));
    out.push(f.topSpreaders.length ? fitNames(spreaders, ctx.width) : none);
  }
  const members = g.members as Record<string, unknown>;
  if (Array.isArray(members.cohorts) && members.cohorts.length) {
    section('detail.cohorts');
    // Every column but the month and the count of joiners is a share.
    const cohorts = members.cohorts as Record<string, unknown>[];
    const cohortTable = (keys: string[]) => table(keys.map((k) => cohortColumn(lang, k)), cohorts.map((x) => keys.map((k) => {
      const y = x[k];
      return typeof y === 'number' && k !== 'joined' ? `${(y * 100).toFixed(0)}%` : String(y ?? '–');
    })));
    // Narrow terminals: "still posting" gives way to "still in", latest month first.
    let keys = Object.keys(cohorts[0]!);
    let text = cohortTable(keys);
    for (const drop of ['posting3m', 'posting2m', 'stillIn3m', 'posting1m', 'stillIn2m']) {
      if (lineWidth(text) <= ctx.width) break;
      keys = keys.filter((k) => k !== drop);
      text = cohortTable(keys);
    }
    out.push(text);
  }
  if (Array.isArray(members.goingQuiet)) {
    section('detail.goingQuiet');
    const q = members.goingQuiet as { name: string; lastMessageAt: string; usualPerWeek: number }[];
    out.push(q.length ? table(['col.name', 'col.lastMessage', 'col.usualPerWeek'].map(col), q.map((x) => [safeText(x.name), localDate(x.lastMessageAt, tz), x.usualPerWeek.toFixed(1)])) : none);
  }
  return `${out.join('\n')}\n`;
}

/** The self-drive parts with their labels: shares as percentages, flags as yes/no, counts as they are. */
function selfDriveParts(lang: Lang, sd: Record<string, unknown>, width: number): string[] {
  const parts = Object.entries(sd).filter(([, x]) => typeof x === 'number' || typeof x === 'boolean' || x === null).map(([k, x]) => {
    const label = hasText(`selfDrive.part.${k}`) ? t(lang, `selfDrive.part.${k}`) : k;
    const value = typeof x === 'boolean' ? t(lang, x ? 'word.yes' : 'word.no')
      : x === null ? '–'
        : k.endsWith('Share') ? percent(x as number)
          : num(x as number);
    return `${label}: ${value}`;
  });
  // As many parts a line as the terminal holds (three, on 80 columns, in most cases).
  return pack(parts, ' · ', width);
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
/** The order the seed signals leave a table too wide for the terminal. */
const SEED_NARROW = ['activeWeeks', 'invitedStayed', 'answersGiven', 'repliesReceived'] as const;


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
