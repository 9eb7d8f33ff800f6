import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import { safeText } from '../core/sanitize.js';
import { readHeadBytes } from './decode.js';
import { guardAdapter } from './guard.js';
import { adapters } from './registry.js';
import { fileSource, headOf, isBinary, spool, spooledSource } from './source.js';
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
  /** The time of the run: events dated after it are refused (default: the clock). */
  now?: number;
  /** Standard input, for the input "-" (default: the process's). */
  stdin?: () => NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
}

/** Files that are never chat exports: skipped quietly inside folders. */
const IGNORED = /(^|\/)(\.[^/]*|__MACOSX|node_modules)(\/|$)|\.(png|jpe?g|gif|webp|mp4|mp3|amr|silk|pdf|docx?|md|html?|opus|ogg|m4a|mov|webm|heic)$/i;

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

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';
const WHY: Record<string, string> = {
  ENOENT: 'no such file or folder', EACCES: 'permission denied', EPERM: 'permission denied',
  ELOOP: 'a symbolic link loop', ENOTDIR: 'no such file or folder', EISDIR: 'is a folder',
};
const HINTS: Record<string, string> = {
  'no such file or folder': 'check the path (quote names with spaces)',
  'permission denied': 'check the permissions of the file and its folders',
  'a symbolic link loop': 'the link points back at itself',
};
const why = (code: string) => (Object.hasOwn(WHY, code) ? WHY[code]! : `cannot read (${code})`);

/**
 * Expands the user's inputs (files, folders read recursively, ZIPs, "-" for stdin, FIFOs) into
 * units, each with the adapter that reads it. An input named directly that cannot be read is an
 * error; inside a folder it is skipped with a note. Symlink loops are cut by remembering real
 * paths. Inputs are only ever opened for reading.
 */
export async function discover(inputs: string[], opts: DiscoverOptions): Promise<InputUnit[]> {
  const units: InputUnit[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const excluded = new Set<string>();
  const now = opts.now ?? Date.now();
  for (const p of opts.exclude ?? []) excluded.add(await realpath(p).catch(() => p));
  // Paths and ZIP entry names are data too: what is shown (and reported) is cleaned; what is opened is not.
  const skip = (path: string, reason: string) => {
    const [shown, why] = [safeText(path), safeText(reason)];
    skipped.push(`${shown}: ${why}`);
    opts.onSkip(shown, why);
  };
  const refuse = (path: string, direct: boolean, reason: string, hint = HINTS[reason], code = 'no-input') => {
    if (direct) throw new UserError(reason, { file: path, code, ...(hint ? { hint } : {}) });
    skip(path, reason);
  };
  const addFile = (path: string, head: FileHead, open: () => Promise<Source>, direct: boolean) => {
    const pick = pickAdapter(head, opts.forced);
    if (pick) { units.push({ type: 'file', path: safeText(path), adapter: guardAdapter(pick.adapter, now), head, open }); return; }
    if (direct) throw notAnExport(path, head, opts.forced);
    skip(path, 'not a chat export or member list this tool knows');
  };
  let stdinUsed = false;

  const visit = async (path: string, direct: boolean): Promise<void> => {
    if (path === '-' && direct) {
      if (stdinUsed) throw new UserError('"-" (standard input) is given twice', { code: 'usage' });
      stdinUsed = true;
      const copy = await spool(opts.stdin?.() ?? process.stdin, 'stdin');
      return addSpooled(copy, '-');
    }
    let info;
    try { info = await stat(path); } catch (e) { return refuse(path, direct, why(errno(e))); }
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) return;
    seen.add(real);
    if (excluded.has(real)) return refuse(path, direct, 'this input is also an --output file: the report would overwrite it', 'write the report somewhere else', 'usage');
    if (info.isDirectory()) {
      let names: string[];
      try { names = (await readdir(path)).sort(); } catch (e) { return refuse(path, direct, why(errno(e))); }
      const folder = await diskFolder(path);
      const fa = folderAdapter(folder, opts.forced);
      if (fa) { units.push({ type: 'folder', path: safeText(path), adapter: guardAdapter(fa, now), folder }); return; }
      for (const name of names) {
        const child = join(path, name);
        if (IGNORED.test(name)) continue;
        const l = await lstat(child).catch(() => null);
        if (l?.isSymbolicLink() && (await realpath(child).catch(() => null)) === null) { skip(child, 'a broken or looping symbolic link'); continue; }
        await visit(child, false);
      }
      return;
    }
    if (info.isFIFO()) return addSpooled(await spool(createReadStream(path), path), path);
    if (!info.isFile()) return refuse(path, direct, 'not a file or folder (a device or socket)');
    if (info.size === 0) return refuse(path, direct, 'the file is empty', 'was the export interrupted?', 'empty-file');
    let bytes: Uint8Array;
    try { bytes = await readHeadBytes(path); } catch (e) { return refuse(path, direct, why(errno(e))); }
    const head = headOf(path, bytes);
    if (/\.zip$/i.test(path) && head.bytes[0] === 0x50 && head.bytes[1] === 0x4b) return visitZip(path);
    addFile(path, head, () => fileSource(path), direct);
  };

  const addSpooled = async (copy: string, shownAs: string) => {
    const bytes = await readHeadBytes(copy);
    if (bytes.length === 0) throw new UserError('the input is empty', { file: shownAs, code: 'empty-file' });
    addFile(shownAs, headOf(shownAs === '-' ? 'stdin' : shownAs, bytes), () => spooledSource(copy, shownAs), true);
  };

  const visitZip = async (path: string) => {
    const folder = await zipFolder(path, (r) => skip(path, r), (name) => !IGNORED.test(name));
    const fa = folderAdapter(folder, opts.forced);
    if (fa) { units.push({ type: 'folder', path: safeText(path), adapter: guardAdapter(fa, now), folder }); return; }
    for (const entry of folder.entries) {
      if (IGNORED.test(entry)) continue;
      const src = await folder.open(entry);
      addFile(src.path, headOf(src.path, await src.bytes()), async () => src, false);
    }
  };

  for (const input of inputs) await visit(input, true);
  if (units.length === 0) {
    const shown = skipped.slice(0, 3).join('; ');
    throw new UserError(`no chat exports or member lists found in ${inputs.join(', ')}`, {
      hint: skipped.length ? `skipped ${skipped.length}: ${shown}${skipped.length > 3 ? '; …' : ''}` : 'the folder has no files; community-audit formats lists what can be read',
      code: 'no-input',
    });
  }
  return units;
}

function notAnExport(path: string, head: FileHead, forced?: string): UserError {
  if (forced) return new UserError(`unknown --input-format "${forced}"`, { hint: 'community-audit formats lists them', code: 'usage' });
  const tried = adapters.map((a) => a.id).join(', ');
  if (isBinary(head.bytes)) {
    return new UserError('binary data, not a text export (whatever its name says)', { file: path, hint: `formats tried: ${tried}`, code: 'unknown-format' });
  }
  const first = head.text.split('\n', 1)[0]!.replace(/\r$/, '');
  if (/\.(csv|tsv)$/i.test(head.fileName) && first.trim() !== '') {
    return new UserError('a CSV whose header this tool does not recognise', {
      file: path, line: 1, code: 'unknown-format',
      hint: `a messages CSV needs a time column (timestamp/时间), a sender (sender_id/sender_name/发送者) and text or type; a member list needs member_id or name; the header is: ${first.slice(0, 120)}`,
    });
  }
  return new UserError('not a chat export or member list this tool can read', { file: path, hint: `formats tried: ${tried}; force one with --input-format`, code: 'unknown-format' });
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
