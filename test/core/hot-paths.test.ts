import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder, type MessageRow } from '../../src/core/dataset/builder.js';
import { FLAG } from '../../src/core/dataset/types.js';
import { hash53 } from '../../src/core/hash.js';
import type { GroupInfo, MessageEvent } from '../../src/core/model.js';
import { classifyText, MIN_KEY, textHash, textKey } from '../../src/core/text/classify.js';
import { canonicalMessagesCsv } from '../../src/ingest/canonical/messages.js';
import { eventBatches, type ReadContext, type Source } from '../../src/ingest/types.js';
import { Zone } from '../../src/core/time.js';

const slowHash = (t: string) => { const k = textKey(t); return k.length >= MIN_KEY ? hash53(k) : 0; };
// Characters that exercise every branch: ASCII case and punctuation, CJK, full-width forms,
// case beyond ASCII (Σ, İ), spaces of all kinds, emoji (surrogate pairs), lone surrogates.
const pieces = ['a', 'B', 'Z', '1', ' ', '\t', '\n', '.', ',', '!', '?', '$', '+', '@', '广', '告', '加', '微', '信', '，', '。', '！', '？', 'Ａ', 'ｂ', '　', 'Σ', 'ς', 'İ', 'É', 'é', '😀', '👍🏽', '\ud800', '\u2005', '\u00a0', '\ufeff', '～', '—', '·', '«'];

describe('textHash', () => {
  it('equals hash53(textKey(text)) (0 under MIN_KEY units)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
      const t = parts.join('');
      expect(textHash(t)).toBe(slowHash(t));
    }), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (t) => {
      expect(textHash(t)).toBe(slowHash(t));
    }), { numRuns: 2000 });
  });

  it('ignores case, spaces and punctuation as textKey does', () => {
    expect(textHash('加我微信 abc123!')).toBe(textHash('加我微信ABC123'));
    expect(textHash('ok!')).toBe(0);
  });
});

describe('classifyText prechecks', () => {
  it('still finds links and phone numbers', () => {
    expect(classifyText('see https://x.io')).toBe(1);
    expect(classifyText('www.example.org')).toBe(1);
    expect(classifyText('call 13812345678')).toBe(2);
    expect(classifyText('no link here')).toBe(0);
  });
});

describe('DatasetBuilder member lookup', () => {
  it('keeps members apart by group and key, whatever the hash', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 4 })), { maxLength: 200 }), (rows) => {
      const b = new DatasetBuilder();
      const groups: GroupInfo[] = [0, 1, 2, 3].map((i) => ({ id: `g${i}`, platform: 'csv' }));
      const want = new Map<string, number>();
      for (const [g, key] of rows) {
        const draft = b.group(groups[g]!, 0);
        const m = b.member(draft, key, undefined);
        const k = `${g}\u0000${key}`;
        if (!want.has(k)) want.set(k, m.index);
        expect(m.index).toBe(want.get(k));
        expect(m.key).toBe(key);
        expect(m.group).toBe(draft.index);
      }
      expect(b.members.length).toBe(want.size);
    }));
  });
});

describe('DatasetBuilder member names', () => {
  it('keeps each member\'s names, latest last, whether rows (addRow) or events (member) bring them', () => {
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.oneof(fc.integer({ min: 0, max: 9 }).map(String), fc.integer({ min: 0, max: 2000 }).map((k) => `wxid_${k}`)), fc.constantFrom('', 'Ann', 'Bo', 'Cy', 'Ann2'));
    fc.assert(fc.property(fc.array(op, { maxLength: 1500, size: 'max' }), (ops) => {
      const b = new DatasetBuilder();
      const groups: GroupInfo[] = [0, 1, 2].map((i) => ({ id: `g${i}`, platform: 'csv' }));
      const want = new Map<string, { index: number; names: string[] }>();
      const row: MessageRow = { buf: '', time: 0, kind: 0, key0: 0, key1: 0, name0: 0, name1: 0, id0: 0, id1: 0, reply0: 0, reply1: 0, text0: 0, text1: 0, text: undefined, fromSelf: false, line: 1 };
      for (const [asRow, g, key, name] of ops) {
        if (asRow) {
          // The key and name somewhere in a longer buffer, as a reader's chunk holds them.
          row.buf = `x,${key},${name},y`;
          row.key0 = 2; row.key1 = 2 + key.length; row.name0 = row.key1 + 1; row.name1 = row.name0 + name.length;
          b.addRow(groups[g]!, row, 0);
        } else b.member(b.group(groups[g]!, 0), key, name || undefined);
        const k = `${g}\u0000${key}`;
        let w = want.get(k);
        if (!w) want.set(k, w = { index: want.size, names: [] });
        if (name && w.names[w.names.length - 1] !== name) { w.names = w.names.filter((n) => n !== name); w.names.push(name); }
      }
      expect(b.members.map((m) => m.names)).toEqual([...want.values()].map((w) => w.names));
    }), { numRuns: 100 });
  });
});

describe('spam marking', () => {
  it('marks three repeats within a day and their sender as a spammer', () => {
    const b = new DatasetBuilder();
    const group: GroupInfo = { id: 'g', platform: 'csv' };
    const msg = (senderId: string, time: number, text: string): MessageEvent => ({ type: 'message', group, time, senderId, kind: 'text', text });
    for (let i = 0; i < 3; i++) b.add(msg('ad', i * 60_000, '进群看看好东西'), 0);
    b.add(msg('ok', 10 * 60_000, '进群看看好东西'), 0);
    for (let i = 0; i < 3; i++) b.add(msg('slow', i * 2 * 86_400_000, '周末去哪里好玩'), 0);
    // Reactions repeat by nature: "哈哈哈哈" three times in a minute is chat.
    for (let i = 0; i < 4; i++) b.add(msg('fun', i * 20_000, '哈哈哈哈！'), 0);
    for (let i = 0; i < 4; i++) b.add(msg('fun', 100_000 + i * 20_000, 'hahahaha'), 0);
    const d = b.finish('UTC');
    const spamOf = (key: string) => {
      const m = d.members.find((x) => x.key === key)!;
      let n = 0;
      for (let j = 0; j < d.messages.count; j++) if (d.messages.sender[j] === m.index && d.messages.flags[j]! & FLAG.spam) n++;
      return { n, spammer: m.spammer };
    };
    expect(spamOf('ad')).toEqual({ n: 3, spammer: true });
    expect(spamOf('ok')).toEqual({ n: 0, spammer: false });
    expect(spamOf('slow')).toEqual({ n: 0, spammer: false });
    expect(spamOf('fun')).toEqual({ n: 0, spammer: false });
  });
});

describe('canonical CSV in batches', () => {
  it('gives the same events through read and readBatches, chunk boundaries anywhere', async () => {
    const csv = '\ufeffmessage_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to\r\n'
      + Array.from({ length: 50 }, (_, i) => `m${i},g${i % 3},G ${i % 3},2024-01-0${1 + (i % 9)} 10:00:0${i % 10},u${i % 7},User ${i % 7},text,"hello, ""world""\nline ${i}",${i > 0 ? `m${i - 1}` : ''}`).join('\r\n') + '\r\n';
    const text = csv.replace(/^\ufeff/, '');
    const sourceOf = (size: number): Source => ({
      path: 'x.csv', fileName: 'x.csv', size: text.length,
      async *text() { for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size); },
      bytes: async () => new TextEncoder().encode(text),
    });
    const issues: unknown[] = [];
    const ctx: ReadContext = { path: 'x.csv', zone: new Zone('UTC'), reportIssue: (i) => issues.push(i), reportProgress: () => {} };
    const one: unknown[] = [];
    for await (const ev of canonicalMessagesCsv.read(sourceOf(1 << 20), ctx)) one.push(ev);
    expect(one).toHaveLength(50);
    for (const size of [1, 7, 64, 333]) {
      const batched: unknown[] = [];
      for await (const batch of eventBatches(canonicalMessagesCsv, sourceOf(size), ctx)) batched.push(...batch);
      expect(batched).toEqual(one);
    }
    expect(issues).toEqual([]);
  });
});

describe('CSV scanner batches', () => {
  it('hands out long inputs in bounded batches with the same rows, any chunking', async () => {
    const { scanCsvBatches } = await import('../../src/ingest/csv/scanner.js');
    const rows = Array.from({ length: 3000 }, (_, i) => (i % 5 === 0 ? `${i},"a ""q""\r\nb",x` : `${i},plain,y`));
    const text = rows.join('\r\n') + '\r\n' + '2999,"unterminated';
    const collect = async (size: number) => {
      const batches: number[] = [];
      const out: unknown[] = [];
      async function* chunks() { for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size); }
      for await (const b of scanCsvBatches(chunks())) { batches.push(b.length); out.push(...b); }
      return { batches, out };
    };
    const whole = await collect(text.length);
    expect(whole.out).toHaveLength(3001);
    expect(Math.max(...whole.batches)).toBeLessThanOrEqual(1024);
    for (const size of [1, 13, 4096]) expect((await collect(size)).out).toEqual(whole.out);
  });
});
