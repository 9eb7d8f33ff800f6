import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashTable, MemberTable } from '../../src/core/hash.js';

// Hashes from a few values, so that probes collide and wrap around the table's end.
const hashArb = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }).map((k) => k * 1024 + 7), fc.integer({ min: 0, max: 2 ** 53 - 1 }));

describe('HashTable', () => {
  it('acts as a Map from hash to value (add keeps the first, exchange sets and returns the old)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.array(fc.tuple(fc.constantFrom('get', 'add', 'exchange'), hashArb, fc.integer({ min: 0, max: 1000 })), { maxLength: 2000, size: 'max' }), (capacity, ops) => {
      const t = new HashTable(capacity), want = new Map<number, number>();
      for (const [op, h, v] of ops) {
        if (op === 'get') expect(t.get(h)).toBe(want.get(h) ?? -1);
        else if (op === 'add') { t.add(h, v); if (!want.has(h)) want.set(h, v); }
        else { expect(t.exchange(h, v)).toBe(want.get(h) ?? -1); want.set(h, v); }
      }
      for (const [h, v] of want) expect(t.get(h)).toBe(v);
    }), { numRuns: 500 });
  });
});

describe('MemberTable', () => {
  it('keeps each hash with its index and name hash, through growing', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('find', 'add', 'name'), hashArb, fc.double({ noNaN: true })), { maxLength: 3000, size: 'max' }), (ops) => {
      const t = new MemberTable(), want = new Map<number, { index: number; name: number }>();
      for (const [op, h, name] of ops) {
        const s = t.find(h), had = want.get(h);
        if (had === undefined) { expect(s).toBe(-1); } else { expect(t.index(s)).toBe(had.index); expect(t.nameHash(s)).toBe(had.name); }
        if (op === 'add' && had === undefined) {
          const at = t.add(h, want.size);
          want.set(h, { index: want.size, name: NaN });
          expect(t.find(h)).toBe(at);
        } else if (op === 'name' && had !== undefined) { t.setNameHash(s, name); had.name = name; }
      }
      for (const [h, w] of want) { const s = t.find(h); expect(t.index(s)).toBe(w.index); expect(t.nameHash(s)).toBe(w.name); }
    }), { numRuns: 200 });
  });
});
