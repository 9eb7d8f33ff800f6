import type { IngestEvent } from '../../core/model.js';
import type { FileHead, IngestAdapter, ReadContext, Source } from '../types.js';
import { numberedLines as lines } from '../text/lines.js';
import { readClock } from './clock.js';
import { DayReader } from './dates.js';
import { headerTitle } from './header.js';
import { LineReader } from './reader.js';

/**
 * How sure the head of a file is LINE's: its `[LINE] …` header; else date lines with message
 * lines under them, which no other format writes (a time at the very start of a line, the date on
 * a line of its own). A file named `[LINE] …` needs less of them.
 */
export function lineScore(head: Pick<FileHead, 'text' | 'fileName'>): number {
  const ls = head.text.split('\n', 40).map((l) => l.replace(/\r$/, '').replace(/^\uFEFF/, ''));
  const first = ls.find((l) => l.trim() !== '') ?? '';
  if (headerTitle(first.trim())) return 0.97;
  const named = /^\[LINE\]/i.test(head.fileName);
  const days = new DayReader();
  let dates = 0, tabs = 0, spaces = 0;
  for (const l of ls) {
    if (days.read(l.trim()) !== null) { dates++; continue; }
    const c = readClock(l);
    if (c?.sep === '\t') tabs++; else if (c) spaces++;
  }
  if (dates === 0) return 0;
  if (tabs >= 2) return named ? 0.95 : 0.85;
  if (spaces >= 2) return named ? 0.9 : 0.7;
  return named && tabs + spaces > 0 ? 0.6 : 0;
}

/** Events are handed on in batches of about this many: one await per batch, not per event. */
const BATCH = 512;

async function* readBatches(source: Source, ctx: ReadContext): AsyncGenerator<IngestEvent[]> {
  const reader = new LineReader(source, ctx);
  let batch: IngestEvent[] = [];
  for await (const { line, no } of lines(source.text(), source.path)) {
    const events = reader.line(line, no);
    if (events.length) batch.push(...events);
    if (batch.length >= BATCH) { yield batch; batch = []; }
  }
  batch.push(...reader.end());
  if (batch.length) yield batch;
}

export const lineTxt = {
  id: 'line-txt',
  title: 'LINE chat history text ([LINE] <chat>.txt from the phone; "Save chat" from the PC), any of its languages',
  platform: 'line',
  capabilities: {
    identity: 'names', joins: true, replies: false,
    note: 'members are display names; joins by invitation (with the inviter, several invitees split), joins by QR code or link, leaves and removals from system lines in English, Chinese (traditional and simplified) and Japanese; unsent messages are no messages; a chat "with" one person is left out of the report as a personal chat; nothing marks the exporter: with --me, your messages are; no reply links',
  },
  kind: () => 'messages',
  detect: (head) => (head.text ? lineScore(head) : 0),
  readBatches,
  async *read(source, ctx) {
    for await (const batch of readBatches(source, ctx)) yield* batch;
  },
} satisfies IngestAdapter;
