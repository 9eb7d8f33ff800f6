/**
 * The first `k` of the items 0..n-1 in the order of `compare`, best first: exactly what a stable
 * sort of all of them followed by `slice(0, k)` gives. A ranking lists a handful of a group's
 * thousands of members; sorting them all cost more than the rest of the ranking.
 */
export function topK(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  if (k <= 0) return best;
  for (let i = 0; i < n; i++) {
    // Not better than the last kept: a stable sort would put it after (ties keep input order).
    if (best.length === k && compare(i, best[k - 1]!) >= 0) continue;
    let lo = 0, hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(best[mid]!, i) <= 0) lo = mid + 1; else hi = mid;
    }
    best.splice(lo, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}
