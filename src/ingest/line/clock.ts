/**
 * The start of a LINE message line: the time, then a tab (phone exports: `15:04\tAlice\thi`,
 * `15:04\t\tAlice joined the group.`) or a space (PC "Save chat": `15:04 Alice hi`). 24-hour, or
 * 12-hour with the marker after the time (`03:05pm`, `04:46 PM`) or before it (`上午3:05`,
 * `下午04:46`, `午後3:05`). Minutes only: LINE writes no seconds.
 */
const CLOCK = /^(?:(上午|下午|午前|午後)\s?)?(\d{1,2}):(\d{2})(?:\s?([AaPp])\.?[Mm]\.?)?([\t ])/;

export type Separator = '\t' | ' ';

export interface Clock {
  /** Minutes after local midnight, or NaN for a time no clock shows (25:00, 下午13:00). */
  minutes: number;
  /** What follows the time: a tab or a space. */
  sep: Separator;
  /** The rest of the line after the separator. */
  rest: string;
}

/** The time at the start of a message line, or null when the line starts with none. */
export function readClock(line: string): Clock | null {
  const m = CLOCK.exec(line);
  if (!m) return null;
  const [all, before, h = '', mi = '', after, sep] = m;
  const marker = before ?? after;
  let hour = Number(h);
  const minute = Number(mi);
  let ok = minute <= 59;
  if (marker === undefined) ok &&= hour <= 23;
  else {
    // 12 AM is midnight, 12 PM noon; some phones write 0:30 PM for half past noon.
    ok &&= hour <= 12;
    hour = hour % 12 + (/^(?:[Pp]|下午|午後)/.test(marker) ? 12 : 0);
  }
  return { minutes: ok ? hour * 60 + minute : Number.NaN, sep: sep as Separator, rest: line.slice(all.length) };
}

/**
 * Sender and text of a phone export's rest (`Alice\thi`); a rest without a tab, or with an empty
 * sender (`\tAlice joined the group.`), is a system line: sender null.
 */
export function splitTab(rest: string): { sender: string | null; text: string } {
  const tab = rest.indexOf('\t');
  if (tab < 0) return { sender: null, text: rest };
  const sender = rest.slice(0, tab).trim();
  return { sender: sender === '' ? null : sender, text: rest.slice(tab + 1) };
}
