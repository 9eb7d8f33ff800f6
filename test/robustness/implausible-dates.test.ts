import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/core/timestamp.js';
import { Zone } from '../../src/core/time.js';
import { ingest } from '../../src/ingest/run.js';

/**
 * Times that are not times of a chat: before 1990 (zero dates of spreadsheets and epochs) and
 * offsets beyond ±14:00 are refused like dates in the future, with the row's line; a member-list
 * date that old is dropped from the member. Dates in warnings are days of the run's zone.
 */
const dir = mkdtempSync(join(tmpdir(), 'ca-dates-'));
const put = (name: string, data: string) => { const p = join(dir, name); writeFileSync(p, data); return p; };
const NOW = Date.UTC(2025, 0, 1);
const UTC = new Zone('UTC');
const HEADER = 'message_id,group_id,timestamp,sender_id,sender_name,type,text,role';

describe('UTC offsets', () => {
  it('beyond ±14:00 or with more than 59 minutes are not a time, in the fixed form and in the others', () => {
    for (const off of ['+25:00', '+14:01', '-14:30', '+05:75', '-99:00']) {
      expect(parseTimestamp(`2024-03-04T10:00:00${off}`, UTC), off).toBeNaN(); // the fixed form
      expect(parseTimestamp(`2024-03-04 10:00:00.5${off}`, UTC), off).toBeNaN(); // the regex
      expect(parseTimestamp(`2024-03-04 10:00${off.replace(':', '')}`, UTC), off).toBeNaN();
    }
    expect(parseTimestamp('2024-03-04T10:00:00+14:00', UTC)).toBe(Date.UTC(2024, 2, 3, 20));
    expect(parseTimestamp('2024-03-04T10:00:00-12:00', UTC)).toBe(Date.UTC(2024, 2, 4, 22));
    expect(parseTimestamp('2024-03-04 10:00:00.5+0545', UTC)).toBe(Date.UTC(2024, 2, 4, 4, 15, 0, 500));
  });

  it('read by the fixed form and by the regex agree for any hh:mm', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('+', '-'), (h, m, sign) => {
      const off = `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      const fixed = parseTimestamp(`2024-03-04T10:00:00${off}`, UTC);
      const general = parseTimestamp(`2024-03-04T10:00:00.0${off}`, UTC);
      expect(Number.isNaN(fixed) ? 'NaN' : fixed).toEqual(Number.isNaN(general) ? 'NaN' : general);
      expect(Number.isNaN(fixed)).toBe(m > 59 || h * 60 + m > 14 * 60);
    }), { numRuns: 1000 });
  });

  it('years below 100 are those years, not 19xx', () => {
    expect(new Date(parseTimestamp('0001-01-01', UTC)).getUTCFullYear()).toBe(1);
    expect(new Date(parseTimestamp('0099-12-31 00:00:00', UTC)).toISOString()).toBe('0099-12-31T00:00:00.000Z');
  });
});

describe('dates before 1990', () => {
  // Rows with a role go the general way (events, checked by checkEvent); plain rows the fast one.
  const rows = (role: string) => [
    `m1,g,1899-12-31 00:00:00,a,A,text,x,${role}`, `m2,g,1970-01-01 00:00:00,a,A,text,x,${role}`, `m3,g,100000000,a,A,text,x,${role}`,
    `m4,g,0001-01-01,a,A,text,x,${role}`, `m5,g,1990-01-01T00:00:00Z,a,A,text,x,${role}`, `m6,g,2024-03-04 10:00:00,a,A,text,x,${role}`,
  ];
  for (const [path, role] of [['the fast path', ''], ['the general path', 'admin']] as const) {
    it(`are refused with their lines, counted as skipped (${path})`, async () => {
      const p = put(`old-${role || 'plain'}.csv`, [HEADER, ...rows(role)].join('\n') + '\n');
      const r = await ingest({ inputs: [p], timeZone: 'Asia/Shanghai', now: NOW, threads: 1 });
      expect(r.inputs[0]).toMatchObject({ records: 2, skipped: 4 });
      expect(r.issues.map((i) => [i.code, i.line])).toEqual([['implausible-timestamp', 2], ['implausible-timestamp', 3], ['implausible-timestamp', 4], ['implausible-timestamp', 5]]);
      // Shown as the day of the run's zone: 1970-01-01 00:00 in Shanghai is 1969-12-31 16:00 UTC.
      expect(r.issues[1]!.reason).toMatch(/^dated 1970-01-01, before 1990/);
      expect(r.issues[3]!.reason).toMatch(/^dated 0001-01-01,/);
      expect(r.dataset.messages.count).toBe(2);
    });
  }

  it('--strict stops at the first', async () => {
    const p = put('old-strict.csv', [HEADER, ...rows('')].join('\n') + '\n');
    await expect(ingest({ inputs: [p], timeZone: 'UTC', now: NOW, strict: true, threads: 1 })).rejects.toMatchObject({ details: { code: 'implausible-timestamp', line: 2 } });
  });

  it('in a member list: dropped from the member, who is kept, with a note at the line', async () => {
    const p = put('members.csv', 'group_id,member_id,name,role,joined_at,left_at\ng,a,A,member,2024-01-01 00:00:00,\ng,b,B,member,1970-01-01 00:00:00,2099-01-01 00:00:00\ng,c,C,member,not a date,\n');
    const r = await ingest({ inputs: [p], timeZone: 'Asia/Shanghai', now: NOW });
    // Every member kept: nothing counted as skipped, each dropped date said with its line.
    expect(r.inputs[0]).toMatchObject({ records: 3, skipped: 0 });
    expect(r.issues.map((i) => [i.code, i.line]).sort()).toEqual([['bad-timestamp', 4], ['future-timestamp', 3], ['implausible-timestamp', 3]]);
    expect(r.issues.find((i) => i.code === 'implausible-timestamp')!.reason).toBe('member "b" kept without its join time: dated 1970-01-01, before 1990 when no chat app existed (a zero date or a corrupt row)');
    const b = r.dataset.members.find((m) => m.key === 'b')!;
    expect([b.joinedAt, b.leftAt]).toEqual([null, null]);
  });
});

describe('dates in the future', () => {
  it('are shown as days of the run\'s zone', async () => {
    const p = put('future.csv', [HEADER, 'm1,g,2024-03-04 10:00:00,a,A,text,x,', 'm2,g,2099-01-01 00:00:00,a,A,text,x,', 'm3,g,2099-01-01 00:00:00,a,A,text,x,admin'].join('\n') + '\n');
    const r = await ingest({ inputs: [p], timeZone: 'Asia/Shanghai', now: NOW, threads: 1 });
    expect(r.issues.map((i) => [i.code, i.line, i.reason.slice(0, 16)])).toEqual([['future-timestamp', 3, 'dated 2099-01-01'], ['future-timestamp', 4, 'dated 2099-01-01']]);
  });
});
