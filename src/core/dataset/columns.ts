/** Growable typed-array columns: per-message data without an object per message. */
type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };
type ViewCtor<T extends TypedArray> = Ctor<T> & { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

export class Column<T extends TypedArray> {
  data: T;
  length = 0;
  /** How far prefault() wrote: data[0, max(length, written)) has been written. */
  private written = 0;
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
    this.written = this.length;
  }
  /** Writes (zeros into) the room for `n` more values, within the capacity: their pages become
   *  resident now rather than when the values come (see DatasetBuilder.prefault). */
  prefault(n: number): void {
    const from = Math.max(this.length, this.written), end = Math.min(this.data.length, this.length + Math.max(0, Math.floor(n)));
    if (end > from) { this.data.fill(0, from, end); this.written = end; }
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
    spare?.add(this.data, Math.max(this.length, this.written) * this.data.BYTES_PER_ELEMENT);
    this.data = new this.ctor(0);
    this.length = this.written = 0;
  }
}

/**
 * Buffers of arrays that are done with, reused for new arrays of any element type. A fresh array
 * costs a page fault per 4 KB the first time each page is written: on the 2-vCPU VMs of
 * docs/performance.md ~12 µs each, so the ~100 MB of new columns that finalize wrote at 2 M
 * messages cost ~0.3 s in faults alone, while the columns it had just released were resident.
 * A reused array is zeroed, as a new one is (a memset of resident pages is ~1 ms per 10 MB).
 */
export class SpareBuffers {
  private readonly spares: ArrayBuffer[] = [];
  /** How many bytes of each buffer seen have been written (resident), from its start. */
  private readonly written = new WeakMap<ArrayBuffer, number>();

  /**
   * `array`'s whole buffer is free from now on (nothing else may use any of it: a Node Buffer,
   * which may share a pool, must never come here); its first `written` bytes were written (all
   * of the array's by default). A buffer already among the spares is not added twice.
   */
  add(array: TypedArray, written = array.byteLength): void {
    if (array.byteOffset !== 0) return;
    const buffer = array.buffer as ArrayBuffer;
    if (this.spares.includes(buffer)) return;
    this.spares.push(buffer);
    this.written.set(buffer, Math.max(written, this.written.get(buffer) ?? 0));
  }

  /**
   * An array of n elements. A temporary one goes in the spare with the most of its bytes written
   * already (the fewest new pages), the least written of those (the rest kept for bigger needs).
   * One that `outlives` the spares (a column of the dataset) goes only in a spare with no more
   * written than it needs, the most written of those: a bigger one would hold pages resident for
   * nothing as long as the dataset lives (+24 MB at the peak of 4 M messages). New when none fits.
   */
  take<T extends TypedArray>(ctor: ViewCtor<T>, n: number, outlives = false): T {
    const bytes = n * ctor.BYTES_PER_ELEMENT;
    let best = -1, bestWritten = 0;
    for (let i = 0; i < this.spares.length; i++) {
      const buffer = this.spares[i]!, written = this.written.get(buffer)!;
      if (buffer.byteLength < bytes || (outlives && written > bytes + 4096)) continue;
      const better = outlives
        ? written > bestWritten
        : Math.min(written, bytes) > Math.min(bestWritten, bytes) || (Math.min(written, bytes) === Math.min(bestWritten, bytes) && written < bestWritten);
      if (best < 0 || better) { best = i; bestWritten = written; }
    }
    if (best < 0) return new ctor(n);
    const buffer = this.spares.splice(best, 1)[0]!;
    this.written.set(buffer, Math.max(bestWritten, bytes));
    const array = new ctor(buffer, 0, n);
    array.fill(0);
    return array;
  }
}
