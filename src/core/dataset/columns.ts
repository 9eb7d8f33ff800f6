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
  /** Drop the data (after it has been copied elsewhere), so its memory can be reclaimed. */
  release(): void {
    this.data = new this.ctor(0);
    this.length = 0;
  }
  /** The filled part, trimmed to length (a copy, so the builder's spare capacity is freed). */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}
