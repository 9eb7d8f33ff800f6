/**
 * A streaming CSV scanner (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or
 * LF). It is the hot path of `analyze` on big canonical and WeChat CSVs, where csv-parse is about
 * an order of magnitude slower than reading the file (see docs/performance.md), so it jumps with
 * indexOf over whole chunks instead of looking at each character.
 *
 * Yields rows with the 1-based line number where each row starts. Lenient where readers usually
 * are: a quote inside an unquoted field is kept, text after a closing quote is appended. Given the
 * shape of the file's rows (`shapeOf`), a quote whose cell would swallow a line that is a row of
 * its own is read as a plain character (see csv/quotes.ts) and the row says so (`strayQuote`).
 */
export interface CsvRow {
  fields: string[];
  line: number;
  /** The input ended inside a quoted field: the row is cut off. */
  truncated?: boolean;
  /** A quote at `line` opened a cell that would have taken line `rowAt`, a row of its own, and
   *  more: it was read as a plain character. */
  strayQuote?: { line: number; rowAt: number };
}

export interface CsvOptions {
  delimiter?: string;
  /** A field longer than this stops the scan (a runaway quote, or a hostile file). */
  maxFieldLength?: number;
  /** The shape of a row, from the header (the first row that is not blank; its cells trimmed):
   *  null, or no option, reads quotes as RFC 4180 does whatever they swallow. */
  shapeOf?: (header: string[]) => RowShape | null;
}

import { closingQuote, countNewlines, QUOTE_INCOMPLETE, QUOTE_UNCLOSED, rowInsideQuote, type RowShape } from './quotes.js';

export class CsvFieldTooLong extends Error {
  constructor(readonly line: number) {
    super(`a field longer than the limit starts at line ${line}`);
  }
}

/** Guess the delimiter from a header line: the most frequent of , ; tab | (comma on a tie). */
export function sniffDelimiter(headerLine: string): string {
  let best = ',', bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) { best = d; bestCount = count; }
  }
  return best;
}

const QUOTE = 34, CR = 13;

/** A row of one empty-looking cell: a blank line, never the header. */
const blank = (fields: string[]): boolean => fields.length === 1 && fields[0]!.trim() === '';
/**
 * Rows per batch. Small enough that a batch's rows, fields and events die young (a whole 1 MB
 * chunk's worth, ~10 MB of objects, outlived the young generation and was promoted, so the old
 * generation grew and full collections took a fifth of the time).
 */
const BATCH_ROWS = 1024;

/**
 * How long the buffer must grow before a row left pending (a long quoted cell, a long line) is
 * looked at again: twice as long, once it is big. Scanning it again at every chunk made a cell
 * of many MB quadratic (each pass flattens and searches it from its start); doubling keeps the
 * passes over it linear in all. Only when they are looked at changes, not what is read.
 */
export function holdFor(pending: number): number {
  return pending >= HOLD_FROM ? 2 * pending : 0;
}
const HOLD_FROM = 1 << 16;

export async function* scanCsv(chunks: AsyncIterable<string>, opts: CsvOptions = {}): AsyncGenerator<CsvRow> {
  for await (const rows of scanCsvBatches(chunks, opts)) for (const row of rows) yield row;
}

/**
 * The rows of each decoded chunk at once: one await per chunk instead of one per row, for the
 * readers of big files.
 */
export async function* scanCsvBatches(chunks: AsyncIterable<string>, opts: CsvOptions = {}): AsyncGenerator<CsvRow[]> {
  const maxField = opts.maxFieldLength ?? 16 * 1024 * 1024;
  const s = {
    buf: '', line: 1, rowLine: 1, fields: [] as string[], field: '', truncated: false, delim: opts.delimiter ?? '',
    shape: null as RowShape | null, sawHeader: false, stray: undefined as CsvRow['strayQuote'],
    /** Chunks are only gathered until the buffer is this long (see holdFor). */
    holdUntil: 0,
  };
  let out: CsvRow[] = [];
  const endRow = (): void => {
    const row: CsvRow = { fields: s.fields, line: s.rowLine };
    if (s.truncated) row.truncated = true;
    if (s.stray) row.strayQuote = s.stray;
    out.push(row);
    if (!s.sawHeader && !blank(s.fields)) { s.sawHeader = true; s.shape = opts.shapeOf?.(s.fields.map((f) => f.trim())) ?? null; }
    s.fields = [];
    s.stray = undefined;
  };

  // Returns true when it stopped at BATCH_ROWS rows with more of the buffer left to scan.
  const run = (final: boolean): boolean => {
    const { buf } = s;
    const n = buf.length;
    const delim = s.delim;
    let i = 0;
    // The next newline at or after i, found once per row rather than once per field.
    let nl = -2;
    while (i < n) {
      if (buf.charCodeAt(i) === QUOTE && s.field.length === 0) {
        // A quoted cell is taken whole, once its end is in the buffer (until then the buffer is
        // kept from its quote): its lines can then be judged before any of them is read as text.
        const c = closingQuote(buf, i, final);
        const swallowed = s.shape ? rowInsideQuote(buf, i, c >= 0 ? c : n, c !== QUOTE_INCOMPLETE, delim, s.shape) : 0;
        if (swallowed > 0) {
          s.stray ??= { line: s.line, rowAt: s.line + swallowed };
          s.field = '"';
          i++;
          continue;
        }
        if (c === QUOTE_INCOMPLETE) break;
        const end = c === QUOTE_UNCLOSED ? n : c;
        s.field = buf.slice(i + 1, end).replaceAll('""', '"');
        s.line += countNewlines(buf, i, end);
        if (c === QUOTE_UNCLOSED) { s.truncated = true; i = n; break; }
        i = c + 1;
        continue;
      }
      if (nl !== -1 && nl < i) nl = buf.indexOf('\n', i);
      const d = buf.indexOf(delim, i);
      if (nl < 0 && d < 0) {
        if (!final) break;
        s.field += buf.slice(i);
        i = n;
        break;
      }
      const isNl = d < 0 || (nl >= 0 && nl < d);
      const stop = isNl ? nl : d;
      let field = s.field.length ? s.field + buf.slice(i, stop) : buf.slice(i, stop);
      if (isNl && field.charCodeAt(field.length - 1) === CR) field = field.slice(0, -1);
      s.fields.push(field);
      s.field = '';
      i = stop + 1;
      if (isNl) {
        endRow();
        s.line++;
        s.rowLine = s.line;
        if (out.length >= BATCH_ROWS) break;
      }
    }
    s.buf = i < n ? buf.slice(i) : '';
    if (s.field.length + s.buf.length > maxField) throw new CsvFieldTooLong(s.rowLine);
    s.holdUntil = holdFor(s.buf.length);
    return out.length >= BATCH_ROWS && i < n;
  };

  for await (const chunk of chunks) {
    s.buf = s.buf.length ? s.buf + chunk : chunk;
    if (s.buf.length < s.holdUntil) {
      if (s.buf.length > maxField) throw new CsvFieldTooLong(s.rowLine);
      continue;
    }
    if (!s.delim) {
      const nl = s.buf.indexOf('\n');
      if (nl < 0 && s.buf.length < 65536) continue;
      s.delim = sniffDelimiter(s.buf.slice(0, nl < 0 ? s.buf.length : nl));
    }
    for (let more = true; more;) {
      more = run(false);
      if (out.length) { yield out; out = []; }
    }
  }
  if (!s.delim) s.delim = sniffDelimiter(s.buf);
  while (run(true)) { yield out; out = []; }
  if (s.truncated) {
    s.fields.push(s.field);
    endRow();
  } else if (s.field.length || s.fields.length) {
    if (s.field.charCodeAt(s.field.length - 1) === CR) s.field = s.field.slice(0, -1);
    s.fields.push(s.field);
    endRow();
  }
  if (out.length) yield out;
}
