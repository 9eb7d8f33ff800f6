import { describe, expect, it } from 'vitest';
import { Zone } from '../../src/core/time.js';
import { parseTimestamp, parseTimestampAt, slashDayOrder } from '../../src/core/timestamp.js';

const UTC = new Zone('UTC');
const iso = (s: string, zone = UTC, order?: 'md' | 'dm') => {
  const t = parseTimestamp(s, zone, order);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

describe('parseTimestamp: forms with the year last (general path only)', () => {
  it('reads DiscordChatExporter\'s old dd-MMM-yy hh:mm tt and named English months', () => {
    expect(iso('01-Apr-24 10:05 AM')).toBe('2024-04-01T10:05:00.000Z');
    expect(iso('01-Apr-24 01:05 PM')).toBe('2024-04-01T13:05:00.000Z');
    expect(iso('01-Apr-24 12:05 AM')).toBe('2024-04-01T00:05:00.000Z');
    expect(iso('15-Dec-23 12:30 PM')).toBe('2023-12-15T12:30:00.000Z');
    expect(iso('1 April 2024 10:05')).toBe('2024-04-01T10:05:00.000Z');
    expect(iso('01-Apr-24 10:05 AM', new Zone('Asia/Shanghai'))).toBe('2024-04-01T02:05:00.000Z');
    for (const bad of ['01-Foo-24 10:05', '31-Feb-24 10:05', '01-Apr-24 13:05 PM', '01-Apr-24 0:05 AM', '01-Apr-24']) expect(iso(bad), bad).toBeNull();
  });

  it('reads a slash date whose value shows its order, and refuses one that could be either', () => {
    expect(iso('5/13/2024 9:03')).toBe('2024-05-13T09:03:00.000Z'); // Excel en-US: second number > 12
    expect(iso('13/5/2024 9:03')).toBe('2024-05-13T09:03:00.000Z'); // day first: first number > 12
    expect(iso('12/31/2023 11:59 PM')).toBe('2023-12-31T23:59:00.000Z');
    expect(iso('5/5/2024 10:00')).toBe('2024-05-05T10:00:00.000Z'); // the same either way
    // Ambiguous: refused, never swapped — with or without AM/PM (en-AU, en-SG write d/m with it).
    for (const s of ['1/5/2024 9:03', '1/5/2024 13:03', '04/01/2024 10:06', '4/1/2024 9:03 PM']) expect(iso(s), s).toBeNull();
    // Impossible either way, or no time.
    for (const s of ['13/13/2024 10:00', '2/30/2024 10:00', '1/5/2024', '5/13/2024']) expect(iso(s), s).toBeNull();
  });

  it('reads an ambiguous slash date in the order the caller learnt from its file', () => {
    expect(iso('1/5/2024 9:03', UTC, 'md')).toBe('2024-01-05T09:03:00.000Z');
    expect(iso('1/5/2024 9:03 PM', UTC, 'dm')).toBe('2024-05-01T21:03:00.000Z');
    // A value that shows its own order keeps it.
    expect(iso('5/13/2024 9:03', UTC, 'dm')).toBe('2024-05-13T09:03:00.000Z');
  });

  it('slashDayOrder says what a value shows', () => {
    expect(['5/13/2024 9:03', '13/5/2024 9:03', '5/5/2024 9:03', '4/5/2024 9:03 AM', '2024/5/13 9:03', 'x'].map(slashDayOrder))
      .toEqual(['md', 'dm', 'same', 'either', null, null]);
  });

  it('reads D.M.YYYY H:mm day first', () => {
    expect(iso('5.1.2024 09:03')).toBe('2024-01-05T09:03:00.000Z');
    expect(iso('31.12.2023 23:59:59')).toBe('2023-12-31T23:59:59.000Z');
    expect(iso('31.13.2023 23:59')).toBeNull();
  });

  it('leaves the forms read before as they were', () => {
    expect(iso('2024/1/5 9:03')).toBe('2024-01-05T09:03:00.000Z');
    expect(iso('2024-01-05T09:03:00Z')).toBe('2024-01-05T09:03:00.000Z');
    expect(iso('1704445380')).toBe('2024-01-05T09:03:00.000Z');
    const line = 'x,01-Apr-24 10:05 AM,y';
    expect(new Date(parseTimestampAt(line, 2, 20, UTC)).toISOString()).toBe('2024-04-01T10:05:00.000Z');
  });
});
