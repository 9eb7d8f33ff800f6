import { trace } from '../core/trace.js';
import { collectGarbage } from '../core/memory.js';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { safeText } from '../core/sanitize.js';
import { isValidTimeZone, machineTimeZone, Zone } from '../core/time.js';
import { labelled, langFromEnv, plural, t, type Lang, issueText } from '../i18n/index.js';
import { ingest } from '../ingest/run.js';
import type { Dataset } from '../core/dataset/types.js';
import { buildReport } from '../report/build.js';
import { FORMAT_IDS, loadReporter } from '../report/formats.js';
import type { AuditResult } from '../report/schema.js';
import { jsonReporter } from '../report/json/index.js';
import { anonymize, pseudonymOf, requireSalt, type KnownNames } from './anonymize.js';
import { diffReports, readBaseline } from './baseline.js';
import { decideChalk } from './color.js';
import { evaluateFailOn, parseFailOn } from './fail-on.js';
import { guardOutputs } from './guard.js';
import { loadConfig } from './config.js';
import { parseDateOption } from './dates.js';
import type { CliIO } from './io.js';
import { endsInSeparator, writeAtomic } from './output.js';
import { makeProgress, stderrChatter } from './progress.js';
import { VERSION } from './version.js';

/** The options of `analyze` as commander hands them over, validated at the boundary. */
export const analyzeOptionsSchema = z.object({
  format: z.string().default('table'),
  output: z.array(z.string()).optional(),
  tz: z.string().optional(),
  asOf: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
  lang: z.enum(['en', 'zh']).optional(),
  color: z.boolean().default(true),
  quiet: z.boolean().default(false),
  strict: z.boolean().default(false),
  debug: z.boolean().default(false),
  config: z.string().optional(),
  top: z.coerce.number().int().min(1).max(1000).optional(),
  group: z.string().optional(),
  inputFormat: z.string().optional(),
  table: z.enum(['groups', 'members']).optional(),
  failOn: z.string().optional(),
  baseline: z.string().optional(),
  saveBaseline: z.string().optional(),
  anonymize: z.boolean().default(false),
  salt: z.string().optional(),
  threads: z.coerce.number().int().min(1).max(64).optional(),
  me: z.array(z.string().trim().min(1, 'give your display name in the exports')).optional(),
});
export type AnalyzeOptions = z.output<typeof analyzeOptionsSchema>;

/** What the command decided, for the exit code. */
export interface AnalyzeOutcome { conditionsMet: number }

export async function runAnalyze(inputs: string[], raw: unknown, io: CliIO): Promise<AnalyzeOutcome> {
  const parsed = analyzeOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!, key = String(issue.path[0] ?? '');
    const option = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UserError(`${option}: ${issue.message}`, { hint: OPTION_HINTS[key] ?? 'community-audit analyze --help lists the options', zh: `${option} 的值无效${zodZh(issue)}`, hintZh: OPTION_HINTS_ZH[key] ?? 'community-audit analyze --help 列出了所有选项', code: 'usage' });
  }
  const o = parsed.data;
  const { config } = await loadConfig(o.config, io.cwd);
  const timeZone = o.tz ?? config.timeZone ?? io.env.TZ ?? machineTimeZone();
  if (!isValidTimeZone(timeZone)) throw new UserError(`--tz: unknown time zone "${timeZone}"`, { hint: 'use an IANA name such as Asia/Shanghai or UTC', zh: `--tz：未知的时区 "${timeZone}"`, hintZh: '请用 IANA 时区名，例如 Asia/Shanghai 或 UTC', code: 'usage' });
  const zone = new Zone(timeZone);
  const lang: Lang = o.lang ?? config.lang ?? langFromEnv(io.env);
  const formats = o.format.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) if (!FORMAT_IDS.includes(f)) throw new UserError(`--format: unknown format "${f}"`, { hint: `one of ${FORMAT_IDS.join(', ')}`, zh: `--format：未知的格式 "${f}"`, hintZh: `可选：${FORMAT_IDS.join(', ')}`, code: 'usage' });
  // Options that only one format reads must not be silently ignored by the others.
  if (o.group !== undefined && !formats.includes('table')) throw new UserError(`--group shows one group in the table format; ${formats.join(', ')} ignore${formats.length === 1 ? 's' : ''} it`, { hint: 'add --format table (to the terminal), or drop --group', zh: `--group 只对表格格式有效，${formats.join(', ')} 会忽略它`, hintZh: '加上 --format table（输出到终端），或去掉 --group', code: 'usage' });
  if (o.table !== undefined && !formats.includes('csv')) throw new UserError(`--table chooses the rows of the csv format; ${formats.join(', ')} ignore${formats.length === 1 ? 's' : ''} it`, { hint: `add --format csv, e.g. --format csv --table ${o.table}`, zh: `--table 用于选择 csv 格式输出哪张表，${formats.join(', ')} 会忽略它`, hintZh: `加上 --format csv，例如 --format csv --table ${o.table}`, code: 'usage' });
  const outputs = o.output ?? [];
  if (outputs.length > formats.length || (formats.length > 1 && outputs.length !== formats.length)) {
    throw new UserError(`give one --output per --format (${formats.length} formats, ${outputs.length} outputs)`, { hint: 'e.g. --format json,html --output report.json --output report.html', zh: `每个 --format 需要一个 --output（${formats.length} 种格式，${outputs.length} 个输出）`, hintZh: '例如 --format json,html --output report.json --output report.html', code: 'usage' });
  }
  const failOn = parseFailOn(o.failOn);
  const salt = o.anonymize ? requireSalt(o.salt ?? io.env.COMMUNITY_AUDIT_SALT, config.salt, randomBytes(16).toString('hex')) : undefined;
  const abs = (p: string) => resolve(io.cwd, p);
  // An output keeps a trailing slash: it says the user named a folder (refused, see refuseFolder).
  const outPath = (p: string) => (endsInSeparator(p) && !endsInSeparator(abs(p)) ? `${abs(p)}${p.slice(-1)}` : abs(p));
  await guardOutputs([
    ...outputs.map((p) => ({ path: outPath(p), option: '--output' })),
    ...(o.saveBaseline ? [{ path: outPath(o.saveBaseline), option: '--save-baseline' }] : []),
  ], inputs.map(abs));
  let baseline = o.baseline ? await readBaseline(abs(o.baseline)) : undefined;
  const since = o.since ? parseDateOption(o.since, zone, '--since', 'start') : undefined;
  const asOfOpt = o.asOf ? parseDateOption(o.asOf, zone, '--as-of', 'end') : undefined;
  let until = o.until ? parseDateOption(o.until, zone, '--until', 'end') : undefined;
  // Nothing after as-of exists for the analysis: an as-of in the past replays history.
  if (asOfOpt !== undefined) until = until === undefined ? asOfOpt : Math.min(until, asOfOpt);
  if (since !== undefined && until !== undefined && since > until) {
    throw new UserError(`--since ${o.since} is later than the end of the window (--until / --as-of): nothing is left to analyse`, { hint: 'swap the dates, or drop one of them', zh: `--since ${o.since} 晚于时间窗口的终点（--until / --as-of），没有可分析的内容`, hintZh: '交换两个日期，或去掉其中一个', code: 'usage' });
  }

  // Rule 6: the spinner and warnings only for a person at a terminal reading a human format.
  const reporters = await Promise.all(formats.map((f) => loadReporter(f)!));
  const machineOnly = reporters.every((r) => r.machine) || outputs.length > 0;
  const chatter = stderrChatter({ quiet: o.quiet, machineOnly, stderrIsTTY: io.stderrIsTTY, env: io.env });
  const progress = await makeProgress(chatter, io.stderr);
  const started = performance.now();
  let result: AuditResult;
  let known: KnownNames | undefined;
  try {
    trace('options and config ready');
    const { dataset, inputs: inputSummaries, issues } = await ingest({
      inputs, timeZone, forcedFormat: o.inputFormat, since, until, strict: o.strict, now: io.now(),
      ...(o.threads === undefined ? {} : { threads: o.threads }),
      ...((o.me ?? config.me) ? { me: o.me ?? config.me } : {}),
      exclude: [...outputs, ...(o.saveBaseline ? [o.saveBaseline] : []), ...(o.baseline ? [o.baseline] : [])].map(abs),
      // Only when someone sees it: the text's toLocaleString sets up ICU number formatting.
      ...(chatter ? {
        onProgress: ({ path, bytes, records }: { path: string; bytes: number; records: number }) => {
          const secs = (performance.now() - started) / 1000;
          const values = { records: records.toLocaleString(), mb: bytes >= 0 ? (bytes / 1e6).toFixed(0) : '', rate: Math.round(records / Math.max(secs, 0.001)).toLocaleString() };
          progress.update(`${path}  ${t(lang, bytes >= 0 ? 'progress.read' : 'progress.readRecords', values)}`);
        },
      } : {}),
    });
    collectGarbage();
    progress.update(plural(lang, dataset.groups.length, 'progress.analysing'));
    if (salt !== undefined) known = knownNames(dataset);
    const asOf = asOfOpt ?? (Number.isNaN(dataset.lastEventAt) ? io.now() : dataset.lastEventAt);
    result = buildReport(dataset, inputSummaries, issues, {
      asOf, timeZone, generatedAt: io.now(), version: VERSION, top: o.top ?? config.top,
      options: config.analyses as Record<string, unknown>, asOfGiven: asOfOpt !== undefined,
    });
    trace('analyses done');
  } finally {
    progress.stop();
  }

  // Pseudonyms before anything is rendered or compared, so every format and the diff carry them.
  // --group may still name the group as the operator knows it: it maps to the same pseudonym.
  let groupId = o.group;
  if (salt !== undefined) {
    const wanted = groupId === undefined ? undefined : result.groups.find((g) => g.id === groupId || g.name === groupId);
    if (wanted) groupId = pseudonymOf('group', wanted.id, salt);
    result = anonymize(result, salt, known);
    if (baseline) baseline = anonymize(baseline, salt, known);
  }
  if (baseline) result = { ...result, changes: diffReports(baseline, result), baselineAsOf: baseline.asOf };

  if (chatter && result.warnings.length) {
    // Paths and messages can quote the data: never let them drive the terminal.
    for (const w of result.warnings.slice(0, 5)) io.stderr.write(`${labelled(lang, 'warn.prefix', `${w.file ? `${safeText(w.file)}${w.line ? `:${w.line}` : ''}: ` : ''}${safeText(issueText(lang, w.code, w.message))}`)}\n`);
    if (result.warnings.length > 5) io.stderr.write(`${labelled(lang, 'warn.prefix', t(lang, 'warn.more', { n: result.warnings.length - 5 }))}\n`);
  }
  for (const [i, reporter] of reporters.entries()) {
    const target = outputs[i];
    const chalk = decideChalk({ color: o.color, machine: reporter.machine || target !== undefined, isTTY: io.stdoutIsTTY, env: io.env });
    const text = reporter.render(result, { lang, chalk, width: io.columns, groupId, table: o.table });
    if (target) await writeAtomic(abs(target), text);
    else await io.writeStdout(text);
    trace(`${reporter.id} written`);
  }
  if (o.saveBaseline) await writeAtomic(abs(o.saveBaseline), jsonReporter.render(result));
  // An empty report exits 0 like any other, so say why it is empty — also to cron, which sees no
  // terminal: an export with no messages, or a --since that missed them, must not pass unnoticed.
  if (result.groups.length === 0 && !o.quiet) io.stderr.write(`${emptyNote(lang, o, result)}\n`);
  // The alert goes to stderr whatever --quiet says: it is what cron mails.
  const verdict = evaluateFailOn(result, failOn, lang);
  for (const line of verdict.lines) io.stderr.write(`${line}\n`);
  return { conditionsMet: verdict.met };
}

/** The note for a report without groups: only one-to-one chats were read, or the options that narrowed the window. */
function emptyNote(lang: Lang, o: AnalyzeOptions, r: AuditResult): string {
  if (r.warnings.some((w) => w.code === 'personal-chats-left-out')) return labelled(lang, 'note.prefix', t(lang, 'note.emptyPersonal'));
  const window = ([['--since', o.since], ['--until', o.until], ['--as-of', o.asOf]] as const)
    .flatMap(([option, value]) => (value === undefined ? [] : [`${option} ${safeText(value)}`]));
  // A file taken for an export whose every line was refused (a LINE export with date lines in a
  // language the reader does not know): say which, not "no messages" (session 12).
  const unread = r.inputs.filter((i) => i.records === 0 && i.skipped > 0);
  const text = window.length ? t(lang, 'note.emptyWindow', { window: window.join(' ') })
    : unread.length ? t(lang, 'note.emptyUnread', { file: safeText(unread[0]!.path), format: unread[0]!.format, skipped: unread[0]!.skipped })
      : t(lang, 'note.empty');
  return labelled(lang, 'note.prefix', text);
}

/** Hints for options whose value failed validation. */
const OPTION_HINTS: Record<string, string> = {
  top: 'a whole number from 1 to 1000, e.g. --top 5',
  lang: 'en or zh',
  table: 'groups or members (with --format csv)',
};
const OPTION_HINTS_ZH: Record<string, string> = {
  top: '1 到 1000 之间的整数，例如 --top 5',
  lang: 'en 或 zh',
  table: 'groups 或 members（配合 --format csv）',
};

/** Every group and member name of the input, for --anonymize: whatever the report puts where, none slips through. */
function knownNames(ds: Dataset): KnownNames {
  return {
    groups: ds.groups.map((g) => ({ id: g.id, name: g.name })),
    members: ds.members.map((m) => ({ key: m.key, names: m.names })),
    others: ds.members.flatMap((m) => (m.inviterRaw ? [m.inviterRaw] : [])),
  };
}

/** What zod found wrong with an option's value, in Chinese (its messages are English): the common cases. */
function zodZh(issue: { code: string; expected?: unknown; minimum?: unknown; maximum?: unknown }): string {
  if (issue.code === 'invalid_type') return issue.expected === 'int' ? '：应为整数' : issue.expected === 'number' ? '：应为数字' : '';
  if (issue.code === 'too_small' && typeof issue.minimum !== 'undefined') return `：太小（最小 ${String(issue.minimum)}）`;
  if (issue.code === 'too_big' && typeof issue.maximum !== 'undefined') return `：太大（最大 ${String(issue.maximum)}）`;
  return '';
}
