/**
 * `node dist/sim/cli.js --out DIR --seed N [--groups N] [--scale F]`: writes messages.csv,
 * members.csv and truth.json. Usage errors print one `error:` line and exit with code 2.
 */
import { pathToFileURL } from 'node:url';
import { simulate } from './simulate.js';
import { writeSimulation } from './write.js';

export interface SimArgs {
  out: string;
  seed: number;
  groups: number;
  scale: number;
}

const USAGE = 'usage: simulate --out DIR --seed N [--groups N] [--scale F]';

/** Parses argv (without node and script); returns an error message for bad input. */
export function parseSimArgs(argv: readonly string[]): SimArgs | { error: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(out|seed|groups|scale)(?:=(.*))?$/.exec(arg);
    if (!m) return { error: `unknown argument ${JSON.stringify(arg)} (${USAGE})` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { error: `--${m[1]} needs a value (${USAGE})` };
    values.set(m[1]!, value);
  }
  const out = values.get('out');
  if (!out) return { error: `--out is required (${USAGE})` };
  const seedText = values.get('seed');
  if (seedText === undefined) return { error: `--seed is required (${USAGE})` };
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed) || seed < 0) return { error: `--seed must be a non-negative integer, got ${seedText}` };
  const groups = Number(values.get('groups') ?? '40');
  if (!Number.isInteger(groups) || groups < 1 || groups > 5000) return { error: `--groups must be an integer from 1 to 5000, got ${values.get('groups')}` };
  const scale = Number(values.get('scale') ?? '1');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) return { error: `--scale must be a number above 0 and at most 100, got ${values.get('scale')}` };
  return { out, seed, groups, scale };
}

export function main(argv: readonly string[]): number {
  const args = parseSimArgs(argv);
  if ('error' in args) {
    process.stderr.write(`error: ${args.error}\n`);
    return 2;
  }
  const result = simulate({ seed: args.seed, groups: args.groups, scale: args.scale });
  const files = writeSimulation(args.out, result);
  process.stderr.write(`wrote ${result.truth.groups.length} groups, ${result.messages.length} messages, ${result.members.length} members: ${files.join(', ')}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
