import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { adapterById } from '../../src/ingest/registry.js';
import { checkEvent, readBytes, readFolderOf, utf8 } from './helpers.js';

/**
 * Shape fuzzing for the JSON formats: a real export with random nodes replaced by arbitrary JSON
 * (wrong types, nulls, huge numbers, nested arrays). The document stays valid JSON, so the fuzzer
 * reaches the code that reads fields.
 */
const fixture = (rel: string) => fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}
function replace(v: Json, path: (string | number)[], by: Json): Json {
  if (path.length === 0) return by;
  const [h, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === h ? replace(x, rest, by) : x));
  if (v !== null && typeof v === 'object') return { ...v, [h!]: replace(v[h as string]!, rest, by) };
  return v;
}

const hostile: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, '', -1, 1e308, -1e308, 2 ** 53 + 1, 'NaN', '2023-02-30', '99999999999999', [], {}, [[[[[]]]]], '\u202e\u001b[2J', 'constructor', '__proto__', 'toString', 'hasOwnProperty'),
);
const edits = fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 3 });
const apply = (doc: Json, es: [number, Json][]) => es.reduce((d, [i, by]) => { const ps = paths(d); return replace(d, ps[i % ps.length]!, by); }, doc);

const FILES: [string, string, string][] = [
  ['telegram-json', 'telegram/group/result.json', 'result.json'],
  ['telegram-json', 'telegram/account/result.json', 'result.json'],
  ['discord-json', 'discord/guild/Synth Club - Text - general [810000000000000001].json', 'g.json'],
  ['wechat-weflow-json', 'wechat-weflow-json/basic/技术交流群.json', 'g.json'],
  ['chatlab-json', 'wechat-chatlab-json/basic/技术交流群.chatlab.json', 'g.json'],
];

describe('JSON exports with arbitrary values in any place', () => {
  for (const [id, rel, name] of FILES) {
    it(`${id}: ${rel}`, async () => {
      const doc = JSON.parse(readFileSync(fixture(rel), 'utf8')) as Json;
      const adapter = adapterById(id)!;
      await fc.assert(fc.asyncProperty(edits, async (es) => {
        const out = await readBytes(adapter, name, utf8(JSON.stringify(apply(doc, es))));
        out.events.forEach(checkEvent);
      }), { numRuns: 150 });
    });
  }

  it('chatlab-jsonl: any line replaced by arbitrary JSON', async () => {
    const lines = readFileSync(fixture('wechat-chatlab-jsonl/basic/技术交流群.jsonl'), 'utf8').split('\n');
    // Comment and broken lines of the fixture stay as they are; the others get arbitrary values.
    const parse = (l: string): Json | undefined => { try { return JSON.parse(l) as Json; } catch { return undefined; } };
    await fc.assert(fc.asyncProperty(edits, async (es) => {
      const out = await readBytes(adapterById('chatlab-jsonl')!, 'g.jsonl', utf8(lines.map((l, i) => { const j = parse(l); return i === 0 || j === undefined ? l : JSON.stringify(apply(j, es)); }).join('\n')));
      out.events.forEach(checkEvent);
    }), { numRuns: 150 });
  });

  it('slack-export: channels, users and a day file with arbitrary values', async () => {
    const read = (f: string) => JSON.parse(readFileSync(fixture(`slack/workspace/${f}`), 'utf8')) as Json;
    const [ch, us, day] = [read('channels.json'), read('users.json'), read('general/2024-01-02.json')];
    await fc.assert(fc.asyncProperty(fc.nat(2), edits, async (which, es) => {
      const docs = [ch, us, day].map((d, i) => utf8(JSON.stringify(i === which ? apply(d, es) : d)));
      const out = await readFolderOf(adapterById('slack-export')!, { 'channels.json': docs[0]!, 'users.json': docs[1]!, 'general/2024-01-02.json': docs[2]! });
      out.events.forEach(checkEvent);
    }), { numRuns: 150 });
  });
});
