import { stat, readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { LIMITS } from './limits.js';
import { bytesSource } from './source.js';
import type { Folder } from './types.js';

/** The hint of an archive too big to read in memory, as a Chinese terminal shows it. */
const UNPACK_ZH = '请自己解压，然后传入文件夹';

/** Entry names that would escape a folder if extracted; we never extract, but they are refused. */
export function unsafeName(name: string): boolean {
  return name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..') || name.includes('\0');
}

const gb = (n: number) => `${(n / (1 << 30)).toFixed(n % (1 << 30) ? 1 : 0)} GB`;

/**
 * Opens a ZIP as a Folder, in memory, without extracting anything to disk. Sizes are checked from
 * the central directory before anything is inflated, so an archive that would expand to gigabytes
 * is refused, not unpacked; an entry that lies about its size is cut at the size it claims (fflate
 * inflates into a buffer of that size). Entries `wanted` says no to (media) are listed, never inflated.
 * `shown` is the name the user knows the archive by (a ZIP piped on stdin is read from a copy).
 */
export async function zipFolder(file: string, onSkip: (reason: string) => void, wanted: (name: string) => boolean = () => true, shown = file): Promise<Folder> {
  const path = shown;
  const info = await stat(file);
  if (info.size > LIMITS.maxZipTotalBytes) {
    throw new UserError(`the archive is larger than ${gb(LIMITS.maxZipTotalBytes)}`, { file: path, hint: 'unpack it yourself and pass the folder', code: 'zip-too-large', zh: `压缩包超过 ${gb(LIMITS.maxZipTotalBytes)}`, hintZh: UNPACK_ZH });
  }
  const data = new Uint8Array(await readFile(file));
  const { unzipSync } = await import('fflate'); // loaded when a ZIP is read, not at every start-up
  const names: string[] = [];
  let total = 0;
  let tooBig: { name: string; why: string; whyZh: string } | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) => {
        if (tooBig || f.name.endsWith('/') || f.name.startsWith('__MACOSX/')) return false;
        if (unsafeName(f.name)) { onSkip(`entry "${f.name}" points outside the archive; skipped`); return false; }
        names.push(f.name);
        if (names.length > LIMITS.maxZipEntries) { tooBig = { name: f.name, why: `more than ${LIMITS.maxZipEntries} entries`, whyZh: `超过 ${LIMITS.maxZipEntries} 个文件` }; return false; }
        if (!wanted(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > LIMITS.maxZipEntryBytes) tooBig = { name: f.name, why: `an entry of ${gb(f.originalSize)} (the limit is ${gb(LIMITS.maxZipEntryBytes)})`, whyZh: `一个 ${gb(f.originalSize)} 的文件（上限 ${gb(LIMITS.maxZipEntryBytes)}）` };
        else if (total > LIMITS.maxZipTotalBytes) tooBig = { name: f.name, why: `more than ${gb(LIMITS.maxZipTotalBytes)} of chat files`, whyZh: `超过 ${gb(LIMITS.maxZipTotalBytes)} 的聊天文件` };
        return tooBig === null;
      },
    });
  } catch (e) {
    throw new UserError(`not a readable ZIP archive (${(e as Error).message})`, { file: path, hint: 'is the download complete?', code: 'bad-zip', zh: `无法读取的 ZIP 压缩包（${(e as Error).message}）`, hintZh: '文件下载完整吗？' });
  }
  const big = tooBig as { name: string; why: string; whyZh: string } | null;
  if (big !== null) {
    throw new UserError(`the archive expands to ${big.why} (at "${big.name}")`, { file: path, hint: 'unpack it yourself and pass the folder', code: 'zip-too-large', zh: `压缩包解压后有${big.whyZh}（在 "${big.name}" 处）`, hintZh: UNPACK_ZH });
  }
  names.sort();
  return {
    path,
    entries: names,
    open: async (entry) => {
      const bytes = Object.hasOwn(files, entry) ? files[entry] : undefined;
      if (!bytes) throw new UserError(`entry "${entry}" of the archive is not read by this tool`, { file: path, code: 'zip-entry', zh: `本工具不读取压缩包中的 "${entry}"` });
      return bytesSource(`${path}!${entry}`, bytes);
    },
  };
}
