/**
 * Scenario plans: for each kind, the planted life of a group as segments (phase, join volume,
 * activity level, leave hazard). Lengths and sizes are randomised per group; the segment
 * boundaries are what truth.json reports as the timeline.
 */
import type { Rng } from './prng.js';
import type { Kind, Plan, Segment } from './types.js';

type Builder = { add(seg: Omit<Segment, 'startDay' | 'endDay'>, days: number): void; day: number };

function builder(segments: Segment[]): Builder {
  const b = {
    day: 0,
    add(seg: Omit<Segment, 'startDay' | 'endDay'>, days: number) {
      segments.push({ ...seg, startDay: b.day, endDay: b.day + days });
      b.day += days;
    },
  };
  return b;
}

const BASE_HAZARD = 0.0008;

/** Inception, then early and late growth: the common youth of every group that got anywhere. */
function youth(b: Builder, rng: Rng, size: number, lateGrowth: boolean): void {
  b.add({ phase: 'inception', sub: 'seeding', joins: size * rng.range(0.2, 0.3), activity: [1.2, 1.1], hazard: BASE_HAZARD }, rng.int(14, 21));
  b.add({ phase: 'growth', sub: 'early', joins: size * rng.range(0.45, 0.55), activity: [0.9, 1.05], hazard: BASE_HAZARD }, rng.int(40, 80));
  if (lateGrowth) {
    b.add({ phase: 'growth', sub: 'late', joins: size * rng.range(0.25, 0.32), activity: [1.05, 1], hazard: BASE_HAZARD }, rng.int(30, 60));
  }
}

function sizeFor(rng: Rng, lo: number, hi: number): number {
  // Log-uniform: many small groups, few big ones.
  return Math.round(Math.exp(rng.range(Math.log(lo), Math.log(hi))));
}

/**
 * Builds the plan for one group of `kind`. `sizeHint` overrides the random peak size (demo);
 * `sizeScale` multiplies the drawn size and every segment's joins (eval variants; 1 = unchanged).
 */
export function planFor(kind: Kind, rng: Rng, sizeHint?: number, sizeScale = 1): Plan {
  const segments: Segment[] = [];
  const b = builder(segments);
  let size = sizeHint ?? sizeFor(rng, 80, 320);
  let silentFrom = -1;
  let shockDay = -1;
  const flat = (days: number) =>
    b.add({ phase: 'maturity', sub: 'flat', joins: 0, activity: [1, 1], hazard: BASE_HAZARD * 1.5 }, days);

  switch (kind) {
    case 'inception':
      size = sizeHint ?? sizeFor(rng, 25, 90);
      b.add({ phase: 'inception', sub: 'seeding', joins: size * rng.range(0.75, 0.95), activity: [1.3, 1.2], hazard: BASE_HAZARD }, rng.int(8, 24));
      break;
    case 'growth':
      size = sizeHint ?? sizeFor(rng, 60, 300);
      b.add({ phase: 'inception', sub: 'seeding', joins: size * rng.range(0.2, 0.3), activity: [1.2, 1.1], hazard: BASE_HAZARD }, rng.int(14, 21));
      b.add({ phase: 'growth', sub: 'early', joins: size * rng.range(0.6, 0.75), activity: [0.8, 1.1], hazard: BASE_HAZARD }, rng.int(45, 120));
      break;
    case 'late-growth':
      youth(b, rng, size, true);
      break;
    case 'maturity':
    case 'owner-driven':
      if (kind === 'owner-driven') size = sizeHint ?? sizeFor(rng, 40, 250);
      youth(b, rng, size, true);
      flat(rng.int(kind === 'maturity' ? 90 : 40, 300));
      break;
    case 'slow-decline':
      youth(b, rng, size, true);
      flat(rng.int(60, 200));
      b.add({ phase: 'decline', sub: 'fading', joins: size * 0.04, activity: [0.9, rng.range(0.15, 0.3)], hazard: rng.range(0.003, 0.005) }, rng.int(70, 160));
      break;
    case 'sudden-decline':
      youth(b, rng, size, true);
      flat(rng.int(60, 200));
      shockDay = b.day;
      b.add({ phase: 'decline', sub: 'collapse', joins: size * 0.02, activity: [0.14, 0.07], hazard: 0.004 }, rng.int(20, 70));
      break;
    case 'dead':
    case 'zombie': {
      const silence = kind === 'dead' ? rng.int(30, 200) : rng.int(40, 300);
      if (kind === 'dead' && rng.chance(0.5)) {
        // Died young: seeded, a little chat, then nothing (the common fate of WeChat groups).
        size = sizeHint ?? sizeFor(rng, 20, 80);
        b.add({ phase: 'inception', sub: 'seeding', joins: size * 0.9, activity: [1, 0.7], hazard: BASE_HAZARD }, rng.int(7, 20));
        const fade = rng.int(3, 15);
        silentFrom = b.day + fade;
        b.add({ phase: 'decline', sub: 'fading', joins: 1, activity: [0.5, 0.1], hazard: 0.002 }, fade + silence);
      } else {
        if (kind === 'zombie') size = sizeHint ?? sizeFor(rng, 40, 300);
        youth(b, rng, size, true);
        flat(rng.int(30, 120));
        const fade = rng.int(40, 120);
        silentFrom = b.day + fade;
        b.add({ phase: 'decline', sub: 'fading', joins: size * 0.02, activity: [0.8, 0.05], hazard: 0.003 }, fade + silence);
      }
      break;
    }
    case 'revived':
      youth(b, rng, size, true);
      flat(rng.int(40, 120));
      b.add({ phase: 'decline', sub: 'fading', joins: size * 0.03, activity: [0.9, 0.1], hazard: rng.range(0.003, 0.005) }, rng.int(60, 150));
      b.add({ phase: 'growth', sub: 'revival', joins: size * rng.range(0.3, 0.5), activity: [0.4, 1], hazard: BASE_HAZARD }, rng.int(20, 60));
      break;
  }
  if (sizeScale !== 1 && sizeHint === undefined) {
    // After every draw, so the random stream (and everything else about the group) is unchanged.
    size = Math.max(6, Math.round(size * sizeScale));
    for (const s of segments) s.joins *= sizeScale;
  }
  // The last segment runs through the as-of day itself.
  const age = b.day;
  segments[segments.length - 1]!.endDay = age + 1;

  const late = segments.find((s) => s.sub === 'late');
  const decline = segments.find((s) => s.phase === 'decline');
  const evening = rng.next();
  const peakHour = evening < 0.6 ? rng.int(20, 22) : evening < 0.8 ? rng.int(12, 13) : evening < 0.95 ? rng.int(7, 9) : rng.int(15, 16);
  const alive = silentFrom < 0;
  const withSeeds = ['growth', 'late-growth', 'maturity', 'slow-decline', 'revived'].includes(kind) && size >= 40;
  const grows = kind !== 'inception' && kind !== 'dead' && kind !== 'zombie';
  return {
    kind, age, size, segments,
    silentFrom: alive ? age + 1 : silentFrom,
    shockDay,
    ownerDriven: kind === 'owner-driven',
    peakWeekday: rng.int(1, 7),
    peakHour,
    seeds: withSeeds ? rng.int(3, Math.min(6, 2 + Math.floor(size / 40))) : 0,
    spreaders: grows ? rng.int(1, size > 150 ? 3 : 2) : 0,
    fakeSpreaders: kind !== 'inception' && rng.chance(0.55) ? 1 : 0,
    spammers: kind === 'zombie' || rng.chance(0.7) ? rng.int(1, 2) : 0,
    bursts: kind !== 'inception' && rng.chance(0.5) ? 1 : 0,
    heavyLeavers: withSeeds && rng.chance(0.6) ? 1 : 0,
    hasBot: kind === 'zombie' ? rng.chance(0.5) : rng.chance(0.25),
    admins: rng.chance(0.5) ? rng.int(1, 2) : 0,
    windowOpenDay: late ? late.startDay : -1,
    windowCloseDay: decline ? decline.startDay : -1,
  };
}

/** The segment covering day `day` (the last one for days past the end). */
export function segmentAt(plan: Plan, day: number): Segment {
  for (const s of plan.segments) if (day < s.endDay) return s;
  return plan.segments[plan.segments.length - 1]!;
}

/** Planned member activity multiplier on `day` (0 once the group fell silent). */
export function activityAt(plan: Plan, day: number): number {
  if (day >= plan.silentFrom) return 0;
  const s = segmentAt(plan, day);
  const x = (day - s.startDay) / Math.max(1, s.endDay - s.startDay);
  const [a, b] = s.activity;
  // Fading is exponential (a group loses a share of its talk each week), the rest linear.
  return s.sub === 'fading' ? a * Math.pow(b / a, x) : a + (b - a) * x;
}

/** Expected ordinary joins on `day`, shaped inside the segment. `flat` replaces leavers. */
export function joinsAt(plan: Plan, day: number, rosterSize: number): number {
  const s = segmentAt(plan, day);
  if (s.sub === 'flat') return rosterSize * s.hazard * 1.3;
  const len = s.endDay - s.startDay;
  const x = (day - s.startDay) / Math.max(1, len);
  const shape = (v: number) => {
    switch (s.sub) {
      case 'seeding': return v < 0.1 ? 6 : 1.4 - v; // the owner pulls a crowd in on day one
      case 'early': case 'revival': return 0.2 + 1.6 * v * v; // accelerating: the last month leads
      case 'late': return 1 - 0.7 * v;
      default: return 1 - 0.5 * v;
    }
  };
  let norm = 0;
  for (let d = 0; d < len; d++) norm += shape(d / Math.max(1, len));
  return (s.joins * shape(x)) / norm;
}
