import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedUsers, seedUsersOptions } from '../../src/analysis/seed-users/index.js';
import { namedLikeBot } from '../../src/analysis/seed-users/bot-names.js';
import { pairSet } from '../../src/analysis/seed-users/signals.js';
import { chatter, ctxFor, dataset, day, msg, type DatasetSpec, type MsgSpec } from './helpers.js';

const o = seedUsersOptions.parse({});

function run(spec: DatasetSpec, asOf: number, top = 10, prior: Record<string, unknown> = {}) {
  const ds = dataset(spec);
  return seedUsers.run(ds.groups[0]!, ctxFor(ds, asOf, 'UTC', top), o, prior);
}
const ids = (r: ReturnType<typeof run>) => r.map((s) => s.memberId);

/** `who` opens a question each day; `answerer` answers it a minute later with an explicit reply. */
function askAndAnswer(who: string, answerer: string, from: number, to: number, hour: number): MsgSpec[] {
  const out: MsgSpec[] = [];
  for (let d = from; d < to; d++) {
    const id = `${who}-${answerer}-${d}`;
    out.push(msg(who, day(d, hour), `请问第${d}天的作业怎么做？`, { id }));
    out.push(msg(answerer, day(d, hour, 1), `第${d}天先看第二章`, { replyTo: id }));
  }
  return out;
}

const members = [
  { id: 'boss', role: 'owner' as const, joinedAt: day(0) },
  { id: 'mod', role: 'admin' as const, joinedAt: day(0) },
  { id: 'seed', joinedAt: day(0) }, { id: 'reg', joinedAt: day(0) }, { id: 'quiet', joinedAt: day(0) },
  { id: 'burst', joinedAt: day(0) }, { id: 'spam', joinedAt: day(0) },
  { id: 'leaver', joinedAt: day(0), leftAt: day(70) },
  { id: 'kid', joinedAt: day(30), invitedBy: 'seed' },
];

function busyGroup(): MsgSpec[] {
  const burst = Array.from({ length: 120 }, (_, k) => msg('burst', day(40, 9) + k * 60_000));
  const ads = Array.from({ length: 30 }, (_, k) => msg('spam', day(10 + k, 3), '加我微信 vip888，兼职日结200+'));
  return [
    ...askAndAnswer('reg', 'seed', 0, 90, 10), // seed answers reg's questions every day
    ...askAndAnswer('seed', 'quiet', 0, 90, 15).filter((_, k) => k % 6 < 2), // seed asks every third day, quiet answers
    ...chatter(['boss', 'mod'], 0, 90, 5, 8), // staff talk the most
    ...chatter(['leaver'], 0, 70, 6, 18), // a heavy poster who left
    ...chatter(['kid'], 31, 90, 1, 21),
    ...burst, ...ads,
  ];
}

describe('seed users', () => {
  it('ranks steady members who answer and start; never staff, bursts, spammers or leavers', () => {
    const r = run({ members, messages: busyGroup() }, day(90));
    expect(ids(r)[0]).toBe('seed');
    expect(ids(r)).not.toContain('boss');
    expect(ids(r)).not.toContain('mod');
    expect(ids(r)).not.toContain('burst');
    expect(ids(r)).not.toContain('spam');
    expect(ids(r)).not.toContain('leaver');
    expect(r.map((s) => s.rank)).toEqual(r.map((_, k) => k + 1));
    const s = r[0]!.signals;
    expect(s).toMatchObject({ activeDays: 90, activeWeeks: 13, answersGiven: 90, questionsAnswered: 90, invitedStayed: 1, invitedActive: 1 });
    expect(s.repliesReceived).toBeGreaterThanOrEqual(30);
    expect(r[0]!.score).toBeGreaterThan(r[1]!.score);
  });

  it('keeps at most ctx.top, best first', () => {
    const r = run({ members, messages: busyGroup() }, day(90), 2);
    expect(r).toHaveLength(2);
    expect(r[0]!.score).toBeGreaterThanOrEqual(r[1]!.score);
  });

  it('a burst of one day does not rank however much it wrote', () => {
    const burst = Array.from({ length: 300 }, (_, k) => msg('burst', day(5, 8) + k * 30_000));
    const r = run({ members, messages: [...burst, ...chatter(['reg'], 0, 30)] }, day(30));
    expect(ids(r)).toEqual(['reg']);
  });

  it('works without a member list (roles unknown: everybody is a member)', () => {
    const r = run({ messages: [...chatter(['ann', 'bob'], 0, 30), ...chatter(['cat'], 0, 2)] }, day(30));
    expect(ids(r).sort()).toEqual(['ann', 'bob']);
  });

  it('one member, one day, or only the owner: nobody ranks', () => {
    expect(run({ messages: [msg('solo', day(0, 9)), msg('solo', day(0, 10))] }, day(0, 12))).toEqual([]);
    const owner = Array.from({ length: 40 }, (_, d) => msg('boss', day(d, 9), `第${d}天的提醒`));
    expect(run({ members: members.slice(0, 1), messages: owner }, day(40))).toEqual([]);
  });

  it('a daily regular who went silent weeks ago (left, as far as a chat export shows) does not rank', () => {
    const r = run({ messages: [...chatter(['gone'], 0, 60, 4), ...chatter(['ann', 'bob'], 0, 90)] }, day(90));
    expect(ids(r).sort()).toEqual(['ann', 'bob']);
  });

  it('in a group that fell silent as a whole, its former regulars still show', () => {
    const r = run({ messages: chatter(['ann', 'bob'], 0, 60) }, day(200));
    expect(ids(r).sort()).toEqual(['ann', 'bob']);
  });

  it('one member active for weeks ranks alone, with finite scores', () => {
    const r = run({ messages: chatter(['solo'], 0, 30) }, day(30));
    expect(ids(r)).toEqual(['solo']);
    expect(Number.isFinite(r[0]!.score)).toBe(true);
  });
});

describe('broadcasters and unanswered openings', () => {
  it('a conversation counts as started by its opener only once someone else talks in it', () => {
    // ann opens at 09:00 every day; bob joins in on even days only. Both post daily, so both rank.
    const messages = Array.from({ length: 40 }, (_, d) => [msg('ann', day(d, 9), `第${d}天早上好`), ...(d % 2 === 0 ? [msg('bob', day(d, 9, 5), '早')] : [msg('bob', day(d, 20))])]).flat();
    const ann = run({ messages }, day(40)).find((s) => s.memberId === 'ann')!;
    expect(ann.signals.conversationsStarted).toBe(20);
  });

  it('a member whose steady posts nobody takes up, and who takes up none, does not rank (an unmarked bot)', () => {
    const notices = Array.from({ length: 90 }, (_, d) => msg('helper', day(d, 7), `今日早报 第${d}期`));
    const r = run({ members, messages: [...busyGroup(), ...notices] }, day(90));
    expect(ids(r)[0]).toBe('seed');
    expect(ids(r)).not.toContain('helper');
    // Under broadcastMinMessages it is an ordinary quiet member, not a broadcaster.
    const few = run({ members, messages: [...busyGroup(), ...notices.slice(0, 20)] }, day(20));
    expect(ids(few)).toContain('helper');
  });

  it('a member named like a bot does not rank, however answered (a bridge relaying others); a surname ending in "bot" does', () => {
    const relay = [...askAndAnswer('matrixbot', 'seed', 0, 60, 10), ...askAndAnswer('Talbot', 'reg', 0, 60, 16)];
    const r = ids(run({ messages: relay }, day(60)));
    expect(r).not.toContain('matrixbot');
    expect(r).toEqual(expect.arrayContaining(['seed', 'Talbot', 'reg']));
  });

  it('a member whose morning posts are answered after the reply window still ranks: the conversations were theirs (review)', () => {
    const morning = Array.from({ length: 60 }, (_, d) => [msg('lin', day(d, 7), `早安！今日分享第${d}篇`), msg('ann', day(d, 7, 12), '学到了'), msg('bob', day(d, 7, 20), '谢谢分享')]).flat();
    const r = run({ messages: [...morning, ...chatter(['ann', 'bob'], 0, 60, 2, 20)] }, day(60));
    const lin = r.find((s) => s.memberId === 'lin');
    expect(lin?.signals).toMatchObject({ messages: 60, conversationsStarted: 60, repliesReceived: 0 });
  });

  it('in a check-in group where nobody answers anybody, the steady posters still rank', () => {
    const checkIns = ['ann', 'bob', 'cat'].flatMap((w, k) => Array.from({ length: 60 }, (_, d) => msg(w, day(d, 7 + 4 * k), `打卡第${d}天`)));
    expect(ids(run({ messages: checkIns }, day(60))).sort()).toEqual(['ann', 'bob', 'cat']);
  });
});

describe('seed users of a young group', () => {
  it('a group in inception in its second calendar week asks for two weeks, not three: its steady members rank, a burst does not', () => {
    // Monday 2024-01-01 is day 0; as of day 11 the group has had two calendar weeks.
    const young = [...askAndAnswer('reg', 'seed', 0, 11, 10), ...Array.from({ length: 60 }, (_, k) => msg('burst', day(4, 9) + k * 60_000))];
    const inception = { lifecycle: { phase: 'inception' } };
    expect(ids(run({ members, messages: young }, day(11, 23), 10, inception)).sort()).toEqual(['reg', 'seed']);
    // The same two weeks as a short export of an older group (lifecycle says maturity): not yet.
    expect(ids(run({ members, messages: young }, day(11, 23), 10, { lifecycle: { phase: 'maturity' } }))).toEqual([]);
    // The same two weeks in a group of three months (the rest of it silent for them): not yet steady.
    const older = [...chatter(['quiet'], 0, 80), ...askAndAnswer('reg', 'seed', 70, 81, 10)];
    expect(ids(run({ members, messages: older }, day(81, 23)))).toEqual(['quiet']);
  });
});

describe('the set of (recognised, by) pairs', () => {
  it('says a pair is new exactly when a Set would, as bits or as a Set', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 70 }), fc.array(fc.nat(), { maxLength: 300 }), fc.boolean(), (n, raw, small) => {
      const pairs = raw.map((x) => x % (n * n));
      const set = pairSet(n, small ? 0 : 1 << 26), ref = new Set<number>();
      for (const p of pairs) expect(set.add(p)).toBe(!ref.has(p) && ref.add(p) !== undefined);
    }), { numRuns: 500 });
  });
});

describe('names that say bot', () => {
  it('by the handle conventions, never a surname', () => {
    for (const n of ['matrixbot', 'AjudanteBot', 'Gitter bot', 'dependabot[bot]', 'my_bot', '群机器人', '群助手小Q', '运营小助理']) expect(namedLikeBot(n), n).toBe(true);
    for (const n of ['Talbot', 'Abbot', 'Anna Talbot', 'turbot', 'robot', 'Ben Bot', 'Bob']) expect(namedLikeBot(n), n).toBe(false);
  });
});
