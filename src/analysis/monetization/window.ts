import type { Finding, FindingValues } from '../../core/findings.js';
import { t } from '../../i18n/index.js';
import type { LifecycleResult } from '../lifecycle/index.js';

export type WindowStatus = 'upcoming' | 'open' | 'closed';

/** The part of the vitality result this module reads (written by another analysis; may be absent). */
export interface VitalityLike {
  status: 'alive' | 'at-risk' | 'dead';
  zombie?: boolean;
  lastMemberMessageAt?: string | null;
  daysSinceMemberActivity?: number | null;
  reasons?: { code: string; values?: Record<string, unknown> }[];
}

export interface LifecycleWindow {
  status: WindowStatus;
  openedAt: string | null;
  closedAt: string | null;
  watch: Finding[];
}

function finding(code: string, severity: Finding['severity'], values: FindingValues): Finding {
  return { code, severity, values, message: t('en', `finding.${code}`, values) };
}

/** A finding's number by name, from the lifecycle evidence (null when absent). */
function evidenceValue(lc: LifecycleResult, code: string, key: string): number | null {
  const v = lc.evidence.find((f) => f.code === code)?.values[key];
  return typeof v === 'number' ? v : null;
}

/**
 * 最理想的时期是成长期后期和整个成熟期: the window is upcoming in inception and early growth, open
 * from late growth (inflow slowing from its peak) through maturity, closed in decline — and closed
 * whatever the phase when vitality calls the group dead, or at risk because members have been
 * silent (its `atRiskAfterDays`, 14: a mature group two weeks quiet is no place to sell, though
 * the phase holds until the silence reaches the dead threshold; found in a review as "at risk"
 * beside "open"). Vitality's own verdict is read, so the two never disagree on the day.
 */
export function lifecycleWindow(lc: LifecycleResult, vitality: VitalityLike | undefined, declineActivity: number): LifecycleWindow {
  const tl = lc.timeline;
  const openedBefore = (end: number): string | null => {
    // The most recent opening before timeline entry `end`: a late-growth start, or a maturity start
    // when growth never visibly slowed.
    for (let i = end - 1; i >= 0; i--) {
      const seg = tl[i]!;
      if (seg.phase === 'maturity') {
        const prev = tl[i - 1];
        return prev?.phase === 'growth' && prev.lateGrowthAt ? prev.lateGrowthAt : seg.start;
      }
      if (seg.phase === 'growth' && seg.lateGrowthAt) return seg.lateGrowthAt;
    }
    return null;
  };
  const activity = evidenceValue(lc, 'lifecycle-activity', 'ratio');
  const rate30 = evidenceValue(lc, 'lifecycle-roster', 'rate30');
  const watchActivity = finding('window-watch-activity', activity !== null && activity < declineActivity + 0.15 ? 'warn' : 'info', { ratio: activity, declineActivity });
  const watchRoster = finding('window-watch-roster', rate30 !== null && rate30 < 0 ? 'warn' : 'info', { rate30, net30: evidenceValue(lc, 'lifecycle-roster', 'net30') });

  if (vitality?.status === 'dead') {
    const closedAt = lc.phase === 'decline' ? lc.since : vitality.lastMemberMessageAt ?? lc.since;
    return {
      status: 'closed', openedAt: openedBefore(tl.length), closedAt,
      watch: [finding('window-dead', 'bad', { status: vitality.zombie ? 'zombie' : 'dead' })],
    };
  }
  const silent = vitality?.daysSinceMemberActivity;
  const opens = lc.phase === 'maturity' || (lc.phase === 'growth' && lc.lateGrowth);
  const quiet = vitality?.status === 'at-risk' ? vitality.reasons?.find((r) => r.code === 'vitality-silent') : undefined;
  if (opens && quiet && silent != null && vitality?.lastMemberMessageAt) {
    // The days as vitality counted them (its reason's), so the two sentences agree.
    const days = typeof quiet.values?.days === 'number' ? quiet.values.days : Math.floor(silent);
    return {
      status: 'closed', openedAt: lc.phase === 'maturity' ? lc.lateGrowthSince ?? lc.since : lc.lateGrowthSince, closedAt: vitality.lastMemberMessageAt,
      watch: [finding('window-silent', 'bad', { days, lastMemberMessageAt: vitality.lastMemberMessageAt }), watchActivity, watchRoster],
    };
  }
  switch (lc.phase) {
    case 'inception':
      return { status: 'upcoming', openedAt: null, closedAt: null, watch: [finding('window-upcoming', 'info', { phase: lc.phase }), watchRoster] };
    case 'growth':
      if (!lc.lateGrowth) return { status: 'upcoming', openedAt: null, closedAt: null, watch: [finding('window-upcoming', 'info', { phase: 'growth' }), watchRoster] };
      return { status: 'open', openedAt: lc.lateGrowthSince, closedAt: null, watch: [finding('window-open', 'good', { openedAt: lc.lateGrowthSince, phase: 'late growth', ratio: activity }), watchActivity, watchRoster] };
    case 'maturity': {
      const openedAt = lc.lateGrowthSince ?? lc.since;
      return { status: 'open', openedAt, closedAt: null, watch: [finding('window-open', 'good', { openedAt, phase: lc.phase, ratio: activity }), watchActivity, watchRoster] };
    }
    default:
      return {
        status: 'closed', openedAt: openedBefore(tl.length - 1), closedAt: lc.since,
        watch: [finding('window-closed', 'bad', { closedAt: lc.since, phase: lc.phase }), watchActivity, watchRoster],
      };
  }
}
