import { describe, expect, it } from 'vitest';
import { findingText } from '../../src/i18n/index.js';
import { tableReporter } from '../../src/report/table/index.js';
import { ctx, frozen } from './helpers.js';

const FISHING = '82546608112@chatroom';
const detail = (lang: 'en' | 'zh', id = FISHING) => tableReporter.render(frozen(), ctx(lang, { groupId: id }));

describe('the Chinese detail view reads as Chinese', () => {
  it('is headed by the group name and id, without a literal "群 " before it', () => {
    const g = frozen().groups.find((x) => x.id === FISHING)!;
    expect(detail('zh').split('\n')[0]).toBe(`${g.name}（${g.id}）`);
  });

  it('names the monetization window in its own section, before the receptive slots', () => {
    const text = detail('zh');
    // The window, then what to watch (its watch lines, in Chinese), then the slots with their zone.
    expect(text).toMatch(/\n变现窗口\n {2}(自 \d{4}-\d\d-\d\d 起开放|已于 \d{4}-\d\d-\d\d 关闭|已关闭|未到)\n( {2}. .*\n)+\n用户活跃时段\n {2}周[\s\S]*?\[Asia\/Shanghai\]\n/);
    expect(text.split('\n变现窗口\n')[1]!.split('\n\n')[0]).toMatch(/关注|变现/);
  });

  it('calls spreaders 裂变传播者, apart from the seed users (种子用户)', () => {
    const text = detail('zh');
    expect(text).toContain('\n裂变传播者\n');
    expect(text).not.toContain('传播种子用户');
  });

  it('writes days since the last message with one decimal in every row', () => {
    const seedRows = detail('zh').split('\n').filter((l) => /^│ \d+ +│/.test(l)).slice(0, 5);
    expect(seedRows.length).toBe(5);
    for (const row of seedRows) expect(row.split('│').at(-2)!.trim()).toMatch(/^\d+\.\d$/);
  });
});

describe('member activity against its stable high', () => {
  // peak28 is the highest 28-day level the data supports with count noise taken off, so the last
  // 28 days can sit above it: "105% of the peak" must not read as a contradiction.
  const f = { code: 'lifecycle-activity', severity: 'good' as const, values: { perDay7: 2.3, perDay28: 2.6, peak28: 2.5, ratio: 1.05 }, message: '' };

  it('says what the high is and that the present is 105% of it', () => {
    expect(findingText('zh', f)).toBe('成员消息：近 7 天每天 2.3 条，近 28 天每天 2.6 条；迄今的稳定高点每天 2.5 条（已扣除偶然波动），现在是它的 105%');
  });
});

describe('the progress line on a Chinese terminal', () => {
  it('reads records, size and rate in Chinese', async () => {
    const { t, plural } = await import('../../src/i18n/index.js');
    expect(t('zh', 'progress.read', { records: '1,502', mb: '3', rate: '11,384' })).toBe('1,502 条记录，3 MB，每秒 11,384 条');
    expect(plural('zh', 7, 'progress.analysing')).toBe('正在分析 7 个群');
    expect(plural('en', 1, 'progress.analysing')).toBe('analysing 1 group');
  });
});

describe('a share with nothing to take it of', () => {
  it('has its own wording: no "–%" of an empty roster or a peak of 0', () => {
    const roster = { code: 'lifecycle-roster', severity: 'good' as const, values: { roster: 30, peak: 30, net30: 30, rate30: null, source: 'member-list' }, message: '' };
    expect(findingText('zh', roster)).toBe('成员 30 人（峰值 30），30 天净增 30（30 天前几乎没有成员；来源 成员名单）');
    const activity = { code: 'lifecycle-activity', severity: 'good' as const, values: { perDay7: 0, perDay28: 0, peak28: 0, ratio: null }, message: '' };
    expect(findingText('en', activity)).toBe('member messages 0/day over 7 days, 0/day over 28 days; no steady peak yet to compare with');
    const watch = { code: 'window-watch-roster', severity: 'info' as const, values: { rate30: null, net30: 30 }, message: '' };
    expect(findingText('zh', watch)).toBe('关注成员数：30 天净增 30（30 天前几乎没有成员）');
  });
});
