import fc from 'fast-check';
import { describe, it } from 'vitest';
import { adapters } from '../../src/ingest/registry.js';
import { isFolderAdapter } from '../../src/ingest/types.js';
import { checkEvent, readBytes, readFolderOf, utf8 } from './helpers.js';

/** File names that steer each adapter's own sniffing of names (e.g. result.json, .jsonl). */
const NAMES: Record<string, string> = {
  'whatsapp-txt': 'WhatsApp Chat with G.txt', 'telegram-json': 'result.json', 'discord-json': 'g.json',
  'discord-csv': 'g.csv', 'slack-export': 'channels.json', 'wechat-memotrace-csv': 'g.csv',
  'wechat-memotrace-txt': 'g.txt', 'wechat-weflow-json': 'g.json', 'chatlab-json': 'g.json',
  'chatlab-jsonl': 'g.jsonl', 'wechat-chatlog-csv': 'g.csv', 'wechat-pywxdump-csv': 'g.csv', 'wechat-memotrace2-csv': 'g.csv',
  'qq-txt': 'g.txt', 'qq-mht': 'g.mht', 'members-xlsx': 'g.xlsx', 'canonical-csv': 'g.csv', 'members-csv': 'g.csv',
};

// Text that looks a little like each format, so the fuzzer gets past the first line.
const fragments = fc.constantFrom(
  ',', ';', '\t', '"', '""', '\n', '\r\n', '{', '}', '[', ']', ':', '"messages":', '"text":', '"date_unixtime":"1700000000"',
  'message_id,group_id,timestamp,sender_id,sender_name,text\n', '2024-03-04 09:00:00', '2023-02-30 10:00', '[1/2/24, 10:00] ', '1/2/24, 10:00 - ',
  'A: hi', '2024-03-04 09:00:00 小王(12345)\n',
  'Content-Type:multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n', '<tr><td>日期: 2020-02-11</td></tr>', '<tr><td><div><div>A(1)</div>1:00:00</div><div>x<br></div></td></tr>', '\n--b\n', '<msg>', '&#x1F600;', '\u202e', '\u001b[31m', '9'.repeat(30), '-1e309', 'null', 'true', 'constructor', '__proto__', 'toString',
);
const texty = fc.array(fc.oneof(fragments, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((p) => utf8(p.join('')));
const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), texty);

describe('every adapter: any bytes in, events or a clean UserError out', () => {
  for (const adapter of adapters) {
    it(adapter.id, async () => {
      await fc.assert(fc.asyncProperty(bytes, async (data) => {
        const out = await readBytes(adapter, NAMES[adapter.id] ?? 'x.txt', data);
        out.events.forEach(checkEvent);
      }), { numRuns: 150 });
    });
  }

  it('the Slack folder reader, on arbitrary entries', async () => {
    const slack = adapters.find(isFolderAdapter)!;
    await fc.assert(fc.asyncProperty(bytes, bytes, bytes, async (ch, us, day) => {
      const out = await readFolderOf(slack, { 'channels.json': ch, 'users.json': us, 'general/2024-03-04.json': day });
      out.events.forEach(checkEvent);
    }), { numRuns: 150 });
  });
});
