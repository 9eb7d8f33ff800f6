import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun { code: number; stdout: string; stderr: string }

/**
 * Runs the CLI in-process with captured output (the built binary is spawned only where a real
 * process matters). `tty` pretends stderr is a terminal: warnings are only printed there.
 */
export async function cli(args: string[], cwd = process.cwd(), o: { tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = new Writable({ write(chunk, _enc, cb) { stderr += String(chunk); cb(); } }) as unknown as NodeJS.WriteStream;
  const io: CliIO = {
    cwd, env: { TZ: 'UTC', NO_COLOR: '1' }, now: () => Date.UTC(2024, 5, 1),
    stdoutIsTTY: false, stderrIsTTY: o.tty ?? false, columns: 120,
    stderr: sink,
    writeStdout: async (t) => { stdout += t; },
  };
  const code = await main(['node', 'community-audit', ...args], io);
  return { code, stdout, stderr };
}

/** The one `error:` line of a failed run, and that nothing else (no stack) was printed. */
export function errorLine(r: CliRun): string {
  const lines = r.stderr.trimEnd().split('\n');
  const errors = lines.filter((l) => l.startsWith('error:'));
  if (errors.length !== 1) throw new Error(`expected one error line, got:\n${r.stderr}`);
  if (lines.some((l) => /^\s+at /.test(l))) throw new Error(`a stack trace without --debug:\n${r.stderr}`);
  return errors[0]!;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ca-robust-'));
}

/** sha256 of every regular file under a folder, to prove inputs are never modified. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.mode & 0o400) out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export const HEADER = 'message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to';
export const row = (id: string, time: string, text = 'hello', sender = 'a') => `${id},g1,G,${time},${sender},${sender.toUpperCase()},text,${text},`;
export const good = (n = 3) => [HEADER, ...Array.from({ length: n }, (_, i) => row(`m${i + 1}`, `2024-03-04 09:0${i}:00`))].join('\n') + '\n';

/** The JSON report of a run that succeeded. */
export function report(r: CliRun): { inputs: { path: string; records: number; skipped: number; format: string }[]; warnings: { code: string; message: string; file: string | null; line: number | null }[] } {
  return JSON.parse(r.stdout) as ReturnType<typeof report>;
}
