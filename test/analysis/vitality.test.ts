import { describe, expect, it } from 'vitest';
import { vitality, vitalityOptions } from '../../src/analysis/vitality/index.js';
import { chatter, ctxFor, dataset, day, msg, type DatasetSpec } from './helpers.js';

const o = vitalityOptions.parse({});
const staff = [{ id: 'boss', role: 'owner' as const, joinedAt: day(0) }, { id: 'ann', joinedAt: day(0) }, { id: 'bob', joinedAt: day(0) }];

function run(spec: DatasetSpec, asOf: number) {
  const ds = dataset(spec);
  return vitality.run(ds.groups[0]!, ctxFor(ds, asOf), o, {});
}
const codes = (r: ReturnType<typeof run>) => r.reasons.map((f) => f.code);

describe('vitality', () => {
  it('a group whose members talk every day is alive', () => {
    const r = run({ members: staff, messages: chatter(['ann', 'bob'], 0, 60) }, day(60));
    expect(r.status).toBe('alive');
    expect(r.zombie).toBe(false);
    expect(r.lastMemberMessageAt).toBe('2024-02-29T14:06:00Z');
    expect(codes(r)).toEqual(['vitality-alive']);
    expect(r.reasons[0]!.message).toMatch(/member messages/);
  });

  it('is dead after 30 days without member activity, with the days as evidence', () => {
    const r = run({ members: staff, messages: chatter(['ann', 'bob'], 0, 20) }, day(60));
    expect(r.status).toBe('dead');
    expect(r.zombie).toBe(false);
    expect(r.daysSinceMemberActivity).toBeGreaterThanOrEqual(40);
    expect(r.reasons[0]).toMatchObject({ code: 'vitality-dead-silent', severity: 'bad', values: { days: 40, deadAfterDays: 30 } });
  });

  it('a group where only the owner still posts is a zombie', () => {
    const owner = Array.from({ length: 35 }, (_, d) => msg('boss', day(25 + d, 9), `今日话题 ${d}：大家最近在忙什么？`));
    const r = run({ members: staff, messages: [...chatter(['ann', 'bob'], 0, 20), ...owner] }, day(60));
    expect(r.status).toBe('dead');
    expect(r.zombie).toBe(true);
    expect(codes(r)).toContain('vitality-zombie');
    expect(r.postsWhileSilent.staff).toBeGreaterThanOrEqual(30);
  });

  it('the owner and an admin answering each other in a silent group is still a zombie', () => {
    const talk = Array.from({ length: 10 }, (_, d) => [
      msg('boss', day(40 + d, 9), `今日话题 ${d}`, { id: `t${d}` }), msg('adm', day(40 + d, 9, 5), `收到 ${d}`, { replyTo: `t${d}` }),
    ]).flat();
    const r = run({ members: [...staff, { id: 'adm', role: 'admin', joinedAt: day(0) }], messages: [...chatter(['ann', 'bob'], 0, 20), ...talk] }, day(60));
    expect(r.status).toBe('dead');
    expect(r.postsWhileSilent).toMatchObject({ staff: 20, staffAnswered: 10 });
    expect(r.zombie).toBe(true);
    expect(r.reasons.find((f) => f.code === 'vitality-zombie')?.values).toMatchObject({ staff: 20, answered: 10 });
  });

  it('an advertiser posting into a silent group makes a zombie too; the ads are not life', () => {
    const ads = Array.from({ length: 10 }, (_, k) => msg('spam', day(40 + k, 3), '加我微信 vip123 兼职日结'));
    const r = run({ members: [...staff, { id: 'spam', joinedAt: day(39) }], messages: [...chatter(['ann'], 0, 10), ...ads] }, day(60));
    expect(r.status).toBe('dead');
    expect(r.zombie).toBe(true);
    expect(r.postsWhileSilent.spam).toBe(10);
  });

  it('is at risk after 14 silent days', () => {
    const r = run({ members: staff, messages: chatter(['ann', 'bob'], 0, 40) }, day(58));
    expect(r.status).toBe('at-risk');
    expect(codes(r)).toContain('vitality-silent');
  });

  it('is at risk when recent member activity is under 20% of its peak', () => {
    const busy = chatter(['ann', 'bob'], 0, 60, 3); // 6 a day
    const thin = Array.from({ length: 28 }, (_, k) => msg(k % 2 ? 'ann' : 'bob', day(60 + k, 20)));
    const r = run({ members: staff, messages: [...busy, ...thin] }, day(88));
    expect(r.status).toBe('at-risk');
    const f = r.reasons.find((x) => x.code === 'vitality-below-peak')!;
    expect(f.values).toMatchObject({ peak: 168, recent: 27 });
    expect(r.memberActivityVsPeak).toBeCloseTo(27 / 168, 3);
  });

  it('a group a few days old is not at risk for its short history, with or without member messages', () => {
    expect(run({ members: staff, messages: chatter(['ann'], 0, 3) }, day(3)).status).toBe('alive');
    const quiet = run({ members: staff, messages: [msg('boss', day(0, 10))] }, day(4));
    expect(quiet.status).toBe('alive');
    expect(codes(quiet)).toEqual(['vitality-young']);
  });

  it('handles one member, one day, no member list', () => {
    const r = run({ messages: [msg('solo', day(0, 9)), msg('solo', day(0, 10))] }, day(0, 12));
    expect(r.status).toBe('alive');
    expect(r.memberMessagesRecent).toBe(2);
    expect(r.activeMembersRecent).toBe(1);
  });

  it('a group where only the owner ever wrote is dead once old enough', () => {
    const owner = Array.from({ length: 50 }, (_, d) => msg('boss', day(d, 9), `第${d}天的打卡提醒，大家记得打卡`));
    const r = run({ members: staff, messages: owner }, day(50));
    expect(r.status).toBe('dead');
    expect(r.zombie).toBe(true);
    expect(r.lastMemberMessageAt).toBeNull();
    expect(codes(r)).toEqual(['vitality-never-active', 'vitality-zombie']);
  });

  it('member messages after as-of do not count', () => {
    const r = run({ members: staff, messages: [...chatter(['ann'], 0, 5), ...chatter(['ann'], 100, 101)] }, day(50));
    expect(r.status).toBe('dead');
  });

  it('a member saying the same goodnight every day, or sending stickers, is alive; pasting one text thrice in a day is spam', () => {
    const nightly = Array.from({ length: 40 }, (_, d) => msg('ann', day(d, 23), '晚安各位，明天见'));
    const stickers = Array.from({ length: 40 }, (_, d) => msg('bob', day(d, 12), '[动画表情]', { kind: 'sticker' }));
    expect(run({ members: staff, messages: [...nightly, ...stickers] }, day(40)).memberMessagesRecent).toBe(54);
    const pasted = [0, 20, 40].map((m) => msg('ann', day(35, 9, m), '周末团购大闸蟹，要的接龙'));
    const r = run({ members: staff, messages: [...chatter(['bob'], 0, 5), ...pasted] }, day(40));
    expect(r.status).toBe('dead');
    expect(r.postsWhileSilent.spam).toBe(3);
  });

  it('the owner posting the same prompt every day is staff activity, not spam', () => {
    const prompts = Array.from({ length: 40 }, (_, d) => msg('boss', day(d, 20), '【今日打卡】大家完成了吗？'));
    const r = run({ members: staff, messages: prompts }, day(40));
    expect(r.postsWhileSilent).toMatchObject({ staff: 30, spam: 0 });
  });
});
