/** Rounds to `digits` decimals; null for null, NaN and infinities. */
export function round(x: number | null, digits = 4): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}

/** Rounds a share or ratio for the JSON (and the findings): 3 decimals is plenty for people. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Linear-interpolated quantile of a sorted array, or null when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  if (!sorted.length) return null;
  const x = (sorted.length - 1) * q, lo = Math.floor(x), hi = Math.ceil(x);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (x - lo);
}

/** First position in the ascending `a` whose value is at least `x` (a.length when none). */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
