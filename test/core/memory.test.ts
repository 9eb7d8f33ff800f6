import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/core/memory.js';

describe('collectGarbage', () => {
  it('frees a released typed array at once, without waiting for V8 to decide', async () => {
    let big: Float64Array | null = new Float64Array(8 << 20).fill(1); // 64 MB
    const held = process.memoryUsage().arrayBuffers;
    expect(big[0]).toBe(1);
    big = null;
    collectGarbage();
    // The backing store is freed by a background task right after the collection.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(held - process.memoryUsage().arrayBuffers).toBeGreaterThan(60e6);
  });
});
