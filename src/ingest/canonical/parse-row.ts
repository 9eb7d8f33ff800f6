import { closingQuote, countNewlines, QUOTE_INCOMPLETE, QUOTE_UNCLOSED, rowInsideQuote, type RowShape } from '../csv/quotes.js';

/**
 * One CSV row from `p`, quotes and all, with the scanner's rules (src/ingest/csv/scanner.ts): a
 * field that starts with a quote runs to the closing quote, doubled quotes are one, text after the
 * closing quote is appended, a CR before the row's newline is dropped; given the file's `shape`,
 * a quote whose cell would swallow a row of its own is a plain character. For the rows the fast
 * reader does not take. Returns null when the row is not complete in `buf` and more may come.
 */
const CR = 13, QUOTE = 34;

export interface ParsedRow {
  fields: string[];
  /** Where the next row starts. */
  next: number;
  /** Newlines inside quoted fields (line numbers). */
  newlines: number;
  /** The input ended inside a quoted field. */
  truncated: boolean;
  /** A quote read as a plain character: line ends before it and before the row it would have swallowed, from the row's first line. */
  stray?: { at: number; rowAt: number };
}

export function parseRow(buf: string, p: number, delim: string, final: boolean, shape: RowShape | null = null): ParsedRow | null {
  const n = buf.length;
  const fields: string[] = [];
  let field = '', i = p, newlines = 0, stray: ParsedRow['stray'];
  for (;;) {
    if (i < n && buf.charCodeAt(i) === QUOTE && field.length === 0) {
      const c = closingQuote(buf, i, final);
      const swallowed = shape ? rowInsideQuote(buf, i, c >= 0 ? c : n, c !== QUOTE_INCOMPLETE, delim, shape) : 0;
      if (swallowed > 0) {
        stray ??= { at: newlines, rowAt: newlines + swallowed };
        field = '"';
        i++;
        continue;
      }
      if (c === QUOTE_INCOMPLETE) return null;
      const end = c === QUOTE_UNCLOSED ? n : c;
      field = buf.slice(i + 1, end).replaceAll('""', '"');
      newlines += countNewlines(buf, i, end);
      if (c === QUOTE_UNCLOSED) {
        fields.push(field);
        return withStray({ fields, next: n, newlines, truncated: true }, stray);
      }
      i = c + 1;
      continue;
    }
    const nl = buf.indexOf('\n', i), d = buf.indexOf(delim, i);
    if (nl < 0 && d < 0) {
      if (!final) return null;
      field += buf.slice(i);
      if (field.charCodeAt(field.length - 1) === CR) field = field.slice(0, -1);
      fields.push(field);
      return withStray({ fields, next: n, newlines, truncated: false }, stray);
    }
    const isNl = d < 0 || (nl >= 0 && nl < d);
    const stop = isNl ? nl : d;
    field += buf.slice(i, stop);
    if (isNl && field.charCodeAt(field.length - 1) === CR) field = field.slice(0, -1);
    fields.push(field);
    field = '';
    i = stop + 1;
    if (isNl) return withStray({ fields, next: i, newlines, truncated: false }, stray);
  }
}

function withStray(row: ParsedRow, stray: ParsedRow['stray']): ParsedRow {
  if (stray) row.stray = stray;
  return row;
}
