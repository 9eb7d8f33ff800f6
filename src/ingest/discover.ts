import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import { adapters } from './registry.js';
import { fileHead, fileSource, headOf } from './source.js';
import { isFolderAdapter, type FileHead, type Folder, type FolderAdapter, type IngestAdapter, type Source } from './types.js';
import { zipFolder } from './zip.js';

/** One unit of input: a file (or ZIP entry) read by an adapter, or a folder read whole. */
export type InputUnit =
  | { type: 'file'; path: string; adapter: IngestAdapter; head: FileHead; open: () => Promise<Source> }
  | { type: 'folder'; path: string; adapter: FolderAdapter; folder: Folder };

export interface DiscoverOptions {
  forced?: string;
  /** Paths never to read (the --output files). */
  exclude?: string[];
  onSkip: (path: string, reason: string) => void;
}

/** Files that are never chat exports: skipped quietly inside folders. */
const IGNORED = /(^|\/)(\.[^/]*|__MACOSX|node_modules)(\/|$)|\.(png|jpe?g|gif|webp|mp4|mp3|amr|silk|pdf|docx?|md|html?)$/i;

export function pickAdapter(head: FileHead, forced?: string): { adapter: IngestAdapter; score: number } | null {
  if (forced) {
    const a = adapters.find((x) => x.id === forced);
    return a ? { adapter: a, score: 1 } : null;
  }
  let best: { adapter: IngestAdapter; score: number } | null = null;
  for (const a of adapters) {
    let s = 0;
    try { s = a.detect(head); } catch { s = 0; }
    if (s > 0 && (!best || s > best.score)) best = { adapter: a, score: s };
  }
  return best;
}

function folderAdapter(folder: Folder, forced?: string): FolderAdapter | null {
  let best: { a: FolderAdapter; s: number } | null = null;
  for (const a of adapters as readonly IngestAdapter[]) {
    if (!isFolderAdapter(a)) continue;
    if (forced && a.id !== forced) continue;
    const s = a.detectFolder(folder);
    if (s > 0.5 && (!best || s > best.s)) best = { a, s };
  }
  return best?.a ?? null;
}

/**
 * Expands the user's inputs (files, folders read recursively, ZIPs) into units, each with the
 * adapter that reads it. Symlink loops are cut by remembering real paths; unknown files inside
 * folders are skipped with a note, while an unknown file named directly is an error.
 */
export async function discover(inputs: string[], opts: DiscoverOptions): Promise<InputUnit[]> {
  const units: InputUnit[] = [];
  const seen = new Set<string>();
  const excluded = new Set<string>();
  for (const p of opts.exclude ?? []) excluded.add(await realpath(p).catch(() => p));

  const visit = async (path: string, direct: boolean): Promise<void> => {
    let info;
    try { info = await stat(path); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (direct) throw new UserError(code === 'ENOENT' ? `no such file or folder: ${path}` : `cannot read ${path} (${code})`, { file: path, code: 'no-input' });
      opts.onSkip(path, code === 'ELOOP' ? 'a symbolic link loop' : `cannot read (${code})`);
      return;
    }
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) return;
    seen.add(real);
    if (excluded.has(real)) { opts.onSkip(path, 'it is also the --output file'); return; }
    if (info.isDirectory()) {
      const folder = await diskFolder(path);
      const fa = folderAdapter(folder, opts.forced);
      if (fa) { units.push({ type: 'folder', path, adapter: fa, folder }); return; }
      const names = (await readdir(path)).sort();
      for (const name of names) {
        const child = join(path, name);
        if (IGNORED.test(name)) continue;
        const l = await lstat(child).catch(() => null);
        if (l?.isSymbolicLink() && (await realpath(child).catch(() => null)) === null) { opts.onSkip(child, 'a broken or looping symbolic link'); continue; }
        await visit(child, false);
      }
      return;
    }
    if (!info.isFile() && !info.isFIFO()) { if (direct) throw new UserError(`not a file or folder: ${path}`, { file: path }); return; }
    const head = await fileHead(path);
    if (/\.zip$/i.test(path) && head.bytes[0] === 0x50 && head.bytes[1] === 0x4b) {
      const folder = await zipFolder(path, (r) => opts.onSkip(path, r));
      const fa = folderAdapter(folder, opts.forced);
      if (fa) { units.push({ type: 'folder', path, adapter: fa, folder }); return; }
      for (const entry of folder.entries) {
        if (IGNORED.test(entry)) continue;
        const src = await folder.open(entry);
        const h = headOf(src.path, await src.bytes());
        const pick = pickAdapter(h, opts.forced);
        if (pick) units.push({ type: 'file', path: src.path, adapter: pick.adapter, head: h, open: async () => src });
        else opts.onSkip(src.path, 'not a chat export or member list this tool knows');
      }
      return;
    }
    const pick = pickAdapter(head, opts.forced);
    if (!pick) {
      if (direct) throw notAnExport(path, opts.forced);
      opts.onSkip(path, 'not a chat export or member list this tool knows');
      return;
    }
    units.push({ type: 'file', path, adapter: pick.adapter, head, open: () => fileSource(path) });
  };

  for (const input of inputs) await visit(input, true);
  return units;
}

function notAnExport(path: string, forced?: string): UserError {
  if (forced) return new UserError(`unknown --input-format "${forced}"`, { hint: 'community-audit formats lists them', code: 'usage' });
  const tried = adapters.map((a) => a.id).join(', ');
  return new UserError(`not a chat export or member list this tool can read`, { file: path, hint: `formats tried: ${tried}; force one with --input-format`, code: 'unknown-format' });
}

async function diskFolder(path: string): Promise<Folder> {
  const entries: string[] = [];
  const walk = async (dir: string, depth: number) => {
    if (depth > 3 || entries.length > 20_000) return;
    for (const d of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = join(dir, d.name);
      if (d.isDirectory()) await walk(p, depth + 1);
      else if (d.isFile()) entries.push(relative(path, p).split(sep).join('/'));
    }
  };
  await walk(path, 0);
  entries.sort();
  return { path, entries, open: (entry) => fileSource(join(path, ...entry.split('/'))) };
}
