import { dayToDate, DAY, Zone } from '../../core/time.js';

/**
 * Dates for people, in the report's time zone. The report stores instants as UTC ISO strings, and
 * phase, window and timeline boundaries are local midnights (16:00Z the day before in Shanghai):
 * cutting the string would print them a day early east of UTC.
 */
const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) zones.set(timeZone, (z = new Zone(timeZone)));
  return z;
}

/** An ISO date-time with a time part (a bare YYYY-MM-DD is already a local day). */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** YYYY-MM-DD of an instant in `timeZone`; a bare date passes through, nothing gives "–". */
export function localDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '–';
  if (!ISO_DATE_TIME.test(iso)) return iso;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dayToDate(zoneOf(timeZone).dayIndex(t));
}

/** YYYY-MM-DD HH:mm of an instant in `timeZone`. */
export function localDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '–';
  if (!ISO_DATE_TIME.test(iso)) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const wall = zoneOf(timeZone).local(t);
  return `${dayToDate(Math.floor(wall / DAY))} ${new Date(wall).toISOString().slice(11, 16)}`;
}

/** Local wall-clock ms (as if local time were UTC) of an instant, for charts laid out in local days. */
export function localWall(iso: string, timeZone: string): number {
  return zoneOf(timeZone).local(Date.parse(iso));
}
