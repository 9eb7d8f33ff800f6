import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { SCHEMA_VERSION, type AuditResult, type Change, type GroupReport } from '../report/schema.js';
import { view } from '../report/view.js';

/** What a baseline must have to be compared: a report from this tool, of this schema version or older. */
const baselineSchema = z.object({
  schemaVersion: z.number().int().max(SCHEMA_VERSION),
  groups: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()),
}).passthrough();

/** The hint of a file that is no baseline, as a Chinese terminal shows it. */
const BASELINE_HINT_ZH = '基线是用 --format json 或 --save-baseline 写出的报告';

/** Reads `--baseline FILE` (a JSON report of an earlier run); a missing or foreign file is a usage error. */
export async function readBaseline(path: string): Promise<AuditResult> {
  let text: string;
  try { text = await readFile(path, 'utf8'); } catch (e) {
    throw new UserError(`cannot read the baseline (${(e as NodeJS.ErrnoException).code})`, { file: path, hint: 'the first run has no baseline: run once with --save-baseline FILE, then pass --baseline FILE', zh: `无法读取基线报告（${(e as NodeJS.ErrnoException).code}）`, hintZh: '第一次运行还没有基线：先用 --save-baseline FILE 运行一次，之后再传 --baseline FILE', code: 'input' });
  }
  let raw: unknown;
  try { raw = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) {
    throw new UserError(`the baseline is not JSON: ${(e as Error).message}`, { file: path, hint: 'a baseline is a report written with --format json or --save-baseline', zh: `基线报告不是 JSON：${(e as Error).message}`, hintZh: BASELINE_HINT_ZH, code: 'input' });
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new UserError(`the baseline is not a community-audit report (${i.path.join('.') || 'top'}: ${i.message})`, { file: path, hint: 'a baseline is a report written with --format json or --save-baseline', zh: `基线文件不是 community-audit 报告（${i.path.join('.') || 'top'}：${i.message}）`, hintZh: BASELINE_HINT_ZH, code: 'input' });
  }
  return parsed.data as unknown as AuditResult;
}

/**
 * What changed between two reports, group by group (matched by id): phase transitions, groups
 * that died or revived, windows that opened or closed, seed users who went quiet or dropped out,
 * new top spreaders, groups that appeared or disappeared. Verdicts missing on either side are
 * not compared.
 */
export function diffReports(before: AuditResult, after: AuditResult, topSpreaders = 3): Change[] {
  const old = new Map(before.groups.map((g) => [g.id, g]));
  // Lists of people are cut at --top: compare them only as deep as the smaller --top of the two
  // runs, so changing --top does not make people "drop out" or "new" (reports before `top` was
  // recorded are compared in full).
  const depth = Math.min(before.top ?? Infinity, after.top ?? Infinity);
  const out: Change[] = [];
  for (const g of after.groups) {
    const b = old.get(g.id);
    const base = { groupId: g.id, groupName: g.name, memberId: null, memberName: null };
    if (!b) { out.push({ ...base, kind: 'group-added', from: null, to: null }); continue; }
    const p = view(b), c = view(g);
    if (p.lifecycle && c.lifecycle && p.lifecycle.phase !== c.lifecycle.phase) out.push({ ...base, kind: 'phase-changed', from: p.lifecycle.phase, to: c.lifecycle.phase });
    if (p.vitality && c.vitality) {
      if (p.vitality.status !== 'dead' && c.vitality.status === 'dead') out.push({ ...base, kind: 'died', from: p.vitality.status, to: 'dead' });
      if (p.vitality.status === 'dead' && c.vitality.status !== 'dead') out.push({ ...base, kind: 'revived', from: 'dead', to: c.vitality.status });
      // "no-messages" is a status of reports before session 12 (a group nobody wrote in): its group
      // turning at risk or alive is news too.
      if ((p.vitality.status === 'alive' || p.vitality.status === 'no-messages') && c.vitality.status === 'at-risk') out.push({ ...base, kind: 'at-risk', from: p.vitality.status, to: 'at-risk' });
      if ((p.vitality.status === 'at-risk' || p.vitality.status === 'no-messages') && c.vitality.status === 'alive') out.push({ ...base, kind: 'recovered', from: p.vitality.status, to: 'alive' });
    }
    // Both are --fail-on conditions: a cron mail should say when they started or stopped.
    if (p.selfDrive && c.selfDrive && p.selfDrive.lacking !== c.selfDrive.lacking) {
      out.push({ ...base, kind: c.selfDrive.lacking ? 'self-drive-lost' : 'self-drive-regained', from: String(p.selfDrive.score), to: String(c.selfDrive.score) });
    }
    const pw = p.monetization?.window.status, cw = c.monetization?.window.status;
    if (pw && cw && pw !== 'open' && cw === 'open') out.push({ ...base, kind: 'window-opened', from: pw, to: cw });
    if (pw && cw && pw === 'open' && cw !== 'open') out.push({ ...base, kind: 'window-closed', from: pw, to: cw });
    if (p.seedUsers && c.seedUsers) {
      const quietIn = (x: GroupReport) => new Set(((x.members as { goingQuiet?: { memberId: string }[] }).goingQuiet ?? []).map((q) => q.memberId));
      const wasQuiet = quietIn(b), quiet = quietIn(g);
      const ranked = new Set(c.seedUsers.map((s) => s.memberId));
      for (const s of p.seedUsers.slice(0, depth)) {
        if (quiet.has(s.memberId) && !wasQuiet.has(s.memberId)) out.push({ ...base, kind: 'seed-went-quiet', from: 'seed-user', to: 'going-quiet', memberId: s.memberId, memberName: s.name });
        else if (!ranked.has(s.memberId) && !quiet.has(s.memberId)) out.push({ ...base, kind: 'seed-went-quiet', from: 'seed-user', to: 'dropped-out', memberId: s.memberId, memberName: s.name });
      }
    }
    if (p.fission && c.fission) {
      const known = new Set(p.fission.topSpreaders.map((s) => s.memberId));
      for (const s of c.fission.topSpreaders.slice(0, Math.min(topSpreaders, depth))) {
        if (!known.has(s.memberId)) out.push({ ...base, kind: 'new-top-spreader', from: null, to: String(s.stayed), memberId: s.memberId, memberName: s.name });
      }
    }
  }
  const now = new Set(after.groups.map((g) => g.id));
  for (const b of before.groups as GroupReport[]) if (!now.has(b.id)) out.push({ kind: 'group-removed', groupId: b.id, groupName: b.name, from: null, to: null, memberId: null, memberName: null });
  // Worst news first (a cron mail is read from the top), in group order within a kind: a review
  // found a death in 15th place, after three new spreaders.
  return out.map((c, i) => ({ c, i })).sort((a, b) => URGENCY[a.c.kind] - URGENCY[b.c.kind] || a.i - b.i).map((x) => x.c);
}

/** The order changes are listed in: what needs action first, good news after. */
const URGENCY: Record<Change['kind'], number> = {
  'died': 0, 'at-risk': 1, 'self-drive-lost': 2, 'window-closed': 3, 'seed-went-quiet': 4, 'group-removed': 5, 'phase-changed': 6,
  'revived': 7, 'recovered': 8, 'self-drive-regained': 9, 'window-opened': 10, 'new-top-spreader': 11, 'group-added': 12,
};
