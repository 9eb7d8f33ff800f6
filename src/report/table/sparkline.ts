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

/**
 * Weekly member messages (members' own activity: an owner, a bot or an advertiser posting in a dead
 * group drew a line that rose to the end) as a rate per full week, so a partial last week (as-of on
 * a Monday) does not look like a sudden drop; a last week of one or two days says too little to
 * draw. Reports without `memberMessages` draw all messages.
 */
export function weeklyRates(weekly: { messages: number; memberMessages?: number; days?: number }[]): number[] {
  const last = weekly[weekly.length - 1];
  const shown = last?.days !== undefined && last.days < 3 && weekly.length > 1 ? weekly.slice(0, -1) : weekly;
  return shown.map((w) => {
    const n = w.memberMessages ?? w.messages;
    return w.days && w.days < 7 ? (n * 7) / w.days : n;
  });
}
