import { basename } from 'node:path';
import { decodeRange, type DecodeStats } from '../decode.js';
import type { Source } from '../types.js';

/**
 * Bytes [start, end) of a file as a Source, decoded, after `prefix` (a part after the first is
 * read with the file's header row in front). `shownAs` names it as the whole file (issues, the
 * group of a CSV without a group column). Cut at line ends, so no character is split.
 */
export function rangeSource(path: string, shownAs: string, start: number, end: number, encoding: 'utf-8' | 'gb18030', prefix: string, onBytes: (n: number) => void = () => {}): Source {
  const decoding: DecodeStats = { encoding, replaced: 0 };
  return {
    path: shownAs,
    fileName: basename(shownAs),
    size: end - start,
    decoding,
    async *text() {
      if (prefix) yield prefix;
      yield* decodeRange(path, start, end, encoding, onBytes, decoding);
    },
    bytes: () => Promise.reject(new Error('a part of a file has no raw bytes')),
  };
}
