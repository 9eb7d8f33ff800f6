import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeBytes, decodeFile, decodeHead, HEAD_BYTES, readHeadBytes } from './decode.js';
import type { FileHead, Source } from './types.js';

/** A file on disk as a Source: streamed, decoded text, or raw bytes for containers. */
export async function fileSource(path: string, onBytes?: (n: number) => void): Promise<Source> {
  const info = await stat(path);
  return {
    path,
    fileName: basename(path),
    size: info.size,
    text: () => decodeFile(path, onBytes),
    bytes: async () => new Uint8Array(await readFile(path)),
  };
}

/** In-memory bytes as a Source (ZIP entries, tests). */
export function bytesSource(path: string, data: Uint8Array): Source {
  return {
    path,
    fileName: basename(path.split('!').pop() ?? path),
    size: data.length,
    text: async function* () {
      const text = decodeBytes(data);
      // Hand out in slices so parsers see chunk boundaries as they do with files.
      for (let i = 0; i < text.length; i += 1 << 20) yield text.slice(i, i + (1 << 20));
    },
    bytes: async () => data,
  };
}

export function headOf(path: string, bytes: Uint8Array): FileHead {
  const b = bytes.subarray(0, HEAD_BYTES);
  const isBinary = b.includes(0) && !(b[0] === 0xff || b[0] === 0xfe || b[1] === 0);
  return { path, fileName: basename(path.split('!').pop() ?? path), bytes: b, text: isBinary ? '' : decodeHead(b) };
}

export async function fileHead(path: string): Promise<FileHead> {
  return headOf(path, await readHeadBytes(path));
}
