/**
 * The evaluation: every metric module in turn (one per concern), and the table that prints them.
 * Pure: the CLI (src/sim/eval-cli.ts) generates the data, runs the real pipeline and prints.
 */
import { evaluate as fission } from './fission.js';
import { evaluate as lifecycle } from './lifecycle.js';
import { evaluate as monetization } from './monetization.js';
import { evaluate as seedUsers } from './seed-users.js';
import { evaluate as selfDrive } from './self-drive.js';
import type { Evaluate, GroupTruth, MetricRow, ReportGroup } from './types.js';
import { evaluate as vitality } from './vitality.js';

export type { MetricRow, ReportGroup };

const METRICS: readonly Evaluate[] = [lifecycle, vitality, selfDrive, seedUsers, monetization, fission];

export function evaluateAll(groups: readonly ReportGroup[], truth: readonly GroupTruth[]): MetricRow[] {
  return METRICS.flatMap((m) => m(groups, truth));
}

/** A plain-text table (no colour: it goes to logs and closing notes as it is). */
export function formatTable(rows: readonly MetricRow[]): string {
  const cells = rows.map((r) => [r.metric, Number.isNaN(r.value) ? '–' : String(r.value), r.target, r.pass ? 'ok' : 'MISS', r.detail ?? '']);
  const head = ['metric', 'value', 'target', 'pass', 'detail'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
