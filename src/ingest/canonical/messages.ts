import type { IngestEvent } from '../../core/model.js';
import type { IngestAdapter, ReadContext, Source } from '../types.js';
import { readMessagesInto } from './fast.js';
import { classifyHeader } from './headers.js';
import { groupFromFileName, messageShape, MessageRows } from './message-rows.js';
import { csvRowBatches, headerFields, sniffDelimiter } from '../csv/rows.js';

export { groupFromFileName };

/** A decoded chunk's rows at a time, as events (the adapter's `readBatches`). */
async function* readMessageBatches(source: Source, ctx: ReadContext): AsyncGenerator<IngestEvent[]> {
  const rows = new MessageRows(source, ctx);
  for await (const batch of csvRowBatches(source, ctx, (header) => messageShape(header, ctx.zone))) {
    if ('header' in batch) { rows.header(batch.header); continue; }
    const out: IngestEvent[] = [];
    for (const row of batch) rows.row(row, out);
    if (out.length) yield out;
  }
}

export const canonicalMessagesCsv = {
  id: 'canonical-csv',
  title: 'Canonical messages CSV (message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to)',
  platform: 'csv',
  capabilities: { identity: 'ids', joins: false, replies: true, note: 'English and Chinese header aliases; any column order' },
  kind: () => 'messages',
  detect(head) {
    if (!head.text) return 0;
    const header = headerFields(head.text, sniffDelimiter(head.text.split('\n', 1)[0] ?? ''));
    return classifyHeader(header) === 'messages' ? 0.5 : 0;
  },
  async *read(source, ctx) {
    for await (const batch of readMessageBatches(source, ctx)) yield* batch;
  },
  readBatches: readMessageBatches,
  readInto: readMessagesInto,
} satisfies IngestAdapter;
