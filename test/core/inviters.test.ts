import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/dataset/builder.js';
import type { GroupInfo, IngestEvent, MessageEvent } from '../../src/core/model.js';
import { fission } from '../../src/analysis/fission/index.js';
import { ctxFor } from '../analysis/helpers.js';

const G: GroupInfo = { id: 'g', name: 'G', platform: 'whatsapp' };
const DAY = 86_400_000, T0 = Date.UTC(2024, 0, 10);
const join = (day: number, member: string, by?: string, byName?: string): IngestEvent =>
  ({ type: 'membership', group: G, time: T0 + day * DAY, action: 'join', memberId: member, memberName: member, ...(by ? { by, method: 'invite' as const } : {}), ...(byName ? { byName } : {}) });
const say = (day: number, who: string): MessageEvent => ({ type: 'message', group: G, time: T0 + day * DAY, senderId: who, senderName: who, kind: 'text', text: 'hi' });

function build(events: IngestEvent[], names = true) {
  const b = new DatasetBuilder();
  for (const e of events) b.add(e, 0);
  // Members keyed by name, as the WhatsApp reader marks its groups.
  if (names) b.markNamesOnly('g');
  return b.finish('UTC');
}

describe('inviters nothing else shows (an admin who adds people and never posts)', () => {
  it('become members, present from their first invitation, and the invitees\' inviter', () => {
    const ds = build([join(0, 'Bob', 'Zed'), join(2, 'Carl', 'Zed'), say(3, 'Bob'), say(4, 'Carl'), join(5, 'Dan', 'Bob')]);
    const zed = ds.members.find((m) => m.key === 'Zed')!;
    expect(zed).toMatchObject({ names: ['Zed'], messages: 0, actedAt: T0, joinedAt: null, listed: false });
    const by = (key: string) => ds.members[ds.members.find((m) => m.key === key)!.invitedBy!]?.key;
    expect([by('Bob'), by('Carl'), by('Dan')]).toEqual(['Zed', 'Zed', 'Bob']);
    expect(ds.groups[0]!.members).toContain(zed.index);
  });

  it('an id with the name the source gave beside it (Telegram\'s actor_id and actor); the name finds it too', () => {
    const ds = build([join(0, 'user2', 'user9', 'Belkadi'), join(1, 'user3', 'Belkadi'), say(2, 'user2')]);
    const inviters = ds.members.filter((m) => m.messages === 0 && m.joinedAt === null);
    expect(inviters.map((m) => [m.key, m.names])).toEqual([['user9', ['Belkadi']]]);
    expect(ds.members.filter((m) => m.invitedBy === inviters[0]!.index).map((m) => m.key)).toEqual(['user2', 'user3']);
  });

  it('not for a bare name where members are keyed by id (a nickname of someone), nor for a name two members had', () => {
    const idKeyed = build([join(0, 'u2', '红薯'), say(1, 'u2')], false);
    expect(idKeyed.members.map((m) => m.key)).toEqual(['u2']);
    const twoAnns = build([{ ...say(0, 'a1'), senderName: 'Ann' }, { ...say(1, 'a2'), senderName: 'Ann' }, join(2, 'Bob', 'Ann')]);
    expect(twoAnns.members.map((m) => m.key)).toEqual(['a1', 'a2', 'Bob']);
  });

  it('an inviter known only by a leave is present from the first invitation until the leave', () => {
    const ds = build([join(0, 'Amy', 'Zed'), say(1, 'Amy'), { type: 'membership', group: G, time: T0 + 20 * DAY, action: 'leave', memberId: 'Zed', memberName: 'Zed' }]);
    const zed = ds.members.find((m) => m.key === 'Zed')!;
    expect([zed.actedAt, zed.leftAt]).toEqual([T0, T0 + 20 * DAY]);
    expect(ds.members.find((m) => m.key === 'Amy')!.invitedBy).toBe(zed.index);
  });

  it('an inviter who is a member already is not made twice', () => {
    const ds = build([say(0, 'Ann'), join(1, 'Bob', 'Ann')]);
    expect(ds.members.map((m) => m.key)).toEqual(['Ann', 'Bob']);
  });

  it('start the cascade in the report: the top spreader and the depth', () => {
    const ds = build([join(0, 'Bob', 'Zed'), join(2, 'Carl', 'Zed'), say(3, 'Bob'), say(4, 'Carl'), join(5, 'Dan', 'Bob'), say(6, 'Dan'), say(9, 'Dan')]);
    const f = fission.run(ds.groups[0]!, ctxFor(ds, T0 + 10 * DAY), fission.optionsSchema.parse({}), {});
    expect(f.largestCascade).toMatchObject({ rootName: 'Zed', external: false, size: 4, depth: 2 });
    expect(f.kBasis.invited).toBe(3);
    expect(f.topSpreaders[0]).toMatchObject({ name: 'Zed', invited: 2 });
  });
});
