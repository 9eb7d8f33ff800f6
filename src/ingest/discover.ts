import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import { safeText } from '../core/sanitize.js';
import { readHeadBytes } from './decode.js';
import { guardAdapter } from './guard.js';
import { adapters } from './registry.js';
import { fileSource, headOf, spool, spooledSource } from './source.js';
import { isFolderAdapter, type FileHead, type Folder, type FolderAdapter, type IngestAdapter, type Source } from './types.js';
import { notAnExport, unsupportedExport, unsupportedInFolder, type Unsupported } from './unsupported.js';
import { zipFolder } from './zip.js';

/** One unit of input: a file (or ZIP entry) read by an adapter, or a folder read whole. */
export type InputUnit =
  | {
    type: 'file'; path: string; adapter: IngestAdapter; head: FileHead; open: () => Promise<Source>;
    /** How another thread reads the same input by itself: a file on disk, or a ZIP entry's bytes
     *  (in memory already). Standard input has none. */
    reopen?: Reopen;
  }
  | { type: 'folder'; path: string; adapter: FolderAdapter; folder: Folder };

export type Reopen = { file: string; size: number } | { entry: string; bytes: Uint8Array; size: number };

export interface DiscoverOptions {
  forced?: string;
  /** Paths never to read (the --output files). */
  exclude?: string[];
  /** A file skipped; `foreign`: it is simply not an export (a README or notes in an export
   *  folder), which is no fault in the data, so --strict does not stop at it. */
  onSkip: (path: string, reason: string, foreign?: boolean) => void;
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
/** The reasons and hints above as a Chinese terminal shows them. */
const ZH: Record<string, string> = {
  'no such file or folder': '没有这个文件或文件夹', 'permission denied': '没有权限', 'a symbolic link loop': '符号链接形成了循环',
  'is a folder': '这是一个文件夹', 'not a file or folder (a device or socket)': '不是文件或文件夹（是设备或套接字）',
  'the file is empty': '文件是空的', 'this input is also an --output file: the report would overwrite it': '这个输入同时也是 --output 的文件：报告会覆盖它',
  'check the path (quote names with spaces)': '请检查路径（带空格的名字要加引号）', 'check the permissions of the file and its folders': '请检查文件及其所在文件夹的权限',
  'the link points back at itself': '链接指向了它自己', 'was the export interrupted?': '导出是不是中断了？', 'write the report somewhere else': '请把报告写到别处',
};
const zhOf = (text: string) => ZH[text] ?? (/^cannot read \((\w+)\)$/.test(text) ? `无法读取（${text.slice(13, -1)}）` : undefined);

/**
 * Expands the user's inputs (files, folders read recursively, ZIPs, "-" for stdin, FIFOs) into
 * units, each with the adapter that reads it. An input named directly that cannot be read is an
 * error; inside a folder it is skipped with a note. Symlink loops are cut by remembering real
 * paths. Inputs are only ever opened for reading.
 */
export async function discover(inputs: string[], opts: DiscoverOptions): Promise<InputUnit[]> {
  const units: InputUnit[] = [];
  const skipped: string[] = [], skippedZh: string[] = [];
  const seen = new Set<string>();
  const excluded = new Set<string>();
  const now = opts.now ?? Date.now();
  for (const p of opts.exclude ?? []) excluded.add(await realpath(p).catch(() => p));
  // Paths and ZIP entry names are data too: what is shown (and reported) is cleaned; what is opened is not.
  const skip = (path: string, reason: string, foreign = false, reasonZh = zhOf(reason)) => {
    const [shown, why] = [safeText(path), safeText(reason)];
    skipped.push(`${shown}: ${why}`);
    skippedZh.push(`${shown}：${reasonZh ?? why}`);
    opts.onSkip(shown, why, foreign);
  };
  // An export in a format this tool does not read: a note saying which to make, never fatal under --strict.
  const skipUnsupported = (path: string, known: Unsupported) => skip(path, `${known.what}; ${known.hint}`, true, `${known.zh}；${known.hintZh}`);
  const refuse = (path: string, direct: boolean, reason: string, hint = HINTS[reason], code = 'no-input') => {
    if (direct) {
      const zh = zhOf(reason), hintZh = hint === undefined ? undefined : zhOf(hint);
      throw new UserError(reason, { file: path, code, ...(hint ? { hint } : {}), ...(zh ? { zh } : {}), ...(hintZh ? { hintZh } : {}) });
    }
    skip(path, reason);
  };
  const addFile = (path: string, head: FileHead, open: () => Promise<Source>, direct: boolean, reopen?: Reopen) => {
    const pick = pickAdapter(head, opts.forced);
    if (pick) { units.push({ type: 'file', path: safeText(path), adapter: guardAdapter(pick.adapter, now), head, open, ...(reopen ? { reopen } : {}) }); return; }
    if (direct) throw notAnExport(path, head, opts.forced);
    const known = unsupportedExport(head);
    if (known) { skipUnsupported(path, known); return; }
    // A data file (.csv, .json…) that no reader knows may be a damaged export: --strict stops there.
    skip(path, 'not a chat export or member list this tool knows', !/\.(csv|tsv|jsonl?|xlsx|zip)$/i.test(path));
  };
  let stdinUsed = false;

  const visit = async (path: string, direct: boolean): Promise<void> => {
    if (path === '-' && direct) {
      if (stdinUsed) throw new UserError('"-" (standard input) is given twice', { zh: '"-"（标准输入）给了两次', code: 'usage' });
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
        if (IGNORED.test(name)) {
          // Left out by its type, unless it is an export made in the wrong format: then say which to make.
          const known = await unsupportedInFolder(child, name, names);
          if (known) skipUnsupported(child, known);
          continue;
        }
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
    // A ZIP by its name; or by its bytes when the name has no extension at all (a download saved
    // without one): an .xlsx, .pptx or .epub is a ZIP too, and is not an export archive.
    if (/\.zip$/i.test(path) ? isZip(head, true) : !/\.[^./\\]+$/.test(basename(path)) && isZip(head, false)) return visitZip(path);
    addFile(path, head, () => fileSource(path), direct, { file: path, size: info.size });
  };

  const addSpooled = async (copy: string, shownAs: string) => {
    const bytes = await readHeadBytes(copy);
    if (bytes.length === 0) throw new UserError('the input is empty', { file: shownAs, zh: '输入是空的', code: 'empty-file' });
    const head = headOf(shownAs === '-' ? 'stdin' : shownAs, bytes);
    // `cat export.zip | community-audit analyze -`: no name to go by, the bytes say it is a ZIP.
    if (isZip(head, false)) return visitZip(copy, shownAs);
    addFile(shownAs, head, () => spooledSource(copy, shownAs), true);
  };

  const visitZip = async (file: string, path = file) => {
    const folder = await zipFolder(file, (r) => skip(path, r), (name) => !IGNORED.test(name), path);
    const fa = folderAdapter(folder, opts.forced);
    if (fa) { units.push({ type: 'folder', path: safeText(path), adapter: guardAdapter(fa, now), folder }); return; }
    // A folder export inside the archive beside other files (a Slack export and a CSV zipped
    // together) is read whole, as on disk; the rest file by file (review: it was skipped file by file).
    const claimed: string[] = [];
    for (const prefix of folderPrefixes(folder.entries)) {
      if (IGNORED.test(prefix) || claimed.some((c) => prefix.startsWith(c))) continue;
      const sub = subFolder(folder, prefix);
      const adapter = folderAdapter(sub, opts.forced);
      if (adapter) { claimed.push(prefix); units.push({ type: 'folder', path: safeText(`${path}!${prefix.slice(0, -1)}`), adapter: guardAdapter(adapter, now), folder: sub }); }
    }
    for (const entry of folder.entries) {
      if (IGNORED.test(entry) || claimed.some((c) => entry.startsWith(c))) continue;
      const src = await folder.open(entry), bytes = await src.bytes();
      addFile(src.path, headOf(src.path, bytes), async () => src, false, { entry: src.path, bytes, size: bytes.length });
    }
  };

  for (const input of inputs) await visit(input, true);
  if (units.length === 0) {
    const shown = skipped.slice(0, 3).join('; '), shownZh = skippedZh.slice(0, 3).join('；');
    throw new UserError(`no chat exports or member lists found in ${inputs.join(', ')}`, {
      hint: skipped.length ? `skipped ${skipped.length}: ${shown}${skipped.length > 3 ? '; …' : ''}` : 'the folder has no files; community-audit formats lists what can be read',
      zh: `在 ${inputs.join(', ')} 中没有找到聊天导出或成员名单`,
      hintZh: skipped.length ? `跳过了 ${skipped.length} 个：${shownZh}${skipped.length > 3 ? '；…' : ''}` : '文件夹里没有文件；community-audit formats 列出了能读取的格式',
      code: 'no-input',
    });
  }
  return units;
}

/** The folders of an archive's entries at any depth (as the walk on disk goes), shallowest first ("a/", "a/b/"). */
function folderPrefixes(entries: readonly string[]): string[] {
  const out = new Set<string>();
  for (const e of entries) {
    const parts = e.split('/');
    for (let k = 1; k < parts.length; k++) out.add(`${parts.slice(0, k).join('/')}/`);
  }
  return [...out].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
}

/**
 * The part of a folder under `prefix`, as a folder of its own. Its path ends in the folder's own
 * name ("x.zip/group_123…"): readers take a group's id from that name, as on disk.
 */
function subFolder(folder: Folder, prefix: string): Folder {
  return {
    path: `${folder.path}/${prefix.slice(0, -1)}`,
    entries: folder.entries.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length)),
    open: (entry) => folder.open(prefix + entry),
  };
}

/**
 * A ZIP archive to open as a folder: named .zip, or with no name to go by (stdin, a file saved
 * without its extension) a ZIP's signature that no adapter claims (an .xlsx member list is a ZIP too).
 */
function isZip(head: FileHead, named: boolean): boolean {
  const b = head.bytes;
  if (!(b[0] === 0x50 && b[1] === 0x4b)) return false;
  return named || (b[2] === 0x03 && b[3] === 0x04 && pickAdapter(head) === null);
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
