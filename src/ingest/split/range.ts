import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { READ_CHUNK, replacedIn, type DecodeStats } from '../decode.js';
import type { Source } from '../types.js';

/**
 * Bytes [start, end) of a file as a Source, decoded, after `prefix` (a part after the first is
 * read with the file's header row in front). `shownAs` names it as the whole file (issues, the
 * group of a CSV without a group column). Cut at line ends, so no character is split.
 */
export function rangeSource(path: string, shownAs: string, start: number, end: number, encoding: 'utf-8' | 'gb18030', prefix: string, onBytes?: (n: number) => void): Source {
  const decoding: DecodeStats = { encoding, replaced: 0 };
  return {
    path: shownAs,
    fileName: basename(shownAs),
    size: end - start,
    decoding,
    async *text() {
      if (prefix) yield prefix;
      if (end <= start) return;
      const decoder = new TextDecoder(encoding);
      let total = 0;
      for await (const chunk of createReadStream(path, { start, end: end - 1, highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) {
        total += chunk.length;
        onBytes?.(total);
        const text = decoder.decode(chunk, { stream: true });
        decoding.replaced += replacedIn(text, chunk, encoding);
        if (text) yield text;
      }
      const rest = decoder.decode();
      if (rest) { decoding.replaced += [...rest].filter((c) => c === '\ufffd').length; yield rest; }
    },
    bytes: () => Promise.reject(new Error('a part of a file has no raw bytes')),
  };
}
