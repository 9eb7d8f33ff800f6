import { Zone } from './time.js';

/**
 * Parses the timestamp forms that exports write, fast (called once per row):
 * ISO 8601 with or without an offset or Z (T or space), `YYYY-MM-DD HH:mm[:ss[.SSS]]`,
 * `YYYY/M/D H:mm[:ss]`, `YYYY.M.D`, a bare date, and epoch seconds or milliseconds.
 * A time without an offset is local to `zone`. Returns NaN when the text is not a time.
 */
const RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

export function parseTimestamp(raw: string, zone: Zone): number {
  const s = raw.trim();
  if (s === '') return NaN;
  if (/^\d{9,13}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    // Ten digits or fewer are seconds (until the year 2286); more are milliseconds.
    return s.split('.')[0]!.length <= 10 ? Math.round(n * 1000) : Math.round(n);
  }
  const m = RE.exec(s);
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', se = '0', frac, off] = m;
  const month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(se);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wall = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2023-02-31 over to March: reject impossible dates instead.
  if (new Date(wall).getUTCDate() !== day) return NaN;
  if (off === undefined) return zone.fromLocal(wall);
  if (off.toUpperCase() === 'Z') return wall;
  const sign = off[0] === '-' ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  const offMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return wall - sign * offMin * 60_000;
}
