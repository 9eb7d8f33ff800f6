import type { InputIssue } from '../core/errors.js';
import type { Dataset, GroupRecord } from '../core/dataset/types.js';
import { iso, Zone } from '../core/time.js';
import { analyses } from '../analysis/registry.js';
import { profileGroup } from '../analysis/profile/index.js';
import { computeSeries, type GroupSeries } from '../analysis/shared/series.js';
import type { AnalysisContext } from '../analysis/types.js';
import type { InputSummary } from '../ingest/run.js';
import { SCHEMA_VERSION, type AuditResult, type GroupReport } from './schema.js';

export interface BuildOptions {
  asOf: number;
  timeZone: string;
  generatedAt: number;
  version: string;
  top: number;
  /** Options per analysis key, already validated by the config schema. */
  options: Record<string, unknown>;
  /** The user gave the as-of (--as-of): inputs ending before it are no surprise, and not noted. */
  asOfGiven?: boolean;
}

/** How many individual warnings to list before summarising the rest by code. */
const WARNINGS_LISTED = 20;
/** How many one-to-one chats the warning that leaves them out names. */
const PERSONAL_NAMED = 5;

/** Runs the profile and every analysis on every group and assembles the JSON contract. */
export function buildReport(ds: Dataset, inputs: InputSummary[], issues: InputIssue[], o: BuildOptions): AuditResult {
  const zone = new Zone(o.timeZone);
  const cache = new Map<number, GroupSeries>();
  const ctx: AnalysisContext = {
    dataset: ds, asOf: o.asOf, zone, top: o.top,
    series: (g) => cache.get(g.index) ?? cache.set(g.index, computeSeries(ds, g, o.asOf, zone)).get(g.index)!,
  };
  // Options are validated (and their defaults filled in) once, whoever calls: the CLI or a test.
  const options = analyses.map((a) => a.optionsSchema.parse(o.options[a.key] ?? {}));
  const present = ds.groups.filter((g) => hasAnything(ds, g, o.asOf));
  // A one-to-one chat is not a community: judging it would list every DM of an account export as a
  // dead group. It is named in a warning instead, so nothing read disappears without a word.
  const personal = present.filter((g) => g.personal);
  const groups = present.filter((g) => !g.personal).map((g) => {
    const report: GroupReport = profileGroup(g, ctx);
    const prior: Record<string, unknown> = {};
    for (const [i, a] of analyses.entries()) {
      prior[a.key] = a.run(g, ctx, options[i], prior);
      if (a.mergeInto) Object.assign(report[a.mergeInto], prior[a.key]);
      else report[a.key] = prior[a.key];
    }
    cache.delete(g.index);
    return report;
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'community-audit', version: o.version },
    generatedAt: iso(o.generatedAt),
    asOf: iso(o.asOf),
    timeZone: o.timeZone,
    top: o.top,
    inputs,
    groups,
    warnings: [...summariseIssues(issues, ds), ...personalChats(personal, inputs), ...(o.asOfGiven ? [] : earlyInputs(ds, present.filter((g) => !g.personal), inputs, o.asOf, deadAfter(options)))],
  };
}

/** A group with no message, no membership event and no member has nothing to report. */
/**
 * A group exists for the report once something of it happened by as-of: a message, a join or
 * leave, a member-list join. (A member list without any dates counts as it stands.)
 */
function hasAnything(ds: Dataset, g: GroupRecord, asOf: number): boolean {
  if (g.msgEnd > g.msgStart && ds.messages.time[g.msgStart]! <= asOf) return true;
  if (g.events.some((e) => e.time <= asOf)) return true;
  const members = g.members.map((m) => ds.members[m]!);
  if (members.some((m) => m.joinedAt !== null && m.joinedAt <= asOf)) return true;
  return members.length > 0 && members.every((m) => m.joinedAt === null);
}

/** The dead threshold the vitality analysis uses (an input ending before it is worth a word). */
function deadAfter(options: unknown[]): number {
  const v = options[analyses.findIndex((a) => a.key === 'vitality')] as { deadAfterDays?: number } | undefined;
  return v?.deadAfterDays ?? 30;
}

/**
 * Chat exports in which every group fell silent more than `deadAfterDays` before as-of. As-of is
 * the latest event of all inputs, so an export saved weeks before the others makes its groups look
 * dead though they may not be (found in a review: four LINE exports of different years, all "dead"
 * together, each "alive" alone). The data cannot tell an old export from dead groups, so it is a
 * note naming the input, not a change of verdict.
 */
function earlyInputs(ds: Dataset, groups: GroupRecord[], inputs: InputSummary[], asOf: number, deadAfterDays: number): AuditResult['warnings'] {
  const end = new Array<number>(inputs.length).fill(-Infinity);
  for (const g of groups) {
    let last = g.msgEnd > g.msgStart ? ds.messages.time[g.msgEnd - 1]! : -Infinity;
    for (const e of g.events) if (e.time <= asOf) last = Math.max(last, e.time);
    // A group fed by several inputs (overlapping exports) ends where the latest of them ends.
    for (const i of g.inputs) end[i] = Math.max(end[i]!, Math.min(last, asOf));
  }
  // Only inputs that feed a reported group (a personal chat's export has no row to explain); a
  // member list beside a chat export can move the as-of past it as another export does.
  const early = inputs.flatMap((input, i) => {
    const days = Math.floor((asOf - end[i]!) / 86_400_000);
    return input.kind === 'messages' && Number.isFinite(end[i]!) && days > deadAfterDays ? [{ input, days }] : [];
  });
  if (early.length === 0) return [];
  const day = iso(asOf).slice(0, 10);
  if (early.length <= 3) {
    return early.map(({ input, days }) => ({
      code: 'input-ends-early', file: input.path, line: null,
      message: `the input ends ${days} days before the as-of ${day}: if it was exported then, its groups look dead only because of that; analyse it on its own or give --as-of`,
    }));
  }
  const named = early.slice(0, 3).map((x) => x.input.path).join(', ');
  return [{
    code: 'input-ends-early', file: null, line: null,
    message: `${early.length} inputs end more than ${deadAfterDays} days before the as-of ${day} (${named}, …): if they were exported then, their groups look dead only because of that; analyse them on their own or give --as-of`,
  }];
}

/** How many one-to-one chats were left out, and which (the first few), as one warning. */
function personalChats(chats: GroupRecord[], inputs: InputSummary[]): AuditResult['warnings'] {
  if (chats.length === 0) return [];
  const files = new Set(chats.flatMap((g) => g.inputs.map((i) => inputs[i]?.path)));
  const names = chats.slice(0, PERSONAL_NAMED).map((g) => `"${g.name}"`).join(', ') + (chats.length > PERSONAL_NAMED ? ', …' : '');
  const message = `left out ${chats.length} chat${chats.length === 1 ? '' : 's'} that ${chats.length === 1 ? 'is' : 'are'} no group (one-to-one chats, saved messages, bot chats, broadcast channels): ${names}`;
  const [file] = files;
  return [{ code: 'personal-chats-left-out', message, file: files.size === 1 && file !== undefined ? file : null, line: null }];
}

function summariseIssues(issues: InputIssue[], ds: Dataset): AuditResult['warnings'] {
  const out: AuditResult['warnings'] = issues.slice(0, WARNINGS_LISTED).map((i) => ({ code: i.code, message: i.reason, file: i.file, line: i.line ?? null }));
  if (issues.length > WARNINGS_LISTED) {
    const byCode = new Map<string, number>();
    for (const i of issues.slice(WARNINGS_LISTED)) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
    for (const [code, n] of byCode) out.push({ code, message: `${n} more like this`, file: null, line: null });
  }
  if (ds.duplicatesDropped > 0) out.push({ code: 'duplicates-merged', message: `${ds.duplicatesDropped} messages appeared in more than one input (or twice) and were counted once`, file: null, line: null });
  return out;
}
