/**
 * The message header of a WhatsApp text export: Android `DATE, TIME - ` and iOS `[DATE, TIME] `,
 * in every locale's date order, 12- or 24-hour, with 上午/下午 (and Japanese/Korean markers) before
 * or after the time. Marks that exporters insert (LRM/RLM, narrow and plain no-break spaces) are
 * normalised away before matching.
 */
const MARKER = '上午|下午|午前|午後|오전|오후';
const HEADER = new RegExp(
  '^\\[?(\\d{1,4})[-/.]\\s?(\\d{1,4})[-/.]\\s?(\\d{1,4})\\.?,?\\s+(?:klo\\s+)?' +
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
  /** The rest of the line: `Author: text` or a system line. */
  rest: string;
}

export function matchHeader(line: string): Header | null {
  const m = HEADER.exec(line);
  if (!m) return null;
  const [, a = '', b = '', c = '', before, h = '0', mi = '0', s = '0', after, rest = ''] = m;
  let hour = Number(h);
  const marker = before ?? after;
  if (marker !== undefined) {
    // 12 AM is midnight, 12 PM noon.
    hour = hour % 12 + (PM.test(marker.trim()) ? 12 : 0);
  }
  return { a, b, c, hour, minute: Number(mi), second: Number(s), rest };
}

/** Which field is the year, the month and the day, decided once per file. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** Collects the date fields of every header in a file and decides its order. */
export class DateOrderVote {
  private yearFirst = 0;
  private firstOver12 = false;
  private secondOver12 = false;
  private slashShortYear = 0;
  private total = 0;

  add(h: Header, line: string): void {
    this.total++;
    if (h.a.length === 4) { this.yearFirst++; return; }
    if (Number(h.a) > 12) this.firstOver12 = true;
    if (Number(h.b) > 12) this.secondOver12 = true;
    // en-US writes m/d/yy without padding; most day-first locales pad or use dots and dashes.
    if (h.c.length === 2 && /^\[?\d{1,2}\/\d{1,2}\/\d{2}\b/.test(line) && !/^\[?0/.test(line)) this.slashShortYear++;
  }

  decide(): DateOrder {
    if (this.total > 0 && this.yearFirst * 2 > this.total) return 'ymd';
    if (this.firstOver12) return 'dmy';
    if (this.secondOver12) return 'mdy';
    return this.slashShortYear > 0 && this.slashShortYear * 2 >= this.total ? 'mdy' : 'dmy';
  }
}

/** Local wall-clock ms of a header (as if UTC), or NaN for an impossible date. */
export function wallTime(h: Header, order: DateOrder): number {
  const [y, mo, d] = order === 'ymd' ? [h.a, h.b, h.c] : order === 'dmy' ? [h.c, h.b, h.a] : [h.c, h.a, h.b];
  let year = Number(y);
  if (y.length <= 2) year += 2000;
  const month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || h.hour > 23 || h.minute > 59 || h.second > 59) return NaN;
  const wall = Date.UTC(year, month - 1, day, h.hour, h.minute, h.second);
  return new Date(wall).getUTCDate() === day ? wall : NaN;
}
