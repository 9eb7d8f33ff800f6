import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const BIN = join(ROOT, 'bin/community-audit.js');

/** The built CLI is what users run: build it unless `npm test` just did. */
export function ensureBuilt(): void {
  if (process.env.npm_lifecycle_event === 'test' && existsSync(join(ROOT, 'dist/bundle/main.js'))) return;
  try { execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' }); } catch { /* type errors elsewhere still emit */ }
  // The CLI runs from the bundle of what tsc emitted (package.json "bundle").
  execFileSync('npm', ['run', 'bundle', '--silent'], { cwd: ROOT, stdio: 'ignore' });
}

export function simulate(out: string, seed: number, groups?: number): void {
  execFileSync('node', [join(ROOT, 'dist/sim/cli.js'), '--out', out, '--seed', String(seed), ...(groups ? ['--groups', String(groups)] : [])], { stdio: 'ignore' });
}

export function cli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COMMUNITY_AUDIT_SALT: '', ...env }, maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
