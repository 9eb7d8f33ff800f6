/**
 * A streaming CSV scanner (RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or
 * LF). It is the hot path of `analyze` on big canonical and WeChat CSVs, where csv-parse is about
 * an order of magnitude slower than reading the file (see docs/performance.md), so it jumps with
 * indexOf over whole chunks instead of looking at each character.
 *
 * Yields rows with the 1-based line number where each row starts. Lenient where readers usually
 * are: a quote inside an unquoted field is kept, text after a closing quote is appended.
 */
export interface CsvRow {
  fields: string[];
  line: number;
  /** The input ended inside a quoted field: the row is cut off. */
  truncated?: boolean;
}

export interface CsvOptions {
  delimiter?: string;
  /** A field longer than this stops the scan (a runaway quote, or a hostile file). */
  maxFieldLength?: number;
}

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
/**
 * Rows per batch. Small enough that a batch's rows, fields and events die young (a whole 1 MB
 * chunk's worth, ~10 MB of objects, outlived the young generation and was promoted, so the old
 * generation grew and full collections took a fifth of the time).
 */
const BATCH_ROWS = 1024;

export async function* scanCsv(chunks: AsyncIterable<string>, opts: CsvOptions = {}): AsyncGenerator<CsvRow> {
  for await (const rows of scanCsvBatches(chunks, opts)) for (const row of rows) yield row;
}

/**
 * The rows of each decoded chunk at once: one await per chunk instead of one per row, for the
 * readers of big files.
 */
export async function* scanCsvBatches(chunks: AsyncIterable<string>, opts: CsvOptions = {}): AsyncGenerator<CsvRow[]> {
  const maxField = opts.maxFieldLength ?? 16 * 1024 * 1024;
  const s = { buf: '', line: 1, rowLine: 1, fields: [] as string[], field: '', inQuotes: false, delim: opts.delimiter ?? '' };
  let out: CsvRow[] = [];

  // Returns true when it stopped at BATCH_ROWS rows with more of the buffer left to scan.
  const run = (final: boolean): boolean => {
    const { buf } = s;
    const n = buf.length;
    const delim = s.delim;
    let i = 0;
    // The next newline at or after i, found once per row rather than once per field.
    let nl = -2;
    while (i < n) {
      if (s.inQuotes) {
        const q = buf.indexOf('"', i);
        if (q < 0 || (q === n - 1 && !final)) {
          const upto = q < 0 ? n : q;
          s.field += buf.slice(i, upto);
          s.line += countNewlines(buf, i, upto);
          i = upto;
          break;
        }
        s.field += buf.slice(i, q);
        s.line += countNewlines(buf, i, q);
        if (buf.charCodeAt(q + 1) === QUOTE) { s.field += '"'; i = q + 2; continue; }
        s.inQuotes = false;
        i = q + 1;
        continue;
      }
      if (buf.charCodeAt(i) === QUOTE && s.field.length === 0) { s.inQuotes = true; i++; continue; }
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
        out.push({ fields: s.fields, line: s.rowLine });
        s.fields = [];
        s.line++;
        s.rowLine = s.line;
        if (out.length >= BATCH_ROWS) break;
      }
    }
    s.buf = i < n ? buf.slice(i) : '';
    if (s.field.length + s.buf.length > maxField) throw new CsvFieldTooLong(s.rowLine);
    return out.length >= BATCH_ROWS && i < n;
  };

  for await (const chunk of chunks) {
    s.buf = s.buf.length ? s.buf + chunk : chunk;
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
  if (s.inQuotes) {
    s.fields.push(s.field);
    out.push({ fields: s.fields, line: s.rowLine, truncated: true });
  } else if (s.field.length || s.fields.length) {
    if (s.field.charCodeAt(s.field.length - 1) === CR) s.field = s.field.slice(0, -1);
    s.fields.push(s.field);
    out.push({ fields: s.fields, line: s.rowLine });
  }
  if (out.length) yield out;
}

function countNewlines(str: string, from: number, to: number): number {
  // Within [from, to) only: indexOf would run on to the next line end past `to`, once per piece
  // of a quoted field, and a field of XML with dozens of doubled quotes made that quadratic
  // (a twentieth of a 留痕 file's run).
  let n = 0;
  for (let i = from; i < to; i++) if (str.charCodeAt(i) === 10) n++;
  return n;
}
