const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of the last `width` values, scaled to their maximum. */
export function sparkline(values: number[], width = 16): string {
  const v = values.slice(-width);
  const max = Math.max(0, ...v);
  if (max === 0) return BARS[0]!.repeat(v.length);
  return v.map((x) => (x <= 0 ? ' ' : BARS[Math.min(7, Math.floor((x / max) * 7.999))]!)).join('');
}
