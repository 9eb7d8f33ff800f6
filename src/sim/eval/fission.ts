/** Fission (only when the report has it): planted spreaders first, and K within 10% of the truth. */
import { atLeast, pair, share, type Evaluate } from './types.js';

export const evaluate: Evaluate = (groups, truth) => {
  const pairs = pair(groups, truth);
  if (!pairs.some((p) => p.r?.fission)) return [];
  const withSpreaders = pairs.filter((p) => p.t.spreaders.length > 0);
  let first = 0, kHits = 0;
  const misses: string[] = [];
  const errors: number[] = [];
  for (const { r, t } of withSpreaders) {
    const n = t.spreaders.length;
    const top = new Set((r?.fission?.topSpreaders ?? []).slice(0, n).map((s) => s.memberId));
    if (t.spreaders.every((id) => top.has(id))) first++;
    else misses.push(t.kind);
  }
  for (const { r, t } of pairs) {
    const k = r?.fission?.kFactor ?? Number.NaN;
    const err = t.kFactor30 === 0 ? Math.abs(k) : Math.abs(k - t.kFactor30) / t.kFactor30;
    errors.push(err);
    if (err <= 0.1 || Math.abs(k - t.kFactor30) <= 0.005) kHits++;
  }
  errors.sort((a, b) => a - b);
  return [
    atLeast('planted spreaders ranked first', share(first, withSpreaders.length), 0.9, `${first}/${withSpreaders.length}${misses.length ? `; missed in ${misses.slice(0, 5).join(', ')}` : ''}`),
    atLeast('K within 10%', share(kHits, pairs.length), 0.9, `median relative error ${(errors[Math.floor(errors.length / 2)] ?? Number.NaN).toFixed(3)}`),
  ];
};
