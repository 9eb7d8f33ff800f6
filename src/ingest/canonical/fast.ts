import type { MessageRow } from '../../core/dataset/builder.js';
import { KIND_INDEX } from '../../core/dataset/types.js';
import { HashTable, hash53At, sameAt } from '../../core/hash.js';
import type { GroupInfo, IngestEvent } from '../../core/model.js';
import { parseKind } from '../../core/parse.js';
import { parseTimestampAt } from '../../core/timestamp.js';
import { rowInsideQuote } from '../csv/quotes.js';
import { CsvFieldTooLong, holdFor, sniffDelimiter, type CsvRow } from '../csv/scanner.js';
import { LIMITS } from '../limits.js';
import type { EventSink, ReadContext, Source } from '../types.js';
import { MessageRows } from './message-rows.js';
import { parseRow, type ParsedRow } from './parse-row.js';
import { readSplit } from './split.js';
import { fieldTooLong } from '../csv/rows.js';

const CR = 13, NL = 10, QUOTE = 34, MAX_FIELDS = 64;

/**
 * The canonical messages CSV straight into the dataset (the adapter's `readInto`), for the biggest
 * inputs: a plain row — no quote, a fixed-width timestamp, a sender id, not a system row — is read
 * as field offsets into the decoded chunk (a reused Int32Array) and handed over as a reused
 * MessageRow: no fields array, no string per field, no event object (the text too is a range).
 * A row with quoted cells is read the same way: a quoted cell is the range between its quotes
 * (newlines inside counted for line numbers); only the text may hold doubled quotes (it is then
 * unescaped into a string of its own). Every other row (doubled quotes elsewhere, text after a
 * closing quote, odd cells, system rows, roles) takes the general path, row by row, with the same
 * result as `read` (property-tested in test/core/fast-reader and hot-paths).
 */
export async function readMessagesInto(source: Source, ctx: ReadContext, sink: EventSink): Promise<void> {
  const reader = new FastReader(new MessageRows(source, ctx), ctx, sink);
  try {
    const split = await readSplit(source, ctx, sink, reader);
    if (split === 'done') return;
    for await (const chunk of (split?.rest ?? source).text()) reader.push(chunk, false);
    reader.push('', true);
    if (split && source.decoding) source.decoding.replaced += split.rest.decoding?.replaced ?? 0;
  } catch (e) {
    throw e instanceof CsvFieldTooLong ? fieldTooLong(ctx, e.line) : e;
  }
  if (!reader.sawHeader) ctx.reportIssue({ reason: 'the file is empty', code: 'empty-file' });
}

/**
 * One part of a file cut by `planSplit` (its header row in front), read by a worker thread.
 * `clean`: the part ended at a row end, so the cut was right; `lines`: line ends read.
 */
export async function readPartInto(source: Source, ctx: ReadContext, sink: EventSink, last: boolean): Promise<{ clean: boolean; lines: number; infos: GroupInfo[] }> {
  const reader = new FastReader(new MessageRows(source, ctx), ctx, sink);
  try {
    for await (const chunk of source.text()) reader.push(chunk, false);
    reader.push('', false);
    const clean = reader.atRowEnd();
    if (last) reader.push('', true);
    // Every group info the reader made, even of groups whose rows were all refused: a later part
    // must use the same ones, as one reader would.
    return { clean, lines: reader.lineEnds, infos: reader.groupInfos() };
  } catch (e) {
    throw e instanceof CsvFieldTooLong ? fieldTooLong(ctx, e.line) : e;
  }
}

/** quoted(): the row may go on past the buffer; the row needs the general path. */
const INCOMPLETE = -1, GENERAL = -2;

/** Does trim() leave the range as it is? (Cells are trimmed; the fast path takes only those it need not trim.) */
function untrimmed(s: string, a: number, b: number): boolean {
  return a === b || (keeps(s.charCodeAt(a)) && keeps(s.charCodeAt(b - 1)));
}
function keeps(c: number): boolean {
  return c > 32 && (c < 0x80 || !(c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

export class FastReader {
  sawHeader = false;
  private buf = '';
  private holdUntil = 0;
  private delim = '';
  /** Line where the next row starts (1-based). */
  private line = 1;
  private readonly start = new Int32Array(MAX_FIELDS);
  private readonly end = new Int32Array(MAX_FIELDS);
  /** The one cell of the current row that had doubled quotes (-1: none), and its unescaped text. */
  private escaped = -1;
  private escapedText = '';
  private readonly row: MessageRow = { buf: '', time: 0, kind: 0, key0: 0, key1: 0, name0: 0, name1: 0, id0: 0, id1: 0, reply0: 0, reply1: 0, text0: 0, text1: 0, text: undefined, fromSelf: false, line: 0 };
  /** Groups by hash53 of their id (index into `groupList`): no slice of the group cell per row. */
  private readonly groupByHash = new HashTable();
  private readonly groupList: GroupInfo[] = [];
  private out: IngestEvent[] = [];

  constructor(private readonly rows: MessageRows, private readonly ctx: ReadContext, private readonly sink: EventSink) {}

  push(chunk: string, final: boolean): void {
    // A long pending row is looked at again only once the buffer has doubled (holdFor); an
    // empty push looks at once (a part's end, the input's end).
    if (chunk.length && !final && this.buf.length + chunk.length < this.holdUntil) {
      this.buf += chunk;
      if (this.buf.length > LIMITS.maxFieldChars) throw new CsvFieldTooLong(this.line);
      return;
    }
    let buf = chunk, from = 0;
    if (this.buf.length && this.delim && !final) {
      // The rows left from the last chunk are read on a small string of their own, up to the first
      // line end of this one, so that the chunk itself is scanned as the decoder made it: a flat
      // string. Scanned as one concatenation (a cons string), every charCodeAt of every row goes
      // through the cons first (~1.5× the cost of the scan, which loads every character).
      const nl = chunk.indexOf('\n');
      if (nl >= 0) {
        const seam = this.buf + chunk.slice(0, nl + 1);
        const p = this.scan(seam, 0, false);
        // A row that goes on past that line end (a quoted cell with line ends): read with the
        // rest of the chunk as one string, as any row.
        if (p === seam.length) from = nl + 1;
        else buf = seam.slice(p) + chunk.slice(nl + 1);
      } else buf = this.buf + chunk;
    } else if (this.buf.length) buf = this.buf + chunk;
    if (!this.delim) {
      const nl = buf.indexOf('\n');
      if (nl < 0 && buf.length < 65536 && !final) { this.buf = buf; return; }
      this.delim = sniffDelimiter(buf.slice(0, nl < 0 ? buf.length : nl));
    }
    const p = this.scan(buf, from, final);
    this.buf = p < buf.length ? buf.slice(p) : '';
    this.holdUntil = holdFor(this.buf.length);
    this.flush();
    if (this.buf.length > LIMITS.maxFieldChars) throw new CsvFieldTooLong(this.line);
  }

  /** Nothing pending: what was pushed ended exactly at the end of a row. */
  atRowEnd(): boolean {
    return this.buf === '';
  }

  /** Line ends read so far (the next row starts on line lineEnds + 1). */
  get lineEnds(): number {
    return this.line - 1;
  }

  /** The group info this reader holds for a group id (a reader keeps the info of a group's first row). */
  groupInfo(id: string): GroupInfo | undefined {
    return this.rows.groups.get(id);
  }

  /** The group infos this reader holds, in the order it made them. */
  groupInfos(): GroupInfo[] {
    return [...this.rows.groups.values()];
  }

  flush(): void {
    if (this.out.length) { this.sink.events(this.out); this.out = []; }
  }

  /**
   * Reads the complete rows of buf from `from`; returns where the first incomplete one starts.
   * A row is split into fields in the same pass that finds its end (one look at each character:
   * an indexOf per field, the line end and the next quote cost more on rows of a few dozen
   * characters); a row with a quote before its line end is read again by quoted() or the general
   * path.
   */
  private scan(buf: string, from: number, final: boolean): number {
    const { start, end } = this;
    const n = buf.length, dc = this.delim.charCodeAt(0);
    let p = from;
    while (p < n) {
      // Fields of the row at p: start[k]..end[k]; a delimiter after the last field but one is text
      // of the last (as MAX_FIELDS - 1 splits, then the rest).
      let k = 0, f = p, i = p, c = 0;
      for (; i < n; i++) {
        c = buf.charCodeAt(i);
        if (c === dc) { if (k < MAX_FIELDS - 1) { start[k] = f; end[k] = i; k++; f = i + 1; } }
        else if (c === NL || c === QUOTE) break;
      }
      if (i < n && c === QUOTE) {
        const next = this.sawHeader ? this.quoted(buf, p, final) : GENERAL;
        this.escaped = -1;
        if (next === INCOMPLETE) break;
        if (next !== GENERAL) { p = next; continue; }
        const r = parseRow(buf, p, this.delim, final, this.rows.shape);
        if (r === null) break;
        this.general(r.fields, this.line, r.truncated, r.stray);
        this.line += 1 + r.newlines;
        p = r.next;
        continue;
      }
      if (i === n && !final) break;
      let e = i;
      if (e > f && buf.charCodeAt(e - 1) === CR) e--;
      start[k] = f; end[k] = e; k++;
      if (!this.sawHeader || !this.fast(buf, k)) this.general(this.fields(buf, k), this.line, false);
      this.line++;
      p = i + 1;
    }
    return Math.min(p, n);
  }

  private general(fields: string[], line: number, truncated: boolean, stray?: ParsedRow['stray']): void {
    if (!this.sawHeader) {
      if (fields.length === 1 && fields[0]!.trim() === '') return;
      this.sawHeader = true;
      this.rows.header(fields.map((f) => f.trim()));
      return;
    }
    if (fields.length === 1 && fields[0] === '') return;
    const row: CsvRow = truncated ? { fields, line, truncated } : { fields, line };
    if (stray) row.strayQuote = { line: line + stray.at, rowAt: line + stray.rowAt };
    this.rows.row(row, this.out);
    // Handed on at once, so the guard's issues about them come in row order, wherever chunks end.
    this.flush();
  }

  /**
   * A row with quotes from `p` as field ranges, handed to the fast path. Returns where the next row
   * starts, INCOMPLETE when the row may go on past buf, or GENERAL (nothing done) for a row the
   * ranges cannot describe: it ends inside a quote, has text after a closing quote, doubled
   * quotes in two cells, or a quote that would swallow a row of its own (csv/quotes.ts; judged
   * only for a cell with line ends in it).
   */
  private quoted(buf: string, p: number, final: boolean): number {
    const { start, end, delim } = this;
    const n = buf.length;
    let k = 0, i = p, nl = -2, newlines = 0;
    this.escaped = -1;
    for (;;) {
      if (k === MAX_FIELDS - 1) return GENERAL;
      let next: number; // after the field's delimiter or line end; -1: the field ends the row at n
      let rowEnd = false;
      if (buf.charCodeAt(i) === QUOTE) {
        let c = i + 1, doubled = false;
        for (;;) {
          c = buf.indexOf('"', c);
          if (c < 0 || (c === n - 1 && !final)) return final || this.swallows(buf, i, n, false) ? GENERAL : INCOMPLETE;
          if (buf.charCodeAt(c + 1) !== QUOTE) break;
          doubled = true;
          c += 2;
        }
        start[k] = i + 1; end[k] = c;
        let cellLines = 0;
        for (let x = buf.indexOf('\n', i + 1); x >= 0 && x < c; x = buf.indexOf('\n', x + 1)) cellLines++;
        if (cellLines > 0 && this.swallows(buf, i, c, true)) return GENERAL;
        newlines += cellLines;
        if (doubled) {
          if (this.escaped >= 0) return GENERAL;
          this.escaped = k; this.escapedText = buf.slice(i + 1, c).replaceAll('""', '"');
        }
        const after = c + 1, ch = buf.charCodeAt(after);
        if (after >= n) { if (!final) return INCOMPLETE; next = n; rowEnd = true; }
        else if (ch === NL) { next = after + 1; rowEnd = true; }
        else if (ch === CR && after + 1 === n) { if (!final) return INCOMPLETE; next = n; rowEnd = true; }
        else if (ch === CR && buf.charCodeAt(after + 1) === NL) { next = after + 2; rowEnd = true; }
        else if (buf.startsWith(delim, after)) next = after + delim.length;
        else return GENERAL;
      } else {
        if (nl !== -1 && nl < i) nl = buf.indexOf('\n', i);
        const d = buf.indexOf(delim, i);
        if (d >= 0 && (nl < 0 || d < nl)) { start[k] = i; end[k] = d; next = d + delim.length; }
        else {
          if (nl < 0 && !final) return INCOMPLETE;
          let e = nl < 0 ? n : nl;
          if (e > i && buf.charCodeAt(e - 1) === CR) e--;
          start[k] = i; end[k] = e; next = nl < 0 ? n : nl + 1; rowEnd = true;
        }
      }
      k++;
      if (rowEnd) {
        if (!this.fast(buf, k)) return GENERAL;
        this.line += 1 + newlines;
        return next;
      }
      i = next;
    }
  }

  /** Does the quoted cell opened at `open` take in a row of its own before `to` (see rowInsideQuote)? */
  private swallows(buf: string, open: number, to: number, closed: boolean): boolean {
    const shape = this.rows.shape;
    return shape !== null && rowInsideQuote(buf, open, to, closed, this.delim, shape) > 0;
  }

  private fields(buf: string, k: number): string[] {
    const out: string[] = [];
    for (let j = 0; j < k; j++) out.push(buf.slice(this.start[j]!, this.end[j]!));
    return out;
  }

  /** The plain row handed over as a MessageRow; false leaves it to the general path. */
  private fast(buf: string, k: number): boolean {
    const { start, end, row } = this;
    const map = this.rows.map;
    if (k === 1 && start[0] === end[0]) return true; // a blank line
    const xi = map.text;
    if (this.escaped >= 0 && this.escaped !== xi) return false;
    const ts = map.timestamp, gi = map.group_id, si = map.sender_id;
    if (ts === undefined || gi === undefined || si === undefined || ts >= k || gi >= k || si >= k) return false;
    if (map.role !== undefined && map.role < k && start[map.role] !== end[map.role]) return false;
    const t0 = start[ts]!, t1 = end[ts]!, g0 = start[gi]!, g1 = end[gi]!, s0 = start[si]!, s1 = end[si]!;
    if (t0 === t1 || g0 === g1 || s0 === s1 || !untrimmed(buf, t0, t1) || !untrimmed(buf, g0, g1) || !untrimmed(buf, s0, s1)) return false;
    let kind = 0;
    const ki = map.type;
    if (ki !== undefined && ki < k && start[ki] !== end[ki]) {
      const c0 = start[ki]!, c1 = end[ki]!;
      if (!(c1 - c0 === 4 && sameAt(buf, c0, 'text'))) kind = KIND_INDEX[parseKind(buf.slice(c0, c1))];
      if (kind === KIND_INDEX.system) return false;
    }
    const time = parseTimestampAt(buf, t0, t1, this.ctx.zone);
    if (time !== time) return false;
    row.name0 = row.name1 = row.id0 = row.id1 = row.reply0 = row.reply1 = 0;
    if (!this.range(buf, k, map.sender_name, 'name') || !this.range(buf, k, map.message_id, 'id') || !this.range(buf, k, map.reply_to, 'reply')) return false;
    const group = this.group(buf, g0, g1, k);
    // The text as a range (scanned in place by the builder), unless its doubled quotes were undone.
    row.text = xi === this.escaped ? this.escapedText : undefined;
    if (xi !== undefined && xi < k) { row.text0 = start[xi]!; row.text1 = end[xi]!; } else row.text0 = row.text1 = 0;
    row.buf = buf; row.time = time; row.kind = kind; row.key0 = s0; row.key1 = s1; row.line = this.line;
    this.flush(); // events of earlier rows first: arrival order decides ties
    this.sink.row(group, row);
    return true;
  }

  /** An optional cell as a range of the row: empty is none; one trim() would change goes the general way. */
  private range(buf: string, k: number, idx: number | undefined, name: 'name' | 'id' | 'reply'): boolean {
    if (idx === undefined || idx >= k) return true;
    const a = this.start[idx]!, b = this.end[idx]!;
    if (a === b) return true;
    if (!untrimmed(buf, a, b)) return false;
    const row = this.row;
    if (name === 'name') { row.name0 = a; row.name1 = b; } else if (name === 'id') { row.id0 = a; row.id1 = b; } else { row.reply0 = a; row.reply1 = b; }
    return true;
  }

  private group(buf: string, a: number, b: number, k: number): GroupInfo {
    const h = hash53At(buf, a, b);
    const at = this.groupByHash.get(h);
    if (at >= 0) return this.groupList[at]!;
    const id = buf.slice(a, b);
    let g = this.rows.groups.get(id);
    if (!g) {
      const ni = this.rows.map.group_name;
      const name = ni !== undefined && ni < k ? buf.slice(this.start[ni]!, this.end[ni]!).trim() : '';
      g = this.rows.group(id, name === '' ? undefined : name);
    }
    this.groupByHash.add(h, this.groupList.length);
    this.groupList.push(g);
    return g;
  }
}
