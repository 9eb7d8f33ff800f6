import { describe, expect, it } from 'vitest';
import { Column, SpareBuffers } from '../../src/core/dataset/columns.js';

describe('SpareBuffers', () => {
  it('makes a new, zeroed array when no spare is big enough', () => {
    const spare = new SpareBuffers();
    spare.add(new Float64Array(4).fill(7));
    const a = spare.take(Float64Array, 8);
    expect(a).toEqual(new Float64Array(8));
  });

  it('reuses a spare buffer of another element type, zeroed, and gives it out once', () => {
    const spare = new SpareBuffers();
    const old = new Float64Array(16).fill(3);
    spare.add(old);
    const a = spare.take(Int32Array, 20);
    expect(a.buffer).toBe(old.buffer);
    expect(a.length).toBe(20);
    expect(Array.from(a)).toEqual(new Array(20).fill(0));
    expect(spare.take(Int32Array, 20).buffer).not.toBe(old.buffer);
  });

  it('prefers the buffer with most of the bytes already written, then the least written of those', () => {
    const spare = new SpareBuffers();
    const big = new Column(Float64Array, 1000);
    for (let i = 0; i < 10; i++) big.push(i); // 80 bytes written of 8000
    const bigBuffer = big.data.buffer;
    big.release(spare);
    const small = new Uint8Array(400), medium = new Uint8Array(2000);
    spare.add(small);
    spare.add(medium);
    // 300 bytes: small and medium have them all written; small is the least written of the two.
    expect(spare.take(Uint8Array, 300).buffer).toBe(small.buffer);
    // 1 600 bytes: medium has all of them written, the column only 80.
    expect(spare.take(Uint16Array, 800).buffer).toBe(medium.buffer);
    // 4 000 bytes: only the column's buffer holds them.
    expect(spare.take(Float64Array, 500).buffer).toBe(bigBuffer);
    expect(big.length).toBe(0);
  });

  it('leaves out a view that does not start its buffer', () => {
    const spare = new SpareBuffers();
    const whole = new Float64Array(64);
    spare.add(whole.subarray(8));
    expect(spare.take(Float64Array, 8).buffer).not.toBe(whole.buffer);
  });
});

describe('SpareBuffers, for an array that outlives them', () => {
  it('takes no spare with more written than it needs (it would hold those pages for nothing)', () => {
    const spare = new SpareBuffers();
    const big = new Float64Array(1024).fill(1); // 8 KB written
    spare.add(big);
    expect(spare.take(Uint8Array, 1024, true).buffer).not.toBe(big.buffer);
    // A temporary takes it.
    expect(spare.take(Uint8Array, 1024).buffer).toBe(big.buffer);
  });

  it('takes the most written of those that fit, and remembers what a temporary wrote', () => {
    const spare = new SpareBuffers();
    const a = new Uint8Array(8192), b = new Uint8Array(4096);
    spare.add(a, 0);
    spare.add(b);
    expect(spare.take(Uint8Array, 4096, true).buffer).toBe(b.buffer);
    // A temporary of 6 000 bytes in a: then a has 6 000 bytes written, even when given back as a
    // smaller view.
    const t = spare.take(Uint8Array, 6000);
    expect(t.buffer).toBe(a.buffer);
    spare.add(t.subarray(0, 10));
    expect(spare.take(Uint8Array, 1000, true).buffer).not.toBe(a.buffer);
    expect(spare.take(Uint8Array, 6000, true).buffer).toBe(a.buffer);
  });
});

describe('Column.prefault and release', () => {
  it('counts the room prefault wrote as written, so that a column the dataset keeps does not sit on it', () => {
    const c = new Column(Float64Array, 1000);
    for (let i = 0; i < 10; i++) c.push(i + 1);
    c.prefault(900); // 7 KB written beyond the values
    expect(Array.from(c.data.subarray(0, 10))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const buffer = c.data.buffer;
    const spare = new SpareBuffers();
    c.release(spare);
    // 910 × 8 bytes written: too much for an array of 80 bytes that outlives the spares…
    expect(spare.take(Float64Array, 10, true).buffer).not.toBe(buffer);
    // …not for one of 7 280.
    expect(spare.take(Float64Array, 910, true).buffer).toBe(buffer);
  });

  it('takes a buffer given twice only once', () => {
    const spare = new SpareBuffers();
    const a = new Float64Array(64);
    spare.add(a);
    spare.add(a);
    expect(spare.take(Float64Array, 8).buffer).toBe(a.buffer);
    expect(spare.take(Float64Array, 8).buffer).not.toBe(a.buffer);
  });
});
