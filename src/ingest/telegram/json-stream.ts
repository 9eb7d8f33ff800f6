import type { Assembler } from 'stream-json/assembler.js';
import type { jsonParser, Token } from 'stream-json/parser.js';
import { UserError } from '../../core/errors.js';
import { LIMITS } from '../limits.js';
import type { Source } from '../types.js';

/** A path into a JSON document: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** What the walker hands out: a whole value at an item path, or a scalar outside any item. */
export type JsonPiece =
  | { kind: 'item'; path: JsonPath; value: unknown }
  | { kind: 'scalar'; path: JsonPath; value: string | number | boolean | null };

interface Frame { key: string | number | null; isArray: boolean; index: number }

// stream-chain's markers are registered symbols: "no more input" and "several results".
const NONE = Symbol.for('object-stream.none');
type Tokenizer = ReturnType<typeof jsonParser>;

function tokensOf(out: unknown): Token[] {
  if (out === NONE || out === undefined) return [];
  return (out as { values: Token[] }).values ?? [out as Token];
}

/**
 * Walks a JSON source token by token (stream-json's tokenizer, called directly on each decoded
 * chunk: Node stream plumbing per token costs more than the parsing), so a 1 GB export never
 * becomes one string. Values whose path `isItem` accepts (the elements of a `messages` array) are
 * assembled one at a time; scalars elsewhere are handed out when `wantScalar` says so (chat names,
 * ids). Memory is bounded by the largest single item.
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
  // Loaded when a JSON export is read, not at every start-up (stream-json is tens of ms to load).
  const [{ jsonParser: parser }, { Assembler: AssemblerClass }] = await Promise.all([import('stream-json/parser.js'), import('stream-json/assembler.js')]);
  const tokenize: Tokenizer = parser({ streamValues: false });
  const stack: Frame[] = [];
  let asm: Assembler | null = null;
  let asmPath: JsonPath = [];
  const here = (): JsonPath => stack.map((f) => (f.isArray ? f.index : f.key ?? ''));
  // A value just ended inside its parent: arrays move on to the next index.
  const advance = () => { const top = stack[stack.length - 1]; if (top?.isArray) top.index++; };
  let out: JsonPiece[] = [];
  let depth = 0;
  const take = (tok: Token) => {
    // Real exports nest a few levels; 100,000 "[" is an attack on whoever walks the result.
    if (tok.name === 'startObject' || tok.name === 'startArray') {
      if (++depth > LIMITS.maxJsonDepth) throw new UserError(`JSON nested deeper than ${LIMITS.maxJsonDepth} levels`, { file: source.path, code: 'json-too-deep', hint: 'not an export this tool knows' });
    } else if (tok.name === 'endObject' || tok.name === 'endArray') depth--;
    if (asm) {
      asm.consume(tok);
      if (asm.done) { out.push({ kind: 'item', path: asmPath, value: asm.current }); asm = null; advance(); }
      return;
    }
    switch (tok.name) {
      case 'keyValue': { const top = stack[stack.length - 1]; if (top) top.key = tok.value; return; }
      case 'endObject': case 'endArray': stack.pop(); advance(); return;
      case 'startObject': case 'startArray': {
        const path = here();
        if (stack.length > 0 && isItem(path)) { asm = new AssemblerClass(); asm.consume(tok); asmPath = path; return; }
        stack.push({ key: null, isArray: tok.name === 'startArray', index: 0 });
        return;
      }
      case 'stringValue': case 'numberValue': case 'nullValue': case 'trueValue': case 'falseValue': {
        const path = here();
        if (wantScalar(path)) out.push({ kind: 'scalar', path, value: scalarOf(tok) });
        advance();
        return;
      }
      default: return;
    }
  };
  let line = 1;
  const feed = (chunk: string | typeof NONE) => {
    try {
      for (const tok of tokensOf(tokenize(chunk as Parameters<Tokenizer>[0]))) take(tok);
    } catch (e) {
      if (e instanceof UserError) throw e;
      // The tokenizer fails at the end of input when the document is cut off.
      if (chunk === NONE) throw new UserError('the JSON ends too early (cut off?)', { file: source.path, line, code: 'bad-json', hint: 'is the export complete (not cut off)?' });
      throw new UserError(`not valid JSON: ${(e as Error).message}`, { file: source.path, code: 'bad-json', hint: 'is the export complete and not edited by hand?' });
    }
    if (chunk !== NONE) line += countLines(chunk);
  };
  for await (const chunk of source.text()) {
    feed(chunk);
    if (out.length) { yield out; out = []; }
  }
  feed(NONE);
  if (out.length) yield out;
  if (stack.length > 0 || asm) throw new UserError('the JSON ends too early (cut off?)', { file: source.path, line, code: 'bad-json', hint: 'is the export complete (not cut off)?' });
}

function scalarOf(tok: Token): string | number | boolean | null {
  switch (tok.name) {
    case 'stringValue': return tok.value;
    case 'numberValue': return Number(tok.value);
    case 'trueValue': return true;
    case 'falseValue': return false;
    default: return null;
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
