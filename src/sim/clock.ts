/**
 * Simulated time. Every group lives in Asia/Shanghai wall time (UTC+8 all year: no DST since 1991),
 * so a fixed offset is exact and far cheaper than Intl. Days are counted as local calendar days.
 */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const OFFSET = 8 * HOUR;

/** The one "now" shared by all groups: 2025-06-30T23:59:59+08:00. */
export const DEFAULT_AS_OF = Date.UTC(2025, 5, 30, 23, 59, 59) - OFFSET;
export const TIME_ZONE = 'Asia/Shanghai';

/** UTC instant of local midnight starting the local day that contains `t`. */
export function localMidnight(t: number): number {
  return Math.floor((t + OFFSET) / DAY) * DAY - OFFSET;
}

/** ISO 8601 with the +08:00 offset and whole seconds, e.g. 2025-06-30T21:05:00+08:00. */
export function isoLocal(t: number): string {
  return new Date(Math.floor(t / 1000) * 1000 + OFFSET).toISOString().slice(0, 19) + '+08:00';
}

/** ISO weekday of `t` in Shanghai: Monday = 1 … Sunday = 7. */
export function localWeekday(t: number): number {
  const d = new Date(t + OFFSET).getUTCDay();
  return d === 0 ? 7 : d;
}

export function localHour(t: number): number {
  return new Date(t + OFFSET).getUTCHours();
}

/** Slot index 0..167 of (weekday, hour), Monday 00h = 0. */
export function slotOf(t: number): number {
  return (localWeekday(t) - 1) * 24 + localHour(t);
}
