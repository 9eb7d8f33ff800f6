import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/schema.js';
import { BIN, cli, ensureBuilt, simulate } from './helpers.js';

let dir: string, data: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ca-atomic-'));
  data = join(dir, 'sim');
  simulate(data, 1, 40);
}, 120_000);

/** Starts the CLI writing a big report over `target`; SIGKILLs it the moment its temporary file appears. */
function killMidWrite(target: string, outDir: string): Promise<{ killedWhileWriting: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, 'analyze', data, '-q', '--tz', 'Asia/Shanghai', '--format', 'json', '--output', target], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    let killedWhileWriting = false;
    const watcher = watch(outDir, (_, name) => {
      if (name && name.startsWith('.report.json.') && name.endsWith('.tmp') && !killedWhileWriting) {
        killedWhileWriting = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', () => { watcher.close(); resolve({ killedWhileWriting }); });
  });
}

describe('--output is atomic', () => {
  it('a run killed mid-write leaves the old report intact, and the next run cleans up', async () => {
    const outDir = join(dir, 'out');
    const target = join(outDir, 'report.json');
    const first = cli(['analyze', data, '-q', '--tz', 'Asia/Shanghai', '--as-of', '2025-03-01', '--format', 'json', '--output', target]);
    expect(first.code, first.stderr).toBe(0);
    const old = readFileSync(target, 'utf8');
    expect(reportSchema.safeParse(JSON.parse(old)).success).toBe(true);

    let hits = 0;
    for (let attempt = 0; attempt < 3 && hits === 0; attempt++) {
      const { killedWhileWriting } = await killMidWrite(target, outDir);
      if (killedWhileWriting) hits++;
      // Whatever the moment of the kill, the target is the old report, whole.
      expect(readFileSync(target, 'utf8')).toBe(old);
      for (const f of readdirSync(outDir)) if (f !== 'report.json') expect(f).toMatch(/^\.report\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
    }
    expect(hits, 'the kill never landed while the report was being written').toBeGreaterThan(0);

    writeFileSync(join(outDir, 'keep.txt'), 'not ours');
    const next = cli(['analyze', data, '-q', '--tz', 'Asia/Shanghai', '--format', 'json', '--output', target]);
    expect(next.code, next.stderr).toBe(0);
    expect(reportSchema.safeParse(JSON.parse(readFileSync(target, 'utf8'))).success).toBe(true);
    expect(readdirSync(outDir).sort()).toEqual(['keep.txt', 'report.json']);
  }, 240_000);
});
