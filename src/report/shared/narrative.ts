import type { Finding } from '../../core/findings.js';
import { findingText, t, type Lang } from '../../i18n/index.js';
import type { Change, GroupReport } from '../schema.js';
import { view } from '../view.js';
import { localDate } from './dates.js';

/**
 * The conditions a group can meet, in order of urgency. The same names are the values of
 * `--fail-on`, so the alert and the "needs attention" sections never disagree.
 */
export const CONDITIONS = ['dead', 'at-risk', 'decline', 'lacking-self-drive', 'window-open'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Which verdict a condition reads; without it in the report the condition cannot be evaluated. */
export const CONDITION_FIELD: Record<Condition, 'vitality' | 'lifecycle' | 'selfDrive' | 'monetization'> = {
  'dead': 'vitality', 'at-risk': 'vitality', 'decline': 'lifecycle', 'lacking-self-drive': 'selfDrive', 'window-open': 'monetization',
};

/** The conditions this group meets now. */
export function conditionsOf(g: GroupReport): Condition[] {
  const v = view(g);
  const out: Condition[] = [];
  if (v.vitality?.status === 'dead') out.push('dead');
  if (v.vitality?.status === 'at-risk') out.push('at-risk');
  if (v.lifecycle?.phase === 'decline') out.push('decline');
  if (v.selfDrive?.lacking) out.push('lacking-self-drive');
  if (v.monetization?.window.status === 'open') out.push('window-open');
  return out;
}

/** A short label per condition; a dead zombie says so. */
export function conditionLabel(lang: Lang, g: GroupReport, c: Condition): string {
  if (c === 'dead' && view(g).vitality?.zombie) return `${t(lang, 'reason.dead')} (${t(lang, 'reason.zombie')})`;
  return t(lang, `reason.${c}`);
}

/** The first reason the analysis gave for a condition, as a sentence (for stderr and documents). */
export function conditionEvidence(lang: Lang, g: GroupReport, c: Condition, timeZone: string): string | undefined {
  const v = view(g);
  const pick = (fs: Finding[] | undefined) => fs?.find((e) => e.severity === 'bad') ?? fs?.find((e) => e.severity === 'warn');
  const f = c === 'dead' || c === 'at-risk' ? pick(v.vitality?.reasons) ?? v.vitality?.reasons[0] : c === 'decline' ? pick(v.lifecycle?.evidence) : undefined;
  if (f) return findingText(lang, f, timeZone);
  if (c === 'lacking-self-drive' && v.selfDrive) return t(lang, 'failOn.selfDrive', { score: v.selfDrive.score.toFixed(2) });
  if (c === 'window-open' && v.monetization?.window.openedAt) return t(lang, 'failOn.windowOpen', { date: localDate(v.monetization.window.openedAt, timeZone) });
  return undefined;
}

/** The window as a phrase: "open since …", "closed on …" (the day it closed) or "upcoming". */
export function windowPhrase(lang: Lang, w: { status: string; openedAt: string | null; closedAt: string | null }, timeZone: string): string {
  if (w.status === 'open' && w.openedAt) return t(lang, 'window.line.open', { date: localDate(w.openedAt, timeZone) });
  if (w.status === 'closed') return w.closedAt ? t(lang, 'window.line.closed', { date: localDate(w.closedAt, timeZone) }) : t(lang, 'window.line.closedUndated');
  return t(lang, `window.line.${w.status}`);
}

export function slotText(lang: Lang, s: { weekday: number; hour: number }): string {
  return `${t(lang, `weekday.${s.weekday}`)} ${String(s.hour).padStart(2, '0')}:00`;
}

export function percent(x: number | null | undefined): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–';
}

/** A verdict value in words ("maturity" → 成熟期). */
export function verdictWord(lang: Lang, kind: 'phase' | 'vitality' | 'window', value: string | null): string {
  return value === null ? '–' : t(lang, `${kind}.${value}`);
}

/** One change against the baseline as a sentence; `esc` makes names safe for the target format. */
export function changeText(lang: Lang, c: Change, esc: (s: string) => string): string {
  const kind = c.kind === 'phase-changed' ? 'phase' : c.kind === 'died' || c.kind === 'revived' || c.kind === 'at-risk' || c.kind === 'recovered' ? 'vitality' : 'window';
  const key = c.kind === 'seed-went-quiet' && c.to === 'dropped-out' ? 'change.seed-dropped-out' : `change.${c.kind}`;
  if (c.kind === 'seed-went-quiet' || c.kind === 'new-top-spreader') return t(lang, key, { group: esc(c.groupName), member: esc(c.memberName ?? c.memberId ?? '') });
  return t(lang, key, {
    group: esc(c.groupName),
    from: verdictWord(lang, kind, c.from),
    to: verdictWord(lang, kind, c.to),
  });
}

/** Lines that explain a group needing attention: phase, vitality, self-drive, window, people. */
export function groupLines(lang: Lang, g: GroupReport, tz: string, esc: (s: string) => string, top = 3): string[] {
  const v = view(g);
  const out: string[] = [];
  if (v.vitality) {
    out.push(t(lang, 'line.vitality', { status: t(lang, `vitality.${v.vitality.zombie ? 'zombie' : v.vitality.status}`), last: localDate(v.vitality.lastMemberMessageAt, tz) }));
    for (const r of v.vitality.reasons.filter((x) => x.severity === 'bad' || x.severity === 'warn')) out.push(`  ${esc(findingText(lang, r, tz))}`);
  }
  if (v.lifecycle) out.push(t(lang, 'line.phase', { phase: t(lang, `phase.${v.lifecycle.phase}`), since: localDate(v.lifecycle.since, tz), confidence: v.lifecycle.confidence }));
  if (v.selfDrive) out.push(t(lang, 'line.selfDrive', { score: v.selfDrive.score.toFixed(2), owner: percent(v.selfDrive.staffShare as number | null | undefined) }));
  if (v.monetization) {
    const w = v.monetization.window;
    if (w.status === 'open' && w.openedAt) out.push(t(lang, 'line.windowSince', { status: t(lang, 'window.open'), date: localDate(w.openedAt, tz) }));
    else if (w.status === 'closed' && w.closedAt) out.push(t(lang, 'line.windowClosed', { date: localDate(w.closedAt, tz) }));
    else out.push(t(lang, 'line.window', { status: t(lang, `window.${w.status}`) }));
    if (v.monetization.slots.length) out.push(t(lang, 'line.slots', { tz, slots: v.monetization.slots.slice(0, top).map((s) => slotText(lang, s)).join(', ') }));
  }
  if (v.seedUsers?.length) out.push(t(lang, 'line.seeds', { names: v.seedUsers.slice(0, top).map((s) => esc(s.name)).join(', ') }));
  if (v.fission?.topSpreaders.length) out.push(t(lang, 'line.spreaders', { names: v.fission.topSpreaders.slice(0, top).map((s) => esc(s.name)).join(', ') }));
  const quiet = (g.members as { goingQuiet?: { name: string }[] }).goingQuiet;
  if (quiet?.length) out.push(t(lang, 'line.goingQuiet', { names: quiet.slice(0, top).map((s) => esc(s.name)).join(', ') }));
  return out;
}

/** "Since last run", with the date of the report compared with when the result has it (a cron mail says against what). */
export function changesTitle(lang: Lang, r: { baselineAsOf?: string; timeZone: string }): string {
  return r.baselineAsOf ? t(lang, 'changes.titleSince', { day: localDate(r.baselineAsOf, r.timeZone) }) : t(lang, 'changes.title');
}
