/**
 * `node dist/sim/export-cli.js --from SIMDIR --format FORMAT --out DIR`: converts a simulation
 * (messages.csv, members.csv, truth.json) into a real export format.
 * `node dist/sim/export-cli.js compare [--seeds 1,101] [--groups 40] [--formats a,b] [--keep DIR]`:
 * simulates, converts to every format, runs the real CLI on each and on the canonical CSV, and
 * prints the per-format figures (against truth and against the canonical run) as a markdown table.
 * Usage errors print one `error:` line and exit with code 2.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, figures, figuresTable, type FormatFigures, type FullReportGroup } from './export/compare.js';
import { EXPORT_FORMATS, exportSimulation, readSimulation, type ExportFormat, type ExportOutput } from './export/index.js';
import { simulate } from './simulate.js';
import type { GroupTruth } from './truth.js';
import { writeSimulation } from './write.js';

const USAGE = `usage: export --from SIMDIR --format ${EXPORT_FORMATS.join('|')} --out DIR\n       export compare [--seeds 1,101] [--groups 40] [--formats f1,f2] [--keep DIR] [--details]`;

function options(argv: readonly string[], known: readonly string[]): Map<string, string> | { error: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!m || !known.includes(m[1]!)) return { error: `unknown argument ${JSON.stringify(argv[i])}` };
    if (m[1] === 'details') { values.set('details', '1'); continue; }
    const v = m[2] ?? argv[++i];
    if (v === undefined || v === '') return { error: `--${m[1]} needs a value` };
    values.set(m[1]!, v);
  }
  return values;
}

const isFormat = (f: string): f is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(f);

function convert(argv: readonly string[]): number {
  const o = options(argv, ['from', 'format', 'out']);
  if ('error' in o) return fail(o.error);
  const from = o.get('from'), format = o.get('format'), out = o.get('out');
  if (!from || !format || !out) return fail('--from, --format and --out are required');
  if (!isFormat(format)) return fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got ${format}`);
  const written = exportSimulation(readSimulation(from), format, out);
  process.stderr.write(`wrote ${written.files.length} file(s) to ${out}\n`);
  return 0;
}

function compare(argv: readonly string[]): number {
  const o = options(argv, ['seeds', 'groups', 'formats', 'keep', 'details']);
  if ('error' in o) return fail(o.error);
  const seeds = (o.get('seeds') ?? '1,101').split(',').map(Number);
  const groups = Number(o.get('groups') ?? '40');
  const formats = (o.get('formats') ?? EXPORT_FORMATS.join(',')).split(',');
  if (seeds.some((s) => !Number.isSafeInteger(s) || s < 0)) return fail('--seeds must be non-negative integers');
  if (!Number.isInteger(groups) || groups < 1) return fail('--groups must be a positive integer');
  const bad = formats.find((f) => !isFormat(f));
  if (bad) return fail(`unknown format ${bad}`);
  const root = o.get('keep') ?? mkdtempSync(join(tmpdir(), 'community-audit-export-'));
  const all = new Map<string, { report: FullReportGroup[]; truth: GroupTruth[]; ids: ExportOutput | null; canonical: FullReportGroup[] | null }[]>();
  try {
    for (const seed of seeds) {
      process.stderr.write(`seed ${seed}: simulating ${groups} groups\n`);
      const result = simulate({ seed, groups });
      const base = join(root, `seed-${seed}`);
      mkdirSync(base, { recursive: true });
      writeSimulation(join(base, 'canonical'), result, false);
      const canonical = analyze(join(base, 'canonical'), result.truth);
      const push = (f: string, v: { report: FullReportGroup[]; truth: GroupTruth[]; ids: ExportOutput | null; canonical: FullReportGroup[] | null }) => { all.set(f, [...(all.get(f) ?? []), v]); };
      push('canonical-csv', { report: canonical, truth: result.truth.groups, ids: null, canonical: null });
      for (const f of formats as ExportFormat[]) {
        process.stderr.write(`seed ${seed}: ${f}\n`);
        const dir = join(base, f);
        const ids = exportSimulation(result, f, dir);
        push(f, { report: analyze(dir, result.truth), truth: result.truth.groups, ids, canonical });
        // Files that call the exporter "You": also as the user would run them, naming themselves.
        if (ids.me) push(`${f} --me`, { report: analyze(dir, result.truth, ids.me.flatMap((n) => ['--me', n])), truth: result.truth.groups, ids, canonical });
      }
    }
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  } finally {
    if (!o.has('keep')) rmSync(root, { recursive: true, force: true });
  }
  const rows: FormatFigures[] = [];
  for (const [format, runs] of all) {
    // Seeds pooled: report ids are made unique per seed before judging.
    const tag = (s: number, id: string) => `${s}:${id}`;
    const report = runs.flatMap((r, i) => r.report.map((g) => ({ ...g, id: tag(i, g.id) })));
    const truth = runs.flatMap((r, i) => r.truth.map((t) => ({ ...t, groupId: tag(i, t.groupId) })));
    const ids: ExportOutput | null = runs[0]!.ids === null ? null : { files: [], groupIds: new Map(), memberIds: new Map() };
    const canonical = runs[0]!.canonical === null ? null : runs.flatMap((r, i) => r.canonical!.map((g) => ({ ...g, id: tag(i, g.id) })));
    runs.forEach((r, i) => {
      if (!r.ids || !ids) return;
      for (const t of r.truth) {
        ids.groupIds.set(tag(i, t.groupId), tag(i, r.ids.groupIds.get(t.groupId) ?? t.groupId));
        for (const [k, v] of r.ids.memberIds) if (k.startsWith(`${t.groupId}\u0000`)) ids.memberIds.set(`${tag(i, t.groupId)}${k.slice(t.groupId.length)}`, v);
      }
    });
    rows.push(figures(format, report, truth, ids, canonical));
  }
  process.stdout.write(`seeds ${seeds.join(',')}, ${groups} groups each\n\n` + figuresTable(rows));
  if (o.has('details')) for (const r of rows) if (r.disagreements.length) process.stdout.write(`\n${r.format}:\n  ${r.disagreements.join('\n  ')}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  return 2;
}

export function main(argv: readonly string[]): number {
  return argv[0] === 'compare' ? compare(argv.slice(1)) : convert(argv);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
