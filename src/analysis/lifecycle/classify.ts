import type { DailyFeatures } from './features.js';

export type Phase = 'inception' | 'growth' | 'maturity' | 'decline';

/** The thresholds the classifier reads (a subset of the lifecycle options). */
export interface ClassifyOptions {
  inceptionDays: number;
  youngDays: number;
  deadAfterDays: number;
  growthRate: number;
  growthMin: number;
  regrowth: number;
  lateRatio: number;
  declineActivity: number;
  suddenActivity: number;
  recoverActivity: number;
  rosterShrink: number;
  rosterCollapse: number;
  minRunDays: number;
  lullDays: number;
  lullRecovery: number;
  seenGrowthActivity: number;
  seenGrowthRate: number;
  seenRevival: number;
  noiseZ: number;
}

/** A run of days in one phase: [start, end) in day offsets from the series' first day. */
export interface Run {
  phase: Phase;
  start: number;
  end: number;
  /** For growth runs: first day of late growth (inflow slowing from its peak), or null. */
  lateFrom: number | null;
}

/** Why a day got its label: the numbers compared, kept for the evidence of the last day. */
export interface DaySignals {
  growing: boolean;
  /** Roster from messages only: member activity at or above its recent level (and rising when far below its peak). */
  activityHolds: boolean;
  silent: boolean;
  activityRatio: number;
  shortRatio: number;
  rosterRate: number;
  shrinking: boolean;
}

export function signalsAt(f: DailyFeatures, d: number, o: ClassifyOptions): DaySignals {
  const net = f.net30[d]!, base = Math.max(1, f.base30[d]!);
  const peak = f.peak28[d]!;
  const rosterRate = net / base;
  const activityRatio = peak > 0 ? f.act28[d]! / peak : 1;
  // People seen for the first time are weak evidence of growth (a support room keeps drawing new
  // askers while it withers): without a real roster, growth also needs activity that holds.
  // Far below its peak, activity must be rising clearly (a revival), not just holding.
  const prev = f.act28prev[d]!;
  const activityHolds = !f.rosterFromMessages
    || (f.act28[d]! >= o.seenGrowthActivity * prev && (activityRatio >= o.declineActivity || f.act28[d]! >= o.seenRevival * prev));
  return {
    // Relative to the roster a month ago, so a small young group counts as growing as clearly as a big one.
    // And more than the noise of the flow: in a small group a few joins and leaves either way are
    // chance (net against the square root of joins + leaves, as for Poisson counts).
    growing: net >= o.growthMin && net >= o.noiseZ * Math.sqrt(f.gross30[d]!)
      && rosterRate >= (f.rosterFromMessages ? o.seenGrowthRate : o.growthRate) && activityHolds,
    activityHolds,
    // Silence only counts once the group is old enough to have been silent that long.
    silent: d + 1 >= o.deadAfterDays && f.recent[d]! === 0,
    activityRatio,
    shortRatio: peak > 0 ? f.act14[d]! / peak : 1,
    rosterRate,
    // Members leaving is decline while the chat is below its peak (or has no peak the noise
    // leaves), or when they leave in numbers: a group busier than ever that loses a few lurkers a
    // month (a course at its height) is not declining. And more than the noise of the flow, as
    // for growth. Second independent simulation: "since" 31/39, 33/39, 31/39 → 32/39, 34/39, 32/39.
    shrinking: net <= -o.growthMin && net <= -o.noiseZ * Math.sqrt(f.gross30[d]!)
      && (rosterRate <= -o.rosterCollapse || (rosterRate <= -o.rosterShrink && (!(peak > 0) || activityRatio < 1))),
  };
}

/**
 * One label per day. Decline has hysteresis: it starts when activity falls below `declineActivity`
 * of its peak (or below `suddenActivity` over two weeks, or the roster shrinks), and ends only when
 * activity is back above `recoverActivity` or the roster grows again — so a group hovering near the
 * threshold does not flicker.
 */
export function labelDays(f: DailyFeatures, o: ClassifyOptions): Phase[] {
  const n = f.days;
  const labels: Phase[] = new Array<Phase>(n);
  // Inception only where the data shows the beginning (start.ts); a mid-life export is judged on its numbers from day one.
  const young = f.fresh && n < o.youngDays;
  const inceptionDays = f.fresh ? o.inceptionDays : 0;
  let prev: Phase = 'inception';
  // Days in a row of maturity after a growth run, and of decline: growth again after an
  // established maturity needs more (see regrows); a day or two of decline in it (a flicker the
  // segments merge away) does not end it, a decline of minRunDays does.
  let grew = false, mature = 0, declined = 0;
  for (let d = 0; d < n; d++) {
    const s = signalsAt(f, d, o);
    let p: Phase;
    if (s.silent) p = 'decline';
    else if (young || d < inceptionDays) p = 'inception';
    // Past its first weeks and no member has written yet (a bot or the owner alone posts): people
    // added to a group nobody talks in is no growth, and with no level to hold no maturity (a peak
    // of 0 read as "at its peak"). Found by the fourth independent simulator. Not in the first days
    // of a mid-life export that members write in later: those days are only where the file starts.
    else if (f.cumulative[d]! === 0 && (f.fresh || f.cumulative[n - 1]! === 0)) p = 'decline';
    else if (s.growing && s.shortRatio >= o.suddenActivity && (!grew || mature < o.minRunDays || regrows(f, d, o))) p = 'growth';
    else if (s.activityRatio < o.declineActivity || s.shortRatio < o.suddenActivity || s.shrinking) p = 'decline';
    else if (prev === 'decline' && s.activityRatio < o.recoverActivity) p = 'decline';
    else p = 'maturity';
    labels[d] = p;
    prev = p;
    declined = p === 'decline' ? declined + 1 : 0;
    if (p === 'growth') { grew = true; mature = 0; } else if (p === 'maturity') mature++;
    else if (p !== 'decline' || declined >= o.minRunDays) mature = 0;
  }
  return labels;
}

/**
 * Growth again after an established maturity (`minRunDays` of it after a growth run) needs a clearer inflow
 * than growth did (`regrowth` times the rate and the count); once there, growth goes on by the
 * usual rule, as decline ends by its own. A mature group keeps a trickle of joins, and a chance
 * bump in it read as weeks of growth, back and forth (the demo's 考研互助群 drew four growth spells
 * in its maturity): the hysteresis of decline, for growth. Not after a dip of a few days inside
 * growth, nor after a decline (a revival), nor with people seen as the roster (their own rules ask
 * for activity).
 */
function regrows(f: DailyFeatures, d: number, o: ClassifyOptions): boolean {
  if (f.rosterFromMessages) return true;
  const net = f.net30[d]!, base = Math.max(1, f.base30[d]!);
  return net >= o.regrowth * o.growthMin && net / base >= o.regrowth * o.growthRate;
}

/** Runs of equal labels; then flickers (a short run between two equal phases) are merged away. */
export function segment(labels: Phase[], f: DailyFeatures, o: ClassifyOptions): Run[] {
  let runs: Run[] = [];
  for (let d = 0; d < labels.length; d++) {
    const last = runs[runs.length - 1];
    if (last && last.phase === labels[d]) last.end = d + 1;
    else runs.push({ phase: labels[d]!, start: d, end: d + 1, lateFrom: null });
  }
  // Shortest flicker first, so a noisy stretch collapses into its surroundings step by step.
  for (;;) {
    let best = -1;
    for (let i = 1; i < runs.length - 1; i++) {
      const r = runs[i]!;
      if (r.end - r.start >= o.minRunDays || runs[i - 1]!.phase !== runs[i + 1]!.phase) continue;
      if (best < 0 || r.end - r.start < runs[best]!.end - runs[best]!.start) best = i;
    }
    if (best < 0) break;
    runs[best - 1]!.end = runs[best + 1]!.end;
    runs.splice(best, 2);
  }
  runs = withoutLulls(runs, f, o);
  runs = silentStarts(runs, f);
  backdateDeclines(runs, f);
  // A stray run of a few days between two different phases joins the one before it; the last run
  // stays whatever its length, because it is the news.
  runs = runs.filter((r, i) => {
    if (i === 0 || i === runs.length - 1 || r.end - r.start >= o.minRunDays / 2) return true;
    runs[i - 1]!.end = r.end;
    return false;
  }).reduce<Run[]>((acc, r) => {
    const prev = acc[acc.length - 1];
    if (prev && prev.phase === r.phase) prev.end = r.end;
    else acc.push(r);
    return acc;
  }, []);
  for (const r of runs) if (r.phase === 'growth') r.lateFrom = lateGrowthStart(f, r, o);
  return runs;
}

/** A silence at least this long that lasted into a decline is where the decline began. */
const SILENCE_DAYS = 7;

/**
 * A group that fell silent was drawn in its earlier phase until the silence showed in the
 * windowed means: a group dead in its first week (40% of WeChat groups, per domain.md) as
 * inception for three weeks, or a brief "maturity" of a silent group, then decline. With
 * hindsight its decline began the day after its last member message, when that silence (of a
 * week or more) lasted into the decline. Second independent simulation: groups dead in their
 * first week were dated 15–28 days late.
 */
function silentStarts(runs: Run[], f: DailyFeatures): Run[] {
  const had = (d: number) => f.cumulative[d]! > (d > 0 ? f.cumulative[d - 1]! : 0);
  for (let i = 1; i < runs.length; i++) {
    const r = runs[i]!;
    if (r.phase !== 'decline') continue;
    let last = r.start - 1;
    while (last >= 0 && !had(last)) last--;
    const from = last + 1;
    // Not before the first run's first day, nor into an earlier decline.
    const floor = runs.slice(0, i).reduce((x, p) => (p.phase === 'decline' ? p.end : x), runs[0]!.start + 1);
    if (last < 0 || from < floor || r.start - from < SILENCE_DAYS) continue;
    // Runs that began in the silence join the decline; the one it began in ends there.
    const before = runs.slice(0, i).filter((x) => x.start < from);
    before[before.length - 1]!.end = from;
    runs = [...before, { ...r, start: from }, ...runs.slice(i + 1)];
    i = before.length;
  }
  return runs;
}

/** How far back, and to what share of the earlier level, a decline's start is moved (see below). */
const BACKDATE_DAYS = 42, BACKDATE_SHARE = 0.8;

/**
 * A decline is called once activity is well below its peak, some weeks into the fall; with
 * hindsight its start is where the fall began: the day after the last one, within six weeks
 * before, when the week's activity was still at BACKDATE_SHARE of the level before the fall (the
 * 28-day mean centred four weeks before the call: days −42 to −15).
 * Timeline days: own simulation 0.962 → 0.965 (messages only 0.904 → 0.915); an independent
 * simulation's dead and zombie groups dated 13–20 days late → 6–13.
 */
function backdateDeclines(runs: Run[], f: DailyFeatures): void {
  for (let i = 1; i < runs.length; i++) {
    const r = runs[i]!, prev = runs[i - 1]!;
    if (r.phase !== 'decline' || prev.phase === 'inception') continue;
    const ref = f.act28[Math.max(0, r.start - 28)]!;
    if (!(ref > 0)) continue;
    const floor = Math.max(prev.start + 1, r.start - BACKDATE_DAYS);
    let d = r.start - 1;
    while (d >= floor && f.act7[d]! < BACKDATE_SHARE * ref) d--;
    const start = Math.max(floor, d + 1);
    if (start < r.start) { prev.end = start; r.start = start; }
  }
}

const LULL_WINDOW = 56;

/** Mean member messages a day over days [a, b] (NaN when empty). */
function meanPerDay(f: DailyFeatures, a: number, b: number): number {
  return (f.cumulative[b]! - (a > 0 ? f.cumulative[a - 1]! : 0)) / (b - a + 1);
}

/**
 * A short decline after which activity came back to about its level before it is a lull (a
 * holiday, a quiet month), not a phase: it joins the phase before it. The timeline is drawn with
 * hindsight, so the comeback can be seen; a revival from a real decline is longer, or comes back
 * to less than it was.
 */
function withoutLulls(runs: Run[], f: DailyFeatures, o: ClassifyOptions): Run[] {
  if (o.lullDays <= 0) return runs;
  const last = f.days - 1;
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!, before = out[out.length - 1], after = runs[i + 1];
    if (r.phase === 'decline' && before && after && before.phase !== 'inception' && after.phase !== 'decline'
      && r.end - r.start <= o.lullDays) {
      // Member messages a day over the eight weeks before the run and after it (as far as the
      // data goes): long enough that a small group's chance weeks do not decide.
      // The level after is given the benefit of its count noise (as peaks are read less theirs).
      const pre = meanPerDay(f, Math.max(0, r.start - LULL_WINDOW), r.start - 1);
      const postDays = Math.min(last, r.end + LULL_WINDOW - 1) - r.end + 1;
      const post = meanPerDay(f, r.end, r.end + postDays - 1);
      const postNoise = o.noiseZ * Math.sqrt(f.dispersion * post * postDays) / postDays;
      if (pre > 0 && post + postNoise >= o.lullRecovery * pre) {
        before.end = r.end;
        continue;
      }
    }
    if (before && before.phase === r.phase) { before.end = r.end; continue; }
    out.push({ ...r });
  }
  return out;
}

/**
 * Late growth: after the inflow (net joins over two weeks) peaked inside this growth run, the first
 * day it is below `lateRatio` of that peak and stays there. Accelerating growth has its peak at the
 * end, so it never turns late.
 */
function lateGrowthStart(f: DailyFeatures, r: Run, o: ClassifyOptions): number | null {
  // The peak the data supports: each day's inflow less its noise (the best fortnight of a small
  // group is partly luck, and an ordinary one after it is not yet a slowdown).
  const supported = (d: number) => f.net14[d]! - o.noiseZ * Math.sqrt(f.gross14[d]!);
  let peakDay = r.start;
  for (let d = r.start; d < r.end; d++) if (supported(d) > supported(peakDay)) peakDay = d;
  const peak = supported(peakDay);
  if (peak <= 0) return null;
  let from: number | null = null;
  for (let d = peakDay + 1; d < r.end; d++) {
    if (f.net14[d]! < o.lateRatio * peak) from ??= d;
    else from = null;
  }
  return from;
}
