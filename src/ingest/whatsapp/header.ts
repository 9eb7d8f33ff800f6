/**
 * The message header of a WhatsApp text export: Android `DATE, TIME - ` and iOS `[DATE, TIME] `,
 * in every locale's date order, 12- or 24-hour, with 上午/下午 (and Japanese/Korean markers) before
 * or after the time. Marks that exporters insert (LRM/RLM, narrow and plain no-break spaces) are
 * normalised away before matching.
 */
const MARKER = '上午|下午|午前|午後|오전|오후';
const AT = '(?:à|a las|a la|às|as|um|alle|klo|kl\\.?|om|o|v|в)';
const HEADER = new RegExp(
  // The comma after the date may be Arabic (،, "[15.02.25، 17:37:30]").
  '^\\[?(\\d{1,4})[-/.]\\s?(\\d{1,4})[-/.]\\s?(\\d{1,4})\\.?[,،]?\\s+' +
  // A word some locales put between the date and the time: fr "à", de "um", es "a las", pt "às",
  // it "alle", fi "klo", sv/da/no "kl.", nl "om", pl "o", cs/sk "v", ru "в".
  `(?:${AT}\\s+)?` +
  `(?:(${MARKER})\\s*)?(\\d{1,2})[.:](\\d{2})(?:[.:](\\d{2}))?` +
  `(?:\\s*([AaPp]\\.?\\s?[Mm]\\.?|${MARKER}))?` +
  '(?:\\]\\s?|\\s[-–]\\s|:\\s)(.*)$',
);
const PM = /^(?:[Pp]|下午|午後|오후)/;

/** Strip the invisible marks WhatsApp writes around times and names; keep the text otherwise. */
export function cleanLine(line: string): string {
  return line.replace(/[\u200E\u200F\u202A-\u202E]/g, '').replace(/[\u202F\u00A0\u2009]/g, ' ');
}

export interface Header {
  a: string; b: string; c: string;
  hour: number; minute: number; second: number;
  /** How AM/PM was written: 0 not at all (or 上午/下午…), 1 lower case (en-GB/AU/IN), 2 upper case (en-US). */
  ampm: 0 | 1 | 2;
  /** The rest of the line: `Author: text` or a system line. */
  rest: string;
}

export function matchHeader(line: string): Header | null {
  const m = HEADER.exec(line);
  if (!m) return null;
  const [, a = '', b = '', c = '', before, h = '0', mi = '0', s = '0', after, rest = ''] = m;
  let hour = Number(h);
  const marker = before ?? after;
  let ampm: 0 | 1 | 2 = 0;
  if (marker !== undefined) {
    // 12 AM is midnight, 12 PM noon.
    hour = hour % 12 + (PM.test(marker.trim()) ? 12 : 0);
    const c0 = marker.charCodeAt(0);
    if (c0 === 97 || c0 === 112) ampm = 1; else if (c0 === 65 || c0 === 80) ampm = 2;
  }
  return { a, b, c, hour, minute: Number(mi), second: Number(s), ampm, rest };
}

/** Which field is the year, the month and the day, decided once per file. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** Collects the date fields of every header in a file and decides its order. */
export class DateOrderVote {
  private yearFirst = 0;
  private onlyDayFirst = false;
  private onlyMonthFirst = false;
  private slashShortYear = 0;
  private total = 0;
  /** Headers with am/pm in lower case (en-GB, en-AU, en-IN) and in upper case (en-US). */
  private lowerAmPm = 0;
  private upperAmPm = 0;
  /** The date fields of the last header, so that the walk below runs once per day, not per line. */
  private lastA = '';
  private lastB = '';
  private lastC = '';
  private lastValid = false;
  /**
   * The walk from date to date, read day-first [0] and month-first [1]: the last date, a far date
   * that may be a lone corrupt line or the start of a later part, the steps back in time, and how
   * often each reading made the step the shorter one.
   */
  private prev: [number, number] = [NaN, NaN];
  private far: [number, number] | null = null;
  private back: [number, number] = [0, 0];
  private closer: [number, number] = [0, 0];
  /** Whether some date reads differently day-first and month-first (3/1 does, 3/3 does not). */
  private differs = false;

  add(h: Header, line: string): void {
    // A date impossible in every order it could be read in (a corrupt "99/99/20") says nothing
    // about the order: were it to vote, one bad line would flip the day and month of the whole file.
    if (h.a.length === 4) {
      if (!isDate(h, 'ymd')) return;
      this.total++;
      this.yearFirst++;
      return;
    }
    if (h.ampm === 1) this.lowerAmPm++; else if (h.ampm === 2) this.upperAmPm++;
    if (h.a === this.lastA && h.b === this.lastB && h.c === this.lastC) {
      if (this.lastValid) { this.total++; this.slashVote(h, line); }
      return;
    }
    this.lastA = h.a; this.lastB = h.b; this.lastC = h.c;
    const dmy = isDate(h, 'dmy'), mdy = isDate(h, 'mdy');
    this.lastValid = dmy || mdy;
    if (!dmy && !mdy) return;
    this.total++;
    if (dmy && !mdy) this.onlyDayFirst = true;
    if (mdy && !dmy) this.onlyMonthFirst = true;
    if (dmy && mdy && !this.onlyDayFirst && !this.onlyMonthFirst) {
      // Headers follow each other in time: the right order walks forward, by small steps.
      if (h.a !== h.b) this.differs = true;
      this.walk([dayNumber(h, 'dmy'), dayNumber(h, 'mdy')]);
    }
    this.slashVote(h, line);
  }

  private slashVote(h: Header, line: string): void {
    // en-US writes m/d/yy without padding; most day-first locales pad or use dots and dashes.
    if (h.c.length === 2 && /^\[?\d{1,2}\/\d{1,2}\/\d{2}\b/.test(line) && !/^\[?0/.test(line)) this.slashShortYear++;
  }

  private walk(day: [number, number]): void {
    if (Number.isNaN(this.prev[0])) { this.prev = day; return; }
    if (this.step(this.prev, day) || (this.far && this.step(this.far, day))) { this.prev = day; this.far = null; return; }
    this.far = day;
  }

  /** Count the step from one date to the next; false when it is over a year in both readings (a date to confirm first). */
  private step(from: [number, number], to: [number, number]): boolean {
    const d = to[0] - from[0], m = to[1] - from[1];
    const ad = Math.abs(d), am = Math.abs(m);
    if (ad > 366 && am > 366) return false;
    if (d < 0) this.back[0]++;
    if (m < 0) this.back[1]++;
    if (ad < am) this.closer[0]++; else if (am < ad) this.closer[1]++;
    return true;
  }

  /** Whether `decide` had nothing but a guess to go on, while the order changes the dates. */
  ambiguous = false;

  decide(): DateOrder {
    this.ambiguous = false;
    if (this.total > 0 && this.yearFirst * 2 > this.total) return 'ymd';
    if (this.onlyDayFirst) return 'dmy';
    if (this.onlyMonthFirst) return 'mdy';
    // Fewer steps back in time; then how am/pm is written; then the shorter steps from date to date.
    const [bd, bm] = this.back;
    if (bd !== bm) return bd < bm ? 'dmy' : 'mdy';
    if (this.lowerAmPm !== this.upperAmPm) return this.lowerAmPm > this.upperAmPm ? 'dmy' : 'mdy';
    const [cd, cm] = this.closer;
    if (cd !== cm) return cd > cm ? 'dmy' : 'mdy';
    this.ambiguous = this.differs;
    return this.slashShortYear > 0 && this.slashShortYear * 2 >= this.total ? 'mdy' : 'dmy';
  }
}

/** Days since 1970 of a header's date read in `order`. */
function dayNumber(h: Header, order: DateOrder): number {
  const [year, month, day] = ymd(h, order);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Year, month and day of a header's date fields read in `order` (two-digit years are 20xx). */
function ymd(h: Header, order: DateOrder): [number, number, number] {
  const [y, mo, d] = order === 'ymd' ? [h.a, h.b, h.c] : order === 'dmy' ? [h.c, h.b, h.a] : [h.c, h.a, h.b];
  return [Number(y) + (y.length <= 2 ? 2000 : 0), Number(mo), Number(d)];
}

/** Whether the date fields read in `order` name a day of the calendar (no 31 April, no month 13). */
function isDate(h: Header, order: DateOrder): boolean {
  const [year, month, day] = ymd(h, order);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** Local wall-clock ms of a header (as if UTC), or NaN for an impossible date. */
export function wallTime(h: Header, order: DateOrder): number {
  if (!isDate(h, order) || h.hour > 23 || h.minute > 59 || h.second > 59) return NaN;
  const [year, month, day] = ymd(h, order);
  return Date.UTC(year, month - 1, day, h.hour, h.minute, h.second);
}
