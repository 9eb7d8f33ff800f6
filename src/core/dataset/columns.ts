/** Growable typed-array columns: per-message data without an object per message. */
type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };
type ViewCtor<T extends TypedArray> = Ctor<T> & { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

export class Column<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(private readonly ctor: Ctor<T>, capacity = 1024) {
    this.data = new ctor(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new this.ctor(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Room for n values in all, without the slack of doubling (a part of known size is coming). */
  reserve(n: number): void {
    if (this.data.length >= n) return;
    const next = new this.ctor(n);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }
  /** Appends all of `values`. */
  append(values: ArrayLike<number>): void {
    this.reserve(this.length + values.length);
    this.data.set(values as never, this.length);
    this.length += values.length;
  }
  /** The filled part, without a copy (a view of the data). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
  /** Drop the data (after it has been copied elsewhere), so its memory can be reclaimed; into
   *  `spare` to be reused, when given. */
  release(spare?: SpareBuffers): void {
    spare?.add(this.data, this.length * this.data.BYTES_PER_ELEMENT);
    this.data = new this.ctor(0);
    this.length = 0;
  }
}

/**
 * Buffers of arrays that are done with, reused for new arrays of any element type. A fresh array
 * costs a page fault per 4 KB the first time each page is written: on the 2-vCPU VMs of
 * docs/performance.md ~12 µs each, so the ~100 MB of new columns that finalize wrote at 2 M
 * messages cost ~0.3 s in faults alone, while the columns it had just released were already
 * resident. A reused array is zeroed, as a new one is (a memset of resident pages is ~1 ms per
 * 10 MB).
 */
export class SpareBuffers {
  private readonly spares: { buffer: ArrayBuffer; written: number }[] = [];

  /** `array`'s buffer is free from now on; its first `written` bytes were written (all of the
   *  array's by default). */
  add(array: TypedArray, written = array.byteLength): void {
    if (array.byteOffset === 0) this.spares.push({ buffer: array.buffer as ArrayBuffer, written });
  }

  /**
   * An array of n elements: in the spare buffer that has the most of those bytes written already
   * (the fewest new pages), the least written of those (the rest kept for bigger requests), or
   * new when no spare is big enough.
   */
  take<T extends TypedArray>(ctor: ViewCtor<T>, n: number): T {
    const bytes = n * ctor.BYTES_PER_ELEMENT;
    let best = -1, bestFresh = Infinity;
    for (let i = 0; i < this.spares.length; i++) {
      const { buffer, written } = this.spares[i]!;
      if (buffer.byteLength < bytes) continue;
      const fresh = Math.max(0, bytes - written);
      if (fresh < bestFresh || (fresh === bestFresh && written < this.spares[best]!.written)) { best = i; bestFresh = fresh; }
    }
    if (best < 0) return new ctor(n);
    const { buffer } = this.spares.splice(best, 1)[0]!;
    const array = new ctor(buffer, 0, n);
    array.fill(0);
    return array;
  }
}
