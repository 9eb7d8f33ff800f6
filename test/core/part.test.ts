import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/dataset/builder.js';
import { absorbPart, toPart } from '../../src/core/dataset/part.js';
import type { GroupInfo, IngestEvent } from '../../src/core/model.js';

// Group infos as one reader would hold them (one object per group id), and the same ids as a
// second reader would make them: absorbPart must behave as if the first had read on.
const infosA: GroupInfo[] = [{ id: 'g1', name: 'One', platform: 'csv' }, { id: 'g2', name: 'g2', platform: 'csv' }];
const infosB: GroupInfo[] = [{ id: 'g1', name: 'One (renamed later)', platform: 'csv' }, { id: 'g2', name: 'Two', platform: 'csv' }];
const T0 = Date.UTC(2024, 0, 1);

const eventArb = fc.record({
  type: fc.constantFrom('message', 'message', 'message', 'member', 'membership', 'group'),
  g: fc.integer({ min: 0, max: 1 }),
  who: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'Ann'),
  name: fc.option(fc.constantFrom('Ann', 'Bob', 'Cat'), { nil: undefined }),
  day: fc.integer({ min: 0, max: 40 }),
  text: fc.option(fc.constantFrom('hello', 'hello @Bob', '加微信 13812345678', 'same text again', 'how?'), { nil: undefined }),
  id: fc.option(fc.constantFrom('m1', 'm2', 'm3', 'm4'), { nil: undefined }),
  reply: fc.option(fc.constantFrom('m1', 'm2'), { nil: undefined }),
  role: fc.option(fc.constantFrom('owner', 'admin', 'member', 'bot'), { nil: undefined }),
  action: fc.constantFrom('join', 'leave', 'remove'),
  by: fc.option(fc.constantFrom('u1', 'Bob'), { nil: undefined }),
  self: fc.boolean(),
});
type Gen = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function event(e: Gen, infos: GroupInfo[]): IngestEvent {
  const group = infos[e.g]!;
  const time = T0 + e.day * 86_400_000;
  switch (e.type) {
    case 'message': return {
      type: 'message', group, time, senderId: e.who, kind: 'text',
      ...(e.name ? { senderName: e.name } : {}), ...(e.text ? { text: e.text } : {}), ...(e.id ? { id: e.id } : {}),
      ...(e.reply ? { replyTo: e.reply } : {}), ...(e.role ? { senderRole: e.role as 'admin' } : {}), ...(e.self ? { fromSelf: true } : {}),
    };
    case 'member': return {
      type: 'member', group, memberId: e.who, ...(e.name ? { name: e.name } : {}), ...(e.role ? { role: e.role as 'admin' } : {}),
      ...(e.self ? { joinedAt: time } : { leftAt: time }), ...(e.by ? { invitedBy: e.by, joinMethod: 'invite' as const } : {}),
    };
    case 'membership': return {
      type: 'membership', group, time, action: e.action as 'join', memberId: e.who, ...(e.name ? { memberName: e.name } : {}), ...(e.by ? { by: e.by } : {}),
    };
    default: return { type: 'group', group, roles: [{ memberId: e.who, ...(e.name ? { name: e.name } : {}), role: (e.role ?? 'admin') as 'admin' }] };
  }
}

describe('absorbPart', () => {
  it('appends a part read by another builder exactly as if the first builder had read it', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 40 }), fc.nat(), (gens, at) => {
      const cut = gens.length ? at % (gens.length + 1) : 0;
      const window = { until: T0 + 35 * 86_400_000 };
      // One reader keeps the info of a group's first row: the first part's for the groups it saw,
      // the second part's for groups that first appear there.
      const seen = new Set(gens.slice(0, cut).map((e) => e.g));
      const one = new DatasetBuilder(window);
      gens.forEach((e, i) => one.add(event(e, i < cut || seen.has(e.g) ? infosA : infosB), 0));

      const first = new DatasetBuilder(window), second = new DatasetBuilder(window);
      for (const e of gens.slice(0, cut)) first.add(event(e, infosA), 0);
      for (const e of gens.slice(cut)) second.add(event(e, infosB), 0);
      // Through a structured clone, as between threads.
      absorbPart(first, structuredClone(toPart(second)), 0, (id) => infosA.find((g, i) => g.id === id && seen.has(i)));
      expect(first.finish('Asia/Shanghai')).toEqual(one.finish('Asia/Shanghai'));
    }), { numRuns: 500 });
  });
});
