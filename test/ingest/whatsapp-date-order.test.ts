import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatsappText } from '../../src/ingest/whatsapp/index.js';
import { cleanLine, DateOrderVote, matchHeader } from '../../src/ingest/whatsapp/header.js';
import { readWith } from '../helpers/read.js';

/** The order a file's header lines vote for. */
function orderOf(lines: string[]): string {
  const vote = new DateOrderVote();
  for (const l of lines) {
    const h = matchHeader(cleanLine(l));
    if (h) vote.add(h, l);
  }
  return vote.decide();
}

const US = ['12/9/20, 23:55 - Bob: hello', '12/10/20, 23:56 - Eve: hi'];

describe('WhatsApp date order: a date impossible in every order does not vote', () => {
  it('a corrupt 99/99/20 line leaves an en-US file month-first', () => {
    expect(orderOf(US)).toBe('mdy');
    expect(orderOf([...US, '99/99/20, 23:57 - X: corrupt'])).toBe('mdy');
  });

  it('31/4/20 (no 31 April, no month 31) does not make a month-first file day-first', () => {
    expect(orderOf([...US, '31/4/20, 10:00 - X: typo'])).toBe('mdy');
  });

  it('a date possible only day-first still decides the order', () => {
    expect(orderOf([...US, '13/12/20, 10:00 - Ann: 13 December'])).toBe('dmy');
  });

  it('a day-first file stays day-first beside a corrupt line', () => {
    expect(orderOf(['25/03/2024, 09:00 - Ann: bom dia', '02/04/2024, 09:00 - Bob: oi', '99/99/2024, 09:01 - X: ?'])).toBe('dmy');
  });

  it('reads the file with its real dates and names the corrupt line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-wa-order-'));
    const file = join(dir, 'WhatsApp Chat with US.txt');
    writeFileSync(file, `${US[0]}\n${US[1]}\n99/99/20, 23:57 - X: corrupt\n`);
    const { events, issues } = await readWith(whatsappText, file, 'UTC');
    const times = events.flatMap((e) => (e.type === 'message' ? [new Date(e.time).toISOString()] : []));
    expect(times).toEqual(['2020-12-09T23:55:00.000Z', '2020-12-10T23:56:00.000Z']);
    expect(issues).toEqual([{ code: 'bad-timestamp', line: 3, reason: 'impossible date in "99/99/20, 23:57 - X: corrupt"' }]);
  });
});

/** The order a file's header lines vote for, and whether it was only a guess. */
function decided(lines: string[]): [string, boolean] {
  const vote = new DateOrderVote();
  for (const l of lines) {
    const h = matchHeader(cleanLine(l));
    if (h) vote.add(h, cleanLine(l));
  }
  const order = vote.decide();
  return [order, vote.ambiguous];
}

describe('WhatsApp date order of short chats with no day above 12 (en-IN, en-AU, en-GB)', () => {
  const IN = ['3/1/24, 9:05 pm - Ravi: Happy new year', '4/1/24, 8:00 am - Priya: Same to you', '10/1/24, 7:30 pm - Ravi: dinner?'];

  it('reads an en-IN chat day-first: 3, 4 and 10 January, not March, April and October', async () => {
    expect(decided(IN)).toEqual(['dmy', false]);
    const dir = mkdtempSync(join(tmpdir(), 'ca-wa-order-'));
    const file = join(dir, 'WhatsApp Chat with Family.txt');
    writeFileSync(file, `${IN.join('\n')}\n`);
    const { events, issues } = await readWith(whatsappText, file, 'UTC');
    expect(events.flatMap((e) => (e.type === 'message' ? [new Date(e.time).toISOString()] : []))).toEqual([
      '2024-01-03T21:05:00.000Z', '2024-01-04T08:00:00.000Z', '2024-01-10T19:30:00.000Z',
    ]);
    expect(issues).toEqual([]);
  });

  it('lower-case am/pm is day-first, upper-case AM/PM month-first, when the dates say nothing', () => {
    expect(decided(['3/1/24, 9:05 pm - A: x', '3/1/24, 9:06 pm - B: y'])).toEqual(['dmy', false]);
    expect(decided(['3/1/24, 9:05 PM - A: x', '3/1/24, 9:06 PM - B: y'])).toEqual(['mdy', false]);
  });

  it('the order whose days follow each other closely wins (24-hour clock, no am/pm)', () => {
    expect(decided(['3/1/24, 21:05 - A: x', '4/1/24, 08:00 - B: y', '10/1/24, 19:30 - A: z'])).toEqual(['dmy', false]);
    expect(decided(['1/3/24, 21:05 - A: x', '1/4/24, 08:00 - B: y', '1/10/24, 19:30 - A: z'])).toEqual(['mdy', false]);
  });

  it('the order that keeps the headers in time order wins', () => {
    // 12 January → 1 February day-first; 1 December → 2 January month-first goes back in time.
    expect(decided(['12/1/24, 21:05 - A: x', '1/2/24, 08:00 - B: y'])).toEqual(['dmy', false]);
  });

  it('a lone far date (a corrupt year) does not decide the steps', () => {
    expect(decided(['3/4/24, 09:00 - A: x', '3/4/99, 09:02 - C: y', '3/5/24, 10:00 - A: z'])).toEqual(['mdy', false]);
  });

  it('one date that reads differently in either order is a guess, noted once; 3/3/24 is no guess', async () => {
    expect(decided(['3/1/24, 21:05 - A: x', '3/1/24, 21:06 - B: y'])[1]).toBe(true);
    expect(decided(['3/3/24, 21:05 - A: x'])[1]).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'ca-wa-order-'));
    const file = join(dir, 'WhatsApp Chat with G.txt');
    writeFileSync(file, '03/01/2024, 21:05 - A: x\n03/01/2024, 21:06 - B: y\n');
    const { issues } = await readWith(whatsappText, file, 'UTC');
    expect(issues).toEqual([{ code: 'ambiguous-date-order', line: undefined, reason: 'the dates could be day/month or month/day and nothing in the file tells which; read as day/month' }]);
  });
});
