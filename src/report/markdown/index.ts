import { safeText } from '../../core/sanitize.js';
import { t, type Lang } from '../../i18n/index.js';
import { byAttention } from '../attention.js';
import type { AuditResult, GroupReport } from '../schema.js';
import { localDate, localDateTime } from '../shared/dates.js';
import { changesTitle, changeText, conditionLabel, conditionsOf, groupLines, percent, type Condition } from '../shared/narrative.js';
import type { Reporter } from '../types.js';
import { view } from '../view.js';

/**
 * Markdown for chat bots (WeCom, Feishu, DingTalk, Slack), e-mail and wikis: the summary, what
 * changed since the last run, the portfolio table, then one short section per group that needs
 * attention. No colour codes, no raw HTML from the data.
 */
export const markdownReporter = {
  id: 'markdown',
  title: 'Markdown (chat bots, e-mail, wikis): portfolio and the groups that need attention',
  machine: true,
  render(r, ctx) {
    const lang = ctx.lang;
    const out: string[] = [`# ${t(lang, 'doc.title')}`, '', `_${md(t(lang, 'doc.generated', { asOf: localDate(r.asOf, r.timeZone), tz: r.timeZone, generatedAt: localDateTime(r.generatedAt, r.timeZone), version: r.tool.version }))}_`, ''];
    out.push(kpis(r, lang), '');
    if (r.changes) {
      out.push(`## ${changesTitle(lang, r)}`, '');
      out.push(...(r.changes.length ? r.changes.map((c) => `- ${changeText(lang, c, md)}`) : [t(lang, 'changes.none')]), '');
    }
    out.push(`## ${t(lang, 'doc.portfolio')}`, '', portfolio(r, lang), '');
    const needy = byAttention(r.groups).filter((g) => conditionsOf(g).length);
    out.push(`## ${t(lang, 'doc.attention')}`, '');
    if (!needy.length) out.push(t(lang, 'doc.allWell'), '');
    for (const g of needy) {
      const conds = conditionsOf(g);
      out.push(`### ${ICON[conds[0]!]} ${md(g.name)}`, '', `**${conds.map((c) => md(conditionLabel(lang, g, c))).join(' · ')}** — ${md(g.id)}`, '');
      out.push(...groupLines(lang, g, r.timeZone, md).map((l) => (l.startsWith('  ') ? `  - ${l.trim()}` : `- ${l}`)), '');
    }
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  },
} satisfies Reporter;

const ICON: Record<Condition, string> = { 'dead': '🔴', 'at-risk': '🟠', 'decline': '🟡', 'lacking-self-drive': '🟡', 'window-open': '🟢' };

function kpis(r: AuditResult, lang: Lang): string {
  const gs = r.groups.map(view);
  const count = (c: Condition) => r.groups.filter((g) => conditionsOf(g).includes(c)).length;
  const parts = [`**${r.groups.length}** ${t(lang, 'kpi.groups')}`, `**${r.groups.reduce((s, g) => s + g.members.total, 0)}** ${t(lang, 'kpi.members')}`];
  if (gs.some((g) => g.vitality)) parts.push(`🔴 ${count('dead')} ${t(lang, 'kpi.dead')}`, `🟠 ${count('at-risk')} ${t(lang, 'kpi.atRisk')}`);
  if (gs.some((g) => g.selfDrive)) parts.push(`${count('lacking-self-drive')} ${t(lang, 'kpi.lacking')}`);
  if (gs.some((g) => g.monetization)) parts.push(`🟢 ${count('window-open')} ${t(lang, 'kpi.open')}`);
  return parts.join(' · ');
}

function portfolio(r: AuditResult, lang: Lang): string {
  const groups = byAttention(r.groups);
  const verdicts = groups.some((g) => view(g).lifecycle || view(g).vitality);
  const head = ['col.group', 'col.members', 'col.active30d', 'col.messages30d'];
  const align = ['---', '--:', '--:', '--:'];
  if (verdicts) { head.push('col.phase', 'col.vitality', 'col.selfDrive', 'col.window'); align.push('---', '---', '--:', '---'); }
  const rows = groups.map((g: GroupReport) => {
    const v = view(g);
    const cells = [md(g.name), String(g.members.total), String(g.members.active30d), String(g.messages.last30d)];
    if (verdicts) {
      cells.push(
        v.lifecycle ? t(lang, `phase.${v.lifecycle.phase}`) : '–',
        v.vitality ? `${v.vitality.status === 'dead' ? '🔴 ' : v.vitality.status === 'at-risk' ? '🟠 ' : ''}${t(lang, `vitality.${v.vitality.zombie ? 'zombie' : v.vitality.status}`)}` : '–',
        v.selfDrive ? `${percent(v.selfDrive.score)}${v.selfDrive.staffKnown === false ? '?' : ''}${v.selfDrive.lacking ? ` ${t(lang, 'selfDrive.lacking')}` : ''}` : '–',
        v.monetization ? t(lang, `window.${v.monetization.window.status}`) : '–',
      );
    }
    return `| ${cells.join(' | ')} |`;
  });
  const noStaff = groups.filter((g) => view(g).selfDrive?.staffKnown === false).length;
  const note = noStaff ? [``, `? ${t(lang, 'note.selfDriveNoStaff', { n: noStaff })}`] : [];
  return [`| ${head.map((k) => t(lang, k)).join(' | ')} |`, `|${align.join('|')}|`, ...rows, ...note].join('\n');
}

/**
 * Text from the data, made inert in markdown: control characters and escapes removed, markup
 * characters backslash-escaped, angle brackets as entities (renderers pass raw HTML through).
 */
export function md(s: string): string {
  return safeText(s).replace(/[\\`*_[\]|~#]/g, '\\$&').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
