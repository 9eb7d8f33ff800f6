import { describe, expect, it } from 'vitest';
import { DAY, Zone } from '../../src/core/time.js';

const wall = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('Zone.fromLocal and dayStart around DST', () => {
  const ny = new Zone('America/New_York');
  it('a time in the spring-forward gap resolves forward (02:30 → 03:30 EDT)', () => {
    expect(new Date(ny.fromLocal(wall(2024, 3, 10, 2, 30))).toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });
  it('times around the gap and ordinary times are exact', () => {
    expect(ny.fromLocal(wall(2024, 3, 10, 1, 59))).toBe(Date.UTC(2024, 2, 10, 6, 59));
    expect(ny.fromLocal(wall(2024, 3, 10, 3, 0))).toBe(Date.UTC(2024, 2, 10, 7, 0));
    expect(ny.fromLocal(wall(2024, 7, 1, 12))).toBe(Date.UTC(2024, 6, 1, 16));
    expect(ny.fromLocal(wall(2024, 1, 1, 12))).toBe(Date.UTC(2024, 0, 1, 17));
  });
  it('an hour that happens twice (fall back) maps to a time that shows that wall clock', () => {
    const t = ny.fromLocal(wall(2024, 11, 3, 1, 30));
    expect(ny.local(t)).toBe(wall(2024, 11, 3, 1, 30));
  });
  it('dayStart of a day without a local midnight (Santiago 2024-09-08) is inside that day', () => {
    const cl = new Zone('America/Santiago');
    const day = wall(2024, 9, 8) / DAY;
    const start = cl.dayStart(day);
    expect(cl.dayIndex(start)).toBe(day);
    expect(new Date(start).toISOString()).toBe('2024-09-08T04:00:00.000Z'); // 01:00 -03
    expect(cl.dayIndex(start - 1)).toBe(day - 1);
  });
  it('dayStart maps back to its day for every day of a year in DST zones', () => {
    for (const name of ['America/New_York', 'America/Santiago', 'Europe/London', 'Asia/Shanghai', 'Australia/Lord_Howe']) {
      const z = new Zone(name);
      for (let d = wall(2024, 1, 1) / DAY; d < wall(2025, 1, 1) / DAY; d++) {
        const s = z.dayStart(d);
        expect(z.dayIndex(s)).toBe(d);
        expect(z.dayIndex(s - 60_000)).toBe(d - 1);
      }
    }
  });
});

describe('Zone offset cache', () => {
  it('gives the offset Intl gives at the start of the hour, before and after 1970 and across blocks, in every Zone of a name', () => {
    const name = 'Europe/London';
    const f = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    const intl = (t: number) => {
      const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
      return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(t / 60_000) * 60_000;
    };
    const a = new Zone(name), b = new Zone(name);
    for (let k = 0; k < 2000; k++) {
      const t = Date.UTC(1950, 0, 1) + ((k * 7_919_993) % 1_000_003) * 2_003_911; // spread over 1950–2013
      const hour = Math.floor(t / 3_600_000) * 3_600_000;
      expect(a.offset(t)).toBe(intl(hour));
      expect(b.offset(t)).toBe(a.offset(t));
    }
  });
});
