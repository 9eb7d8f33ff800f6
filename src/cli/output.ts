import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

const CHUNK = 1 << 20;

/**
 * Writes a report atomically: a temporary file beside the target, flushed to disk, then a rename,
 * so a reader (or cron's mailer) never sees half a report and a crash or a kill leaves the
 * previous one intact. Temporary files left by killed runs are removed on the next write.
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
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
    throw e;
  }
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
