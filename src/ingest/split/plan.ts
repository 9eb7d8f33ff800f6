import { open } from 'node:fs/promises';
import { detectEncoding, HEAD_BYTES, readHeadBytes } from '../decode.js';

const QUOTE = 0x22, NL = 0x0a;
const CHUNK = 1 << 20;

/** Where a CSV file is cut into parts that can be read independently, and what each part needs. */
export interface SplitPlan {
  /** Byte offsets: part k is [cuts[k], cuts[k + 1]); cuts[0] is where the data rows start. */
  cuts: number[];
  /** The header row as text, with its line end: prepended to every part after the first. */
  header: string;
  /** Line ends in the header (the first data row is line headerLines + 1). */
  headerLines: number;
  encoding: 'utf-8' | 'gb18030';
  bomLength: number;
}

/**
 * Cuts a CSV into `parts` byte ranges at line ends outside quoted fields, found by quote parity:
 * in RFC 4180 CSV a quote opens or closes a quoted field or is doubled inside one, so a line end
 * after an even number of quotes ends a row. A file that breaks the rule (a stray quote inside an
 * unquoted cell) can fool the count; the reader checks each cut (a part must end exactly at a row
 * end) and falls back to reading on sequentially, so a wrong cut costs time, never rows.
 * Only for encodings where the bytes of `"` and a line end never occur inside another character
 * (UTF-8, GB18030); null when the file is too small to pay for workers or cannot be cut.
 */
export async function planSplit(path: string, size: number, parts: number, minPartBytes: number): Promise<SplitPlan | null> {
  if (parts < 2 || size < 2 * minPartBytes) return null;
  const head = await readHeadBytes(path, HEAD_BYTES);
  const { encoding, bomLength } = detectEncoding(head);
  if (encoding !== 'utf-8' && encoding !== 'gb18030') return null;
  // The header: up to the first line end outside quotes, within the head.
  let quotes = 0, headerEnd = -1, headerLines = 0;
  for (let i = bomLength; i < head.length; i++) {
    const c = head[i];
    if (c === QUOTE) quotes++;
    else if (c === NL) { headerLines++; if (quotes % 2 === 0) { headerEnd = i + 1; break; } }
  }
  if (headerEnd < 0) return null;
  const header = new TextDecoder(encoding).decode(head.subarray(bomLength, headerEnd));

  const n = Math.min(parts, Math.floor(size / minPartBytes));
  const targets = Array.from({ length: n - 1 }, (_, k) => Math.floor((size * (k + 1)) / n));
  const cuts = [headerEnd];
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = headerEnd, parity = 0, t = 0;
    // Count quotes up to each target, then look for the first line end after it at even parity.
    while (t < targets.length && pos < size) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      let i = 0;
      while (i < bytesRead && t < targets.length) {
        const target = targets[t]! - pos;
        if (i < target) {
          // Before the target: only the parity matters (memchr-speed quote search).
          const stop = Math.min(target, bytesRead);
          for (let q = view.indexOf(QUOTE, i); q >= 0 && q < stop; q = view.indexOf(QUOTE, q + 1)) parity ^= 1;
          i = stop;
          continue;
        }
        const q = view.indexOf(QUOTE, i), nl = view.indexOf(NL, i);
        if (nl < 0 && q < 0) { i = bytesRead; break; }
        if (q >= 0 && (nl < 0 || q < nl)) { parity ^= 1; i = q + 1; continue; }
        i = nl + 1;
        if (parity === 0) { cuts.push(pos + i); t++; }
      }
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
  while (cuts.length > 1 && cuts[cuts.length - 1]! >= size) cuts.pop();
  if (cuts.length < 2) return null;
  cuts.push(size);
  return { cuts, header, headerLines, encoding, bomLength };
}
