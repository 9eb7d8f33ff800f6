import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTimes } from '../../src/core/dataset/finalize.js';
import { Zone } from '../../src/core/time.js';

const HOUR = 3_600_000;

describe('localTimes', () => {
  // Whole-hour, half-hour and 45-minute offsets, DST both ways, and Shanghai's local mean time
  // before 1901 (+8:05:43, not whole quarter hours).
  const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'Australia/Eucla', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu'];
  const at = (from: number, to: number) => fc.integer({ min: from, max: to });
  const y2024 = Date.UTC(2024, 0, 1), y2025 = Date.UTC(2025, 0, 1);
  const times = fc.oneof(
    // Groups in time order over a year (the usual export), or any order.
    fc.array(at(y2024, y2025), { maxLength: 300 }).map((a) => a.sort((x, y) => x - y)),
    fc.array(at(y2024, y2025), { maxLength: 300 }),
    // Times of one hour around a transition, to the second.
    fc.array(at(Date.UTC(2024, 2, 10, 6), Date.UTC(2024, 2, 10, 8)).map((t) => Math.floor(t / 1000) * 1000), { maxLength: 50 }),
    // A span too long for the table (1900 to 2024): zone.offset per message.
    fc.array(at(Date.UTC(1899, 0, 1), y2025), { maxLength: 20 }),
    fc.array(at(Date.UTC(1899, 0, 1), Date.UTC(1899, 0, 3)), { maxLength: 20 }),
  );
  it('gives zone.dayIndex and zone.weekdayHour of every message', () => {
    fc.assert(fc.property(fc.constantFrom(...zones), times, (name, list) => {
      const zone = new Zone(name);
      const out = { time: Float64Array.from(list), day: new Int32Array(list.length), hourOfWeek: new Uint8Array(list.length) };
      localTimes(new Zone(name), out);
      list.forEach((t, j) => {
        const { weekday, hour } = zone.weekdayHour(t);
        expect([out.day[j], out.hourOfWeek[j]]).toEqual([zone.dayIndex(t), (weekday - 1) * 24 + hour]);
      });
    }), { numRuns: 400 });
  });

  it('agrees on every quarter hour of a year with DST', () => {
    for (const name of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const zone = new Zone(name), list: number[] = [];
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += HOUR / 4) list.push(t, t + HOUR / 4 - 1000);
      const out = { time: Float64Array.from(list), day: new Int32Array(list.length), hourOfWeek: new Uint8Array(list.length) };
      localTimes(zone, out);
      list.forEach((t, j) => {
        const { weekday, hour } = zone.weekdayHour(t);
        if (out.day[j] !== zone.dayIndex(t) || out.hourOfWeek[j] !== (weekday - 1) * 24 + hour) expect([name, t, out.day[j], out.hourOfWeek[j]]).toBe('agreeing');
      });
    }
  });
});
