import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/dataset/builder.js';
import { FLAG, KIND_INDEX } from '../../src/core/dataset/types.js';
import { MESSAGE_KINDS, type GroupInfo, type IngestEvent } from '../../src/core/model.js';
import { vitality, vitalityOptions } from '../../src/analysis/vitality/index.js';
import { ctxFor } from '../analysis/helpers.js';

const g: GroupInfo = { id: 'g', name: 'g', platform: 'wechat' };
const T = Date.UTC(2024, 0, 1);
const msg = (sender: string, i: number, extra: object = {}): IngestEvent => ({ type: 'message', group: g, time: T + i * 60_000, senderId: sender, kind: 'text', text: `hello ${i}`, ...extra });
const join = (member: string, by: string, i: number): IngestEvent => ({ type: 'membership', group: g, time: T + i * 60_000, action: 'join', memberId: member, memberName: member, by, method: 'invite' });

function build(events: IngestEvent[]) {
  const b = new DatasetBuilder();
  for (const e of events) b.add(e, 0);
  const ds = b.finish('UTC');
  return { ds, member: (key: string) => ds.members.find((m) => m.key === key)! };
}

describe('staff inferred when no source states a role', () => {
  it('the exporting user (fromSelf) is an admin, marked inferred; their messages are staff activity', () => {
    const { ds, member } = build([msg('me', 1, { fromSelf: true }), msg('a', 2), msg('me', 3, { fromSelf: true })]);
    expect(member('me')).toMatchObject({ role: 'admin', roleInferred: true });
    expect(member('a').role).toBe('member');
    expect(member('a').roleInferred).toBeUndefined();
    const staff = [...ds.messages.flags].filter((f) => f & FLAG.staff).length;
    expect(staff).toBe(2);
  });
  it('the main inviter (≥ 3 invitations and ≥ 30 %) is an admin', () => {
    const events = [msg('boss', 0), join('a', 'boss', 1), join('b', 'boss', 2), join('c', 'boss', 3), join('d', 'x', 4), join('e', 'y', 5), msg('x', 6), msg('y', 7)];
    const { member } = build(events);
    expect(member('boss')).toMatchObject({ role: 'admin', roleInferred: true });
    expect(member('x').role).toBe('member');
  });
  it('beside an exporter who invites people, the main inviter is a member spreading the group (fifth independent simulator)', () => {
    const invites = [join('a', 'me', 1), join('b', 'me', 2), join('c', 'me', 3), ...Array.from({ length: 10 }, (_, i) => join(`f${i}`, 'jay', 4 + i))];
    const { member } = build([msg('me', 0, { fromSelf: true }), msg('jay', 0.5), ...invites]);
    expect(member('me')).toMatchObject({ role: 'admin', roleInferred: true });
    expect(member('jay').role).toBe('member');
    // An exporter who invited nobody, or only the assistant who then does the inviting: staff still.
    const delegated = build([msg('me', 0, { fromSelf: true }), msg('jay', 0.5), ...invites.slice(3)]);
    expect(delegated.member('jay')).toMatchObject({ role: 'admin', roleInferred: true });
    const assistant = build([msg('me', 0, { fromSelf: true }), join('jay', 'me', 0.2), msg('jay', 0.5), ...invites.slice(3)]);
    expect(assistant.member('jay')).toMatchObject({ role: 'admin', roleInferred: true });
  });
  it('too few or too scattered invitations infer nothing', () => {
    expect(build([msg('boss', 0), join('a', 'boss', 1), join('b', 'boss', 2)]).member('boss').role).toBe('member');
    const others = ['x', 'y', 'z', 'w', 'v', 'u', 't', 's'];
    const inviters = (list: string[]) => [msg('boss', 0), ...list.map((by, i) => join(`m${i}`, by, i + 1)), ...others.map((s, i) => msg(s, 20 + i))];
    expect(build(inviters([...others, 'boss', 'boss', 'boss'])).member('boss').role).toBe('member'); // 3 of 11 = 27 %
    expect(build(inviters([...others.slice(1), 'boss', 'boss', 'boss'])).member('boss').role).toBe('admin'); // 3 of 10
  });
  it('a group with a stated owner or admin gets no inferred staff', () => {
    const { member } = build([{ type: 'group', group: g, roles: [{ memberId: 'o', role: 'owner' }] }, msg('me', 1, { fromSelf: true }), msg('o', 2)]);
    expect(member('me').role).toBe('member');
    expect(member('o').roleInferred).toBeUndefined();
  });
  it('whoever removed a member is an admin, even where an owner is stated (WhatsApp and Telegram name only the creator); a list\'s role stands', () => {
    const remove = (member: string, by: string, i: number): IngestEvent => ({ type: 'membership', group: g, time: T + i * 60_000, action: 'remove', memberId: member, memberName: member, by });
    const { member } = build([{ type: 'group', group: g, roles: [{ memberId: 'o', role: 'owner' }] }, msg('o', 0), msg('mod', 1), msg('x', 2), remove('x', 'mod', 3)]);
    expect(member('mod')).toMatchObject({ role: 'admin', roleInferred: true });
    expect(member('o').role).toBe('owner');
    expect(member('x').role).toBe('member');
    const listed = build([{ type: 'member', group: g, memberId: 'mod', role: 'member' }, msg('mod', 1), msg('x', 2), remove('x', 'mod', 3)]);
    expect(listed.member('mod').role).toBe('member');
    // In LINE any member may remove another: no staff from it.
    const line: GroupInfo = { id: 'l', name: 'l', platform: 'line' };
    const onLine = build([msg('mod', 1, { group: line }), msg('x', 2, { group: line }), { ...remove('x', 'mod', 3), group: line } as IngestEvent]);
    expect(onLine.member('mod').role).toBe('member');
  });
  it('an admin shown by an act (byAct) is an admin, but never overrides a stated role in either order', () => {
    const act = (id: string): IngestEvent => ({ type: 'group', group: g, roles: [{ memberId: id, role: 'admin', byAct: true }] });
    const owner: IngestEvent = { type: 'group', group: g, roles: [{ memberId: 'o', role: 'owner' }] };
    const { member } = build([owner, act('o'), act('mod'), msg('o', 0), msg('mod', 1), msg('x', 2)]);
    expect(member('o').role).toBe('owner');
    expect(member('mod').role).toBe('admin');
    expect(member('x').role).toBe('member');
    expect(build([act('o'), owner, msg('o', 0)]).member('o').role).toBe('owner');
    expect(build([act('m'), { type: 'member', group: g, memberId: 'm', role: 'member' }, msg('m', 0)]).member('m').role).toBe('member');
    // A group with an admin so shown has staff: the exporter is not made one besides.
    expect(build([act('mod'), msg('me', 1, { fromSelf: true }), msg('mod', 2)]).member('me').role).toBe('member');
  });

  it('an admin shown by an act is inferred, not stated: the last voice of a silent group is still a bot (review: one settings line turned a zombie into "at risk")', () => {
    const DAY = 24 * 60;
    const chat: IngestEvent[] = [];
    // Seventy days of members talking (each answering within minutes), then only zed posting for 45 days, answered by nobody.
    for (let d = 0; d < 70; d++) for (const [k, who] of ['ann', 'bob', 'cy'].entries()) chat.push(msg(who, d * DAY + 600 + k * 3));
    for (let d = 70; d < 115; d++) chat.push(msg('zed', d * DAY + 480));
    const act: IngestEvent = { type: 'group', group: { ...g, platform: 'whatsapp' }, roles: [{ memberId: 'bob', role: 'admin', byAct: true }] };
    const wa = (e: IngestEvent): IngestEvent => ({ ...e, group: { ...g, platform: 'whatsapp' } } as IngestEvent);
    const plain = build(chat.map(wa)), withAct = build([act, ...chat.map(wa)]);
    expect(plain.member('zed').role).toBe('bot');
    expect(withAct.member('zed').role).toBe('bot');
    expect(withAct.member('bob')).toMatchObject({ role: 'admin', roleInferred: true });
  });
  it('a role from a member list, even "member", is never overridden', () => {
    const { member } = build([{ type: 'member', group: g, memberId: 'me', role: 'member' }, msg('me', 1, { fromSelf: true })]);
    expect(member('me').role).toBe('member');
    const bot = build([{ type: 'member', group: g, memberId: 'me', role: 'bot' }, msg('me', 1, { fromSelf: true })]);
    expect(bot.member('me').role).toBe('bot');
  });
});

describe('KIND_INDEX', () => {
  it('is the index of each kind in MESSAGE_KINDS', () => {
    for (const [i, k] of MESSAGE_KINDS.entries()) expect(KIND_INDEX[k]).toBe(i);
  });
});

describe('bots inferred from behaviour when no role is stated', () => {
  const at = (sender: string, day: number, minute: number, extra: object = {}): IngestEvent => msg(sender, day * 1440 + minute, { text: `${sender} ${day} ${minute}`, ...extra });
  /** 20 days of a and b talking, a bot posting daily at 08:00 for 40 days. */
  const group = (botDays: number, answerBot = false) => {
    const events: IngestEvent[] = [];
    for (let d = 0; d < 20; d++) events.push(at('a', d, 600), at('b', d, 602));
    for (let d = 0; d < botDays; d++) events.push(at('bot', d, 480), ...(answerBot && d % 3 === 0 ? [at('a', d, 481)] : []));
    const time = (e: IngestEvent) => (e.type === 'message' ? e.time : 0);
    return events.sort((x, y) => time(x) - time(y));
  };
  it('an unanswered daily poster who goes on after the others fell silent is a bot; its posts are nobody\'s activity', () => {
    const { ds, member } = build(group(40));
    expect(member('bot')).toMatchObject({ role: 'bot', roleInferred: true });
    expect(member('a').role).toBe('member');
    const j = ds.messages.time.findIndex((t, k) => ds.members[ds.messages.sender[k]!]!.key === 'bot' && t > T + 30 * 86_400_000);
    expect(ds.messages.flags[j]! & (FLAG.human | FLAG.member)).toBe(0);
  });
  /** 60 days of the owner posting daily, answered by a; then `aloneDays` days of the owner alone (`also` posting too). */
  const fading = (aloneDays: number, also?: string) => {
    const events: IngestEvent[] = [];
    for (let d = 0; d < 60; d++) events.push(at('owner', d, 600), at('a', d, 602), at('b', d, 700));
    for (let d = 60; d < 60 + aloneDays; d++) events.push(at('owner', d, 600), ...(also && d % 7 === 0 ? [at(also, d, 900)] : []));
    return events;
  };
  it('a poster once answered, alone and unanswered for 30 days and more at the end, is a broadcaster too', () => {
    const { ds, member } = build(fading(40));
    expect(member('owner')).toMatchObject({ role: 'bot', roleInferred: true });
    expect(member('a').role).toBe('member');
    const lastOwner = ds.messages.time.length - 1;
    expect(ds.messages.flags[lastOwner]! & FLAG.member).toBe(0);
  });
  it('alongside a known owner posting too (an admin nobody named, posting with the owner into the silence)', () => {
    const events: IngestEvent[] = [{ type: 'group', group: g, roles: [{ memberId: 'boss', role: 'owner' }] }, ...fading(40)];
    for (let d = 60; d < 100; d += 2) events.push(at('boss', d, 1200));
    const { member } = build(events);
    expect(member('owner')).toMatchObject({ role: 'bot', roleInferred: true });
    expect(member('boss').role).toBe('owner');
  });
  it('not when alone for less than 30 days, when someone else still posts, or when nobody ever answered anyone', () => {
    expect(build(fading(25)).member('owner').role).toBe('member');
    expect(build(fading(40, 'c')).member('owner').role).toBe('member');
    expect(build(Array.from({ length: 40 }, (_, d) => at('solo', d, 600))).member('solo').role).toBe('member');
  });
  it('not when the posting stops with the group, when it is answered, or when a role is stated', () => {
    expect(build(group(25)).member('bot').role).toBe('member');
    expect(build(group(40, true)).member('bot').role).toBe('member');
    const stated = build([{ type: 'member', group: g, memberId: 'a', role: 'member' }, ...group(40)]);
    expect(stated.member('bot').role).toBe('member');
    expect(stated.member('bot').roleInferred).toBeUndefined();
  });

  /**
   * 60 days of `talkers` answering each other (each a few minutes after the one before), then
   * `voices` posting unanswered every `every` days for 40 days, at hours apart: [who, every].
   */
  const ending = (talkers: string[], voices: [string, number][], extra: IngestEvent[] = []) => {
    const events: IngestEvent[] = [...extra];
    for (let d = 0; d < 60; d++) talkers.forEach((w, i) => events.push(at(w, d, 600 + 3 * i)));
    for (let d = 60; d < 100; d++) voices.forEach(([w, every], i) => { if ((d - 60) % every === 0) events.push(at(w, d, 480 + 120 * i)); });
    const time = (e: IngestEvent) => (e.type === 'message' ? e.time : 0);
    return events.sort((x, y) => time(x) - time(y));
  };
  const verdict = (ds: ReturnType<typeof build>['ds']) => vitality.run(ds.groups[0]!, ctxFor(ds, ds.lastEventAt), vitalityOptions.parse({}), {});
  it('two or three unnamed posters, once in the conversation, alone and unanswered at the end: broadcasters, and the group a zombie', () => {
    const talkers = ['o', 'x', 'a', 'b', 'c', 'd'];
    const two = build(ending(talkers, [['o', 4], ['x', 5]]));
    expect(two.member('o')).toMatchObject({ role: 'bot', roleInferred: true });
    expect(two.member('x')).toMatchObject({ role: 'bot', roleInferred: true });
    expect(two.member('a').role).toBe('member');
    expect(verdict(two.ds)).toMatchObject({ status: 'dead', zombie: true });
    // Beside the exporting user (an inferred admin) and a daily bot found by the share rule.
    const three = build(ending([...talkers, 'me'], [['o', 4], ['x', 5], ['y', 3], ['bot', 1]], [at('me', 0, 1, { fromSelf: true }), at('y', 1, 700)]));
    expect(['o', 'x', 'y', 'bot'].map((k) => three.member(k).role)).toEqual(['bot', 'bot', 'bot', 'bot']);
    expect(three.member('me').role).toBe('admin');
    expect(verdict(three.ds)).toMatchObject({ status: 'dead', zombie: true });
  });
  it('a voice beside the exporting owner counts the owner\'s posts too: 6 posts of its own are enough, 2 days are not', () => {
    const me = at('me', 0, 1, { fromSelf: true });
    const admin = build(ending(['me', 'x', 'a', 'b', 'c', 'd'], [['me', 5], ['x', 6]], [me]));
    expect(admin.member('x')).toMatchObject({ role: 'bot', roleInferred: true });
    expect(verdict(admin.ds)).toMatchObject({ status: 'dead', zombie: true });
    const passer = build(ending(['me', 'x', 'a', 'b', 'c', 'd'], [['me', 2], ['x', 20]], [me]));
    expect(passer.member('x').role).toBe('member');
    expect(verdict(passer.ds).status).not.toBe('dead');
  });
  it('not four voices, not a voice on under 3 days, not voices who answer each other', () => {
    const talkers = ['o', 'x', 'y', 'z', 'a', 'b', 'c', 'd', 'e'];
    expect(build(ending(talkers, [['o', 4], ['x', 5], ['y', 6], ['z', 7]])).member('o').role).toBe('member');
    expect(build(ending(talkers, [['o', 2], ['x', 15]])).member('o').role).toBe('member'); // x on 2 days
    // Two friends still chatting at the end of a big group: members, the group alive.
    const events = ending(talkers, []);
    for (let d = 60; d < 100; d += 2) events.push(at('o', d, 600), at('x', d, 603));
    const chat = build(events);
    expect(chat.member('o').role).toBe('member');
    expect(verdict(chat.ds).status).not.toBe('dead');
  });
  it('three friends who only ever talked among themselves stay members, and their group is not dead', () => {
    const friends = build(ending(['a', 'b', 'c'], [['a', 3], ['b', 4]]));
    expect(['a', 'b', 'c'].map((k) => friends.member(k).role)).toEqual(['member', 'member', 'member']);
    expect(verdict(friends.ds)).toMatchObject({ status: 'alive', zombie: false });
    // Two voices need four others before them: a group of five is not enough, one of six is.
    expect(build(ending(['o', 'x', 'a', 'b', 'c'], [['o', 4], ['x', 5]])).member('o').role).toBe('member');
    expect(build(ending(['o', 'x', 'a', 'b', 'c', 'd'], [['o', 4], ['x', 5]])).member('o').role).toBe('bot');
  });
});

