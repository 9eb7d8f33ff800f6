import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/dataset/builder.js';
import { finalizeDataset, localTimes } from '../../src/core/dataset/finalize.js';
import { SpareBuffers } from '../../src/core/dataset/columns.js';
import { resolveMembers } from '../../src/core/dataset/members.js';
import { markSpam } from '../../src/core/dataset/spam.js';
import { FLAG, KIND_INDEX, type GroupRecord, type MemberRecord } from '../../src/core/dataset/types.js';
import type { GroupInfo } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';

const HOUR = 3_600_000;

describe('localTimes', () => {
  // Whole-hour, half-hour and 45-minute offsets, DST both ways, and Shanghai's local mean time
  // before 1901 (+8:05:43, not whole quarter hours).
  const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'Australia/Eucla', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu'];
  const at = (from: number, to: number) => fc.integer({ min: from, max: to });
  const y2024 = Date.UTC(2024, 0, 1), y2025 = Date.UTC(2025, 0, 1);
  const times = fc.oneof(
    // Groups in time order over a year (the usual export), or any order.
    fc.array(at(y2024, y2025), { maxLength: 300 }).map((a) => a.sort((x, y) => x - y)),
    fc.array(at(y2024, y2025), { maxLength: 300 }),
    // Times of one hour around a transition, to the second.
    fc.array(at(Date.UTC(2024, 2, 10, 6), Date.UTC(2024, 2, 10, 8)).map((t) => Math.floor(t / 1000) * 1000), { maxLength: 50 }),
    // A span too long for the table (1900 to 2024): zone.offset per message.
    fc.array(at(Date.UTC(1899, 0, 1), y2025), { maxLength: 20 }),
    fc.array(at(Date.UTC(1899, 0, 1), Date.UTC(1899, 0, 3)), { maxLength: 20 }),
  );
  it('gives zone.dayIndex and zone.weekdayHour of every message', () => {
    fc.assert(fc.property(fc.constantFrom(...zones), times, (name, list) => {
      const zone = new Zone(name);
      const out = { time: Float64Array.from(list), day: new Int32Array(list.length), hourOfWeek: new Uint8Array(list.length) };
      localTimes(new Zone(name), out);
      list.forEach((t, j) => {
        const { weekday, hour } = zone.weekdayHour(t);
        expect([out.day[j], out.hourOfWeek[j]]).toEqual([zone.dayIndex(t), (weekday - 1) * 24 + hour]);
      });
    }), { numRuns: 400 });
  });

  it('agrees on every quarter hour of a year with DST', () => {
    for (const name of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const zone = new Zone(name), list: number[] = [];
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += HOUR / 4) list.push(t, t + HOUR / 4 - 1000);
      const out = { time: Float64Array.from(list), day: new Int32Array(list.length), hourOfWeek: new Uint8Array(list.length) };
      localTimes(zone, out);
      list.forEach((t, j) => {
        const { weekday, hour } = zone.weekdayHour(t);
        if (out.day[j] !== zone.dayIndex(t) || out.hourOfWeek[j] !== (weekday - 1) * 24 + hour) expect([name, t, out.day[j], out.hourOfWeek[j]]).toBe('agreeing');
      });
    }
  });
});

describe('resolveMembers', () => {
  /** The former resolveMembers, group by group: the reference for the one-pass form. */
  function reference(b: DatasetBuilder): { remap: number[]; names: [string, number | null][][]; kept: string[] } {
    const into = new Int32Array(b.members.length).map((_, i) => i);
    const names: [string, number | null][][] = [];
    for (const g of b.groups) {
      // The group's members in the order they were made.
      const ofGroup = b.members.filter((m) => m.group === g.index).map((m) => m.index);
      const byName = new Map<string, number[]>();
      for (const idx of ofGroup) {
        const m = b.members[idx]!;
        for (const name of m.names) if (name !== m.key) (byName.get(name) ?? byName.set(name, []).get(name)!).push(idx);
      }
      for (const idx of ofGroup) {
        const m = b.members[idx]!;
        if (m.names.length > 1 || (m.names.length === 1 && m.names[0] !== m.key)) continue;
        const owners = byName.get(m.key);
        if (owners?.length === 1 && owners[0] !== idx) into[idx] = owners[0]!;
      }
      const map = new Map<string, number | null>();
      for (const idx of ofGroup) {
        for (const name of b.members[idx]!.names) {
          const had = map.get(name);
          if (had === undefined) map.set(name, into[idx]!);
          else if (had !== null && had !== into[idx]) map.set(name, null);
        }
      }
      names[g.index] = [...map].sort();
    }
    const remap: number[] = [];
    let next = 0;
    for (let i = 0; i < into.length; i++) if (into[i] === i) remap[i] = next++;
    for (let i = 0; i < into.length; i++) if (into[i] !== i) remap[i] = remap[into[i]!]!;
    return { remap, names, kept: b.members.filter((_, i) => into[i] === i).map((m) => m.key) };
  }

  it('merges a ghost known by a name into the one member who had it, and indexes names as before', () => {
    // Keys that are ids or names, names that are some members' keys: ghosts, owners, ambiguity.
    const op = fc.tuple(fc.nat(2), fc.constantFrom('wxid_1', 'wxid_2', 'wxid_3', 'Ann', 'Bo', 'Cy'), fc.constantFrom(undefined, 'Ann', 'Bo', 'Cy', 'Dee'));
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const build = () => {
        const b = new DatasetBuilder();
        const groups: GroupInfo[] = [0, 1, 2].map((i) => ({ id: `g${i}`, platform: 'csv' }));
        for (const [g, key, name] of ops) b.member(b.group(groups[g]!, 0), key, name);
        return b;
      };
      const want = reference(build());
      const b = build();
      const got = resolveMembers(b);
      expect([...got.remap]).toEqual(want.remap);
      expect(got.names.map((m) => [...m].sort())).toEqual(want.names);
      expect(got.members.map((m) => m.key)).toEqual(want.kept);
    }), { numRuns: 2000 });
  });
});

describe('markSpam', () => {
  /** Repeats found with a Map per group keyed by sender and text: the reference for the shared table. */
  function reference(groups: GroupRecord[], staff: boolean[], sender: number[], kind: number[], text: number[], time: number[], ad: boolean[]): boolean[] {
    const spam = sender.map((_, j) => ad[j]!);
    const total = new Map<number, number>(), count = new Map<number, number>();
    for (const g of groups) {
      const chains = new Map<string, number[]>();
      for (let j = g.msgStart; j < g.msgEnd; j++) {
        if (text[j] === 0 || (kind[j] !== KIND_INDEX.text && kind[j] !== KIND_INDEX.link) || staff[sender[j]!]) continue;
        const key = `${sender[j]}|${text[j]}`;
        const chain = chains.get(key) ?? chains.set(key, []).get(key)!;
        chain.push(j);
        if (chain.length >= 3 && time[j]! - time[chain[chain.length - 3]!]! <= 86_400_000) for (const q of chain.slice(-3)) spam[q] = true;
      }
    }
    sender.forEach((s, j) => { total.set(s, (total.get(s) ?? 0) + 1); if (spam[j]) count.set(s, (count.get(s) ?? 0) + 1); });
    return sender.map((s, j) => spam[j]! || (!staff[s] && (count.get(s) ?? 0) >= 3 && count.get(s)! >= 0.3 * total.get(s)!));
  }

  it('marks the repeats and spammers a Map per group finds, groups of any size in one table', () => {
    const group = fc.array(fc.record({ sender: fc.nat(3), kind: fc.constantFrom(KIND_INDEX.text, KIND_INDEX.link, KIND_INDEX.image), text: fc.nat(3), gap: fc.constantFrom(0, 60_000, 10 * 3_600_000), ad: fc.boolean() }, { requiredKeys: ['sender', 'kind', 'text', 'gap', 'ad'] }), { maxLength: 60 });
    fc.assert(fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (rows, staffOf) => {
      const groups: GroupRecord[] = [], members: MemberRecord[] = [];
      const staff: boolean[] = [], sender: number[] = [], kind: number[] = [], text: number[] = [], time: number[] = [], ad: boolean[] = [];
      rows.forEach((list, g) => {
        for (let s = 0; s < 4; s++) {
          staff.push(staffOf[s]!);
          members.push({ index: members.length, group: g, role: staffOf[s] ? 'admin' : 'member', spammer: false } as MemberRecord);
        }
        groups.push({ index: g, msgStart: sender.length, msgEnd: sender.length + list.length, members: [0, 1, 2, 3].map((s) => g * 4 + s) } as GroupRecord);
        let t = 0;
        for (const r of list) {
          t += r.gap;
          // Text hashes large and small, as 53-bit hashes are; 0 is no text.
          sender.push(g * 4 + r.sender); kind.push(r.kind); text.push(r.text === 0 ? 0 : r.text * 2 ** 40 + 12345); time.push(t); ad.push(r.ad);
        }
      });
      const msg = { sender: Uint32Array.from(sender), flags: Uint16Array.from(kind, (k, j) => k | (ad[j] ? FLAG.ad : 0)), time: Float64Array.from(time) };
      markSpam(groups, members, msg, Float64Array.from(text));
      expect([...msg.flags].map((f) => (f & FLAG.spam) !== 0)).toEqual(reference(groups, staff, sender, kind, text, time, ad));
    }), { numRuns: 1000 });
  });
});

describe('finalize in reused buffers', () => {
  /** Never reuses: every array new, as before spare buffers. */
  class FreshBuffers extends SpareBuffers {
    override take<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(ctor: { new (n: number): T }, n: number): T {
      return new ctor(n);
    }
  }
  const COLUMNS = ['time', 'sender', 'flags', 'replyTo', 'responseTo', 'day', 'hourOfWeek'] as const;
  const T0 = Date.UTC(2025, 0, 1);
  // Messages of up to three groups from two inputs: equal times, the same ids again from the other
  // input (duplicates dropped), replies, a window, room reserved or not, room prefaulted mid-way.
  const msg = fc.record({ g: fc.nat(2), input: fc.nat(1), id: fc.nat(30), t: fc.nat(40), who: fc.nat(6), reply: fc.option(fc.nat(30), { nil: undefined }) });
  const setup = fc.record({
    msgs: fc.array(msg, { maxLength: 120 }),
    reserve: fc.option(fc.nat(400), { nil: undefined }),
    prefaultAt: fc.option(fc.nat(120), { nil: undefined }),
    prefault: fc.nat(300),
    window: fc.boolean(),
  });
  it('gives the dataset that new arrays give, no two columns sharing a buffer', () => {
    fc.assert(fc.property(setup, ({ msgs, reserve, prefaultAt, prefault, window }) => {
      const build = () => {
        const b = new DatasetBuilder(window ? { since: T0 + 5 * HOUR, until: T0 + 30 * HOUR } : {});
        if (reserve !== undefined) b.reserve(reserve);
        const groups: GroupInfo[] = [0, 1, 2].map((i) => ({ id: `g${i}`, platform: 'csv' }));
        msgs.forEach((m, i) => {
          if (i === prefaultAt) b.prefault(prefault);
          b.add({ type: 'message', group: groups[m.g]!, id: `m${m.id}`, time: T0 + m.t * HOUR, senderId: `u${m.who}`, kind: 'text', text: `t${m.id % 4}`, ...(m.reply === undefined ? {} : { replyTo: `m${m.reply}` }) }, m.input);
        });
        return b;
      };
      const reused = finalizeDataset(build(), 'Asia/Shanghai');
      const fresh = finalizeDataset(build(), 'Asia/Shanghai', new FreshBuffers());
      expect(reused.messages.count).toBe(fresh.messages.count);
      for (const k of COLUMNS) expect(Array.from(reused.messages[k]), k).toEqual(Array.from(fresh.messages[k]));
      expect(new Set(COLUMNS.map((k) => reused.messages[k].buffer)).size).toBe(COLUMNS.length);
    }), { numRuns: 300 });
  });
});

describe('DatasetBuilder.prefault', () => {
  it('writes only the room after the messages, within what was reserved, and the messages that come overwrite it', () => {
    const b = new DatasetBuilder();
    b.reserve(100);
    const group: GroupInfo = { id: 'g', platform: 'csv' };
    for (let i = 0; i < 10; i++) b.add({ type: 'message', group, id: `m${i}`, time: Date.UTC(2025, 0, 1) + i * HOUR, senderId: `u${i % 3}`, kind: 'text', text: 'hi' }, 0);
    const before = Array.from(b.time.data.subarray(0, 10)), capacity = b.time.data.length;
    b.time.data.fill(7, 10); // sentinels in the room
    b.prefault(50);
    expect(Array.from(b.time.data.subarray(0, 10))).toEqual(before);
    expect(Array.from(b.time.data.subarray(10, 60))).toEqual(new Array(50).fill(0));
    expect(b.time.data[60]).toBe(7); // beyond the 50 asked for
    expect([b.time.length, b.time.data.length]).toEqual([10, capacity]);
    b.prefault(10 * capacity); // more than the room: up to the capacity, no growth
    expect(b.time.data.length).toBe(capacity);
    expect(b.time.data[capacity - 1]).toBe(0);
  });
});
