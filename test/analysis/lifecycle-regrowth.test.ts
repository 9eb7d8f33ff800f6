import { describe, expect, it } from 'vitest';
import { labelDays } from '../../src/analysis/lifecycle/classify.js';
import type { DailyFeatures } from '../../src/analysis/lifecycle/features.js';
import { lifecycleOptions } from '../../src/analysis/lifecycle/index.js';

/** Daily features by hand: a roster of 200, net inflow over 30 days as a share of it, steady chat (a collapse where `short` is set). */
function features(days: { pct: number; short?: number }[]): DailyFeatures {
  const n = days.length, F = () => new Float64Array(n);
  const f = { days: n, fresh: false, rosterFromMessages: false, net30: F(), base30: F(), net14: F(), act7: F(), act14: F(), act28: F(), act28prev: F(), peak28: F(), gross30: F(), gross14: F(), dispersion: 1, recent: F(), cumulative: F() };
  days.forEach((d, i) => {
    const net = Math.round(200 * d.pct);
    f.net30[i] = net; f.base30[i] = 200; f.net14[i] = net / 2; f.gross30[i] = Math.abs(net);
    f.act7[i] = 10; f.act28[i] = 10; f.act28prev[i] = 10; f.act14[i] = d.short ?? 10; f.peak28[i] = 10; f.recent[i] = 100; f.cumulative[i] = 1000 + i;
  });
  return f as unknown as DailyFeatures;
}
const o = { ...lifecycleOptions.parse({}), deadAfterDays: 30 };
const days = (k: number, pct: number) => Array.from({ length: k }, () => ({ pct }));
const labels = (d: { pct: number; short?: number }[]) => labelDays(features(d), o).map((p) => p[0]).join('');

describe('growth again after an established maturity (regrowth)', () => {
  it('a day of decline in the maturity (a flicker) does not let the trickle read as growth again (second review)', () => {
    const l = labels([...days(40, 0.08), ...days(30, 0), { pct: 0, short: 2 }, ...days(40, 0.06)]);
    expect(l.slice(71)).toBe('m'.repeat(40));
  });
  it('a real campaign (twice the usual inflow) is growth again; a group that never grew grows at the usual inflow', () => {
    expect(labels([...days(40, 0.08), ...days(30, 0), ...days(40, 0.12)]).slice(70)).toBe('g'.repeat(40));
    expect(labels([...days(30, 0), ...days(40, 0.06)]).slice(30)).toBe('g'.repeat(40));
  });
  it('a dip of a few days inside growth keeps it growing', () => {
    expect(labels([...days(40, 0.06), ...days(5, 0.01), ...days(40, 0.06)]).slice(45)).toBe('g'.repeat(40));
  });
});
