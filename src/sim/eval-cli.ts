/**
 * `npm run eval [-- --seeds 101,102 --groups 40 --json --messages-only --keep DIR]`: simulates each
 * seed into a temporary folder, runs the real CLI on it (`analyze DIR --format json`), compares
 * the report with truth.json and prints every figure against its target. Exit code 1 when a target
 * is missed, 2 on a usage error. Tune on seeds 1–5; the default seeds are held out.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MESSAGES_HEADER, toCsv } from './csv.js';
import { evaluateAll, formatTable, type ReportGroup } from './eval/index.js';
import { simulate } from './simulate.js';
import type { GroupTruth } from './truth.js';
import { writeSimulation } from './write.js';

export const HELD_OUT_SEEDS = [101, 102, 103, 104, 105];

export interface EvalArgs {
  seeds: number[];
  groups: number;
  json: boolean;
  /** Only messages.csv, without system rows: no member list, no join events. */
  messagesOnly: boolean;
  keep: string | null;
}

const USAGE = 'usage: eval [--seeds 101,102,…] [--groups N] [--json] [--messages-only] [--keep DIR]';

export function parseEvalArgs(argv: readonly string[]): EvalArgs | { error: string } {
  const a: EvalArgs = { seeds: HELD_OUT_SEEDS, groups: 40, json: false, messagesOnly: false, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) return { error: `unknown argument ${JSON.stringify(argv[i])} (${USAGE})` };
    const flag = m[1]!;
    if (flag === 'json') { a.json = true; continue; }
    if (flag === 'messages-only') { a.messagesOnly = true; continue; }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { error: `--${flag} needs a value (${USAGE})` };
    if (flag === 'seeds') {
      const seeds = value.split(',').map((s) => Number(s.trim()));
      if (seeds.some((s) => !Number.isSafeInteger(s) || s < 0)) return { error: `--seeds must be non-negative integers, got ${value}` };
      a.seeds = seeds;
    } else if (flag === 'groups') {
      a.groups = Number(value);
      if (!Number.isInteger(a.groups) || a.groups < 1 || a.groups > 5000) return { error: `--groups must be an integer from 1 to 5000, got ${value}` };
    } else if (flag === 'keep') a.keep = value;
    else return { error: `unknown option --${flag} (${USAGE})` };
  }
  return a;
}

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/community-audit.js');

/** One seed: simulate, write, analyse with the real CLI; groups and truth keyed by seed and id. */
function runSeed(seed: number, a: EvalArgs, dir: string): { groups: ReportGroup[]; truth: GroupTruth[] } {
  const result = simulate({ seed, groups: a.groups });
  if (a.messagesOnly) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'messages.csv'), toCsv(MESSAGES_HEADER, result.messages.filter((m) => m.type !== 'system')));
    writeFileSync(join(dir, 'truth.json'), JSON.stringify(result.truth, null, 2) + '\n');
  } else writeSimulation(dir, result);
  const out = join(dir, 'report.json');
  // cwd = the data folder, so no community-audit.config.json of the developer's changes the defaults.
  const run = spawnSync(process.execPath, [BIN, 'analyze', dir, '--format', 'json', '--output', out, '--tz', result.truth.timeZone, '--as-of', result.truth.asOf, '--quiet'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`analyze failed for seed ${seed} (exit ${run.status}): ${run.stderr.trim()}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { groups: ReportGroup[] };
  const key = (id: string) => `${seed}:${id}`;
  return {
    groups: report.groups.map((g) => ({ ...g, id: key(g.id) })),
    truth: result.truth.groups.map((t) => ({ ...t, groupId: key(t.groupId) })),
  };
}

export function main(argv: readonly string[]): number {
  const a = parseEvalArgs(argv);
  if ('error' in a) {
    process.stderr.write(`error: ${a.error}\n`);
    return 2;
  }
  const root = a.keep ?? mkdtempSync(join(tmpdir(), 'community-audit-eval-'));
  const groups: ReportGroup[] = [];
  const truth: GroupTruth[] = [];
  try {
    for (const seed of a.seeds) {
      process.stderr.write(`seed ${seed}: simulating and analysing ${a.groups} groups\n`);
      const r = runSeed(seed, a, join(root, `seed-${seed}`));
      groups.push(...r.groups);
      truth.push(...r.truth);
    }
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  } finally {
    if (a.keep === null) rmSync(root, { recursive: true, force: true });
  }
  const rows = evaluateAll(groups, truth);
  const head = `seeds ${a.seeds.join(',')}, ${truth.length} groups${a.messagesOnly ? ', messages only' : ''}\n`;
  process.stdout.write(a.json ? JSON.stringify(rows, null, 2) + '\n' : head + formatTable(rows));
  return rows.every((r) => r.pass) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
