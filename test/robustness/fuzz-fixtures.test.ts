import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { pickAdapter } from '../../src/ingest/discover.js';
import { headOf } from '../../src/ingest/source.js';
import { checkEvent, readBytes, utf8 } from './helpers.js';

/**
 * Mutation fuzzing: every real fixture, cut, spliced and corrupted at random places. Random bytes
 * rarely get past a format's first line; a damaged real export reaches deep into each parser.
 */
const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const fixtures = files(root).filter((p) => !p.endsWith('expected.json') && !p.includes('/slack/') && !p.includes('/demo/'));

const junk = fc.oneof(
  fc.constantFrom('"', '""', ',', ';', '\n', '\r', '\u0000', '{', '}', '[', ']', '[[[[[[[[', '"text":{"a":[[[', '\\', '\ud800', '\u202e', '\u001b]8;;x\u0007', 'null', '1e400', '-0', '2023-02-30 25:61:61', '9999999999999999999', 'constructor', '__proto__', 'toString'),
  fc.string({ maxLength: 20 }),
);

type Mutation = (b: Uint8Array) => Uint8Array;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (b) => b.subarray(0, Math.floor(b.length * f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), junk).map(([f, s]): Mutation => (b) => {
    const at = Math.floor(b.length * f);
    return Uint8Array.from([...b.subarray(0, at), ...utf8(s), ...b.subarray(at)]);
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([f, r]): Mutation => (b) => {
    const at = Math.floor(b.length * f);
    const out = Uint8Array.from(b);
    out.set(r.subarray(0, Math.max(0, out.length - at)), at);
    return out;
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([f, g]): Mutation => (b) => {
    const [x, y] = [Math.floor(b.length * Math.min(f, g)), Math.floor(b.length * Math.max(f, g))];
    return Uint8Array.from([...b.subarray(0, y), ...b.subarray(x)]);
  }),
);

describe('damaged real exports: events or a clean UserError, never another exception', () => {
  for (const path of fixtures) {
    const data = new Uint8Array(readFileSync(path));
    const pick = pickAdapter(headOf(path, data));
    if (!pick) continue;
    it(`${pick.adapter.id}: ${path.slice(root.length)}`, async () => {
      await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const bytes = ms.reduce<Uint8Array>((b, m) => m(b), data);
        const out = await readBytes(pick.adapter, path, bytes);
        out.events.forEach(checkEvent);
      }), { numRuns: 100 });
    });
  }
});
