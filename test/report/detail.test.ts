import { describe, expect, it } from 'vitest';
import { tableReporter } from '../../src/report/table/index.js';
import { ctx, frozen } from './helpers.js';

const GROUP = '82546608112@chatroom';

describe('the --group detail view', () => {
  it('matches its snapshot on the frozen report', async () => {
    await expect(tableReporter.render(frozen(), ctx('en', { groupId: GROUP }))).toMatchFileSnapshot('./__snapshots__/frozen.detail.en.txt');
  });

  it('shows seed-user signals as columns and cohorts as percentages', () => {
    const text = tableReporter.render(frozen(), ctx('en', { groupId: GROUP }));
    expect(text).toMatch(/│ # +│ Name +│ Score +│ Days +│ Weeks +│ Started/);
    expect(text).toMatch(/Retention cohorts[\s\S]*\d+%/);
    expect(text).not.toMatch(/=\d+\.00\b/);
  });

  it('draws a partial last week as a rate, not as a drop', async () => {
    const { sparkline, weeklyRates } = await import('../../src/report/table/sparkline.js');
    const weeks = [{ messages: 70 }, { messages: 70 }, { messages: 10, days: 1 }];
    expect(weeklyRates(weeks)).toEqual([70, 70, 70]);
    expect(sparkline(weeklyRates(weeks))).toBe('███');
  });

  it('says which groups exist when the id is unknown', () => {
    expect(() => tableReporter.render(frozen(), ctx('en', { groupId: 'nope' }))).toThrow(/no group "nope"/);
  });
});
