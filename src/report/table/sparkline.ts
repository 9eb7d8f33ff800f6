const BARS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline of the last `width` values, scaled to their maximum. Zero is always the baseline "▁"
 * and any activity at least "▂", so a quiet week looks the same in every group and a dead group's
 * line is visibly flat rather than blank.
 */
export function sparkline(values: number[], width = 16): string {
  const v = values.slice(-width);
  const max = Math.max(0, ...v);
  return v.map((x) => (x <= 0 || max === 0 ? BARS[0]! : BARS[1 + Math.min(6, Math.floor((x / max) * 6.999))]!)).join('');
}

/** Weekly messages as a rate per full week, so a partial last week (as-of on a Monday) does not
 *  look like a sudden drop. */
export function weeklyRates(weekly: { messages: number; days?: number }[]): number[] {
  return weekly.map((w) => (w.days && w.days < 7 ? (w.messages * 7) / w.days : w.messages));
}
