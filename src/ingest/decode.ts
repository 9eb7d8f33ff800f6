import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Source } from './types.js';

/**
 * Encoding detection from the bytes, never from the machine's locale: a BOM decides (UTF-8,
 * UTF-16LE/BE); otherwise the head must be valid UTF-8, and a head that is not is GB18030 (the
 * superset of GBK that Chinese Windows tools write).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isUtf8(head) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/**
 * UTF-16 without a BOM, by where the NUL bytes fall: the high byte of every ASCII character
 * (digits, punctuation, line ends: some in any export) is NUL, after it in little-endian, before
 * it in big-endian, while the other position is almost never NUL. Counted over the head, so that
 * a first line of Chinese text (no NUL at all) does not decide. A head the counts leave open (or
 * too short to count) is little-endian when its first two characters are ASCII (a NUL after each).
 */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) { if (head[i] === 0) even++; if (head[i + 1] === 0) odd++; }
  const pairs = n / 2;
  // Counts of fewer than 16 characters say nothing ("garbage\0\1" is binary, not UTF-16).
  if (pairs >= 16 && odd >= pairs / 8 && even <= pairs / 64) return 'utf-16le';
  if (pairs >= 16 && even >= pairs / 8 && odd <= pairs / 64) return 'utf-16be';
  return head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0 ? 'utf-16le' : null;
}

function isUtf8(bytes: Uint8Array): boolean {
  // A multi-byte sequence cut at the end of the head is not an error.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0xc0) { end -= back; break; }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export const HEAD_BYTES = 64 * 1024;

/**
 * Bytes read and decoded at a time. Small enough that a decoded chunk (up to twice its bytes, as
 * UTF-16) stays a young-generation string, collected cheaply: a 1 MB chunk goes to V8's large-object
 * space, which only a full collection frees, and a big file left hundreds of MB of them in the peak.
 */
export const READ_CHUNK = 1 << 16;

export async function readHeadBytes(path: string, n = HEAD_BYTES): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Old Mac and some Excel CSVs end their lines with a lone CR. Every reader here splits lines at
 * LF, and would see such a file as one line: a text whose head has CRs and no LF has each CR read
 * as a line end. Decided once per input from its head, so CRLF files (the head has LFs) keep
 * their CRs, which the readers drop before a line end.
 */
export function crLineEnds(headText: string): boolean {
  return headText.includes('\r') && !headText.includes('\n');
}

/** The decoded text with every CR a line end (for an input `crLineEnds` says uses them). */
export function crToLf(text: string): string {
  return text.replaceAll('\r', '\n');
}

/** Decode a byte buffer (e.g. a ZIP entry) with the detected encoding, BOM removed. */
export function decodeBytes(bytes: Uint8Array): string {
  const { encoding, bomLength } = detectEncoding(bytes.subarray(0, HEAD_BYTES));
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength));
  return crLineEnds(text.slice(0, HEAD_BYTES)) ? crToLf(text) : text;
}

/** What decoding a file replaced: characters that were not valid in the detected encoding. */
export interface DecodeStats {
  encoding: Encoding | null;
  /** U+FFFD produced by the decoder (not those written in the file itself). */
  replaced: number;
}

const REPLACEMENT = 0xfffd;
const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

function countChar(text: string, code: number): number {
  const ch = String.fromCharCode(code);
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function countBytes(chunk: Buffer, seq: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(seq); i >= 0; i = chunk.indexOf(seq, i + seq.length)) n++;
  return n;
}

/** U+FFFD in a decoded chunk that the decoder made (a U+FFFD written in UTF-8 is not one). */
export function replacedIn(text: string, raw: Buffer, encoding: Encoding): number {
  if (text.indexOf('\ufffd') < 0) return 0;
  const found = countChar(text, REPLACEMENT);
  return encoding === 'utf-8' ? Math.max(0, found - countBytes(raw, REPLACEMENT_UTF8)) : found;
}

/** Stream a file as decoded text chunks of READ_CHUNK bytes, reporting bytes read (and, in `stats`,
 *  how many characters were not valid in the detected encoding). */
export async function* decodeFile(
  path: string,
  onBytes: (total: number) => void = () => {},
  stats: DecodeStats = { encoding: null, replaced: 0 },
): AsyncGenerator<string> {
  const head = await readHeadBytes(path);
  const { encoding, bomLength } = detectEncoding(head);
  stats.encoding = encoding;
  const chunks = decodeRange(path, bomLength, Infinity, encoding, onBytes, stats);
  if (!crLineEndsIn(head)) { yield* chunks; return; }
  for await (const text of chunks) yield crToLf(text);
}

/** Bytes [start, end) of a file decoded in `encoding` (a part of a file cut at line ends). */
export async function* decodeRange(
  path: string, start: number, end: number, encoding: Encoding,
  onBytes: (total: number) => void, stats: DecodeStats,
): AsyncGenerator<string> {
  if (end <= start) return;
  const decoder = new TextDecoder(encoding);
  let total = 0;
  const stream = createReadStream(path, { start, ...(end === Infinity ? {} : { end: end - 1 }), highWaterMark: READ_CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    onBytes(total);
    const text = decoder.decode(chunk, { stream: true });
    stats.replaced += replacedIn(text, chunk, encoding);
    if (text) yield text;
  }
  const rest = decoder.decode();
  stats.replaced += countChar(rest, REPLACEMENT);
  if (rest) yield rest;
}

/** A source's raw bytes in chunks, streamed from its file when it has one (a reader that stops
 *  early, e.g. at the end of an MHT's HTML part, reads no further); bytes so far to `onBytes`. */
export async function* rawChunks(source: Source): AsyncGenerator<Uint8Array> {
  let total = 0;
  if (source.file) {
    for await (const chunk of createReadStream(source.file, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) {
      total += chunk.length;
      source.onBytes?.(total);
      yield chunk;
    }
    return;
  }
  const data = await source.bytes();
  for (let i = 0; i < data.length; i += READ_CHUNK) {
    const chunk = data.subarray(i, Math.min(i + READ_CHUNK, data.length));
    total += chunk.length;
    source.onBytes?.(total);
    yield chunk;
  }
}

/** Decoded text of the head, for sniffing (lone CRs as line ends, as the input will be read);
 *  invisible marks that some exporters add are kept. */
export function decodeHead(head: Uint8Array): string {
  const text = headText(head);
  return crLineEnds(text) ? crToLf(text) : text;
}

/** Does an input whose first bytes are `head` end its lines with lone CRs (see crLineEnds)? */
export function crLineEndsIn(head: Uint8Array): boolean {
  return crLineEnds(headText(head));
}

function headText(head: Uint8Array): string {
  const { encoding, bomLength } = detectEncoding(head);
  return new TextDecoder(encoding).decode(head.subarray(bomLength));
}
