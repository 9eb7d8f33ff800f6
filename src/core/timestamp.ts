import { Zone } from './time.js';

/**
 * Parses the timestamp forms that exports write, fast (called once per row):
 * ISO 8601 with or without an offset or Z (T or space), `YYYY-MM-DD HH:mm[:ss[.SSS]]`,
 * `YYYY/M/D H:mm[:ss]`, `YYYY.M.D`, a bare date, and epoch seconds or milliseconds; and, with a
 * time, the forms of English-locale tools and spreadsheets (see {@link parseLocaleForm}).
 * A time without an offset is local to `zone`. Returns NaN when the text is not a time.
 */
const RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

export function parseTimestamp(raw: string, zone: Zone, order?: DayOrder): number {
  const s = raw.trim();
  if (s === '') return NaN;
  const fast = parseFixedAt(s, 0, s.length, zone);
  if (fast === fast) return fast; // not NaN: the common fixed-width form, read without the regex
  if (/^\d{9,13}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    // Ten digits or fewer are seconds (until the year 2286); more are milliseconds.
    return s.split('.')[0]!.length <= 10 ? Math.round(n * 1000) : Math.round(n);
  }
  const m = RE.exec(s);
  if (!m) return parseLocaleForm(s, zone, order);
  const [, y, mo, d, h = '0', mi = '0', se = '0', frac, off] = m;
  const month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(se);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const year = Number(y);
  // Impossible dates (2023-02-31, or 23:59:60 rolling into the next day) are refused rather than
  // rolled over; days are counted here, since Date.UTC reads the years 0–99 as 1900–1999.
  if (!possibleDay(year, month, day)) return NaN;
  const days = daysFromCivil(year, month, day);
  const wall = days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  if (Math.floor(wall / 86_400_000) !== days) return NaN;
  if (off === undefined) return zone.fromLocal(wall);
  if (off.toUpperCase() === 'Z') return wall;
  const sign = off[0] === '-' ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  const offMin = offsetMinutes(Number(digits.slice(0, 2)), Number(digits.slice(2) || 0));
  return wall - sign * offMin * 60_000;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const TIME = String.raw`,?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?`;
/** `01-Apr-24 10:05 AM`: DiscordChatExporter's old default (.NET `dd-MMM-yy hh:mm tt`), `1 Apr 2024 10:05`. */
const NAMED_MONTH = new RegExp(String.raw`^(\d{1,2})[- ]([a-z]{3,9})\.?[- ](\d{2}|\d{4})${TIME}$`, 'i');
/** `4/13/2024 1:05 PM`, `13/4/2024 13:05` (a spreadsheet's date and time, year last). */
const SLASH_YEAR_LAST = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`, 'i');
/** `13.4.2024 13:05`: day first wherever dots separate a date with the year last (de, ru, …). */
const DOT_YEAR_LAST = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, 'i');

/** Month first (`M/D/YYYY`, en-US) or day first (`D/M/YYYY`): the order of a slash date with the year last. */
export type DayOrder = 'md' | 'dm';

/**
 * What a slash date with the year last and a time says of its order by itself: `md` when its
 * second number is above 12, `dm` when its first is, `same` when both are the same number (either
 * order is the same date), `either` when it could be both (`4/5/2024 10:00`); null when it is not
 * that form. Readers that see a whole file learn its order from the values that show it.
 */
export function slashDayOrder(raw: string): DayOrder | 'same' | 'either' | null {
  const m = SLASH_YEAR_LAST.exec(raw.trim());
  if (!m) return null;
  const a = Number(m[1]), b = Number(m[2]);
  return a === b ? 'same' : b > 12 ? 'md' : a > 12 ? 'dm' : 'either';
}

/**
 * Dates with the year last, which only the general path reads (never the fixed form), and only
 * with a time (a bare `4/5/2024` stays refused, as `--since` and friends expect):
 * - a named English month, day first: `01-Apr-24 10:05 AM` (two-digit years are 20yy);
 * - `D.M.YYYY H:mm`, day first;
 * - `M/D/YYYY h:mm[ AM|PM]` (Excel en-US) or `D/M/YYYY H:mm[ AM|PM]`, only where the value says
 *   which (see {@link slashDayOrder}) or the caller knows the file's `order`. `4/5/2024 10:00`
 *   alone could be either: NaN, never a guess that swaps day and month. An AM/PM marker is no
 *   proof of the en-US order: en-AU, en-CA, en-SG and en-MY write the day first with AM/PM too.
 */
function parseLocaleForm(s: string, zone: Zone, order: DayOrder | undefined): number {
  let m = NAMED_MONTH.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month === undefined) return NaN;
    const y = Number(m[3]);
    return localTime(m[3]!.length === 2 ? 2000 + y : y, month, Number(m[1]), m, zone);
  }
  m = DOT_YEAR_LAST.exec(s);
  if (m) return localTime(Number(m[3]), Number(m[2]), Number(m[1]), m, zone);
  m = SLASH_YEAR_LAST.exec(s);
  if (!m) return NaN;
  const a = Number(m[1]), b = Number(m[2]);
  const own = a === b ? 'md' : b > 12 ? 'md' : a > 12 ? 'dm' : order;
  if (own === undefined) return NaN;
  return localTime(Number(m[3]), own === 'md' ? a : b, own === 'md' ? b : a, m, zone);
}

/** The wall time of a locale form (its time in groups 4–7: h, mm, ss, a/p) in `zone`; NaN when impossible. */
function localTime(year: number, month: number, day: number, m: RegExpExecArray, zone: Zone): number {
  let hour = Number(m[4]);
  const minute = Number(m[5]), second = m[6] === undefined ? 0 : Number(m[6]);
  const half = m[7]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return NaN;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
  if (!possibleDay(year, month, day)) return NaN;
  return zone.fromLocal(daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000);
}

/**
 * An offset of hh:mm in minutes, or NaN when it is not one: UTC offsets in use run from −12:00
 * to +14:00 (Kiribati), so beyond ±14:00, or with more than 59 minutes, it is a corrupt value
 * rather than a time. Both readers (the fixed form and the regex) check it here, so they agree.
 */
function offsetMinutes(hours: number, minutes: number): number {
  const total = hours * 60 + minutes;
  return minutes > 59 || total > 14 * 60 ? NaN : total;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Is day 1–31 of month 1–12 a day of that month in that year (Gregorian leap years)? */
function possibleDay(year: number, month: number, day: number): boolean {
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  return !(month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)));
}

/** Two ASCII digits at i as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48, b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** parseTimestamp of `s.slice(start, end)`: the fixed-width form read in place, anything else sliced. */
export function parseTimestampAt(s: string, start: number, end: number, zone: Zone): number {
  const fast = parseFixedAt(s, start, end - start, zone);
  return fast === fast ? fast : parseTimestamp(s.slice(start, end), zone);
}

/**
 * `YYYY-MM-DD[T ]HH:mm:ss` with nothing after it, `Z` or `±HH:MM` — what most exports write —
 * read from char codes at `o`, `n` units long (the regex and Date objects cost more than the rest
 * of a row). NaN means "not this form": the general parser decides, so the result is always the
 * same as its.
 */
function parseFixedAt(s: string, o: number, n: number, zone: Zone): number {
  if ((n !== 19 && n !== 20 && n !== 25) || s.charCodeAt(o + 4) !== 45 || s.charCodeAt(o + 7) !== 45 || s.charCodeAt(o + 13) !== 58 || s.charCodeAt(o + 16) !== 58) return NaN;
  const sep = s.charCodeAt(o + 10);
  if (sep !== 32 && sep !== 84 && sep !== 116) return NaN;
  const y1 = two(s, o), y2 = two(s, o + 2), month = two(s, o + 5), day = two(s, o + 8), hour = two(s, o + 11), minute = two(s, o + 14), second = two(s, o + 17);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = y1 * 100 + y2;
  // Years below 100 and impossible dates go the general way.
  if (year < 100 || !possibleDay(year, month, day)) return NaN;
  const days = daysFromCivil(year, month, day);
  const wall = days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
  if (n === 19) return fromLocalOnDay(zone, days, wall);
  const z = s.charCodeAt(o + 19);
  if (n === 20) return z === 90 || z === 122 ? wall : NaN;
  const oh = two(s, o + 20), om = two(s, o + 23);
  if ((z !== 43 && z !== 45) || s.charCodeAt(o + 22) !== 58 || oh < 0 || om < 0) return NaN;
  return wall - (z === 45 ? -1 : 1) * offsetMinutes(oh, om) * 60_000;
}

/**
 * zone.fromLocal(wall) for a wall time on local day `days`. A day whose every nearby UTC hour has
 * one offset (no transition can be involved) maps each of its wall times to wall - offset; that
 * offset is remembered per day (a table of about three years, by zone name: a worker thread or a
 * test makes Zone objects of its own), which saves the three offset lookups of fromLocal per row.
 */
const MEMO = 1024;
let memoZone = '';
const memoDay = new Float64Array(MEMO).fill(NaN), memoOffset = new Float64Array(MEMO);

function fromLocalOnDay(zone: Zone, days: number, wall: number): number {
  if (zone.name !== memoZone) { memoZone = zone.name; memoDay.fill(NaN); }
  const slot = days & (MEMO - 1);
  if (memoDay[slot] !== days) { memoDay[slot] = days; memoOffset[slot] = steadyOffset(zone, days); }
  const o = memoOffset[slot]!;
  return o === o ? wall - o : zone.fromLocal(wall);
}

/** The offset of every UTC hour a wall time of local day `days` can touch (offsets lie within
 *  −12 h … +14 h), or NaN when they differ. */
function steadyOffset(zone: Zone, days: number): number {
  const o = zone.offset(days * 86_400_000);
  for (let h = days * 24 - 14; h <= days * 24 + 36; h++) if (zone.offset(h * 3_600_000) !== o) return NaN;
  return o;
}
