import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import type { IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { adapters } from '../../src/ingest/registry.js';
import { bytesSource, fileHead, fileSource, headOf } from '../../src/ingest/source.js';
import type { Source } from '../../src/ingest/types.js';
import { whatsappText } from '../../src/ingest/whatsapp/index.js';
import { splitNames } from '../../src/ingest/notices/lists.js';

const dir = new URL('../../fixtures/whatsapp/', import.meta.url).pathname;
const ANDROID = `${dir}android-en/WhatsApp Chat with Book Club.txt`;
const ZH = `${dir}zh-pm/与读书会的 WhatsApp 聊天.txt`;
const PT = `${dir}pt-dmy/WhatsApp Chat with Amigos.txt`;

async function read(source: Source, zone = 'UTC') {
  const events: IngestEvent[] = [];
  const issues: { reason: string }[] = [];
  const ctx = { path: source.path, zone: new Zone(zone), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  for await (const e of whatsappText.read(source, ctx)) events.push(e);
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const joins = events.filter((e): e is MembershipEvent => e.type === 'membership');
  return { events, messages, joins, issues };
}
const iso = (t: number) => new Date(t).toISOString();

describe('whatsapp-txt', () => {
  it.each([ANDROID, ZH, PT])('is detected as WhatsApp: %s', async (path) => {
    const head = await fileHead(path);
    const best = [...adapters].sort((a, b) => b.detect(head) - a.detect(head))[0]!;
    expect(best.id).toBe('whatsapp-txt');
  });

  it('reads an Android en-US export: m/d/yy, 12 h with narrow spaces, CRLF, system lines', async () => {
    const { messages, joins, events, issues } = await read(await fileSource(ANDROID));
    expect(issues).toEqual([]);
    expect(messages.map((m) => [m.senderId, m.kind])).toEqual([
      ['Bob', 'text'], ['Erin', 'text'], ['Carol', 'image'], ['Bob', 'text'], ['Alice', 'system'], ['Alice', 'recall'],
    ]);
    expect(messages[0]!.group).toEqual({ id: 'Book Club', name: 'Book Club', platform: 'whatsapp' });
    expect(iso(messages[0]!.time)).toBe('2024-01-13T12:30:00.000Z');
    expect(iso(messages[2]!.time)).toBe('2024-01-13T23:59:00.000Z');
    expect(iso(messages[3]!.time)).toBe('2024-01-14T00:00:00.000Z');
    expect(messages[1]!.text).toBe('Thanks! Two lines:\nsecond line of the message');
    // Quoting a system line inside a message does not make it one.
    expect(messages[3]!.text).toBe('Alice added Carol (just quoting)');
    expect(joins.map((j) => [j.action, j.memberId, j.by, j.method])).toEqual([
      ['join', 'Bob', 'Alice', 'invite'], ['join', 'Carol', 'Alice', 'invite'], ['join', 'Dan', 'Alice', 'invite'],
      ['join', 'Erin', undefined, 'link'], ['leave', 'Dan', undefined, undefined], ['remove', 'Erin', 'Alice', undefined],
    ]);
    expect(events.find((e) => e.type === 'group')).toMatchObject({ roles: [{ memberId: 'Alice', role: 'owner' }] });
    expect(messages.some((m) => /encrypted/.test(m.text ?? ''))).toBe(false);
  });

  it('reads local times in the report zone', async () => {
    const { messages } = await read(await fileSource(ANDROID), 'Asia/Shanghai');
    expect(iso(messages[0]!.time)).toBe('2024-01-13T04:30:00.000Z');
  });

  it('reads a zh-CN iOS export: 上午/下午 before the time, LRM system lines under the chat name', async () => {
    const { messages, joins, events } = await read(await fileSource(ZH));
    expect(messages.map((m) => [m.senderId, iso(m.time), m.kind])).toEqual([
      ['Alice', '2024-01-02T15:04:05.000Z', 'text'],
      ['Bob', '2024-01-02T12:30:00.000Z', 'text'],
      ['Carol', '2024-01-02T00:10:00.000Z', 'image'],
    ]);
    expect(messages[1]!.text).toBe('中午好');
    expect(messages[0]!.group.name).toBe('读书会');
    expect(joins.map((j) => [j.action, j.memberId, j.by])).toEqual([
      ['join', 'Bob', 'Alice'], ['join', 'Carol', 'Alice'], ['leave', 'Bob', undefined],
    ]);
    expect(events.find((e) => e.type === 'group')).toMatchObject({ roles: [{ memberId: 'Alice', role: 'owner' }] });
  });

  it('reads a Portuguese day-first export (the order is decided from the whole file)', async () => {
    const { messages, joins } = await read(await fileSource(PT));
    expect(messages).toHaveLength(1);
    expect(iso(messages[0]!.time)).toBe('2024-01-13T18:45:00.000Z');
    expect(joins.map((j) => [j.action, j.memberId, j.by, j.method, iso(j.time)])).toEqual([
      ['join', 'Bruno', 'Ana', 'invite', '2024-01-05T10:00:00.000Z'], ['join', 'Carla', 'Ana', 'invite', '2024-01-05T10:00:00.000Z'],
      ['join', 'Davi', undefined, 'link', '2024-01-05T10:05:00.000Z'], ['leave', 'Carla', undefined, undefined, '2024-01-14T09:00:00.000Z'],
      ['remove', 'Davi', 'Ana', undefined, '2024-01-14T09:10:00.000Z'],
    ]);
  });

  it('handles 下午 after the time, and names _chat.txt after its ZIP', async () => {
    const text = '02/01/2024 03:04 下午 - Carol: x\n13/01/2024 09:00 上午 - Dan: y\n';
    const path = '/exports/WhatsApp Chat - Family.zip!_chat.txt';
    const head = headOf(path, strToU8(text));
    expect([...adapters].sort((a, b) => b.detect(head) - a.detect(head))[0]!.id).toBe('whatsapp-txt');
    const { messages } = await read(bytesSource(path, strToU8(text)));
    expect(messages.map((m) => [m.senderId, iso(m.time), m.group.id])).toEqual([
      ['Carol', '2024-01-02T15:04:00.000Z', 'Family'], ['Dan', '2024-01-13T09:00:00.000Z', 'Family'],
    ]);
  });

  it('reports text before the first header instead of throwing', async () => {
    const { messages, issues } = await read(bytesSource('x.txt', strToU8('garbage\n1/2/24, 10:00 - A: hi\n')));
    expect(messages).toHaveLength(1);
    // 1/2/24 alone is 1 February or 2 January: that is a note of its own.
    expect(issues.map((i) => (i as { code?: string }).code)).toEqual(['ambiguous-date-order', 'bad-row']);
  });

  it('leaves out "N others" in the languages WhatsApp writes, never a name with a number', () => {
    expect(splitNames('Ann, Bob and 8 others')).toEqual(['Ann', 'Bob']);
    expect(splitNames('Christoph, Martin und 5 weitere Personen', 'und')).toEqual(['Christoph', 'Martin']);
    expect(splitNames('Ana, Rui e mais 2 pessoas')).toEqual(['Ana', 'Rui']);
    expect(splitNames('Ana y otras 5 personas')).toEqual(['Ana']);
    expect(splitNames('Ann, Bob and 3 more')).toEqual(['Ann', 'Bob']);
    for (const name of ['Club 27', '2 Chainz', 'Tom 5', '+49 176 29067581', 'Person 2', 'Участник 3', 'Orang 3']) expect(splitNames(`Ann and ${name}`)).toEqual(['Ann', name]);
  });

  it('keeps a comma without a space inside a name: lists are "A, B and C"', () => {
    expect(splitNames('王,小二')).toEqual(['王,小二']);
    expect(splitNames('Ann, 王,小二 and Bob')).toEqual(['Ann', '王,小二', 'Bob']);
    expect(splitNames('甲、乙和丙')).toEqual(['甲', '乙', '丙']);
    // A bare 和 is part of a name unless the list has a 、 (or spaces around it).
    expect(splitNames('王和平')).toEqual(['王和平']);
    expect(splitNames('李四 和 王五')).toEqual(['李四', '王五']);
  });
});
