/**
 * A 53-bit string hash (two 32-bit FNV-1a lanes) that fits a JS number exactly, so message ids,
 * reply targets and texts can be compared from typed arrays without keeping the strings.
 * Collisions are around one in 2^53 / n² — negligible for tens of millions of messages.
 */
export function hash53(s: string, seed = 0): number {
  let h1 = 0x811c9dc5 ^ seed, h2 = 0x01000193 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return finish53(h1, h2);
}

/** hash53 of `s.slice(start, end)`, without making the slice (fast readers hash ids in place). */
export function hash53At(s: string, start: number, end: number, seed = 0): number {
  let h1 = 0x811c9dc5 ^ seed, h2 = 0x01000193 ^ seed;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return finish53(h1, h2);
}

/**
 * A 53-bit hash of a string within a scope (a member key within its group index, a message id
 * within its group's seed): the scope is fed as two leading units, not XORed into the start as
 * hash53's seed is (that makes "e" in group 0 and "g" in group 2 one hash).
 */
export function memberHash(s: string, start: number, end: number, group: number): number {
  const lo = group & 0xffff, hi = group >>> 16;
  let h1 = Math.imul(Math.imul(0x811c9dc5 ^ lo, 16777619) ^ hi, 16777619);
  let h2 = Math.imul(Math.imul(0x01000193 ^ lo, 2246822519) ^ hi, 2246822519);
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return finish53(h1, h2);
}

/** The lanes of hash53 before any character, for callers that feed characters themselves. */
export const LANE1 = 0x811c9dc5, LANE2 = 0x01000193;

/** hash53's last step, from its two lanes (see textHash in core/text, which skips characters). */
export function finish53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 15), 2246822507) >>> 0;
  h2 = Math.imul(h2 ^ (h2 >>> 13), 3266489909) >>> 0;
  return (h2 & 0x1fffff) * 0x100000000 + h1;
}

/**
 * A map from a hash53 to a non-negative int (the first value set for a hash wins), in typed arrays
 * with open addressing: a lookup per message in a table of 100 k+ members costs a fraction of a
 * Map.get, and the 53-bit hash is the check (no member object or key string read per message:
 * those reads, cache misses each, were most of the cost).
 */
export class HashTable {
  private keys: Float64Array;
  private values: Int32Array;
  private size = 0;

  /** Room for `capacity` entries before the first grow() (each grow rehashes every entry). */
  constructor(capacity = 512) {
    let slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    this.keys = new Float64Array(slots);
    this.values = new Int32Array(slots).fill(-1);
  }

  /** The value for h, or -1. */
  get(h: number): number {
    const mask = this.keys.length - 1;
    for (let i = (h >>> 0) & mask; ; i = (i + 1) & mask) {
      const v = this.values[i]!;
      if (v < 0 || this.keys[i] === h) return v;
    }
  }

  /** Sets h → v unless h has a value already. */
  add(h: number, v: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let i = (h >>> 0) & mask; ; i = (i + 1) & mask) {
      if (this.values[i]! < 0) { this.keys[i] = h; this.values[i] = v; this.size++; return; }
      if (this.keys[i] === h) return;
    }
  }

  /** Sets h → v and returns the value h had (-1: none), in one probe. */
  exchange(h: number, v: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let i = (h >>> 0) & mask; ; i = (i + 1) & mask) {
      const old = this.values[i]!;
      if (old < 0) { this.keys[i] = h; this.values[i] = v; this.size++; return -1; }
      if (this.keys[i] === h) { this.values[i] = v; return old; }
    }
  }

  /** Twice the slots, every entry placed again. The probe is written out here rather than
   *  calling add() per entry: grow runs a few times a run, too seldom to be optimised, and an
   *  unoptimised call per entry made the last doublings of a big table cost tens of ms. */
  private grow(): void {
    const { keys: oldKeys, values: oldValues } = this;
    const keys = new Float64Array(oldKeys.length * 2), values = new Int32Array(oldKeys.length * 2).fill(-1);
    const mask = keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const v = oldValues[j]!;
      if (v < 0) continue;
      const h = oldKeys[j]!;
      let i = (h >>> 0) & mask;
      while (values[i]! >= 0) i = (i + 1) & mask;
      keys[i] = h; values[i] = v;
    }
    this.keys = keys; this.values = values;
  }
}

/**
 * The builder's members by memberHash(key, group): per member its index and hash53 of its latest
 * name (NaN: none), both in the member's slot of 32 bytes (key hash, name hash, index + 1 with 0
 * for an empty slot), so a message's lookup and name check read one cache line. With 100 k+
 * members each separate array read per message (a HashTable's keys and values, a column of name
 * hashes) was a cache miss of its own, and these misses were most of a row's cost in the builder.
 */
export class MemberTable {
  private slots = new Float64Array(4 * 1024);
  private size = 0;

  /** The slot of h (an offset into the table, for index() and the name hash), or -1 if none. */
  find(h: number): number {
    const slots = this.slots, mask = slots.length - 4;
    for (let s = (h << 2) & mask; ; s = (s + 4) & mask) {
      if (slots[s + 2] === 0) return -1;
      if (slots[s] === h) return s;
    }
  }

  /** The member index in slot s. */
  index(s: number): number {
    return this.slots[s + 2]! - 1;
  }

  nameHash(s: number): number {
    return this.slots[s + 1]!;
  }

  setNameHash(s: number, nameHash: number): void {
    this.slots[s + 1] = nameHash;
  }

  /** Adds h (not in the table) → index, with no name; returns its slot. */
  add(h: number, index: number, nameHash = NaN): number {
    if ((this.size + 1) * 8 > this.slots.length) this.grow();
    const slots = this.slots, mask = slots.length - 4;
    let s = (h << 2) & mask;
    while (slots[s + 2] !== 0) s = (s + 4) & mask;
    slots[s] = h; slots[s + 1] = nameHash; slots[s + 2] = index + 1;
    this.size++;
    return s;
  }

  /** Twice the slots, every entry placed again (the probe written out: see HashTable.grow). */
  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2), mask = slots.length - 4;
    for (let o = 0; o < old.length; o += 4) {
      if (old[o + 2] === 0) continue;
      const h = old[o]!;
      let s = (h << 2) & mask;
      while (slots[s + 2] !== 0) s = (s + 4) & mask;
      slots[s] = h; slots[s + 1] = old[o + 1]!; slots[s + 2] = old[o + 2]!;
    }
    this.slots = slots;
  }
}

/** Does `s` occur in `buf` at `at`? (startsWith with a position, which V8 does not inline.) */
export function sameAt(buf: string, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (buf.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
  return true;
}
