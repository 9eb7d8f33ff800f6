import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByGroupAndTime } from '../../src/core/dataset/finalize.js';
import { parseTimestamp } from '../../src/core/timestamp.js';
import { Zone } from '../../src/core/time.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('parseTimestamp fast path', () => {
  for (const tz of ['UTC', 'Asia/Shanghai', 'America/New_York']) {
    it(`agrees with the general form in ${tz}`, () => {
      const zone = new Zone(tz), slow = new Zone(tz);
      fc.assert(fc.property(
        fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('', 'Z', '+08:00', '-05:30', ' ', 'T'), fc.constantFrom(' ', 'T'),
        (y, mo, d, h, mi, s, off, sep) => {
          const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${off === ' ' || off === 'T' ? '' : off}`;
          // Same text with fractional seconds ".0" is not the fixed form: the regex reads it.
          const general = parseTimestamp(text.replace(/(:\d\d)(Z|[+-]\d\d:\d\d)?$/, '$1.0$2'), slow);
          const fast = parseTimestamp(text, zone);
          expect(Number.isNaN(fast) ? 'NaN' : fast).toEqual(Number.isNaN(general) ? 'NaN' : general);
        }), { numRuns: 2000 });
    });
  }

  it('maps local times as zone.fromLocal does on and around every DST transition, any order of days', () => {
    // Zones with whole-hour, half-hour (St John's, Adelaide) and 30-minute (Lord Howe) DST.
    for (const tz of ['America/New_York', 'Europe/London', 'America/St_Johns', 'Australia/Adelaide', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const zone = new Zone(tz), ref = new Zone(tz);
      const walls: number[] = [];
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
        if (ref.offset(t) === ref.offset(t + 3_600_000)) continue;
        // Two days either side of a transition, every 10 minutes.
        for (let w = Math.floor(t / 86_400_000) * 86_400_000 - 2 * 86_400_000; w < t + 3 * 86_400_000; w += 600_000) walls.push(w);
      }
      walls.sort((a, b) => ((a * 7919) % 1000) - ((b * 7919) % 1000)); // days interleaved
      for (const w of walls) {
        const text = new Date(w).toISOString().slice(0, 19).replace('T', ' ');
        expect(parseTimestamp(text, zone), `${tz} ${text}`).toBe(ref.fromLocal(w));
      }
    }
  });

  it('reads leap days and rejects impossible dates', () => {
    const z = new Zone('UTC');
    expect(parseTimestamp('2024-02-29 12:00:00', z)).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseTimestamp('2023-02-29 12:00:00', z)).toBeNaN();
    expect(parseTimestamp('2024-04-31T00:00:00Z', z)).toBeNaN();
    expect(parseTimestamp('2024-01-01T08:00:00+08:00', z)).toBe(Date.UTC(2024, 0, 1));
  });
});

describe('sortByGroupAndTime', () => {
  it('orders by group, time and arrival, as a comparator sort does, and moves the times along', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(5)), { maxLength: 60 }), fc.constantFrom('any', 'asc', 'desc'), (pairs, shape) => {
      if (shape === 'asc') pairs.sort((a, b) => a[1] - b[1]);
      if (shape === 'desc') pairs.sort((a, b) => b[1] - a[1]);
      const groupOf = Uint32Array.from(pairs.map((p) => p[0]));
      const time = Float64Array.from(pairs.map((p) => p[1]));
      const expected = pairs.map((_, i) => i).sort((a, c) => groupOf[a]! - groupOf[c]! || time[a]! - time[c]! || a - c);
      const sorted = sortByGroupAndTime(groupOf, time, 4);
      expect([...sorted.order]).toEqual(expected);
      expect([...sorted.time]).toEqual(expected.map((i) => time[i]));
      expect([...sorted.start]).toEqual([0, 1, 2, 3, 4].map((g) => expected.filter((i) => groupOf[i]! < g).length));
    }), { numRuns: 500 });
  });
});

describe('Zone offsets cached per day', () => {
  it('give the local hour Intl gives, every hour of a year with DST', () => {
    const zone = new Zone('America/New_York');
    const f = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', hour: 'numeric' });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
      expect(Math.floor((zone.local(t) % 86_400_000) / 3_600_000)).toBe(Number(f.format(t)));
    }
  });
});
