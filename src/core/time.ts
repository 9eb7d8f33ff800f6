/**
 * Time helpers. Inside the program every instant is UTC epoch ms; local hours, days and weeks are
 * computed in the report's IANA time zone through a per-hour offset cache, because
 * Intl.DateTimeFormat is far too slow to call once per message.
 */
const HOUR = 3_600_000;
export const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `tz` is a time zone this Node knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (Asia/Shanghai: +8 h). Computed exactly. */
function computeOffset(timeZone: string, t: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  // Years before 100 and BC ones (a corrupt date's, shown in a warning) are the years they say:
  // Date.UTC would read 1 as 1901, and Intl writes 1 BC as year 1 of the era BC.
  const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
  const year = bc ? 1 - get('year') : get('year');
  const wall = new Date(Date.UTC(2000, get('month') - 1, get('day'), get('hour'), get('minute'), get('second')));
  wall.setUTCFullYear(year);
  return wall.getTime() - Math.floor(t / 1000) * 1000;
}

/** Hours per block of the offset cache: 1024 hours, about six weeks. */
const BLOCK = 1024;

/** The offset cache of a zone: offsets per UTC hour in blocks of BLOCK hours (NaN: not computed
 *  yet), and per UTC day (NaN: the day has a transition). */
interface OffsetCache { blocks: Map<number, Float64Array>; days: Map<number, number> }

/** One cache per zone name, shared by its Zones: ingest, finalize and the report each make one, and
 *  each would otherwise ask Intl again for every day of the data. */
const caches = new Map<string, OffsetCache>();

/**
 * A zone with a cache of offsets per UTC hour. Every zone in use today changes offset only on a
 * quarter-hour boundary... at whole or half hours in practice, and the cache is keyed per hour, so
 * a transition inside an hour is off by at most that hour (no zone does this at present).
 */
export class Zone {
  private readonly cache: OffsetCache;
  private readonly fixed: number | null;
  /**
   * The block of the last lookup: an offset is then an array index, not a Map lookup per hour.
   * Messages sorted by group and time seldom share an hour with the one before (each group spans
   * the whole range), but nearly always a block.
   */
  private lastBlock = NaN;
  private lastOffsets: Float64Array = new Float64Array(0);

  constructor(readonly name: string) {
    this.fixed = name === 'UTC' || name === 'Etc/UTC' ? 0 : null;
    let cache = caches.get(name);
    if (!cache) caches.set(name, (cache = { blocks: new Map(), days: new Map() }));
    this.cache = cache;
  }

  offset(t: number): number {
    if (this.fixed !== null) return this.fixed;
    const h = Math.floor(t / HOUR), b = Math.floor(h / BLOCK);
    if (b !== this.lastBlock) {
      let offsets = this.cache.blocks.get(b);
      if (!offsets) this.cache.blocks.set(b, (offsets = new Float64Array(BLOCK).fill(NaN)));
      this.lastBlock = b;
      this.lastOffsets = offsets;
    }
    const o = this.lastOffsets[h - b * BLOCK];
    // undefined when t is not a finite time: computeOffset throws then, as Intl does for an invalid date.
    return o === undefined || Number.isNaN(o) ? this.computeHour(h) : o;
  }

  /** The offset of UTC hour h, computed and kept in its block (the block of the last lookup). */
  private computeHour(h: number): number {
    let o = this.dayOffset(Math.floor(h / 24));
    if (Number.isNaN(o)) o = computeOffset(this.name, h * HOUR);
    this.lastOffsets[h - this.lastBlock * BLOCK] = o;
    return o;
  }

  /**
   * The offset of a whole UTC day when its first and last hours agree (no transition that day),
   * else NaN: two Intl calls per day instead of 24, as a year of messages touches every hour.
   */
  private dayOffset(day: number): number {
    let o = this.cache.days.get(day);
    if (o === undefined) {
      const a = computeOffset(this.name, day * DAY), b = computeOffset(this.name, day * DAY + 23 * HOUR);
      o = a === b ? a : NaN;
      this.cache.days.set(day, o);
    }
    return o;
  }

  /** Local wall-clock ms since the epoch (as if the local time were UTC). */
  local(t: number): number {
    return t + this.offset(t);
  }

  /**
   * The UTC instant for a local wall-clock time given as if it were UTC. A time in a DST gap
   * resolves forward, as clocks do (New York 02:30 on the spring-forward day is 03:30 EDT): read
   * with the offset from before the gap, which is the smaller of the two around it.
   */
  fromLocal(wall: number): number {
    const t = wall - this.offset(wall - this.offset(wall));
    if (this.local(t) === wall) return t;
    const before = this.offset(t), after = this.offset(wall - before);
    return wall - Math.min(before, after);
  }

  /** Days since 1970-01-01 in local time. */
  dayIndex(t: number): number {
    return Math.floor(this.local(t) / DAY);
  }

  /** ISO weekday (Monday = 1 … Sunday = 7) and hour 0–23, local. */
  weekdayHour(t: number): { weekday: number; hour: number } {
    const l = this.local(t);
    const day = Math.floor(l / DAY);
    const weekday = ((day + 3) % 7 + 7) % 7 + 1; // 1970-01-01 was a Thursday (ISO 4)
    const hour = Math.floor((l - day * DAY) / HOUR);
    return { weekday, hour };
  }

  /** Local day index of the Monday that starts t's week. */
  weekStartDay(t: number): number {
    const day = this.dayIndex(t);
    return day - (((day + 3) % 7) + 7) % 7;
  }

  /** The UTC instant at which local day `day` starts (its first existing minute when midnight
   *  falls in a DST gap, as in Santiago: so dayIndex of it is `day`). */
  dayStart(day: number): number {
    return this.fromLocal(day * DAY);
  }
}

/** YYYY-MM-DD for a local day index. */
export function dayToDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO 8601 in UTC with seconds, e.g. 2024-01-02T03:04:05Z (ms dropped: exports rarely have them). */
export function iso(t: number): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** ISO 8601 with the zone's offset, e.g. 2024-01-02T11:04:05+08:00, for people reading local time. */
export function isoLocal(t: number, zone: Zone): string {
  const off = zone.offset(t);
  const wall = new Date(Math.floor((t + off) / 1000) * 1000).toISOString().slice(0, 19);
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off) / 60_000;
  return `${wall}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
