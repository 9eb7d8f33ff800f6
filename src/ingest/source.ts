import { createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { crLineEndsIn, crToLf, decodeFile, decodeHead, detectEncoding, HEAD_BYTES, readHeadBytes, replacedIn, utf16WithoutBom, type DecodeStats } from './decode.js';
import type { FileHead, Source } from './types.js';

/** A file on disk as a Source: streamed, decoded text, or raw bytes for containers. */
export async function fileSource(path: string, onBytes?: (n: number) => void): Promise<Source> {
  const info = await stat(path);
  const decoding: DecodeStats = { encoding: null, replaced: 0 };
  const source: Source = {
    path,
    fileName: basename(path),
    size: info.size,
    decoding,
    file: path,
    text: () => decodeFile(path, (n) => { onBytes?.(n); source.onBytes?.(n); }, decoding),
    bytes: async () => new Uint8Array(await readFile(path)),
  };
  return source;
}

/** A spooled copy read from disk but named as the user named it ("-" for stdin, the FIFO's path). */
export async function spooledSource(copy: string, shownAs: string): Promise<Source> {
  const src = await fileSource(copy);
  // Named as the user named it; the same object, so the reader's onBytes still reaches decoding.
  return Object.assign(src, { path: shownAs, fileName: shownAs === '-' ? 'stdin' : basename(shownAs) });
}

/** In-memory bytes as a Source (ZIP entries, tests). */
export function bytesSource(path: string, data: Uint8Array): Source {
  const decoding: DecodeStats = { encoding: null, replaced: 0 };
  return {
    decoding,
    path,
    fileName: basename(path.split('!').pop() ?? path),
    size: data.length,
    text: async function* () {
      // Decoded slice by slice: a 1 GB entry never becomes one string (V8 strings stop near 512 MB).
      const { encoding, bomLength } = detectEncoding(data.subarray(0, HEAD_BYTES));
      decoding.encoding = encoding;
      const lines = crLineEndsIn(data.subarray(0, HEAD_BYTES)) ? crToLf : (t: string) => t;
      const decoder = new TextDecoder(encoding);
      for (let i = bomLength; i < data.length; i += 1 << 20) {
        const raw = data.subarray(i, Math.min(i + (1 << 20), data.length));
        const text = decoder.decode(raw, { stream: true });
        decoding.replaced += replacedIn(text, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), encoding);
        if (text) yield lines(text);
      }
      const rest = decoder.decode();
      if (rest.includes('\ufffd')) decoding.replaced += rest.split('\ufffd').length - 1;
      if (rest) yield lines(rest);
    },
    bytes: async () => data,
  };
}

export function headOf(path: string, bytes: Uint8Array): FileHead {
  const b = bytes.subarray(0, HEAD_BYTES);
  return { path, fileName: basename(path.split('!').pop() ?? path), bytes: b, text: isBinary(b) ? '' : decodeHead(b) };
}

/** NUL bytes that are not UTF-16: a container or a binary file, not text. */
export function isBinary(head: Uint8Array): boolean {
  return head.includes(0) && !(head[0] === 0xff || head[0] === 0xfe || head[1] === 0 || utf16WithoutBom(head) !== null);
}

export async function fileHead(path: string): Promise<FileHead> {
  return headOf(path, await readHeadBytes(path));
}

let spoolDir: Promise<string> | null = null;

/**
 * Copies a stream that can be read only once (stdin, a FIFO) to a private temporary file, so it
 * can be sniffed and then read like any file. The copy is streamed (no size in memory) and removed
 * when the process exits, however it exits.
 */
export async function spool(stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array>, name: string): Promise<string> {
  spoolDir ??= mkdtemp(join(tmpdir(), 'community-audit-')).then((dir) => {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });
  const dir = await spoolDir;
  const path = join(dir, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${basename(name).replace(/[^\w.-]/g, '_') || 'stdin'}`);
  await pipeline(stream, createWriteStream(path, { mode: 0o600 }));
  return path;
}
