import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../src/core/model.js';
import { ReplyLinker } from '../../src/ingest/wechat/replies.js';

/**
 * The linker as it was written first, with string keys `${second}|${sender ?? '*'}`: the
 * reference for the one keyed by numbers (same links, same held-back replies, same order).
 */
class StringKeyLinker {
  private seen = new Map<string, string>();
  private older = new Map<string, string>();
  private readonly waiting = new Map<string, MessageEvent[]>();
  constructor(private readonly maxSeen: number) {}
  private static key(t: number, s: string | undefined): string { return `${t}|${s ?? '*'}`; }
  private find(key: string): string | undefined { return this.seen.get(key) ?? this.older.get(key); }
  add(t: number, sender: string, id: string): MessageEvent[] {
    let linked: MessageEvent[] = [];
    for (const key of [StringKeyLinker.key(t, sender), StringKeyLinker.key(t, undefined)]) {
      if (this.find(key) === undefined) this.seen.set(key, id);
      const held = this.waiting.get(key);
      if (held) { for (const ev of held) ev.replyTo = id; linked = [...linked, ...held]; this.waiting.delete(key); }
    }
    if (this.seen.size > this.maxSeen / 2) { this.older = this.seen; this.seen = new Map(); }
    return linked;
  }
  link(ev: MessageEvent, t: number, sender: string | undefined): boolean {
    const key = StringKeyLinker.key(t, sender), id = this.find(key);
    if (id !== undefined) { ev.replyTo = id; return true; }
    const held = this.waiting.get(key);
    if (held) held.push(ev); else this.waiting.set(key, [ev]);
    return false;
  }
  rest(): MessageEvent[] { const out = [...this.waiting.values()].flat(); this.waiting.clear(); return out; }
}

const group = { id: 'g', platform: 'wechat' as const };
const reply = (n: number): MessageEvent => ({ type: 'message', group, time: n, senderId: 'r', kind: 'text' });
const shown = (evs: readonly MessageEvent[]) => evs.map((e) => `${e.time}>${e.replyTo ?? '-'}`);

const second = fc.integer({ min: 1_700_000_000, max: 1_700_000_004 });
const sender = fc.constantFrom('wxid_a', 'wxid_b', 'wxid_c', '*');
const op = fc.oneof(
  fc.record({ op: fc.constant('add' as const), second, sender }),
  fc.record({ op: fc.constant('link' as const), second, sender: fc.option(sender, { nil: undefined }) }),
);

describe('quote replies of a 留痕 CSV', () => {
  it('are linked as by the string-keyed linker: the same targets, held back and released in the same order', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 2, max: 12 }), (ops, maxSeen) => {
      const a = new ReplyLinker(maxSeen), b = new StringKeyLinker(maxSeen);
      ops.forEach((o, n) => {
        if (o.op === 'add') {
          expect(shown(a.add(o.second, o.sender, `m${n}`))).toEqual(shown(b.add(o.second, o.sender, `m${n}`)));
        } else {
          const ea = reply(n), eb = reply(n);
          expect(a.link(ea, o.second, o.sender)).toBe(b.link(eb, o.second, o.sender));
          expect(ea.replyTo).toBe(eb.replyTo);
        }
      });
      expect(shown(a.rest())).toEqual(shown(b.rest()));
    }), { numRuns: 3000 });
  });

  it('links a reply to the first message of that second and sender, before or after it arrives', () => {
    const l = new ReplyLinker();
    const early = reply(1);
    expect(l.link(early, 100, 'wxid_a')).toBe(false);
    expect(shown(l.add(100, 'wxid_b', 'm1'))).toEqual([]);
    expect(shown(l.add(100, 'wxid_a', 'm2'))).toEqual(['1>m2']);
    l.add(100, 'wxid_a', 'm3');
    const late = reply(2), anyone = reply(3);
    expect(l.link(late, 100, 'wxid_a')).toBe(true);
    expect(late.replyTo).toBe('m2');
    expect(l.link(anyone, 100, undefined)).toBe(true);
    expect(anyone.replyTo).toBe('m1');
    expect(l.link(reply(4), 99, 'wxid_a')).toBe(false);
    expect(shown(l.rest())).toEqual(['4>-']);
  });
});
