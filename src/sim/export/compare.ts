/**
 * The same simulation through every export format: the real CLI on the canonical CSV and on each
 * format's files, each report judged against truth (the eval's metrics, ids translated into the
 * format's) and group by group against the canonical report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAll, type ReportGroup } from '../eval/index.js';
import type { GroupTruth, Truth } from '../truth.js';
import { memberKey, type ExportOutput } from './model.js';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/community-audit.js');

export interface FullReportGroup extends ReportGroup {
  name?: string;
  messages?: { total: number; system: number };
  members?: { total: number };
  fission?: ReportGroup['fission'] & { joins?: number };
}

/** Runs `analyze DIR --format json` in the simulation's zone and as-of (and `args`); returns the report's groups. */
export function analyze(dir: string, truth: Truth, args: string[] = []): FullReportGroup[] {
  const out = join(dir, '..', `${dir.split(/[\\/]/).pop()}${args.length ? '-args' : ''}.report.json`);
  const run = spawnSync(process.execPath, [BIN, 'analyze', dir, '--format', 'json', '--output', out, '--tz', truth.timeZone, '--as-of', truth.asOf, '--quiet', ...args], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`analyze ${dir} failed (exit ${run.status}): ${run.stderr.trim()}`);
  return (JSON.parse(readFileSync(out, 'utf8')) as { groups: FullReportGroup[] }).groups;
}

/** Truth with group and member ids as the format reports them. */
export function truthIn(truth: readonly GroupTruth[], ids: ExportOutput | null): GroupTruth[] {
  if (!ids) return [...truth];
  return truth.map((t) => {
    const m = (id: string) => ids.memberIds.get(memberKey(t.groupId, id)) ?? id;
    return {
      ...t, groupId: ids.groupIds.get(t.groupId) ?? t.groupId,
      seedUsers: t.seedUsers.map(m), distractors: t.distractors.map(m), spreaders: t.spreaders.map(m), fakeSpreaders: t.fakeSpreaders.map(m),
    };
  });
}

/** One line of the comparison table: a format's figures against truth and against canonical. */
export interface FormatFigures {
  format: string;
  groups: number;
  /** Groups found in the report (by id). */
  found: number;
  truth: Record<string, number>;
  /** Share of groups whose verdict equals the canonical run's. */
  agree: Record<string, number>;
  /** Median |Δ| per group against canonical. */
  delta: { messages: number; members: number; k: number };
  disagreements: string[];
}

const TRUTH_METRICS: [string, string][] = [
  ['phase', 'phase accuracy'], ['deadP', 'dead precision'], ['deadR', 'dead recall'], ['zombie', 'zombies recognised'],
  ['selfDrive', 'lacking self-drive accuracy'], ['window', 'window status accuracy'], ['seedP@k', 'seed precision@k'],
  ['slot±1h', 'best slot within ±1 h'], ['K±10%', 'K within 10%'], ['spreaders', 'planted spreaders ranked first'],
];

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN; };

export function figures(format: string, report: readonly FullReportGroup[], truth: readonly GroupTruth[], ids: ExportOutput | null, canonical: readonly FullReportGroup[] | null): FormatFigures {
  const mapped = truthIn(truth, ids);
  const rows = evaluateAll(report, mapped);
  const byMetric = new Map(rows.map((r) => [r.metric, r.value]));
  const t: Record<string, number> = {};
  for (const [k, metric] of TRUTH_METRICS) t[k] = byMetric.get(metric) ?? Number.NaN;
  const byId = new Map(report.map((g) => [g.id, g]));
  const canon = new Map((canonical ?? []).map((g) => [g.id, g]));
  const agreeCount: Record<string, number> = { phase: 0, dead: 0, zombie: 0, selfDrive: 0, window: 0, slot: 0, seeds: 0, spreaders: 0 };
  const dm: number[] = [], dmem: number[] = [], dk: number[] = [];
  const disagreements: string[] = [];
  let found = 0, n = 0, seedGroups = 0, spreadGroups = 0;
  truth.forEach((tg, i) => {
    const g = byId.get(mapped[i]!.groupId);
    if (g) found++;
    const c = canon.get(tg.groupId);
    if (!canonical || !c) return;
    n++;
    const m = (id: string) => (ids ? ids.memberIds.get(memberKey(tg.groupId, id)) ?? id : id);
    const same = (k: string, a: unknown, b: unknown) => { if (a === b) agreeCount[k]!++; else disagreements.push(`${tg.groupName}(${tg.kind}) ${k}: ${String(b)}→${String(a)}`); };
    same('phase', g?.lifecycle?.phase, c.lifecycle?.phase);
    same('dead', g?.vitality?.status === 'dead', c.vitality?.status === 'dead');
    same('zombie', g?.vitality?.zombie ?? false, c.vitality?.zombie ?? false);
    same('selfDrive', g?.selfDrive?.lacking ?? false, c.selfDrive?.lacking ?? false);
    same('window', g?.monetization?.window.status, c.monetization?.window.status);
    const bs = g?.monetization?.slots[0], cs = c.monetization?.slots[0];
    if ((!bs && !cs) || (bs && cs && bs.weekday === cs.weekday && Math.abs(bs.hour - cs.hour) <= 1)) agreeCount.slot!++;
    else disagreements.push(`${tg.groupName}(${tg.kind}) slot: ${cs ? `${cs.weekday}/${cs.hour}` : '-'}→${bs ? `${bs.weekday}/${bs.hour}` : '-'}`);
    // Seed users and spreaders: only where some were planted (k = how many).
    const k = tg.seedUsers.length;
    const top = (r: FullReportGroup | undefined) => [...(r?.seedUsers ?? [])].sort((a, b) => a.rank - b.rank).slice(0, k).map((s) => s.memberId);
    const ct = top(c).map(m), ft = new Set(top(g));
    if (k > 0) { seedGroups++; if (ct.every((x) => ft.has(x))) agreeCount.seeds!++; else disagreements.push(`${tg.groupName}(${tg.kind}) seeds: ${ct.filter((x) => !ft.has(x)).length}/${k} of canonical top-k missing`); }
    const sp = tg.spreaders.length;
    const cSp = (c.fission?.topSpreaders ?? []).slice(0, sp).map((s) => m(s.memberId));
    const fSp = new Set((g?.fission?.topSpreaders ?? []).slice(0, sp).map((s) => s.memberId));
    if (sp > 0) { spreadGroups++; if (cSp.every((x) => fSp.has(x))) agreeCount.spreaders!++; else disagreements.push(`${tg.groupName}(${tg.kind}) spreaders: ${cSp.filter((x) => !fSp.has(x)).length}/${sp} of canonical top missing`); }
    dm.push(Math.abs((g?.messages?.total ?? 0) - (c.messages?.total ?? 0)));
    dmem.push(Math.abs((g?.members?.total ?? 0) - (c.members?.total ?? 0)));
    dk.push(Math.abs((g?.fission?.kFactor ?? 0) - (c.fission?.kFactor ?? 0)));
  });
  const agree: Record<string, number> = {};
  for (const [k, v] of Object.entries(agreeCount)) {
    const of = k === 'seeds' ? seedGroups : k === 'spreaders' ? spreadGroups : n;
    agree[k] = of ? Math.round((v / of) * 1000) / 1000 : Number.NaN;
  }
  return { format, groups: truth.length, found, truth: t, agree, delta: { messages: median(dm), members: median(dmem), k: Math.round(median(dk) * 1000) / 1000 }, disagreements };
}

/** The markdown table of docs/analyses.md. */
export function figuresTable(rows: readonly FormatFigures[]): string {
  const f = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : String(Math.round(x * 100) / 100));
  const head = ['format', 'groups found', ...TRUTH_METRICS.map(([k]) => k), 'agree: phase/dead/zombie/self-drive/window/slot/seeds/spreaders', 'median Δ msgs / members / K'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows) {
    const a = r.agree;
    const agree = r.format === 'canonical-csv' ? '(reference)' : ['phase', 'dead', 'zombie', 'selfDrive', 'window', 'slot', 'seeds', 'spreaders'].map((k) => f(a[k])).join(' / ');
    const delta = r.format === 'canonical-csv' ? '–' : `${r.delta.messages} / ${r.delta.members} / ${r.delta.k}`;
    lines.push(`| ${r.format} | ${r.found}/${r.groups} | ${TRUTH_METRICS.map(([k]) => f(r.truth[k])).join(' | ')} | ${agree} | ${delta} |`);
  }
  return lines.join('\n') + '\n';
}
