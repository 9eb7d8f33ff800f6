import { UserError } from '../../core/errors.js';
import { CsvFieldTooLong, scanCsvBatches, sniffDelimiter, type CsvRow } from '../csv/scanner.js';
import { LIMITS, mb } from '../limits.js';
import type { ReadContext, Source } from '../types.js';

/**
 * Reads a CSV source into its header and data rows, with what every CSV adapter needs: the
 * delimiter sniffed from the header, blank lines passed over, a runaway field turned into a
 * clear error.
 */
export async function* csvRows(
  source: Source,
  ctx: ReadContext,
): AsyncGenerator<{ header: string[] } | CsvRow> {
  for await (const batch of csvRowBatches(source, ctx)) {
    if ('header' in batch) yield batch;
    else for (const row of batch) yield row;
  }
}

/** The same as csvRows, a decoded chunk's rows at a time (the header alone, first). */
export async function* csvRowBatches(
  source: Source,
  ctx: ReadContext,
): AsyncGenerator<{ header: string[] } | CsvRow[]> {
  let header: string[] | null = null;
  try {
    for await (const rows of scanCsvBatches(source.text(), { maxFieldLength: LIMITS.maxFieldChars })) {
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
