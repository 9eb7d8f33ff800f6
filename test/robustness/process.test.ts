import { spawn, execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { good, tempDir } from './cli.js';

/** What only a real process shows: stdin, FIFOs, no stack traces. Runs the built binary (npm test builds first). */
const bin = fileURLToPath(new URL('../../bin/community-audit.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../dist/bundle/main.js', import.meta.url)));
const dir = tempDir();

function run(args: string[], stdin?: string | Uint8Array | (() => void)): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (typeof stdin === 'string' || stdin instanceof Uint8Array) child.stdin.end(stdin);
    else { child.stdin.end(); stdin?.(); }
  });
}

describe.skipIf(!built)('inputs that only a process has', () => {
  it('"-" reads standard input (spooled to a private temporary file)', async () => {
    const r = await run(['analyze', '-', '--format', 'json'], good());
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as { inputs: { path: string; records: number; format: string }[] };
    expect(rep.inputs).toMatchObject([{ path: '-', records: 3, format: 'canonical-csv' }]);
  });

  it('a ZIP on standard input, or saved without its extension, is opened as an archive', async () => {
    const zip = zipSync({ 'chat/messages.csv': new TextEncoder().encode(good()) });
    const piped = await run(['analyze', '-', '--format', 'json'], zip);
    expect(piped.stderr).toBe('');
    expect((JSON.parse(piped.stdout) as { inputs: { path: string; records: number }[] }).inputs).toEqual([expect.objectContaining({ path: '-!chat/messages.csv', records: 3 })]);
    const bare = join(dir, 'export-download');
    writeFileSync(bare, zip);
    const named = await run(['analyze', bare, '--format', 'json']);
    expect((JSON.parse(named.stdout) as { inputs: { path: string; records: number }[] }).inputs).toEqual([expect.objectContaining({ path: `${bare}!chat/messages.csv`, records: 3 })]);
  });

  it('empty standard input is an error', async () => {
    const r = await run(['analyze', '-', '--format', 'json'], '');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: -: the input is empty$/m);
  });

  it.skipIf(process.platform === 'win32')('a FIFO is read once, like stdin', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const src = join(dir, 'src.csv');
    writeFileSync(src, good());
    const r = await run(['analyze', fifo, '--format', 'json'], () => {
      createReadStream(src).pipe(createWriteStream(fifo));
    });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { inputs: { path: string; records: number }[] }).inputs).toMatchObject([{ path: fifo, records: 3 }]);
  });

  it('no stack trace without --debug; with --debug, there is one', async () => {
    const missing = join(dir, 'missing.csv');
    const plain = await run(['analyze', missing]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    const debug = await run(['analyze', missing, '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
