import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { stderrChatter } from '../../src/cli/progress.js';
import { BIN, ROOT, cli, ensureBuilt } from './helpers.js';

const DEMO = join(ROOT, 'fixtures/demo');

beforeAll(() => ensureBuilt(), 120_000);

describe('stderr chatter (spinner and warnings)', () => {
  const base = { quiet: false, machineOnly: false, stderrIsTTY: true, env: {} };
  it('only on a TTY, without --quiet, outside CI, for human formats', () => {
    expect(stderrChatter(base)).toBe(true);
    expect(stderrChatter({ ...base, stderrIsTTY: false })).toBe(false);
    expect(stderrChatter({ ...base, quiet: true })).toBe(false);
    expect(stderrChatter({ ...base, machineOnly: true })).toBe(false);
    expect(stderrChatter({ ...base, env: { CI: 'true' } })).toBe(false);
    expect(stderrChatter({ ...base, env: { CI: 'false' } })).toBe(true);
  });
});

/** main() in-process with a fake terminal, to see what stderr gets. */
async function run(args: string[], o: { tty: boolean; env?: NodeJS.ProcessEnv }): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const sink = new Writable({ write(chunk, _enc, cb) { stderr += String(chunk); cb(); } }) as unknown as NodeJS.WriteStream;
  const io: CliIO = { cwd: ROOT, env: { ...o.env, NO_COLOR: '1' }, now: () => Date.UTC(2025, 6, 1), stdoutIsTTY: o.tty, stderrIsTTY: o.tty, columns: 100, stderr: sink, writeStdout: async () => {} };
  const code = await main(['node', 'community-audit', ...args], io);
  return { code, stderr };
}

describe('warnings on stderr', () => {
  let bad: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-warn-'));
    bad = join(dir, 'messages.csv');
    writeFileSync(bad, 'message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text\n1,g1,G,2025-01-01T10:00:00Z,u1,A,text,hi\n2,g1,G,not a date,u2,B,text,yo\n3,g1,G,2025-01-02T10:00:00Z,u2,B,text,ok\n');
  });
  it('appear for a person at a terminal reading the table', async () => {
    const r = await run(['analyze', bad, '--tz', 'UTC'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: /m);
  });
  it('never when stderr is not a TTY, in CI, with a machine format or with --quiet', async () => {
    for (const [args, o] of [[[], { tty: false }], [[], { tty: true, env: { CI: 'true' } }], [['--format', 'json'], { tty: true }], [['-q'], { tty: true }]] as const) {
      const r = await run(['analyze', bad, '--tz', 'UTC', ...args], o);
      expect(r.code).toBe(0);
      expect(r.stderr, JSON.stringify([args, o])).toBe('');
    }
  });
});

describe('a reader that closes early', () => {
  it('`analyze --format json | head -1` exits 0 without an EPIPE crash', async () => {
    const child = spawn('node', [BIN, 'analyze', DEMO, '--tz', 'Asia/Shanghai', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += String(d); });
    // Read the first chunk, then close the pipe like `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|Error/);
    expect(code).toBe(0);
  }, 60_000);
  it('the same, literally through `| head -1` in a shell', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; node '${BIN}' analyze '${DEMO}' --tz Asia/Shanghai --format json | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});

describe('options that only one format reads', () => {
  it('--group without the table format is a usage error with a hint', () => {
    const r = cli(['analyze', DEMO, '-q', '--format', 'json', '--group', '读书会2群']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --group [^\n]*\nhint: add --format table/m);
  });
  it('--table without csv is a usage error with a hint', () => {
    const r = cli(['analyze', DEMO, '-q', '--format', 'markdown', '--table', 'members']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hint: add --format csv/);
  });
  it('--top abc says what a valid value is', () => {
    const r = cli(['analyze', DEMO, '-q', '--top', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --top: [^\n]*\nhint: a whole number from 1 to 1000/m);
  });
});
