import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IngestEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { adapters } from '../../src/ingest/registry.js';
import { slackExport } from '../../src/ingest/slack/index.js';
import { fileHead, fileSource } from '../../src/ingest/source.js';
import { zipFolder } from '../../src/ingest/zip.js';

/** Real exports by other projects, next to the repository (not shipped: their licences differ). */
const dir = fileURLToPath(new URL('../../../shared/real-samples/', import.meta.url));
const ctxFor = (path: string, issues: unknown[]) => ({ path, zone: new Zone('UTC'), reportIssue: (i: unknown) => issues.push(i), reportProgress: () => {} });

function summarise(events: IngestEvent[], issues: unknown[]) {
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const spoken = messages.filter((m) => m.kind !== 'system');
  return {
    messages: messages.length,
    system: messages.length - spoken.length,
    authors: new Set(spoken.map((m) => m.senderId)).size,
    membership: events.filter((e) => e.type === 'membership').length,
    replies: messages.filter((m) => m.replyTo !== undefined).length,
    bots: messages.filter((m) => m.senderRole === 'bot').length,
    // Notes that skip nothing (counts: false) are kept apart from skipped rows.
    issues: (issues as { counts?: boolean; code?: string }[]).filter((i) => i.counts !== false).length,
    notes: (issues as { counts?: boolean; code?: string }[]).filter((i) => i.counts === false).map((i) => i.code),
  };
}

async function readFile(rel: string) {
  const path = dir + rel;
  const head = await fileHead(path);
  const adapter = [...adapters].sort((a, b) => b.detect(head) - a.detect(head))[0]!;
  const events: IngestEvent[] = [];
  const issues: unknown[] = [];
  for await (const e of adapter.read(await fileSource(path), ctxFor(path, issues))) events.push(e);
  return { format: adapter.id, ...summarise(events, issues), events };
}

describe.skipIf(!existsSync(dir))('real samples (../shared/real-samples)', () => {
  it.each([
    // file, format, messages, system, authors, membership, replies, bots
    ['whatsapp/chat-analytics__2A_5M.txt', 'whatsapp-txt', 5, 0, 2, 0, 0, 0],
    ['whatsapp/chat-analytics__4A_11M.txt', 'whatsapp-txt', 11, 0, 5, 1, 0, 0],
    ['whatsapp/whatstk__lorem.txt', 'whatsapp-txt', 500, 0, 4, 0, 0, 0],
    ['whatsapp/whatstk__pokemon.txt', 'whatsapp-txt', 18, 0, 8, 0, 0, 0],
    ['telegram/chat-analytics__DM_2A_7M.json', 'telegram-json', 8, 2, 2, 0, 0, 0],
    ['discord/chat-analytics__DM_2A_2M.json', 'discord-json', 3, 1, 2, 0, 0, 2],
    ['discord/chat-analytics__GC_3A_5M.json', 'discord-json', 6, 3, 3, 0, 1, 0],
    ['discord/chat-analytics__SV_5A_5M.json', 'discord-json', 5, 0, 2, 0, 0, 0],
  ] as const)('%s', async (rel, format, messages, system, authors, membership, replies, bots) => {
    const r = await readFile(rel);
    expect({ format: r.format, messages: r.messages, system: r.system, authors: r.authors, membership: r.membership, replies: r.replies, bots: r.bots, issues: r.issues })
      .toEqual({ format, messages, system, authors, membership, replies, bots, issues: 0 });
    // 4A_11M has one date, 12/9/20, with no day above 12 and no other date to order it by; its
    // "Alice added you" names the exporter "you" (no --me given).
    expect(r.notes).toEqual(rel.endsWith('4A_11M.txt') ? ['ambiguous-date-order', 'exporter-as-you'] : []);
  });

  it('Discord and Telegram one-to-one DMs are personal chats (left out of the report with a note); a group DM is a group', async () => {
    const personal = async (rel: string) => (await readFile(rel)).events.flatMap((e) => (e.type === 'message' ? [e.group.personal ?? false] : []));
    expect(new Set(await personal('discord/chat-analytics__DM_2A_2M.json'))).toEqual(new Set([true]));
    expect(new Set(await personal('telegram/chat-analytics__DM_2A_7M.json'))).toEqual(new Set([true]));
    expect(new Set(await personal('discord/chat-analytics__GC_3A_5M.json'))).toEqual(new Set([false]));
  });

  it('WhatsApp 4A_11M: m/d/yy, the creator is the owner, "Alice added you" is the exporter\'s join', async () => {
    const { events } = await readFile('whatsapp/chat-analytics__4A_11M.txt');
    expect(events.find((e) => e.type === 'group')).toMatchObject({ roles: [{ memberId: 'Alice', role: 'owner' }] });
    expect(events.find((e) => e.type === 'membership')).toMatchObject({ action: 'join', memberId: 'You', by: 'Alice', time: Date.UTC(2020, 11, 9, 23, 55) });
  });

  it('WhatsApp lorem: dd-mm-yy iOS headers, phone-number authors', async () => {
    const { events } = await readFile('whatsapp/whatstk__lorem.txt');
    const first = events[0] as MessageEvent;
    expect([first.senderId, first.time]).toEqual(['Mary', Date.UTC(2020, 0, 15, 2, 22, 56)]);
    expect(events.some((e) => e.type === 'message' && e.senderId === '+1 123 456 789')).toBe(true);
  });

  it('Discord SV: the duplicated message id is passed on for the dataset to dedupe', async () => {
    const { events } = await readFile('discord/chat-analytics__SV_5A_5M.json');
    expect(new Set(events.map((e) => (e as MessageEvent).id)).size).toBe(4);
  });

  it('Slack test archive: 2 channels, 150 messages (94 from bots), 8 joins with inviters', async () => {
    const path = `${dir}slack/slack-export-viewer__testarchive.zip`;
    const folder = await zipFolder(path, () => {});
    expect(slackExport.detectFolder(folder)).toBeGreaterThan(0.5);
    const events: IngestEvent[] = [];
    const issues: unknown[] = [];
    for await (const e of slackExport.readFolder(folder, ctxFor(path, issues))) events.push(e);
    expect(summarise(events, issues)).toEqual({ messages: 150, system: 3, authors: 7, membership: 8, replies: 0, bots: 94, issues: 0, notes: [] });
    const joins = events.filter((e) => e.type === 'membership');
    expect(joins.filter((j) => j.by === 'U0BMQB6JE')).toHaveLength(6);
    expect(new Set(events.map((e) => e.group.id))).toEqual(new Set(['C0JGLMMNX', 'C0JL6CGQ2']));
  });
});
