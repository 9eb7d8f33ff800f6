/**
 * The date lines a LINE export writes before each day's messages, in the phone's or PC's
 * language: `2024.01.02 Tuesday` / `2025.08.04 星期一` (PC), `2024/01/02(火)` (ja),
 * `2017/11/20（一）` / `2016/5/8（週日）` (zh-Hant), `2024/1/2周二` (zh-Hans) and the English phone's
 * `Tue, 01/02/2024` — month first in the US, day first elsewhere (`Wed, 10/07/2562 BE`, Thai
 * phones in English, Buddhist era); a Thai phone in Thai (`ศ. 28/11/2568`), and the weekdays of the
 * Thai, Korean and Indonesian PC (`2025.05.15 วันพฤหัสบดี`). The weekday is required: a line of chat text that is only a date is not
 * taken for a new day.
 */

/** A calendar day, as the export wrote it. */
export interface Day { y: number; m: number; d: number }

/** Thai weekdays as LINE abbreviates them, Sunday first (`ศ. 28/11/2568`: Friday). */
const THAI_SHORT = ['อา', 'จ', 'อ', 'พ', 'พฤ', 'ศ', 'ส'];
const WEEKDAY_WORD = '(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\\.?|星期[一二三四五六日天]|[週周][一二三四五六日天]|[月火水木金土日](?:曜日?)?'
  // Thai (วันพฤหัสบดี), Korean (화요일), Indonesian (Selasa).
  + '|วัน(?:อาทิตย์|จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์)|[월화수목금토일]요일|(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu))';
const DOTTED = new RegExp(`^(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})\\s+${WEEKDAY_WORD}$`);
const SLASHED = new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})\\s*(?:[(（]${WEEKDAY_WORD}[)）]|[(（][一二三四五六日天][)）]|${WEEKDAY_WORD})$`);
const WEEKDAY_FIRST = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*\.?,\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(\s*BE)?$/i;
/** A Thai phone's date line: the weekday, then day/month/year of the Buddhist era. */
const THAI_FIRST = new RegExp(`^(${THAI_SHORT.join('|')})\\.\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})$`);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Whether y-m-d names a day of the calendar (no 30 February). */
function real(day: Day): boolean {
  if (day.m < 1 || day.m > 12 || day.d < 1 || day.d > 31) return false;
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDate() === day.d;
}

/** Days since 1970 of a real day. */
export function dayNumber(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d) / 86_400_000;
}

/**
 * Reads date lines. `Tue, 01/02/2024` is 2 January or 1 February: the weekday written beside it
 * decides, else the order last decided in the file (month first, the US order, at the start).
 */
export class DayReader {
  private monthFirst = true;

  /** The day of a date line; 'impossible' for a date line naming no real day; null for any other line. */
  read(line: string): Day | 'impossible' | null {
    const ymd = DOTTED.exec(line) ?? SLASHED.exec(line);
    if (ymd) {
      const day = { y: Number(ymd[1]), m: Number(ymd[2]), d: Number(ymd[3]) };
      return real(day) ? day : 'impossible';
    }
    const w = WEEKDAY_FIRST.exec(line);
    if (w) return this.weekdayFirst(w);
    const th = THAI_FIRST.exec(line);
    if (!th) return null;
    const year = Number(th[4]!);
    const day = { y: year > 2400 ? year - 543 : year, m: Number(th[3]), d: Number(th[2]) };
    return real(day) ? day : 'impossible';
  }

  private weekdayFirst(w: RegExpExecArray): Day | 'impossible' {
    const [a, b] = [Number(w[2]), Number(w[3])];
    const y = Number(w[4]) - (w[5] ? 543 : 0);
    const readings = [{ y, m: a, d: b }, { y, m: b, d: a }].filter(real);
    if (readings.length === 0) return 'impossible';
    const weekday = WEEKDAYS.indexOf(w[1]!.toLowerCase());
    const fits = readings.filter((r) => (dayNumber(r) + 4) % 7 === weekday); // 1 January 1970 was a Thursday
    const pick = fits.length === 1 ? fits[0]! : readings.length === 1 ? readings[0]! : null;
    if (pick) {
      if (a !== b) this.monthFirst = pick.m === a;
      return pick;
    }
    return this.monthFirst ? readings[0]! : readings[1]!;
  }
}
