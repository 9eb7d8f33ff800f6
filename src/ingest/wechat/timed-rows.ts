import { parseTimestamp } from '../../core/timestamp.js';
import { cell, csvRows, sniffDelimiter } from '../csv/rows.js';
import type { FileHead, ReadContext, Source } from '../types.js';
import { firstLine } from '../text/lines.js';

/** A data row of a fixed-header export CSV, with its columns found and its time read. */
export interface TimedRow<C extends string> {
  fields: string[];
  line: number;
  col: Partial<Record<C, number>>;
  time: number;
}

/**
 * The rows of a CSV whose exporter writes fixed column names (chatlog, PyWxDump): columns found by
 * name in the header, cut-off rows and unreadable times reported with their line and skipped.
 */
export async function* timedRows<C extends string>(source: Source, ctx: ReadContext, columns: readonly C[], timeColumn: C): AsyncGenerator<TimedRow<C>> {
  let col: Partial<Record<C, number>> = {};
  for await (const row of csvRows(source, ctx)) {
    if ('header' in row) {
      col = {};
      for (const c of columns) { const i = row.header.indexOf(c); if (i >= 0) col[c] = i; }
      continue;
    }
    if (row.truncated) { ctx.reportIssue({ line: row.line, reason: 'the file ends inside a quoted field (truncated?)', code: 'truncated' }); continue; }
    const raw = cell(row.fields, col[timeColumn]);
    const time = raw === undefined ? NaN : parseTimestamp(raw, ctx.zone);
    if (Number.isNaN(time)) { ctx.reportIssue({ line: row.line, reason: `unreadable ${timeColumn} "${(raw ?? '').slice(0, 40)}"`, code: 'bad-timestamp' }); continue; }
    yield { fields: row.fields, line: row.line, col, time };
  }
}

/** Detection for a fixed-header export: its exact header line (with the delimiter Excel may have
 *  put instead of commas on a re-save: ";" or tabs), or nothing. */
export function fixedHeaderScore(head: FileHead, columns: readonly string[], score = 0.9): number {
  const line = firstLine(head.text);
  const fields = line.split(sniffDelimiter(line)).map((f) => f.trim().replace(/^"|"$/g, ''));
  return fields.join(',') === columns.join(',') ? score : 0;
}
