/** Growable typed-array columns: per-message data without an object per message. */
type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

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
  /** Drop the data (after it has been copied elsewhere), so its memory can be reclaimed. */
  release(): void {
    this.data = new this.ctor(0);
    this.length = 0;
  }
}
