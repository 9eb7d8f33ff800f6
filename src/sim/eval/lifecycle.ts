/** Lifecycle: the phase now, and the timeline day by day with a week's slack at each true boundary. */
import { atLeast, missing, pair, share, type Evaluate, type GroupTruth, type ReportGroup } from './types.js';

const DAY = 86_400_000;
const SLACK = 7 * DAY;

type Span = { phase: string; start: string; end: string };

function phaseAt(timeline: readonly Span[], t: number): string | null {
  for (const s of timeline) if (t >= Date.parse(s.start) && t < Date.parse(s.end)) return s.phase;
  const last = timeline[timeline.length - 1];
  return last && t >= Date.parse(last.end) - DAY ? last.phase : null;
}

/**
 * Days (sampled at noon after the creation instant, one per day to as-of) whose phase is right; a
 * day within 7 days of a true boundary is right if it matches either side of that boundary.
 */
export function timelineDays(report: readonly Span[], truth: GroupTruth): { right: number; days: number } {
  const start = Date.parse(truth.createdAt), end = Date.parse(truth.asOf);
  const bounds = truth.timeline.slice(1).map((s, i) => ({ at: Date.parse(s.start), sides: [truth.timeline[i]!.phase, s.phase] as string[] }));
  let right = 0, days = 0;
  for (let t = start + DAY / 2; t <= end; t += DAY) {
    days++;
    const got = phaseAt(report, t);
    if (got === null) continue;
    if (got === phaseAt(truth.timeline, t)) { right++; continue; }
    if (bounds.some((b) => Math.abs(t - b.at) <= SLACK && b.sides.includes(got))) right++;
  }
  return { right, days };
}

export const evaluate: Evaluate = (groups: readonly ReportGroup[], truth) => {
  const pairs = pair(groups, truth);
  if (!pairs.some((p) => p.r?.lifecycle)) return [missing('phase accuracy', '>= 0.9', 'lifecycle'), missing('timeline day accuracy', '>= 0.85', 'lifecycle')];
  const wrong: string[] = [];
  let ok = 0, right = 0, days = 0;
  const perKind = new Map<string, [number, number]>();
  for (const { r, t } of pairs) {
    const got = r?.lifecycle?.phase;
    const hit = got === t.phase;
    if (hit) ok++;
    else wrong.push(`${t.kind}:${got ?? '-'}≠${t.phase}`);
    const k = perKind.get(t.kind) ?? [0, 0];
    const d = r?.lifecycle ? timelineDays(r.lifecycle.timeline, t) : { right: 0, days: 1 };
    right += d.right; days += d.days;
    perKind.set(t.kind, [k[0] + d.right, k[1] + d.days]);
  }
  const worst = [...perKind].map(([kind, [a, b]]) => [kind, a / b] as const).sort((x, y) => x[1] - y[1]).slice(0, 3);
  return [
    atLeast('phase accuracy', share(ok, pairs.length), 0.9, `${ok}/${pairs.length}${wrong.length ? `; wrong: ${wrong.slice(0, 6).join(', ')}` : ''}`),
    atLeast('timeline day accuracy', share(right, days), 0.85, `${right}/${days} days; weakest: ${worst.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`),
  ];
};
