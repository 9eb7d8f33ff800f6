import { DAY, type Zone } from '../../core/time.js';

/** YYYY-MM labels by local day index: formatting a Date per member was most of the journeys' time. */
const labels = new Map<number, string>();

/** YYYY-MM of a local day index (days since 1970-01-01 in the report's zone). */
export function monthOfDay(day: number): string {
  let label = labels.get(day);
  if (label === undefined) {
    if (labels.size >= 100_000) labels.clear();
    label = new Date(day * DAY).toISOString().slice(0, 7);
    labels.set(day, label);
  }
  return label;
}

/** YYYY-MM of an instant in the report's zone (the month of its local day). */
export function monthOf(t: number, zone: Zone): string {
  return monthOfDay(zone.dayIndex(t));
}

/** The UTC instant a local month starts, from its YYYY-MM label plus `add` months. */
export function monthStart(label: string, zone: Zone, add = 0): number {
  const [y, m] = label.split('-').map(Number);
  return zone.fromLocal(Date.UTC(y!, m! - 1 + add, 1));
}

/** Month labels from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: number, to: number, zone: Zone): string[] {
  const out: string[] = [];
  const last = monthOf(to, zone);
  for (let label = monthOf(from, zone); out.length < 1200; label = monthOf(monthStart(label, zone, 1), zone)) {
    out.push(label);
    if (label >= last) break;
  }
  return out;
}
