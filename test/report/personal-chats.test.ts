import { describe, expect, it } from 'vitest';
import { telegramJson } from '../../src/ingest/telegram/index.js';
import { buildReport } from '../../src/report/build.js';
import { reportSchema } from '../../src/report/schema.js';
import { chatter, dataset, day } from '../analysis/helpers.js';
import { fixture, readWith } from '../helpers/read.js';

const ACCOUNT = fixture('telegram/account/result.json');

describe('one-to-one chats are not groups', () => {
  it('the Telegram reader marks personal chats of an account export, not its groups', async () => {
    const { events } = await readWith(telegramJson, ACCOUNT, 'UTC');
    const chats = new Map(events.flatMap((e) => ('group' in e ? [[e.group.name, e.group.personal === true] as const] : [])));
    expect([...chats]).toEqual([['Pavel', true], ['Makers', false]]);
  });

  it('the report leaves them out of the groups and names them in one warning', () => {
    const ds = dataset([
      { messages: chatter(['me', 'bob'], 0, 40), group: { id: '102', name: 'Bob', platform: 'telegram', personal: true } },
      { messages: chatter(['ann', 'cy', 'dee'], 0, 40), group: { id: '1500', name: 'Makers', platform: 'telegram' } },
      { messages: chatter(['me', 'me2'], 0, 3), group: { id: '103', name: 'Saved Messages', platform: 'telegram', personal: true } },
    ]);
    const r = buildReport(ds, [], [], { asOf: day(40), timeZone: 'UTC', generatedAt: 0, version: 't', top: 10, options: {} });
    expect(r.groups.map((g) => g.name)).toEqual(['Makers']);
    expect(r.warnings).toEqual([{
      code: 'personal-chats-left-out', file: null, line: null,
      message: 'left out 2 chats that are no group (one-to-one chats, saved messages, bot chats, broadcast channels): "Bob", "Saved Messages"',
    }]);
    expect(reportSchema.safeParse(r).success).toBe(true);
  });

  it('no warning when there is none', () => {
    const ds = dataset({ messages: chatter(['ann', 'cy'], 0, 10) });
    const r = buildReport(ds, [], [], { asOf: day(10), timeZone: 'UTC', generatedAt: 0, version: 't', top: 10, options: {} });
    expect(r.warnings).toEqual([]);
  });
});
