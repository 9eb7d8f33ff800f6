/**
 * One CSV row from `p`, quotes and all, with the scanner's rules (src/ingest/csv/scanner.ts): a
 * field that starts with a quote runs to the closing quote, doubled quotes are one, text after the
 * closing quote is appended, a CR before the row's newline is dropped. For the rows the fast
 * reader does not take. Returns null when the row is not complete in `buf` and more may come.
 */
const QUOTE = 34, CR = 13;

export interface ParsedRow {
  fields: string[];
  /** Where the next row starts. */
  next: number;
  /** Newlines inside quoted fields (line numbers). */
  newlines: number;
  /** The input ended inside a quoted field. */
  truncated: boolean;
}

export function parseRow(buf: string, p: number, delim: string, final: boolean): ParsedRow | null {
  const n = buf.length;
  const fields: string[] = [];
  let field = '', i = p, newlines = 0;
  for (;;) {
    if (i < n && buf.charCodeAt(i) === QUOTE && field.length === 0) {
      i++;
      for (;;) {
        const q = buf.indexOf('"', i);
        if (q < 0 || (q === n - 1 && !final)) {
          if (!final) return null;
          field += buf.slice(i);
          newlines += countNewlines(buf, i, n);
          fields.push(field);
          return { fields, next: n, newlines, truncated: true };
        }
        field += buf.slice(i, q);
        newlines += countNewlines(buf, i, q);
        if (buf.charCodeAt(q + 1) === QUOTE) { field += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      continue;
    }
    const nl = buf.indexOf('\n', i), d = buf.indexOf(delim, i);
    if (nl < 0 && d < 0) {
      if (!final) return null;
      field += buf.slice(i);
      if (field.charCodeAt(field.length - 1) === CR) field = field.slice(0, -1);
      fields.push(field);
      return { fields, next: n, newlines, truncated: false };
    }
    const isNl = d < 0 || (nl >= 0 && nl < d);
    const stop = isNl ? nl : d;
    field += buf.slice(i, stop);
    if (isNl && field.charCodeAt(field.length - 1) === CR) field = field.slice(0, -1);
    fields.push(field);
    field = '';
    i = stop + 1;
    if (isNl) return { fields, next: i, newlines, truncated: false };
  }
}

function countNewlines(str: string, from: number, to: number): number {
  let n = 0;
  for (let i = str.indexOf('\n', from); i >= 0 && i < to; i = str.indexOf('\n', i + 1)) n++;
  return n;
}
