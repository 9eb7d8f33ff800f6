/**
 * `npm run eval [-- --seeds 101,102 --groups 40 --json --messages-only --keep DIR]`: simulates each
 * seed into a temporary folder, runs the real CLI on it (`analyze DIR --format json`), compares
 * the report with truth.json and prints every figure against its target. Exit code 1 when a target
 * is missed, 2 on a usage error. Tune on seeds 1–5; the default seeds are held out (201–205 are
 * held out from everyone's tuning too).
 *
 * Data-shape variants: `--messages-only` (no members.csv, no system rows), `--events-only` (no
 * members.csv; the join/leave system rows stay), `--truncate-days N` (the export starts N days into
 * every group's life), `--scale F` (group sizes and message volume × F), `--tz ZONE` (the report
 * zone; best slots are shifted back into the planted zone before they are compared).
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
  /** Only messages.csv, with the join/leave system rows: the roster comes from join events. */
  eventsOnly: boolean;
  /** Drop the first N days of every group's history (0 = none). */
  truncateDays: number;
  /** Group sizes and message volume × this. */
  scale: number;
  /** Report zone (`--tz`); null = the planted zone. */
  tz: string | null;
  keep: string | null;
}

const USAGE = 'usage: eval [--seeds 101,102,…] [--groups N] [--json] [--messages-only | --events-only] [--truncate-days N] [--scale F] [--tz ZONE] [--keep DIR]';

export function parseEvalArgs(argv: readonly string[]): EvalArgs | { error: string } {
  const a: EvalArgs = { seeds: HELD_OUT_SEEDS, groups: 40, json: false, messagesOnly: false, eventsOnly: false, truncateDays: 0, scale: 1, tz: null, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) return { error: `unknown argument ${JSON.stringify(argv[i])} (${USAGE})` };
    const flag = m[1]!;
    if (flag === 'json') { a.json = true; continue; }
    if (flag === 'messages-only') { a.messagesOnly = true; continue; }
    if (flag === 'events-only') { a.eventsOnly = true; continue; }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { error: `--${flag} needs a value (${USAGE})` };
    if (flag === 'seeds') {
      const seeds = value.split(',').map((s) => Number(s.trim()));
      if (seeds.some((s) => !Number.isSafeInteger(s) || s < 0)) return { error: `--seeds must be non-negative integers, got ${value}` };
      a.seeds = seeds;
    } else if (flag === 'groups') {
      a.groups = Number(value);
      if (!Number.isInteger(a.groups) || a.groups < 1 || a.groups > 5000) return { error: `--groups must be an integer from 1 to 5000, got ${value}` };
    } else if (flag === 'truncate-days') {
      a.truncateDays = Number(value);
      if (!Number.isInteger(a.truncateDays) || a.truncateDays < 0 || a.truncateDays > 3650) return { error: `--truncate-days must be an integer from 0 to 3650, got ${value}` };
    } else if (flag === 'scale') {
      a.scale = Number(value);
      if (!Number.isFinite(a.scale) || a.scale < 0.05 || a.scale > 20) return { error: `--scale must be a number from 0.05 to 20, got ${value}` };
    } else if (flag === 'tz') {
      if (offsetHours(value, 0) === null) return { error: `--tz: unknown time zone ${value}` };
      a.tz = value;
    } else if (flag === 'keep') a.keep = value;
    else return { error: `unknown option --${flag} (${USAGE})` };
  }
  if (a.messagesOnly && a.eventsOnly) return { error: `--messages-only and --events-only exclude each other (${USAGE})` };
  return a;
}

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/community-audit.js');

/** UTC offset of `zone` at instant `t`, in hours (fractional for +05:30), or null for an unknown zone. */
export function offsetHours(zone: string, t: number): number | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(t));
  } catch {
    return null;
  }
  const v = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second'));
  return (wall - Math.floor(t / 1000) * 1000) / 3_600_000;
}

/**
 * Report slots (weekday × hour in the report zone) moved into the planted zone, so the best slot
 * is compared with the planted peak: +8 h from UTC to Asia/Shanghai. Null when the zones differ by
 * a fraction of an hour (then slots cannot be compared and the metric is skipped).
 */
export function shiftSlots(slots: readonly { weekday: number; hour: number; score: number }[], hours: number): { weekday: number; hour: number; score: number }[] | null {
  if (!Number.isInteger(hours)) return null;
  return slots.map((s) => {
    const i = ((((s.weekday - 1) * 24 + s.hour + hours) % 168) + 168) % 168;
    return { ...s, weekday: Math.floor(i / 24) + 1, hour: i % 24 };
  });
}

/** One seed: simulate, write, analyse with the real CLI; groups and truth keyed by seed and id. */
function runSeed(seed: number, a: EvalArgs, dir: string): { groups: ReportGroup[]; truth: GroupTruth[]; slotsSkipped: boolean } {
  const result = simulate({
    seed, groups: a.groups,
    ...(a.scale !== 1 && { scale: a.scale, sizeScale: a.scale }),
    ...(a.truncateDays > 0 && { truncateDays: a.truncateDays }),
  });
  if (a.messagesOnly || a.eventsOnly) {
    mkdirSync(dir, { recursive: true });
    const rows = a.messagesOnly ? result.messages.filter((m) => m.type !== 'system') : result.messages;
    writeFileSync(join(dir, 'messages.csv'), toCsv(MESSAGES_HEADER, rows));
    writeFileSync(join(dir, 'truth.json'), JSON.stringify(result.truth, null, 2) + '\n');
  } else writeSimulation(dir, result);
  const out = join(dir, 'report.json');
  const tz = a.tz ?? result.truth.timeZone;
  // cwd = the data folder, so no community-audit.config.json of the developer's changes the defaults.
  const run = spawnSync(process.execPath, [BIN, 'analyze', dir, '--format', 'json', '--output', out, '--tz', tz, '--as-of', result.truth.asOf, '--quiet'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`analyze failed for seed ${seed} (exit ${run.status}): ${run.stderr.trim()}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { groups: ReportGroup[] };
  const key = (id: string) => `${seed}:${id}`;
  const asOf = Date.parse(result.truth.asOf);
  const shift = (offsetHours(result.truth.timeZone, asOf) ?? 0) - (offsetHours(tz, asOf) ?? 0);
  let slotsSkipped = false;
  const inPlantedZone = (g: ReportGroup): ReportGroup => {
    if (shift === 0 || !g.monetization) return g;
    const slots = shiftSlots(g.monetization.slots, shift);
    if (slots === null) { slotsSkipped = true; return g; }
    return { ...g, monetization: { ...g.monetization, slots } };
  };
  return {
    slotsSkipped,
    groups: report.groups.map((g) => ({ ...inPlantedZone(g), id: key(g.id) })),
    truth: result.truth.groups.map((t) => ({ ...t, groupId: key(t.groupId) })),
  };
}

/** The data-shape variant, as the table's head line names it. */
export function variantLabel(a: EvalArgs): string {
  return [
    a.messagesOnly && 'messages only', a.eventsOnly && 'join/leave events only (no member list)',
    a.truncateDays > 0 && `first ${a.truncateDays} days cut`, a.scale !== 1 && `scale ${a.scale}`, a.tz !== null && `report zone ${a.tz}`,
  ].filter(Boolean).map((x) => `, ${x as string}`).join('');
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
  let slotsSkipped = false;
  try {
    for (const seed of a.seeds) {
      process.stderr.write(`seed ${seed}: simulating and analysing ${a.groups} groups\n`);
      const r = runSeed(seed, a, join(root, `seed-${seed}`));
      groups.push(...r.groups);
      truth.push(...r.truth);
      slotsSkipped ||= r.slotsSkipped;
    }
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  } finally {
    if (a.keep === null) rmSync(root, { recursive: true, force: true });
  }
  // Zones a fraction of an hour apart: the best slot has no planted counterpart, so it is not judged.
  const rows = evaluateAll(groups, truth).filter((r) => !(slotsSkipped && r.metric === 'best slot within ±1 h'));
  const head = `seeds ${a.seeds.join(',')}, ${truth.length} groups${variantLabel(a)}${slotsSkipped ? ' (best slot not judged: zones a fraction of an hour apart)' : ''}\n`;
  process.stdout.write(a.json ? JSON.stringify(rows, null, 2) + '\n' : head + formatTable(rows));
  return rows.every((r) => r.pass) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
