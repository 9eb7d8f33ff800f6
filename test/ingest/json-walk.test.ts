import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.js';
import { walkJson, type JsonPath, type JsonPiece } from '../../src/ingest/json/stream.js';
import type { Source } from '../../src/ingest/types.js';

/**
 * The JSON walker against a reference: documents are generated as trees whose objects keep their
 * keys in document order (duplicates allowed), written with any indentation, and handed over in
 * chunks cut anywhere. The walker must hand out, in order, every item (a container at an item
 * path: JSON.parse of its text) and every wanted scalar outside items, as a walk of the tree does.
 */
type Tree = null | boolean | number | string | { arr: Tree[] } | { obj: [string, Tree][] };

const key = fc.oneof(fc.constantFrom('messages', 'name', 'id', 'type', 'list', 'chats', 'text', '"q"', 'a\\b', '\u2028', '0'), fc.string({ maxLength: 6 }));
const scalar: fc.Arbitrary<Tree> = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 8, unit: 'binary' }));
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 4 }).map((arr) => ({ arr })),
    fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }).map((obj) => ({ obj }))),
}));
// A document shaped like an export often enough to have items: messages arrays at the top and in chats.list.
const docArb = fc.oneof(tree, fc.tuple(fc.array(fc.tuple(key, tree), { maxLength: 3 }), fc.array(tree, { maxLength: 5 }), fc.array(fc.array(tree, { maxLength: 3 }), { maxLength: 3 }))
  .map(([extra, messages, chats]): Tree => ({ obj: [...extra, ['messages', { arr: messages }], ['chats', { obj: [['list', { arr: chats.map((m) => ({ obj: [['name', 'c'], ['messages', { arr: m }]] })) }]] }]] })));

function write(t: Tree, indent: string, at = ''): string {
  if (t === null || typeof t !== 'object') return JSON.stringify(t);
  const inner = at + indent, nl = indent ? '\n' : '';
  if ('arr' in t) return t.arr.length ? `[${nl}${t.arr.map((v) => inner + write(v, indent, inner)).join(`,${nl}`)}${nl}${at}]` : '[]';
  return t.obj.length ? `{${nl}${t.obj.map(([k, v]) => `${inner}${JSON.stringify(k)}:${indent ? ' ' : ''}${write(v, indent, inner)}`).join(`,${nl}`)}${nl}${at}}` : '{}';
}

const isItem = (p: JsonPath) => p.length >= 2 && p[p.length - 2] === 'messages' && typeof p[p.length - 1] === 'number';
const wantScalar = (p: JsonPath) => p.length >= 1 && ['name', 'id', 'type'].includes(String(p[p.length - 1]));

/** The walk of the tree, with each item's line: where its text starts in write(t, indent). */
function expected(t: Tree, indent: string): JsonPiece[] {
  const out: JsonPiece[] = [];
  let text = '';
  const walk = (v: Tree, path: (string | number)[], at: string) => {
    if (v !== null && typeof v === 'object' && path.length > 0 && isItem(path)) {
      const own = write(v, indent, at);
      out.push({ kind: 'item', path, value: JSON.parse(own), line: text.split('\n').length });
      text += own;
      return;
    }
    if (v === null || typeof v !== 'object') {
      // The value as the document holds it: write() puts -0 down as 0.
      if (path.length > 0 && wantScalar(path)) out.push({ kind: 'scalar', path, value: JSON.parse(write(v, indent, at)) as string | number | boolean | null });
      text += write(v, indent, at);
      return;
    }
    // The container written as write() writes it, its children walked in place.
    const inner = at + indent, nl = indent ? '\n' : '';
    if ('arr' in v) {
      if (!v.arr.length) { text += '[]'; return; }
      text += `[${nl}`;
      v.arr.forEach((x, i) => { text += (i ? `,${nl}` : '') + inner; walk(x, [...path, i], inner); });
      text += `${nl}${at}]`;
    } else {
      if (!v.obj.length) { text += '{}'; return; }
      text += `{${nl}`;
      v.obj.forEach(([k, x], i) => { text += `${i ? `,${nl}` : ''}${inner}${JSON.stringify(k)}:${indent ? ' ' : ''}`; walk(x, [...path, k], inner); });
      text += `${nl}${at}}`;
    }
  };
  walk(t, [], '');
  // The walk wrote the same text as write(): the lines are lines of the document.
  expect(text).toBe(write(t, indent));
  return out;
}

function chunked(text: string, cuts: number[]): Source {
  const at = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const parts = [0, ...at, text.length].map((c, i, a) => text.slice(c, a[i + 1] ?? c)).filter((p, i, a) => p || i === a.length - 1);
  return { path: 'doc.json', fileName: 'doc.json', size: text.length, text: async function* () { yield* parts; }, bytes: async () => new Uint8Array() };
}

async function walked(source: Source): Promise<JsonPiece[]> {
  const out: JsonPiece[] = [];
  for await (const p of walkJson(source, isItem, wantScalar)) out.push(p);
  return out;
}

describe('walkJson', () => {
  it('hands out the items and wanted scalars of any document, however it is indented and cut into chunks', async () => {
    await fc.assert(fc.asyncProperty(docArb, fc.constantFrom('', ' ', '  ', '\t'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), async (doc, indent, cuts) => {
      const text = write(doc, indent);
      expect(await walked(chunked(text, cuts))).toEqual(expected(doc, indent));
    }), { numRuns: 400, examples: [[{ obj: [['id', -0], ['messages', { arr: [] }]] }, '', []]] });
  });

  it('reads escapes in items and outside them wherever a chunk ends (every cut point of one document)', async () => {
    const doc: Tree = { obj: [['name', 'a\\"b\\\\'], ['messages', { arr: [{ obj: [['text', 'say \\"hi\\" \\\\ \\\\\\"'], ['n', -1.5e3]] }, { arr: ['\\\\', { obj: [] }] }, 7] }], ['id', 12]] };
    const text = write(doc, ' '), want = expected(doc, ' ');
    expect(want.map((p) => p.kind)).toEqual(['scalar', 'item', 'item', 'scalar']);
    for (let cut = 0; cut <= text.length; cut++) expect(await walked(chunked(text, [cut / text.length]))).toEqual(want);
  });

  it('fails with a user error exactly where JSON.parse fails: cut off or one character changed', async () => {
    await fc.assert(fc.asyncProperty(docArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('cut', '"', '\\', '{', ']', ',', 'x', '\n', '\u0001'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), async (doc, where, edit, cuts) => {
      const text = write(doc, ' ');
      const at = Math.floor(where * text.length);
      const bad = edit === 'cut' ? text.slice(0, at) : text.slice(0, at) + edit + text.slice(at + 1);
      let valid = true;
      try { JSON.parse(bad); } catch { valid = false; }
      let error: unknown = null;
      try { await walked(chunked(bad, cuts)); } catch (e) { error = e; }
      if (valid) expect(error).toBeNull();
      else { expect(isUserError(error)).toBe(true); expect((error as { details: { code: string } }).details.code).toBe('bad-json'); }
    }), { numRuns: 600 });
  });

  it('reports the line a broken message starts on, and the last line of a cut-off file', async () => {
    const text = '{\n "name": "G",\n "messages": [\n  {"id": 1},\n  {"id": 2,\n   "text": "a" "b"},\n  {"id": 3}\n ]\n}\n';
    await expect(walked(chunked(text, [0.3, 0.61]))).rejects.toMatchObject({ details: { line: 5, code: 'bad-json' } });
    await expect(walked(chunked(text.slice(0, 60), [0.5]))).rejects.toMatchObject({ message: 'the JSON ends too early (cut off?)', details: { line: 6 } });
  });

  it('refuses nesting beyond the limit inside and outside items', async () => {
    for (const text of [`{"messages": [${'['.repeat(300)}`, `{"a": ${'['.repeat(300)}`]) {
      await expect(walked(chunked(text, [0.5]))).rejects.toMatchObject({ details: { code: 'json-too-deep' } });
    }
  });
});
