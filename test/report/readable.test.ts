import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { evaluateFailOn } from '../../src/cli/fail-on.js';
import { findingText } from '../../src/i18n/index.js';
import { htmlReporter } from '../../src/report/html/index.js';
import { sparkSvg } from '../../src/report/html/charts.js';
import { markdownReporter } from '../../src/report/markdown/index.js';
import { localDate, localDateTime } from '../../src/report/shared/dates.js';
import { tableReporter } from '../../src/report/table/index.js';
import { sparkline } from '../../src/report/table/sparkline.js';
import { ctx, frozen } from './helpers.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const FISHING = '82546608112@chatroom';
const CLOSED = '22707466194@chatroom';

describe('dates for people are local to the report zone', () => {
  it('a local midnight east of UTC is that day, not the day before', () => {
    expect(localDate('2025-04-20T16:00:00Z', 'Asia/Shanghai')).toBe('2025-04-21');
    expect(localDate('2025-04-20T16:00:00Z', 'UTC')).toBe('2025-04-20');
    // DST: New York is UTC−4 in summer, UTC−5 in winter.
    expect(localDate('2025-07-01T03:30:00Z', 'America/New_York')).toBe('2025-06-30');
    expect(localDate('2025-01-01T04:30:00Z', 'America/New_York')).toBe('2024-12-31');
    expect(localDateTime('2025-07-01T00:30:00Z', 'Asia/Shanghai')).toBe('2025-07-01 08:30');
    expect(localDate('2025-06', 'Asia/Shanghai')).toBe('2025-06');
    expect(localDate(null, 'UTC')).toBe('–');
  });

  it('the detail view, markdown and HTML print phase and window dates in the zone', () => {
    const r = frozen();
    const g = r.groups.find((x) => x.id === FISHING) as Loose;
    const boundary = g.lifecycle.timeline[1].start as string;
    expect(boundary.endsWith('T16:00:00Z')).toBe(true);
    const local = localDate(boundary, r.timeZone);
    const detail = tableReporter.render(r, ctx('en', { groupId: FISHING }));
    expect(detail).toContain(`→ ${local}`);
    expect(detail).not.toContain(`→ ${boundary.slice(0, 10)} `);
    expect(detail).toContain(`open since ${localDate(g.monetization.window.openedAt, r.timeZone)}`);
    const md = markdownReporter.render(r, ctx('en'));
    expect(md).toContain(`since ${localDate(g.lifecycle.since, r.timeZone)}`);
    const html = htmlReporter.render(r, ctx('en'));
    expect(html).toContain(`→ ${local}`);
  });

  it('the generated time is in the report zone and labelled so', () => {
    const r = frozen(); // generated 2025-07-01T00:30:00Z = 08:30 in Shanghai
    for (const text of [markdownReporter.render(r, ctx('en')), htmlReporter.render(r, ctx('en'))]) {
      expect(text).toContain('generated 2025-07-01 08:30 (times in Asia/Shanghai)');
      expect(text).not.toContain('2025-07-01 00:30');
    }
    expect(markdownReporter.render(r, ctx('zh'))).toContain('生成于 2025-07-01 08:30（均为 Asia/Shanghai 时间）');
  });
});

describe('finding sentences', () => {
  const f = (code: string, values: Record<string, string | number | null>) => ({ code, severity: 'info' as const, values, message: 'x' });
  it('show instants as local dates, codes in words and shares as percentages', () => {
    const age = findingText('en', f('lifecycle-age', { firstActivityAt: '2025-03-31T17:21:53Z', days: 92 }), 'Asia/Shanghai');
    expect(age).toBe('first activity 2025-04-01, 92 days ago');
    const roster = findingText('zh', f('lifecycle-roster', { roster: 75, peak: 75, net30: 24, rate30: 0.471, source: 'member-list' }), 'UTC');
    expect(roster).toContain('为 30 天前成员数的 47%');
    expect(roster).toContain('来源 成员名单');
    expect(roster).not.toMatch(/member-list/);
    expect(findingText('en', f('window-dead', { status: 'dead' }))).toBe('no selling window: the group is dead');
    expect(findingText('zh', f('window-dead', { status: 'zombie' }))).toContain('僵尸群');
  });
  it('say "fell by" instead of a negative ratio', () => {
    const inflow = findingText('en', f('lifecycle-inflow', { net30: -5, peakNet30: 32, ratio: -0.15 }));
    expect(inflow).not.toMatch(/-0\.\d+|-\d/);
    expect(inflow).toContain('net outflow 5');
    expect(findingText('en', f('window-watch-roster', { rate30: -0.066 }))).toBe('watch the roster: it fell by 7% over 30 days');
    expect(findingText('zh', f('window-watch-roster', { rate30: -0.066 }))).toContain('减少了 7%');
    for (const lang of ['en', 'zh'] as const) {
      const text = tableReporter.render(frozen(), ctx(lang, { groupId: '596309780' }));
      expect(text, lang).not.toMatch(/-0\.\d\d/);
      expect(text, lang).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    }
  });
});

describe('the window line and its alert', () => {
  it('says open since, closed on (the day it closed) or upcoming, in en and zh', () => {
    const r = frozen();
    const closed = (r.groups.find((x) => x.id === CLOSED) as Loose).monetization.window;
    const en = tableReporter.render(r, ctx('en', { groupId: CLOSED }));
    expect(en).toContain(`closed on ${localDate(closed.closedAt, r.timeZone)}`);
    expect(en).not.toContain(localDate(closed.openedAt, r.timeZone));
    expect(tableReporter.render(r, ctx('zh', { groupId: CLOSED }))).toContain(`已于 ${localDate(closed.closedAt, r.timeZone)} 关闭`);
    expect(tableReporter.render(r, ctx('en', { groupId: '16662873863@chatroom' }))).toMatch(/Monetization window\n {2}upcoming\n/);
  });
  it('the fail-on window-open reason is a sentence', () => {
    const lines = evaluateFailOn(frozen(), ['window-open'], 'en').lines;
    expect(lines[0]).toMatch(/— the monetization window has been open since \d{4}-\d\d-\d\d$/);
  });
});

describe('the --lang zh detail view', () => {
  it('has no English labels or raw keys', () => {
    const text = tableReporter.render(frozen(), ctx('zh', { groupId: FISHING }));
    for (const word of ['name', 'score', 'invited', 'stayed', 'active', 'subtree', 'stillIn', 'posting', 'month', 'joined', 'last message', 'usual', 'K=', 'depth=', 'cycle=', 'staffShare', 'lacking', 'score=']) {
      expect(text.includes(word), word).toBe(false);
    }
    expect(text).toMatch(/群主\/管理员消息占比: \d+%/);
  });
  it('labels the self-drive parts in English too, shares as percentages', () => {
    const text = tableReporter.render(frozen(), ctx('en', { groupId: FISHING }));
    expect(text).not.toMatch(/\b(score|lacking|staffShare|gini|halfCount|zombie)=/);
    expect(text).toMatch(/owner\/admin messages: \d+%/);
    expect(text).toMatch(/Still in after 1 mo/);
  });
});

describe('sparklines draw zero one way', () => {
  it('zero is the baseline whether or not other weeks had activity; a dead group is flat', () => {
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    const mixed = sparkline([0, 5, 10]);
    expect(mixed[0]).toBe('▁');
    expect(mixed[1]).not.toBe('▁');
    expect(mixed).not.toContain(' ');
    expect(sparkline([1, 100])[0]).not.toBe('▁'); // a little activity is not zero
  });
  it('the HTML sparkline has a baseline under every week', () => {
    expect(sparkSvg([0, 0, 0])).toContain('class="base"');
    expect(sparkSvg([0, 3])).toContain('class="base"');
    expect(sparkSvg([0, 0]).match(/<rect /g)).toHaveLength(1);
  });
});

describe('plurals', () => {
  it('one group, one warning', () => {
    const r = frozen();
    const one = { ...r, groups: r.groups.slice(0, 1), warnings: r.warnings.slice(0, 1) };
    const text = tableReporter.render(one, { ...ctx('en'), chalk: new Chalk({ level: 0 }) });
    expect(text).toMatch(/community-audit: 1 group,/);
    if (one.warnings.length) expect(text).toMatch(/^1 warning /m);
  });
});
