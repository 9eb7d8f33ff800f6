import type { IngestEvent } from '../core/model.js';
import { safeText } from '../core/sanitize.js';
import { dayToDate, type Zone } from '../core/time.js';
import type { EventSink, FolderAdapter, IngestAdapter, ReadContext } from './types.js';
import { isFolderAdapter } from './types.js';

/**
 * The last check between every adapter and the dataset, whatever the format: an event the dataset
 * cannot hold (a time that is not a finite number, an empty sender) is skipped and counted, never
 * passed on; and a time in the future is refused, because exports cannot contain the future and
 * one such row would become "the latest event", the default as-of, making every group look dead.
 */
export const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/**
 * Times before 1990-01-01 UTC are refused too: no chat app whose exports this tool reads existed
 * (QQ began in 1999, WhatsApp in 2009, WeChat in 2011; even IRC is from 1988), and the "zero
 * dates" that broken exporters and spreadsheets write for an empty cell all come before it —
 * Excel's 1899-12-30/31 and 1900-01-01, the epoch's 1970-01-01 (and small epoch numbers), .NET's
 * 0001-01-01, FAT's and GPS's 1980. Such a row would become "the first activity" of its group and
 * stretch every timeline by decades.
 */
export const EARLIEST_MS = Date.UTC(1990, 0, 1);

/** The largest time a Date holds (±8.64e15 ms): beyond it there is no calendar date to show. */
const DATE_RANGE_MS = 8.64e15;

type Refusal = { reason: string; code: string };

/** Why a message or membership time cannot be used, or null; dates shown in the run's zone. */
function checkTime(t: number, now: number, zone: Zone): Refusal | null {
  if (!Number.isFinite(t) || Math.abs(t) > DATE_RANGE_MS) return { reason: 'a time that is not a date', code: 'bad-timestamp' };
  if (t > now + FUTURE_SLACK_MS) return { reason: `dated ${dateIn(t, zone)}, after the time of the run (a wrong clock or a corrupt row)`, code: 'future-timestamp' };
  if (t < EARLIEST_MS) return { reason: `dated ${dateIn(t, zone)}, before 1990 when no chat app existed (a zero date or a corrupt row)`, code: 'implausible-timestamp' };
  return null;
}

/** The calendar day of t in the run's zone, as the report would show it. */
function dateIn(t: number, zone: Zone): string {
  return dayToDate(zone.dayIndex(t));
}

/** Why the event cannot be used (a skipped-row reason), or null when it is fine. Sync and cheap. */
export function checkEvent(ev: IngestEvent, now: number, zone: Zone): Refusal | null {
  if (typeof ev.group?.id !== 'string') return { reason: 'an event without a group (a bug in the reader)', code: 'bad-event' };
  if (ev.type === 'message' || ev.type === 'membership') {
    const bad = checkTime(ev.time, now, zone);
    if (bad) return bad;
    const who = ev.type === 'message' ? ev.senderId : ev.memberId;
    if (typeof who !== 'string' || who === '') return { reason: 'no sender or member', code: 'no-sender' };
  } else if (ev.type === 'member' && (typeof ev.memberId !== 'string' || ev.memberId === '')) {
    return { reason: 'no member id or name', code: 'no-member' };
  }
  return null;
}

/** The issue with the event's line, when its reader knows it. */
function withLine(issue: Refusal, ev: IngestEvent): { line?: number } & Refusal {
  return (ev.type === 'message' || ev.type === 'member' || ev.type === 'membership') && ev.line !== undefined ? { line: ev.line, ...issue } : issue;
}

/** Member-list dates that are not times (unreadable, in the future, before 1990) are dropped from
 *  the member, who is kept, with a note. */
function checkMemberDates(ev: IngestEvent, now: number, ctx: ReadContext): void {
  if (ev.type !== 'member') return;
  for (const key of ['joinedAt', 'leftAt'] as const) {
    const t = ev[key];
    if (t === undefined) continue;
    const bad = checkTime(t, now, ctx.zone);
    if (!bad) continue;
    delete ev[key];
    const what = key === 'joinedAt' ? 'join time' : 'leave time';
    ctx.reportIssue({ ...withLine({ reason: `member "${ev.memberId}" kept without its ${what}: ${bad.reason}`, code: bad.code }, ev), counts: false });
  }
}

async function* guarded(events: AsyncIterable<IngestEvent>, ctx: ReadContext, now: number): AsyncGenerator<IngestEvent> {
  for await (const ev of events) {
    const bad = checkEvent(ev, now, ctx.zone);
    if (bad) { ctx.reportIssue(withLine(bad, ev)); continue; }
    checkMemberDates(ev, now, ctx);
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
    const bad = checkEvent(ev, now, ctx.zone);
    if (bad) { ctx.reportIssue(withLine(bad, ev)); continue; }
    checkMemberDates(ev, now, ctx);
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
    ...(sink.expect ? { expect: sink.expect.bind(sink) } : {}),
    row(group, row) {
      // Two comparisons per row; checkTime only for a row that fails them.
      if (!(row.time >= EARLIEST_MS && row.time <= now + FUTURE_SLACK_MS)) {
        const bad = checkTime(row.time, now, ctx.zone);
        if (bad) { ctx.reportIssue({ line: row.line, ...bad }); return; }
      }
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
