import { describe, expect, it } from 'vitest';
import { tableReporter } from '../../src/report/table/index.js';
import { ctx, frozen } from './helpers.js';

const GROUP = '82546608112@chatroom';

describe('the --group detail view', () => {
  it('matches its snapshot on the frozen report', async () => {
    await expect(tableReporter.render(frozen(), ctx('en', { groupId: GROUP }))).toMatchFileSnapshot('./__snapshots__/frozen.detail.en.txt');
  });

  it('shows seed-user signals as columns and cohorts as percentages', () => {
    const text = tableReporter.render(frozen(), ctx('en', { groupId: GROUP, width: 200 }));
    expect(text).toMatch(/│ # +│ Name +│ Score +│ Days +│ Weeks +│ Started/);
    expect(text).toMatch(/Retention cohorts[\s\S]*\d+%/);
    expect(text).not.toMatch(/=\d+\.00\b/);
  });

  it('fits an 80-column terminal: signals and cohort columns give way, sentences and slots wrap (CJK counts two)', async () => {
    const { charWidth } = await import('../../src/report/table/width.js');
    const { Chalk } = await import('chalk');
    const { lineWidth } = await import('../../src/report/table/fit.js');
    for (const lang of ['en', 'zh'] as const) {
      const text = tableReporter.render(frozen(), ctx(lang, { groupId: GROUP, width: 80 }));
      const widest = Math.max(...text.split('\n').map((l) => [...l].reduce((w, ch) => w + charWidth(ch), 0)));
      expect(widest, lang).toBeLessThanOrEqual(80);
      // In colour too: the marks' colour codes take no room (review: lines wrapped ten columns early).
      const coloured = tableReporter.render(frozen(), ctx(lang, { groupId: GROUP, width: 80, chalk: new Chalk({ level: 1 }) }));
      expect(lineWidth(coloured), lang).toBeLessThanOrEqual(80);
      expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
    }
    const narrow = tableReporter.render(frozen(), ctx('en', { groupId: GROUP, width: 80 }));
    expect(narrow).toMatch(/│ # +│ Name +│ Score +│ Days +│ Started/);
    expect(narrow).not.toContain('│ Weeks');
  });

  it('draws a partial last week as a rate, not as a drop', async () => {
    const { sparkline, weeklyRates } = await import('../../src/report/table/sparkline.js');
    const weeks = [{ messages: 70 }, { messages: 70 }, { messages: 30, days: 3 }];
    expect(weeklyRates(weeks)).toEqual([70, 70, 70]);
    expect(sparkline(weeklyRates(weeks))).toBe('███');
    // A last week of a day or two is left out: no "crash" drawn from one quiet Monday.
    expect(weeklyRates([{ messages: 70 }, { messages: 0, days: 1 }])).toEqual([70]);
  });

  it('draws members\' own messages: an owner or bot posting in a dead group draws a flat line', async () => {
    const { sparkline, weeklyRates } = await import('../../src/report/table/sparkline.js');
    const zombie = [{ messages: 40, memberMessages: 35 }, { messages: 20, memberMessages: 5 }, { messages: 30, memberMessages: 0 }];
    expect(sparkline(weeklyRates(zombie))).toBe('█▂▁');
  });

  it('says which groups exist when the id is unknown', () => {
    expect(() => tableReporter.render(frozen(), ctx('en', { groupId: 'nope' }))).toThrow(/no group "nope"/);
    // The hint names the groups as the operator knows them, with their ids.
    let hint = '';
    try { tableReporter.render(frozen(), ctx('en', { groupId: 'nope' })); } catch (e) { hint = (e as { details?: { hint?: string } }).details?.hint ?? ''; }
    const g = frozen().groups.find((x) => x.name !== x.id)!;
    expect(hint).toContain(`${g.name} (${g.id})`);
  });

  it('tells that the seed users of a dead group are the people to win back', () => {
    const r = frozen();
    const dead = r.groups.find((x) => (x as { vitality?: { status: string } }).vitality?.status === 'dead' && ((x as { seedUsers?: unknown[] }).seedUsers ?? []).length > 0);
    const alive = r.groups.find((x) => (x as { vitality?: { status: string } }).vitality?.status === 'alive')!;
    expect(dead).toBeDefined();
    expect(tableReporter.render(r, ctx('zh', { groupId: dead!.id }))).toContain('沉寂前的种子用户');
    expect(tableReporter.render(r, ctx('zh', { groupId: alive.id }))).not.toContain('沉寂前');
  });
});
