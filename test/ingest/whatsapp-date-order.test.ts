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
