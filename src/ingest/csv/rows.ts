import { UserError } from '../../core/errors.js';
import { countNewlines, type RowShape } from './quotes.js';
import { CsvFieldTooLong, scanCsvBatches, sniffDelimiter, type CsvRow } from './scanner.js';
import { LIMITS, mb } from '../limits.js';
import type { ReadContext, Source } from '../types.js';

/**
 * Reads a CSV source into its header and data rows, with what every CSV adapter needs: the
 * delimiter sniffed from the header, blank lines passed over, a runaway field turned into a
 * clear error. `shapeOf`: the shape of a row from the header, for quotes that would swallow rows
 * (see csv/quotes.ts).
 */
export async function* csvRows(
  source: Source,
  ctx: ReadContext,
  shapeOf?: (header: string[]) => RowShape | null,
): AsyncGenerator<{ header: string[] } | CsvRow> {
  for await (const batch of csvRowBatches(source, ctx, shapeOf)) {
    if ('header' in batch) yield batch;
    else for (const row of batch) yield row;
  }
}

/** The same as csvRows, a decoded chunk's rows at a time (the header alone, first). */
export async function* csvRowBatches(
  source: Source,
  ctx: ReadContext,
  shapeOf?: (header: string[]) => RowShape | null,
): AsyncGenerator<{ header: string[] } | CsvRow[]> {
  let header: string[] | null = null;
  try {
    for await (const rows of scanCsvBatches(source.text(), { maxFieldLength: LIMITS.maxFieldChars, ...(shapeOf ? { shapeOf } : {}) })) {
      let k = 0;
      if (header === null) {
        for (; k < rows.length && header === null; k++) {
          const row = rows[k]!;
          if (row.fields.length === 1 && row.fields[0]!.trim() === '') continue;
          header = row.fields.map((f) => f.trim());
          yield { header };
        }
      }
      const out: CsvRow[] = [];
      for (; k < rows.length; k++) {
        const row = rows[k]!;
        if (row.fields.length === 1 && row.fields[0] === '') continue;
        out.push(row);
      }
      if (out.length) yield out;
    }
  } catch (e) {
    throw e instanceof CsvFieldTooLong ? fieldTooLong(ctx, e.line) : e;
  }
  if (header === null) ctx.reportIssue({ reason: 'the file is empty', code: 'empty-file' });
}

/** The user's error for a field over LIMITS.maxFieldChars. */
export function fieldTooLong(ctx: ReadContext, line: number): UserError {
  return new UserError(`a field is longer than ${mb(LIMITS.maxFieldChars)} MB (an unclosed quote?)`, {
    file: ctx.path, line, hint: 'check the quoting of that row', code: 'field-too-long',
    zh: `有一个字段超过 ${mb(LIMITS.maxFieldChars)} MB（引号没有闭合？）`, hintZh: '请检查那一行的引号',
  });
}

export { sniffDelimiter };

/** A field by column index, trimmed; undefined when the column is absent or the cell empty. */
export function cell(fields: string[], idx: number | undefined): string | undefined {
  if (idx === undefined) return undefined;
  const v = fields[idx];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

type Issue = Parameters<ReadContext['reportIssue']>[0];

// Reasons say "the next line", "3 lines", never a line number of their own: a worker thread's
// issues are moved to the file's lines by their `line` alone (see canonical/split.ts).

/** The note on a row whose quote was read as a plain character: nothing is skipped, but the row
 *  may not be what its writer meant, so it is said (and --strict stops on it). */
export function strayQuoteIssue(stray: NonNullable<CsvRow['strayQuote']>): Issue {
  const k = stray.rowAt - stray.line;
  const where = k === 1 ? 'the next line' : `the line ${k} lines below`;
  return {
    line: stray.line, code: 'stray-quote', counts: false,
    reason: `a quote opens a cell here and is not closed before ${where}, a row of its own: the quote is read as a plain character, so no row is swallowed`,
  };
}

/** The skipped row the input ends inside of, with the lines it spans: no line of it reads as a
 *  row of its own (those end the quote, see csv/quotes.ts), so it is one row, cut. */
export function truncatedIssue(row: CsvRow): Issue {
  const last = row.fields[row.fields.length - 1] ?? '';
  const lines = 1 + row.fields.reduce((n, f) => n + countNewlines(f, 0, f.length), 0) - (last.endsWith('\n') ? 1 : 0);
  return { line: row.line, reason: `the file ends inside a quoted field (truncated?): the row is skipped${lines > 1 ? ` (${lines} lines)` : ''}`, code: 'truncated' };
}

/** The first line of a decoded head, split as CSV with the sniffed delimiter. */
export function headerFields(headText: string, delimiter: string): string[] {
  const nl = headText.indexOf('\n');
  const line = (nl < 0 ? headText : headText.slice(0, nl)).replace(/\r$/, '');
  return line.split(delimiter).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}
