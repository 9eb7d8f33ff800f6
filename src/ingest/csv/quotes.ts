/**
 * Quoted cells, and quotes that only look like the start of one. A `"` at the start of a cell
 * that is never closed (a stray quote typed in a message, a cell cut by hand) makes an RFC 4180
 * reader take every following line, up to the next quote anywhere in the file, as that one cell:
 * hundreds of rows gone into one message's text without a word. Real exports hold texts of many
 * lines, so a count of lines proves nothing; the file's own shape does: a line inside the cell
 * with a row's delimiters and a readable value in the key column (the time of a message, the id
 * of a member) is a row of its own, and the quote before it is a plain character.
 *
 * Readers ask only when a quoted cell holds a line end (rare), never per row; all of them
 * (the scanner, the fast reader and its general path) decide with these two functions, so they
 * read a file the same way however it is cut into chunks or parts.
 */

/** What a row of the file looks like: from its header, for `rowInsideQuote` (delimiters are one character: `sniffDelimiter`'s). */
export interface RowShape {
  /** Cells in the header. */
  columns: number;
  /** The column every row must fill, and whether a value in it is one. */
  key: number;
  keyOk(cell: string): boolean;
}

/** closingQuote(): the input may go on before the closing quote (wait for more of it). */
export const QUOTE_INCOMPLETE = -1;
/** closingQuote(): the input ended inside the quoted cell. */
export const QUOTE_UNCLOSED = -2;

const QUOTE = 34, CR = 13;

/** The closing quote of the cell opened by the quote at `open` (doubled quotes are text), or QUOTE_INCOMPLETE / QUOTE_UNCLOSED. */
export function closingQuote(buf: string, open: number, final: boolean): number {
  const n = buf.length;
  for (let c = open + 1; ;) {
    c = buf.indexOf('"', c);
    // A quote as the last character may be the first of a doubled one: wait for the next.
    if (c < 0 || (c === n - 1 && !final)) return final ? QUOTE_UNCLOSED : QUOTE_INCOMPLETE;
    if (buf.charCodeAt(c + 1) !== QUOTE) return c;
    c += 2;
  }
}

/**
 * Line ends from the quote at `open` to the first line of the quoted text [open, to) that reads
 * as a row of its own (0: none does). `closed`: `to` is the closing quote or the end of the input,
 * so the last piece is judged too; otherwise more may follow it and only whole lines are judged.
 */
export function rowInsideQuote(buf: string, open: number, to: number, closed: boolean, delim: string, shape: RowShape): number {
  let lines = 0;
  for (let x = buf.indexOf('\n', open + 1); x >= 0 && x < to;) {
    lines++;
    const y = buf.indexOf('\n', x + 1);
    const whole = y >= 0 && y < to;
    if (!whole && !closed) return 0;
    const piece = whole ? { end: y, beforeQuote: false } : { end: to, beforeQuote: to < buf.length };
    if (looksLikeRow(buf, x + 1, piece.end, piece.beforeQuote, delim, shape)) return lines;
    if (!whole) return 0;
    x = y;
  }
  return 0;
}

/**
 * Is [a, b) a row of the file? Inside a quoted cell a quote can only be doubled, so rows of the
 * file caught in it have no quoted cells of their own (bar empty `""`): splitting at the
 * delimiter is their reading. A row has the header's cells (one missing at the end is allowed)
 * and a key value. The piece before the closing quote is judged too (its last cell is cut by
 * that quote, so the key must come before it); there it is enough that the quote starts a cell,
 * as it then opens a cell of a later row rather than closing this one.
 */
function looksLikeRow(buf: string, a: number, b: number, beforeQuote: boolean, delim: string, shape: RowShape): boolean {
  if (!beforeQuote && b > a && buf.charCodeAt(b - 1) === CR) b--;
  // Character by character within the piece: an indexOf of the delimiter would run on past b,
  // through the rest of a long cell, once per line of it.
  const dc = delim.charCodeAt(0);
  let cells = 1, keyA = shape.key === 0 ? a : -1, keyB = b;
  for (let i = a; i < b; i++) {
    if (buf.charCodeAt(i) !== dc) continue;
    if (cells === shape.key + 1) keyB = i;
    if (cells === shape.key) keyA = i + 1;
    cells++;
  }
  if (shape.key >= (beforeQuote ? cells - 1 : cells)) return false;
  const quoteStartsCell = beforeQuote && b > a && buf.charCodeAt(b - 1) === dc;
  if (cells < Math.max(2, shape.columns - 1) && !quoteStartsCell) return false;
  const key = buf.slice(keyA, keyB).trim();
  return key !== '' && key !== '""' && shape.keyOk(key);
}

/** Line ends in str[from, to). */
export function countNewlines(str: string, from: number, to: number): number {
  // A loop within [from, to), not indexOf: that would run on to the next line end past `to`.
  let n = 0;
  for (let i = from; i < to; i++) if (str.charCodeAt(i) === 10) n++;
  return n;
}
