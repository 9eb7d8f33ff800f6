import { z } from 'zod';
import type { GroupRecord } from '../../core/dataset/types.js';
import { findingSchema, type Finding, type FindingValues } from '../../core/findings.js';
import { DAY, iso } from '../../core/time.js';
import { t } from '../../i18n/index.js';
import { defineAnalysis, type AnalysisContext } from '../types.js';
import { labelDays, segment, signalsAt, type Run } from './classify.js';
import { dailyFeatures, type DailyFeatures } from './features.js';
import { groupStart, START_MIN_DAYS, type Start } from './start.js';

const phase = z.enum(['inception', 'growth', 'maturity', 'decline']);

/** Used when the vitality analysis is left out of the registry. */
const DEFAULT_DEAD_AFTER_DAYS = 30;

export const lifecycleOptions = z.object({
  inceptionDays: z.number().int().min(0).default(21).describe('the first days of a group that count as inception in its timeline'),
  youngDays: z.number().int().min(0).default(30).describe('a group younger than this is in inception, whatever its numbers'),
  growthRate: z.number().min(0).default(0.05).describe('growth: net inflow over 30 days at least this share of the roster a month before'),
  growthMin: z.number().min(0).default(3).describe('growth: and at least this many members net over 30 days'),
  regrowth: z.number().min(1).default(2).describe('growth again after maturity: the net inflow must be this many times growthRate and growthMin (a mature group\'s trickle of joins is no new growth)'),
  lateRatio: z.number().min(0).max(1).default(0.7).describe('late growth: inflow over 14 days below this share of its peak in the current growth'),
  declineActivity: z.number().min(0).max(1).default(0.5).describe('decline: member activity (28-day mean) below this share of its peak'),
  suddenActivity: z.number().min(0).max(1).default(0.3).describe('decline: member activity over two weeks below this share of the peak (a collapse)'),
  recoverActivity: z.number().min(0).max(1).default(0.65).describe('a declining group leaves decline only when activity is back above this share of its peak'),
  rosterShrink: z.number().min(0).default(0.05).describe('decline: the roster shrank by at least this share over 30 days while member activity is below its peak'),
  rosterCollapse: z.number().min(0).default(0.15).describe('decline on the roster alone: it shrank by at least this share over 30 days, however busy the chat'),
  minRunDays: z.number().int().min(1).default(14).describe('a phase shorter than this between two equal phases is noise and merged away'),
  peakDays: z.number().int().min(7).default(56).describe('the peak activity is compared with is the best mean over this many days (less its noise): a lucky month of a steady group is not its peak'),
  lullDays: z.number().int().min(0).default(56).describe('a decline at most this long, after which activity came back to lullRecovery of its level before, was a lull (a holiday, a quiet spell): it is not drawn in the timeline (0: off)'),
  lullRecovery: z.number().min(0).max(1).default(0.8).describe('see lullDays: the share of its earlier level that activity must come back to'),
  seenGrowthRate: z.number().min(0).default(0.1).describe('roster from messages only: growth needs the people seen to grow by at least this share in 30 days (first-time posters trickle in even in maturity)'),
  seenGrowthActivity: z.number().min(0).default(0.9).describe('roster from messages only: growth also needs member activity (28 days) at least this share of its level four weeks before'),
  seenRevival: z.number().min(1).default(1.3).describe('roster from messages only, activity under declineActivity of its peak: growth needs activity at least this times its level four weeks before (a revival)'),
  noiseZ: z.number().min(0).default(1.5).describe('small groups: peaks (activity, inflow) and net inflow are read with this many standard errors of count noise taken off, so chance in a quiet group is not a fall or a growth spurt'),
  startDays: z.number().int().min(1).default(28).describe('the start test looks at the first this many days: is the group new, or does the export start mid-life?'),
  freshShare: z.number().min(0).max(1).default(0.3).describe('with join times: a new group has at most this share of its roster there at the start without a known join'),
  freshActive: z.number().min(0).max(1).default(0.6).describe('messages only: a new group has at most this share of its later weekly active members in its first week'),
});
/** The options in force: the configured ones plus the shared dead threshold. */
export type LifecycleOptions = z.output<typeof lifecycleOptions> & { deadAfterDays: number };

export const lifecycleResult = z.object({
  phase,
  since: z.string().describe('when the current phase began (ISO)'),
  confidence: z.number().min(0).max(1),
  lateGrowth: z.boolean().describe('growth whose inflow is still positive but slowing from its peak (the monetization window is open)'),
  lateGrowthSince: z.string().nullable().describe('when the inflow began to slow, in the current growth phase or the growth before the current maturity'),
  rosterSource: z.enum(['member-list', 'join-events', 'messages']).describe('where the roster comes from; with messages only it is the people seen so far'),
  timeline: z.array(z.object({
    phase,
    start: z.string(),
    end: z.string(),
    lateGrowthAt: z.string().optional().describe('growth only: when late growth began'),
  })).describe('contiguous phases from the first activity to as-of'),
  evidence: z.array(findingSchema),
});
export type LifecycleResult = z.output<typeof lifecycleResult>;

function finding(code: string, severity: Finding['severity'], values: FindingValues): Finding {
  return { code, severity, values, message: t('en', `finding.${code}`, values) };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export const lifecycle = defineAnalysis({
  key: 'lifecycle',
  title: 'Lifecycle phase',
  optionsSchema: lifecycleOptions,
  resultSchema: lifecycleResult,
  run(g, ctx, given, prior) {
    // "Dead" has one threshold, the vitality analysis's (it runs first), so the two never disagree.
    const deadAfterDays = (prior.vitality as { deadAfterDays?: number } | undefined)?.deadAfterDays ?? DEFAULT_DEAD_AFTER_DAYS;
    const o = { ...given, deadAfterDays };
    const s = ctx.series(g);
    const source = rosterSource(g);
    const start = groupStart(ctx.dataset, g, s, ctx.zone, ctx.asOf, { ...o, shortDays: source === 'messages' ? o.youngDays : START_MIN_DAYS });
    const f = dailyFeatures(s, o.deadAfterDays, start.roster, start.fresh, source === 'messages', o.noiseZ, o.peakDays);
    const runs = segment(labelDays(f, o), f, o);
    const dayIso = (d: number) => (d <= 0 ? iso(s.firstAt) : iso(ctx.zone.dayStart(s.day0 + d)));
    const now = runs[runs.length - 1]!;
    const lateRun = now.phase === 'growth' ? now : now.phase === 'maturity' ? runs[runs.length - 2] : undefined;
    const lateFrom = lateRun?.phase === 'growth' ? lateRun.lateFrom : null;
    return {
      phase: now.phase,
      since: dayIso(now.start),
      // Nothing dated at all (a member list without join times, nobody wrote): a phase of no history.
      confidence: s.dated ? confidence(f, runs, o, source) : 0,
      lateGrowth: now.phase === 'growth' && now.lateFrom !== null,
      lateGrowthSince: lateFrom === null ? null : dayIso(lateFrom),
      rosterSource: source,
      timeline: runs.map((r, i) => ({
        phase: r.phase,
        start: dayIso(r.start),
        end: i === runs.length - 1 ? iso(ctx.asOf) : dayIso(r.end),
        ...(r.lateFrom !== null && { lateGrowthAt: dayIso(r.lateFrom) }),
      })),
      evidence: evidence(g, ctx, f, now, o, source, start),
    };
  },
});

function rosterSource(g: GroupRecord): LifecycleResult['rosterSource'] {
  return g.hasMemberList ? 'member-list' : g.hasJoinEvents ? 'join-events' : 'messages';
}

/**
 * How sure the phase is: the margin of the deciding signal from its threshold, times how long the
 * phase has held (a week-old phase may still flip), times how good the roster source is.
 */
function confidence(f: DailyFeatures, runs: Run[], o: LifecycleOptions, source: LifecycleResult['rosterSource']): number {
  const d = f.days - 1, now = runs[runs.length - 1]!;
  const sig = signalsAt(f, d, o);
  let margin: number;
  switch (now.phase) {
    case 'inception': margin = 1 - d / Math.max(1, o.youngDays) / 2; break;
    case 'growth': margin = Math.min(1, sig.rosterRate / (2 * Math.max(o.growthRate, 1e-9))); break;
    case 'decline': margin = sig.silent ? 1 : Math.min(1, Math.max(1 - sig.activityRatio / o.recoverActivity, sig.shrinking ? 0.6 : 0) + 0.3); break;
    default: margin = Math.min(1, Math.min(sig.activityRatio - o.declineActivity, o.growthRate - Math.max(0, sig.rosterRate)) * 4 + 0.4);
  }
  const held = Math.min(1, (now.end - now.start) / (2 * o.minRunDays));
  const data = source === 'member-list' ? 1 : source === 'join-events' ? 0.9 : 0.75;
  const thin = f.cumulative[d]! < 50 ? 0.7 : 1;
  return round(Math.max(0.05, Math.min(1, (0.5 + 0.5 * Math.max(0, margin)) * (0.7 + 0.3 * held) * data * thin)));
}

function evidence(g: GroupRecord, ctx: AnalysisContext, f: DailyFeatures, now: Run, o: LifecycleOptions, source: LifecycleResult['rosterSource'], start: Start): Finding[] {
  const s = ctx.series(g);
  const d = f.days - 1;
  const sig = signalsAt(f, d, o);
  let rosterPeak = 0;
  for (let i = 0; i < s.days; i++) rosterPeak = Math.max(rosterPeak, s.roster[i]!);
  let netPeak = 0;
  for (let i = 0; i < f.days; i++) netPeak = Math.max(netPeak, f.net30[i]!);
  const out: Finding[] = [
    // `startsNew` false: the data begins mid-life (no inception in the timeline); `startSign` says why.
    finding('lifecycle-age', 'info', { days: Math.floor((ctx.asOf - s.firstAt) / DAY), firstActivityAt: iso(s.firstAt), startsNew: start.fresh, startSign: start.sign, startFirst: start.first, startLater: start.later }),
    finding('lifecycle-roster', sig.shrinking ? 'bad' : sig.growing ? 'good' : 'info', {
      // A share of a roster that was (nearly) empty a month ago says nothing ("3000%" of 0, review): none.
      roster: s.roster[d]!, peak: rosterPeak, net30: f.net30[d]!, rate30: f.base30[d]! >= o.growthMin ? round(sig.rosterRate, 3) : null, source,
    }),
    finding('lifecycle-inflow', sig.growing ? 'good' : 'info', { net30: f.net30[d]!, peakNet30: netPeak, ratio: netPeak > 0 ? round(f.net30[d]! / netPeak) : null }),
    // No peak at all (nobody ever wrote) is nothing to be glad of: info, not a green tick (review).
    finding('lifecycle-activity', f.peak28[d]! < 0.05 ? 'info' : sig.activityRatio < o.declineActivity ? 'bad' : sig.activityRatio < o.recoverActivity ? 'warn' : 'good', {
      // Against a peak that rounds to 0 a day (chance taken off a few messages) a share says nothing ("1493%"): none.
      perDay7: round(f.act7[d]!, 1), perDay28: round(f.act28[d]!, 1), peak28: round(f.peak28[d]!, 1), ratio: f.peak28[d]! >= 0.05 ? round(sig.activityRatio) : null,
    }),
  ];
  if (sig.silent) out.push(finding('lifecycle-silent', 'bad', { days: o.deadAfterDays }));
  if (now.phase === 'growth' && now.lateFrom !== null) out.push(finding('lifecycle-late-growth', 'warn', { since: iso(ctx.zone.dayStart(s.day0 + now.lateFrom)), lateRatio: o.lateRatio }));
  if (source === 'messages') out.push(finding('lifecycle-roster-from-messages', 'info', {}));
  return out;
}
