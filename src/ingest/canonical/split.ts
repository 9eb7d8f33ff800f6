import type { GroupInfo } from '../../core/model.js';
import { planSplit } from '../split/plan.js';
import { rangeSource } from '../split/range.js';
import { readPartInWorker } from '../split/spawn.js';
import type { EventSink, ReadContext, Source } from '../types.js';
import type { FastReader } from './fast.js';
import { trace } from '../../core/trace.js';

/**
 * A big messages CSV read by several threads: the file is cut at row ends (`planSplit`), worker
 * threads read the later parts into builders of their own while `reader` reads the first, and
 * the parts are handed to the sink in file order — the same dataset, issues and counts as one
 * reading (tested). Returns null when the file is not cut (small, no workers allowed, no file on
 * disk), 'done' when it was read whole, or the rest of the file for `reader` to go on with when
 * a cut proved wrong or a worker failed: the first part has then been read, nothing else.
 */
export async function readSplit(source: Source, ctx: ReadContext, sink: EventSink, reader: FastReader): Promise<'done' | { rest: Source } | null> {
  const opts = ctx.split;
  if (!opts || !sink.part || !source.file) return null;
  const file = source.file;
  const plan = await planSplit(file, source.size, opts.parts, opts.minPartBytes);
  if (!plan) return null;
  const { cuts, encoding } = plan;
  // Progress: the bytes of every thread together.
  const read = new Array<number>(cuts.length - 1).fill(0);
  const progress = (k: number) => (bytes: number) => { read[k] = bytes; source.onBytes?.(read.reduce((a, b) => a + b, 0)); };
  trace(`cut into ${cuts.length - 1} parts`);
  const jobs = cuts.slice(1, -1).map((start, k) => readPartInWorker({
    file, shownAs: source.path, start, end: cuts[k + 2]!, last: k + 2 === cuts.length - 1, encoding, header: plan.header,
    zone: ctx.zone.name, now: opts.now, ...(opts.since === undefined ? {} : { since: opts.since }), ...(opts.until === undefined ? {} : { until: opts.until }),
  }, progress(k + 1)));

  const first = rangeSource(file, source.path, plan.bomLength, cuts[1]!, encoding, '', progress(0));
  const decoding = source.decoding ?? { encoding, replaced: 0 };
  decoding.encoding = encoding;
  try {
    for await (const chunk of first.text()) reader.push(chunk, false);
    reader.push('', false);
  } catch (e) {
    for (const j of jobs) j.cancel();
    throw e;
  }
  decoding.replaced += first.decoding!.replaced;
  trace('first part read');
  // The workers' parts are coming: their room is made while the workers finish.
  const firstBytes = cuts[1]! - plan.bomLength;
  if (firstBytes > 0 && sink.expect) {
    sink.expect((source.size - cuts[1]!) / firstBytes);
    trace('room made for the parts');
  }
  const results = reader.atRowEnd() ? await Promise.all(jobs.map((j) => j.result)) : null;
  if (results === null || results.some((r) => r === null || !r.clean)) {
    for (const j of jobs) j.cancel();
    return { rest: rangeSource(file, source.path, cuts[1]!, source.size, encoding, '', (b) => source.onBytes?.(cuts[1]! + b)) };
  }

  trace('parts of the workers received');
  reader.flush();
  // Line numbers of a part's issues: the worker counted its header in front of the part.
  let lineEnds = reader.lineEnds;
  const seen = new Map<string, GroupInfo>();
  const infoOf = (id: string) => reader.groupInfo(id) ?? seen.get(id);
  for (const r of results) {
    const shift = lineEnds - plan.headerLines;
    for (const i of r!.issues) {
      if (i.line === undefined) ctx.reportIssue(i);
      else if (i.line > plan.headerLines) ctx.reportIssue({ ...i, line: i.line + shift }); // header issues were the first part's
    }
    sink.part(r!.part, r!.records, infoOf);
    for (const info of r!.infos) if (!infoOf(info.id)) seen.set(info.id, info);
    lineEnds += r!.lines - plan.headerLines;
    decoding.replaced += r!.replaced;
  }
  trace('parts absorbed');
  return 'done';
}
