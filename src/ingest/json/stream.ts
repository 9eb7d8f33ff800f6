import { UserError, HINT_ZH } from '../../core/errors.js';
import { LIMITS, mb } from '../limits.js';
import type { Source } from '../types.js';

/** A path into a JSON document: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** What the walker hands out: a whole value at an item path, or a scalar outside any item. */
export type JsonPiece =
  | { kind: 'item'; path: JsonPath; value: unknown; /** The line the item starts on. */ line: number }
  | { kind: 'scalar'; path: JsonPath; value: string | number | boolean | null };

/**
 * Walks a JSON source chunk by chunk, so a 1 GB export never becomes one string. Values whose
 * path `isItem` accepts (the elements of a `messages` array) are cut out of the text whole and
 * parsed by the native JSON.parse, one at a time; scalars elsewhere are handed out when
 * `wantScalar` says so (chat names, ids). Memory is bounded by the largest single item.
 */
export async function* walkJson(
  source: Source,
  isItem: (path: JsonPath) => boolean,
  wantScalar: (path: JsonPath) => boolean = () => false,
): AsyncGenerator<JsonPiece> {
  for await (const batch of walkJsonBatches(source, isItem, wantScalar)) yield* batch;
}

/** walkJson a decoded chunk's pieces at a time (one await per chunk, not per piece). */
export async function* walkJsonBatches(
  source: Source,
  isItem: (path: JsonPath) => boolean,
  wantScalar: (path: JsonPath) => boolean = () => false,
): AsyncGenerator<JsonPiece[]> {
  const walker = new JsonWalker(source.path, isItem, wantScalar);
  for await (const chunk of source.text()) {
    const out = walker.push(chunk);
    if (out.length) yield out;
  }
  const out = walker.end();
  if (out.length) yield out;
}

interface Frame { key: string | number | null; isArray: boolean; index: number }

/** What the walker expects next, outside items. */
const VALUE = 0, VALUE_OR_CLOSE = 1, KEY_OR_CLOSE = 2, KEY = 3, COLON = 4, NEXT = 5, DONE = 6;

const QUOTE = 34, BACKSLASH = 92, OPEN_OBJECT = 123, CLOSE_OBJECT = 125, OPEN_ARRAY = 91, CLOSE_ARRAY = 93, COMMA = 44, COLON_CHAR = 58;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** An item being cut out of the text: what earlier chunks held of it and where its scan stands. */
interface ItemCut { path: JsonPath; line: number; parts: string[]; size: number; depth: number; inString: boolean; escaped: boolean }

/**
 * The walk itself: a small JSON grammar over the text outside items (a few keys of an export and
 * its lists), and for each item a scan for its end (brackets counted, strings skipped) before
 * JSON.parse reads it. stream-json's tokenizer and assembler did the same work token by token in
 * JavaScript: ~60 % of a 1 M-message Telegram run (docs/performance.md, Round 8).
 */
class JsonWalker {
  private readonly stack: Frame[] = [];
  private state = VALUE;
  /** The start of a token the last chunk cut off, read again with the next chunk. */
  private rest = '';
  private item: ItemCut | null = null;
  /** Line ends read so far (for the lines of errors): counted where whitespace can be, as the
   *  scan passes (a JSON string holds none). */
  private line = 0;
  private out: JsonPiece[] = [];

  constructor(
    private readonly file: string,
    private readonly isItem: (path: JsonPath) => boolean,
    private readonly wantScalar: (path: JsonPath) => boolean,
  ) {}

  push(chunk: string): JsonPiece[] {
    const buf = this.rest ? this.rest + chunk : chunk;
    this.rest = '';
    const stop = this.read(buf, false);
    if (stop < buf.length) {
      this.rest = buf.slice(stop);
      if (this.rest.length > LIMITS.maxFieldChars) throw this.bad(`a value longer than ${mb(LIMITS.maxFieldChars)} MB`);
    }
    const out = this.out;
    this.out = [];
    return out;
  }

  end(): JsonPiece[] {
    const buf = this.rest;
    this.rest = '';
    this.read(buf, true);
    if (this.item || this.state !== DONE) {
      throw new UserError('the JSON ends too early (cut off?)', { file: this.file, line: this.line + 1, code: 'bad-json', hint: 'is the export complete (not cut off)?', zh: 'JSON 提前结束了（文件被截断？）', hintZh: HINT_ZH.cutOff });
    }
    return this.out;
  }

  /** Reads buf from its start; returns where a token cut off by the end of buf starts (buf.length: none). */
  private read(buf: string, final: boolean): number {
    const n = buf.length;
    let i = 0;
    if (this.item) {
      i = this.cutItem(buf, 0);
      if (i < 0) return n;
    }
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) { if (c === 10) this.line++; i++; continue; }
      switch (this.state) {
        case VALUE_OR_CLOSE:
        case VALUE: {
          if (c === CLOSE_ARRAY && this.state === VALUE_OR_CLOSE) { i = this.close(i); continue; }
          if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
            const path = this.here();
            if (this.stack.length > 0 && this.isItem(path)) {
              this.item = { path, line: this.line + 1, parts: [], size: 0, depth: 0, inString: false, escaped: false };
              i = this.cutItem(buf, i);
              if (i < 0) return n;
              continue;
            }
            if (this.stack.length >= LIMITS.maxJsonDepth) throw this.tooDeep();
            this.stack.push({ key: null, isArray: c === OPEN_ARRAY, index: 0 });
            this.state = c === OPEN_ARRAY ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
            i++;
            continue;
          }
          const end = this.scalarEnd(buf, i, final);
          if (end < 0) return i;
          this.scalar(buf, i, end);
          i = end;
          continue;
        }
        case KEY_OR_CLOSE:
        case KEY: {
          if (c === CLOSE_OBJECT && this.state === KEY_OR_CLOSE) { i = this.close(i); continue; }
          if (c !== QUOTE) throw this.bad(`expected a key, found ${shown(c)}`);
          const end = stringEnd(buf, i);
          if (end < 0) return i;
          this.stack[this.stack.length - 1]!.key = this.parse(buf, i, end) as string;
          this.state = COLON;
          i = end;
          continue;
        }
        case COLON:
          if (c !== COLON_CHAR) throw this.bad(`expected ":", found ${shown(c)}`);
          this.state = VALUE;
          i++;
          continue;
        case NEXT: {
          const top = this.stack[this.stack.length - 1]!;
          if (c === COMMA) { this.state = top.isArray ? VALUE : KEY; i++; continue; }
          if (c === (top.isArray ? CLOSE_ARRAY : CLOSE_OBJECT)) { i = this.close(i); continue; }
          throw this.bad(`expected "," or "${top.isArray ? ']' : '}'}", found ${shown(c)}`);
        }
        default:
          throw this.bad(`text after the end of the document: ${shown(c)}`);
      }
    }
    return n;
  }

  /** The end of the string, number or literal at i (-1: cut off by the end of buf; at the end of
   *  the document that makes it cut off). */
  private scalarEnd(buf: string, i: number, final: boolean): number {
    const c = buf.charCodeAt(i);
    if (c === QUOTE) return stringEnd(buf, i);
    if (c === 45 || (c >= 48 && c <= 57)) {
      // A number that runs to the end of the chunk may go on in the next ("1", then "2.5e3").
      let k = i;
      while (k < buf.length && isNumberChar(buf.charCodeAt(k))) k++;
      if (k === buf.length && !final) return -1;
      NUMBER.lastIndex = i;
      if (!NUMBER.test(buf)) throw this.bad(`not a number: ${shown(c)}`);
      return NUMBER.lastIndex;
    }
    for (const word of ['true', 'false', 'null']) {
      if (c !== word.charCodeAt(0)) continue;
      if (buf.length - i < word.length && word.startsWith(buf.slice(i))) return -1;
      if (buf.startsWith(word, i)) return i + word.length;
    }
    throw this.bad(`unexpected ${shown(c)}`);
  }

  /** A scalar value outside any item: handed out when wanted, then the parent moves on. */
  private scalar(buf: string, i: number, end: number): void {
    const value = this.parse(buf, i, end) as string | number | boolean | null;
    if (this.stack.length > 0) {
      const path = this.here();
      if (this.wantScalar(path)) this.out.push({ kind: 'scalar', path, value });
    }
    this.done();
  }

  /** A container outside items closes at i; returns where reading goes on. */
  private close(i: number): number {
    this.stack.pop();
    this.done();
    return i + 1;
  }

  /** A value just ended: the next is the document's end, or a comma or close in its parent. */
  private done(): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) { this.state = DONE; return; }
    if (top.isArray) top.index++;
    this.state = NEXT;
  }

  /**
   * Goes on cutting out the item from i: brackets counted outside strings until the item's own
   * closes; a string is skipped to its closing quote by indexOf (most of an item is strings).
   * Returns where reading goes on after the item, or -1 when the item goes on past buf.
   */
  private cutItem(buf: string, i: number): number {
    const it = this.item!;
    const n = buf.length, outer = this.stack.length;
    let depth = it.depth, j = i, lines = 0;
    /** Where buf ends inside a string: 0 it does not, 1 inside one, 2 right after a backslash. */
    let open = 0;
    if (it.inString) {
      // A string the last chunk left open goes on (after the character its last backslash escapes).
      j = stringClose(buf, it.escaped ? j + 1 : j);
      if (j >= n) open = j - n + 1;
      else j++;
    }
    for (; j < n && !open; j++) {
      const c = buf.charCodeAt(j);
      if (c === QUOTE) {
        j = stringClose(buf, j + 1);
        if (j >= n) open = j - n + 1;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (++depth + outer > LIMITS.maxJsonDepth) throw this.tooDeep();
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--depth === 0) break;
      } else if (c === 10) lines++;
    }
    this.line += lines;
    if (j >= n) {
      it.parts.push(buf.slice(i));
      it.size += n - i;
      if (it.size > LIMITS.maxFieldChars) throw this.bad(`a message longer than ${mb(LIMITS.maxFieldChars)} MB`);
      it.depth = depth;
      it.inString = open > 0;
      it.escaped = open === 2;
      return -1;
    }
    const text = it.parts.length ? it.parts.join('') + buf.slice(i, j + 1) : buf.slice(i, j + 1);
    this.item = null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      // The line where the item starts: the line of its end, less the line ends within it.
      throw new UserError(`not valid JSON: ${(e as Error).message}`, { file: this.file, line: it.line, code: 'bad-json', hint: 'is the export complete and not edited by hand?', zh: `不是有效的 JSON：${(e as Error).message}`, hintZh: HINT_ZH.edited });
    }
    this.out.push({ kind: 'item', path: it.path, value, line: it.line });
    this.done();
    return j + 1;
  }

  /** JSON.parse of a token outside items (strings with escapes, numbers, literals). */
  private parse(buf: string, i: number, end: number): unknown {
    try {
      return JSON.parse(buf.slice(i, end));
    } catch (e) {
      throw this.bad((e as Error).message);
    }
  }

  private here(): JsonPath {
    return this.stack.map((f) => (f.isArray ? f.index : f.key ?? ''));
  }

  /** Malformed JSON, on the line the scan has reached. */
  private bad(what: string): UserError {
    return new UserError(`not valid JSON: ${what}`, { file: this.file, line: this.line + 1, code: 'bad-json', hint: 'is the export complete and not edited by hand?', zh: `不是有效的 JSON：${what}`, hintZh: HINT_ZH.edited });
  }

  private tooDeep(): UserError {
    // Real exports nest a few levels; 100,000 "[" is an attack on whoever walks the result.
    return new UserError(`JSON nested deeper than ${LIMITS.maxJsonDepth} levels`, { file: this.file, code: 'json-too-deep', hint: 'not an export this tool knows', zh: `JSON 嵌套超过 ${LIMITS.maxJsonDepth} 层`, hintZh: '这不是本工具认识的导出格式' });
  }
}

/** The end of the JSON string whose opening quote is at i (after its closing quote), or -1 when buf ends first. */
function stringEnd(buf: string, i: number): number {
  for (let j = i + 1; j < buf.length; j++) {
    const c = buf.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j + 1;
  }
  return -1;
}

/** Characters a JSON number is made of (its grammar is checked by NUMBER). */
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/**
 * The closing quote of a string whose characters go on at j: its index, or past the end of buf
 * when buf ends first — buf.length + 1 when buf ends right after a backslash that escapes the
 * next chunk's first character, buf.length otherwise. A quote is escaped by an odd run of
 * backslashes right before it (a run is at most a string's own: its opening quote bounds it).
 */
function stringClose(buf: string, j: number): number {
  const n = buf.length;
  for (;;) {
    const q = buf.indexOf('"', j);
    if (q < 0) {
      let b = n - 1;
      while (b >= j && buf.charCodeAt(b) === BACKSLASH) b--;
      return (n - 1 - b) % 2 === 1 ? n + 1 : n;
    }
    let b = q - 1;
    while (b >= j && buf.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    j = q + 1;
  }
}

/** A character as an error message shows it. */
function shown(c: number): string {
  return c >= 32 && c < 127 ? `"${String.fromCharCode(c)}"` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
