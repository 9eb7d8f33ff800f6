import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../src/core/model.js';
import { canonicalMessagesCsv } from '../../src/ingest/canonical/messages.js';
import { readBytes, utf8 } from './helpers.js';

/**
 * Round trip: messages written as a canonical CSV with proper quoting (RFC 4180) read back as the
 * same events, for any text: commas, quotes, newlines, CR, CJK, emoji, leading "=".
 */
const quote = (s: string) => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const piece = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(',', '"', '""', '\n', '\r\n', '群聊', '😀👍🏽', '=1+1', '\u00a0'));
const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join('')).filter((s) => s.trim() !== '');
const id = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/);
const name = text.map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s !== '');
const message = fc.record({ id, sender: id, name, text, minute: fc.integer({ min: 0, max: 60 * 24 * 365 }) });

describe('canonical CSV round trip', () => {
  it('written with quoting, read back the same', async () => {
    await fc.assert(fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 20 }), fc.boolean(), async (ms, crlf) => {
      const nl = crlf ? '\r\n' : '\n';
      const lines = ['message_id,group_id,timestamp,sender_id,sender_name,text', ...ms.map((m) => [m.id, 'g1', new Date(Date.UTC(2024, 0, 1) + m.minute * 60_000).toISOString(), m.sender, quote(m.name), quote(m.text)].join(','))];
      const out = await readBytes(canonicalMessagesCsv, 'g.csv', utf8(lines.join(nl) + nl));
      expect(out.error).toBeUndefined();
      expect(out.issues).toEqual([]);
      const got = (out.events as MessageEvent[]).map((e) => ({ id: e.id, sender: e.senderId, name: e.senderName, text: e.text, time: e.time }));
      expect(got).toEqual(ms.map((m) => ({ id: m.id, sender: m.sender, name: m.name.trim(), text: m.text, time: Date.UTC(2024, 0, 1) + m.minute * 60_000 })));
    }), { numRuns: 150 });
  });
});
