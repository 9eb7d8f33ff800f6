import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { UserError } from '../core/errors.js';
import { bytesSource } from './source.js';
import type { Folder } from './types.js';

/** Guards against ZIP bombs and hostile archives. */
export const ZIP_LIMITS = { maxEntries: 100_000, maxEntryBytes: 1 << 30, maxTotalBytes: 2 * (1 << 30) };

/** Entry names that would escape a folder if extracted; we never extract, but they are refused. */
function unsafeName(name: string): boolean {
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..');
}

/**
 * Opens a ZIP as a Folder, in memory. Entry sizes are checked from the central directory before
 * anything is inflated, so an archive that would expand to gigabytes is refused, not unpacked.
 */
export async function zipFolder(path: string, onSkip: (reason: string) => void): Promise<Folder> {
  const data = new Uint8Array(await readFile(path));
  let total = 0;
  let entries = 0;
  let tooBig: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        if (unsafeName(f.name)) { onSkip(`entry "${f.name}" points outside the archive; skipped`); return false; }
        if (f.name.startsWith('__MACOSX/')) return false;
        entries++;
        total += f.originalSize;
        if (f.originalSize > ZIP_LIMITS.maxEntryBytes || total > ZIP_LIMITS.maxTotalBytes || entries > ZIP_LIMITS.maxEntries) {
          tooBig = f.name;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    throw new UserError(`not a readable ZIP archive (${(e as Error).message})`, { file: path, hint: 'is the download complete?', code: 'bad-zip' });
  }
  if (tooBig !== null) {
    throw new UserError(`the archive expands to more than ${ZIP_LIMITS.maxTotalBytes / (1 << 30)} GB (at "${tooBig}")`, { file: path, hint: 'unpack it yourself and pass the folder', code: 'zip-too-large' });
  }
  const names = Object.keys(files).sort();
  return {
    path,
    entries: names,
    open: async (entry) => {
      const bytes = files[entry];
      if (!bytes) throw new UserError(`no entry "${entry}" in the archive`, { file: path });
      return bytesSource(`${path}!${entry}`, bytes);
    },
  };
}
