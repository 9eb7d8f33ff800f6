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

/** The lanes of hash53 before any character, for callers that feed characters themselves. */
export const LANE1 = 0x811c9dc5, LANE2 = 0x01000193;

/** hash53's last step, from its two lanes (see textHash in core/text, which skips characters). */
export function finish53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 15), 2246822507) >>> 0;
  h2 = Math.imul(h2 ^ (h2 >>> 13), 3266489909) >>> 0;
  return (h2 & 0x1fffff) * 0x100000000 + h1;
}

/**
 * A 30-bit hash of a string and a seed: small enough to be a V8 small integer, so a
 * `Map<number, …>` keyed by it needs no string hashing or comparison. Callers verify hits.
 */
export function hash30(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}
