import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shape } from '../../src/ingest/shape.js';

const SPEC = { id: 'id', name: 'string', n: 'number', ok: 'boolean', list: 'array', rec: 'record', media: 'present' } as const;

/** What shape promises, written plainly: the spec's fields whose value has the spec's type. */
function fitting(v: Record<string, unknown>): Record<string, unknown> {
  const ok: Record<string, (x: unknown) => boolean> = {
    id: (x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)), name: (x) => typeof x === 'string',
    n: (x) => typeof x === 'number' && Number.isFinite(x), ok: (x) => typeof x === 'boolean', list: Array.isArray,
    rec: (x) => typeof x === 'object' && x !== null && !Array.isArray(x), media: (x) => x !== null && x !== undefined,
  };
  return Object.fromEntries(Object.keys(SPEC).filter((k) => Object.hasOwn(v, k) && v[k] !== undefined && ok[k]!(v[k])).map((k) => [k, v[k]]));
}

describe('shape', () => {
  it('reads exactly the spec fields of their type, whatever else a record holds', () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.dictionary(fc.string(), fc.integer()));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...Object.keys(SPEC), 'other', 'constructor', '__proto__'), value), (v) => {
      const s = shape(v, SPEC)!;
      for (const k of Object.keys(SPEC)) expect((s as Record<string, unknown>)[k]).toEqual(fitting(v)[k]);
    }), { numRuns: 2000 });
  });

  it('hands back a record whose fields all fit as it is, and copies one that has a misfit', () => {
    const good = { id: 5, name: 'A', extra: [1] };
    expect(shape(good, SPEC)).toBe(good);
    const bad = { id: 5, name: 3 };
    expect(shape(bad, SPEC)).toEqual({ id: 5 });
    expect(shape({ name: null }, SPEC)).toEqual({});
    expect(shape([1], SPEC)).toBeNull();
  });
});
