import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileSource } from './source.js';
import type { Folder } from './types.js';

/** A folder on disk as a Folder (entries relative, "/"-separated), for Slack exports unpacked by hand. */
export async function diskFolder(path: string): Promise<Folder> {
  const all = await readdir(path, { recursive: true, withFileTypes: true });
  const entries = all
    .filter((d) => d.isFile())
    .map((d) => relative(path, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  return { path, entries, open: (entry) => fileSource(join(path, ...entry.split('/'))) };
}
