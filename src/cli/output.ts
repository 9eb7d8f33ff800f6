import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';

const CHUNK = 1 << 20;

/**
 * Writes a report atomically: a temporary file beside the target, flushed to disk, then a rename,
 * so a reader (or cron's mailer) never sees half a report and a crash or a kill leaves the
 * previous one intact. Temporary files left by killed runs are removed on the next write.
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  // Else the rename fails with EISDIR naming our temporary file, a path the user never gave.
  await refuseFolder(path);
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await removeStale(dir, basename(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      const bytes = Buffer.from(content, 'utf8');
      for (let at = 0; at < bytes.length; at += CHUNK) await fh.write(bytes, at, Math.min(CHUNK, bytes.length - at));
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw namingTarget(e, tmp, path);
  }
}

/** A path written as a folder: ending in "/" (or "\\" on Windows, where it separates too; elsewhere it is a file name's character). */
export function endsInSeparator(path: string): boolean {
  return path.endsWith('/') || (process.platform === 'win32' && path.endsWith('\\'));
}

/**
 * An output path that names a folder is refused: one that is a folder, or one ending in a slash
 * even when it does not exist yet (it was written as a file of that name). Checked before the run
 * (guardOutputs) and again at the write.
 */
export async function refuseFolder(path: string): Promise<void> {
  if (endsInSeparator(path) || (await stat(path).catch(() => null))?.isDirectory()) {
    throw new UserError('is a folder, not a file', { file: path, hint: `name a file, e.g. ${join(path, 'report.json')}`, zh: '这是一个文件夹，不是文件', hintZh: `请指定一个文件，例如 ${join(path, 'report.json')}`, code: 'usage' });
  }
}

/** A file-system error about the temporary file is, for the user, about the file they named. */
function namingTarget(e: unknown, tmp: string, path: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (err?.path === tmp) {
    err.path = path;
    err.message = err.message.split(tmp).join(path);
  }
  return e;
}

/** `.name.<pid>.<hex>.tmp` files whose process is gone (SIGKILL, power loss). */
async function removeStale(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  for (const f of await readdir(dir).catch(() => [] as string[])) {
    const m = f.startsWith(prefix) ? /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(f.slice(prefix.length)) : null;
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await rm(join(dir, f), { force: true });
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}
