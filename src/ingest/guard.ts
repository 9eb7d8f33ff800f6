import type { IngestEvent } from '../core/model.js';
import { safeText } from '../core/sanitize.js';
import type { EventSink, FolderAdapter, IngestAdapter, ReadContext } from './types.js';
import { isFolderAdapter } from './types.js';

/**
 * The last check between every adapter and the dataset, whatever the format: an event the dataset
 * cannot hold (a time that is not a finite number, an empty sender) is skipped and counted, never
 * passed on; and a time in the future is refused, because exports cannot contain the future and
 * one such row would become "the latest event", the default as-of, making every group look dead.
 */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** Why the event cannot be used (a skipped-row reason), or null when it is fine. Sync and cheap. */
export function checkEvent(ev: IngestEvent, now: number): { reason: string; code: string } | null {
  if (typeof ev.group?.id !== 'string') return { reason: 'an event without a group (a bug in the reader)', code: 'bad-event' };
  if (ev.type === 'message' || ev.type === 'membership') {
    if (!Number.isFinite(ev.time)) return { reason: 'a time that is not a date', code: 'bad-timestamp' };
    if (ev.time > now + FUTURE_SLACK_MS) return { reason: `dated ${new Date(ev.time).toISOString().slice(0, 10)}, after the time of the run (a wrong clock or a corrupt row)`, code: 'future-timestamp' };
    const who = ev.type === 'message' ? ev.senderId : ev.memberId;
    if (typeof who !== 'string' || who === '') return { reason: 'no sender or member', code: 'no-sender' };
  } else if (ev.type === 'member' && (typeof ev.memberId !== 'string' || ev.memberId === '')) {
    return { reason: 'no member id or name', code: 'no-member' };
  }
  return null;
}

/** The issue with the event's line, when its reader knows it. */
function withLine(issue: { reason: string; code: string }, ev: IngestEvent): { line?: number; reason: string; code: string } {
  return ev.type === 'message' && ev.line !== undefined ? { line: ev.line, ...issue } : issue;
}

/** Member-list dates in the future are dropped from the member (who is kept), with a note. */
function futureMemberDates(ev: IngestEvent, now: number, ctx: ReadContext): void {
  if (ev.type !== 'member') return;
  for (const key of ['joinedAt', 'leftAt'] as const) {
    const t = ev[key];
    if (t !== undefined && (!Number.isFinite(t) || t > now + FUTURE_SLACK_MS)) {
      delete ev[key];
      ctx.reportIssue({ reason: `member "${ev.memberId}": ${key === 'joinedAt' ? 'join' : 'leave'} time in the future or unreadable (kept the member without it)`, code: 'future-timestamp', counts: false });
    }
  }
}

async function* guarded(events: AsyncIterable<IngestEvent>, ctx: ReadContext, now: number): AsyncGenerator<IngestEvent> {
  for await (const ev of events) {
    const bad = checkEvent(ev, now);
    if (bad) { ctx.reportIssue(withLine(bad, ev)); continue; }
    futureMemberDates(ev, now, ctx);
    yield ev;
  }
}

/** The same check over batches: a batch is filtered in place (adapters hand over fresh arrays). */
async function* guardedBatches(batches: AsyncIterable<IngestEvent[]>, ctx: ReadContext, now: number): AsyncGenerator<IngestEvent[]> {
  for await (const batch of batches) if (keepGood(batch, ctx, now)) yield batch;
}

/** Drops the events that fail the checks from `batch` (in place: adapters hand over fresh
 *  arrays), reporting each; returns how many are left. */
function keepGood(batch: IngestEvent[], ctx: ReadContext, now: number): number {
  let k = 0;
  for (const ev of batch) {
    const bad = checkEvent(ev, now);
    if (bad) { ctx.reportIssue(withLine(bad, ev)); continue; }
    futureMemberDates(ev, now, ctx);
    batch[k++] = ev;
  }
  batch.length = k;
  return k;
}

/** The same checks on what `readInto` hands over: rows (the fast reader gives a sender) and events. */
export function guardedSink(sink: EventSink, ctx: ReadContext, now: number): EventSink {
  return {
    // Parts were read and checked by a worker thread under the same guard.
    ...(sink.part ? { part: sink.part.bind(sink) } : {}),
    row(group, row) {
      if (!Number.isFinite(row.time)) { ctx.reportIssue({ line: row.line, reason: 'a time that is not a date', code: 'bad-timestamp' }); return; }
      if (row.time > now + FUTURE_SLACK_MS) { ctx.reportIssue({ line: row.line, reason: `dated ${new Date(row.time).toISOString().slice(0, 10)}, after the time of the run (a wrong clock or a corrupt row)`, code: 'future-timestamp' }); return; }
      sink.row(group, row);
    },
    events(batch) {
      if (keepGood(batch, ctx, now)) sink.events(batch);
    },
  };
}

/** Reasons quote cells from the data ("unreadable timestamp …"): cleaned before anyone prints them. */
export function cleanIssues(ctx: ReadContext): ReadContext {
  return { ...ctx, reportIssue: (i) => ctx.reportIssue({ ...i, reason: safeText(i.reason) }) };
}

/** The adapter with its output checked by `checkEvent` and its issues cleaned; id, title and detection unchanged. */
export function guardAdapter<A extends IngestAdapter>(adapter: A, now: number): A {
  const out: IngestAdapter = { ...adapter, read: (source, ctx) => guarded(adapter.read(source, cleanIssues(ctx)), ctx, now) };
  const batches = adapter.readBatches;
  if (batches) out.readBatches = (source, ctx) => guardedBatches(batches.call(adapter, source, cleanIssues(ctx)), ctx, now);
  const into = adapter.readInto;
  if (into) out.readInto = (source, ctx, sink) => into.call(adapter, source, cleanIssues(ctx), guardedSink(sink, ctx, now));
  if (isFolderAdapter(adapter)) {
    const folder: FolderAdapter = { ...(out as FolderAdapter), readFolder: (f, ctx) => guarded(adapter.readFolder(f, cleanIssues(ctx)), ctx, now) };
    return folder as unknown as A;
  }
  return out as A;
}
