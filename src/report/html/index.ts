import { findingText, t, type Lang } from '../../i18n/index.js';
import { byAttention } from '../attention.js';
import type { AuditResult, GroupReport } from '../schema.js';
import { localDate, localDateTime } from '../shared/dates.js';
import { changesTitle, changeText, conditionLabel, conditionsOf, percent, slotText, type Condition } from '../shared/narrative.js';
import type { Reporter } from '../types.js';
import { view } from '../view.js';
import { heatmap, PHASE_COLOUR, rosterChart, sparkSvg, weeklyChart } from './charts.js';
import { h } from './escape.js';
import { STYLE } from './style.js';

/**
 * One self-contained HTML file: no script, no network (a CSP forbids both), readable on a phone.
 * Portfolio overview, what changed, what needs attention, then every group with its charts.
 */
export const htmlReporter = {
  id: 'html',
  title: 'Self-contained HTML page with charts (share or forward it)',
  machine: true,
  render(r, ctx) {
    const lang = ctx.lang;
    const groups = byAttention(r.groups);
    const body = [
      `<header class="top"><div class="in"><h1>${h(t(lang, 'doc.title'))}</h1><p>${h(t(lang, 'doc.generated', { asOf: localDate(r.asOf, r.timeZone), tz: r.timeZone, generatedAt: localDateTime(r.generatedAt, r.timeZone), version: r.tool.version }))}</p></div></header>`,
      '<main>',
      kpis(r, lang),
      r.changes ? changes(r, lang) : '',
      portfolio(groups, lang),
      attention(groups, lang, r.timeZone),
      ...groups.map((g, i) => groupSection(g, i, r, lang)),
      '</main>',
      `<footer>${h(t(lang, 'doc.inputs'))}: ${r.inputs.map((i) => `${h(i.path)} (${h(i.format)}, ${i.records})`).join(' · ')}</footer>`,
    ];
    return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="community-audit ${h(r.tool.version)}">
<title>${h(t(lang, 'doc.title'))} · ${h(localDate(r.asOf, r.timeZone))}</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
</body>
</html>
`;
  },
} satisfies Reporter;

const TONE: Record<string, string> = { alive: 'good', 'at-risk': 'warn', dead: 'bad', zombie: 'bad', 'no-messages': 'muted', open: 'good', upcoming: 'info', closed: 'muted' };

function badge(lang: Lang, kind: 'phase' | 'vitality' | 'window', value: string): string {
  const cls = kind === 'phase' ? `phase-${h(value)}` : `b-${TONE[value] ?? 'info'}`;
  return `<span class="badge ${cls}">${h(t(lang, `${kind}.${value}`))}</span>`;
}

function kpis(r: AuditResult, lang: Lang): string {
  const count = (c: Condition) => r.groups.filter((g) => conditionsOf(g).includes(c)).length;
  const has = (k: 'vitality' | 'selfDrive' | 'monetization') => r.groups.some((g) => view(g)[k]);
  const cards: [string, number, string][] = [['', r.groups.length, 'kpi.groups'], ['', r.groups.reduce((s, g) => s + g.members.total, 0), 'kpi.members']];
  if (has('vitality')) cards.push(['bad', count('dead'), 'kpi.dead'], ['warn', count('at-risk'), 'kpi.atRisk']);
  if (has('selfDrive')) cards.push(['warn', count('lacking-self-drive'), 'kpi.lacking']);
  if (has('monetization')) cards.push(['good', count('window-open'), 'kpi.open']);
  return `<div class="kpis">${cards.map(([tone, n, k]) => `<div class="kpi ${n ? tone : ''}"><b>${n.toLocaleString('en')}</b><span>${h(t(lang, k))}</span></div>`).join('')}</div>`;
}

function changes(r: AuditResult, lang: Lang): string {
  const list = r.changes ?? [];
  return `<section class="card" id="changes"><h2>${h(changesTitle(lang, r))}</h2>${list.length ? `<ul class="changes">${list.map((c) => `<li>${changeText(lang, c, h)}</li>`).join('')}</ul>` : `<p class="muted">${h(t(lang, 'changes.none'))}</p>`}</section>`;
}

function portfolio(groups: GroupReport[], lang: Lang): string {
  const verdicts = groups.some((g) => view(g).lifecycle || view(g).vitality);
  // On a phone the table keeps the name, the size and the verdicts; the rest is in each group's card.
  const head = [`<th>${h(t(lang, 'col.group'))}</th>`, `<th class="num">${h(t(lang, 'col.members'))}</th>`, ...['col.active30d', 'col.messages30d'].map((k) => `<th class="num hide-s">${h(t(lang, k))}</th>`), `<th class="hide-s">${h(t(lang, 'col.trend'))}</th>`];
  if (verdicts) head.push(...['col.phase', 'col.vitality', 'col.selfDrive', 'col.window'].map((k) => `<th${k === 'col.selfDrive' ? ' class="hide-s"' : ''}>${h(t(lang, k))}</th>`));
  const rows = groups.map((g, i) => {
    const v = view(g);
    const cells = [`<td class="name"><a href="#g${i}">${h(g.name)}</a></td>`, `<td class="num">${g.members.total}</td>`, `<td class="num hide-s">${g.members.active30d}</td>`, `<td class="num hide-s">${g.messages.last30d}</td>`, `<td class="hide-s">${sparkSvg(g.activity.weekly.map((w) => w.messages))}</td>`];
    if (verdicts) {
      cells.push(
        `<td>${v.lifecycle ? badge(lang, 'phase', v.lifecycle.phase) : '–'}</td>`,
        `<td>${v.vitality ? badge(lang, 'vitality', v.vitality.zombie ? 'zombie' : v.vitality.status) : '–'}</td>`,
        `<td class="hide-s">${v.selfDrive ? `${percent(v.selfDrive.score)}${v.selfDrive.lacking ? ` ${`<span class="badge b-warn">${h(t(lang, 'selfDrive.lacking'))}</span>`}` : ''}` : '–'}</td>`,
        `<td>${v.monetization ? badge(lang, 'window', v.monetization.window.status) : '–'}</td>`,
      );
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<section class="card" id="portfolio"><h2>${h(t(lang, 'doc.portfolio'))}</h2><div class="scroll"><table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function attention(groups: GroupReport[], lang: Lang, tz: string): string {
  const items = groups.map((g, i) => ({ g, i, conds: conditionsOf(g) })).filter((x) => x.conds.length);
  const body = items.map(({ g, i, conds }) => {
    const tone = conds.includes('dead') ? 'bad' : conds.every((c) => c === 'window-open') ? 'good' : '';
    const reasons = [...(view(g).vitality?.reasons ?? []), ...(view(g).lifecycle?.evidence ?? [])].filter((f) => f.severity === 'bad' || f.severity === 'warn').slice(0, 3);
    return `<div class="attn ${tone}"><h4><a href="#g${i}">${h(g.name)}</a></h4><div>${conds.map((c) => `<span class="badge b-${c === 'dead' ? 'bad' : c === 'window-open' ? 'good' : 'warn'}">${h(conditionLabel(lang, g, c))}</span>`).join(' ')}</div>${reasons.length ? `<ul class="reasons">${reasons.map((f) => `<li>${h(findingText(lang, f, tz))}</li>`).join('')}</ul>` : ''}</div>`;
  });
  return `<section class="card" id="attention"><h2>${h(t(lang, 'doc.attention'))}</h2>${body.length ? body.join('') : `<p class="muted">${h(t(lang, 'doc.allWell'))}</p>`}</section>`;
}

function groupSection(g: GroupReport, i: number, r: AuditResult, lang: Lang): string {
  const v = view(g);
  const badges = [v.lifecycle && badge(lang, 'phase', v.lifecycle.phase), v.vitality && badge(lang, 'vitality', v.vitality.zombie ? 'zombie' : v.vitality.status), v.monetization && badge(lang, 'window', v.monetization.window.status)].filter(Boolean).join(' ');
  const stats = [
    [t(lang, 'col.members'), g.members.total], [t(lang, 'col.active30d'), g.members.active30d], [t(lang, 'col.messages30d'), g.messages.last30d],
    ...(v.lifecycle ? [[t(lang, 'col.since'), localDate(v.lifecycle.since, r.timeZone)]] : []),
    ...(v.selfDrive ? [[t(lang, 'col.selfDrive'), percent(v.selfDrive.score)]] : []),
    ...(v.fission ? [['K', v.fission.kFactor.toFixed(2)]] : []),
  ].map(([k, x]) => `<span>${h(String(k))} <b>${h(String(x))}</b></span>`).join('');
  const phases = [...new Set(v.lifecycle?.timeline.map((s) => s.phase) ?? [])];
  const legend = phases.length ? `<div class="legend">${phases.map((p) => `<span><i style="background:${PHASE_COLOUR[p] ?? '#999'}"></i>${h(t(lang, `phase.${p}`))}</span>`).join('')}</div>` : '';
  const slots = v.monetization?.slots ?? [];
  const matrix = (v.monetization as { heatmap?: number[][] } | undefined)?.heatmap;
  const charts = [
    `<div class="wide"><h3>${h(t(lang, 'chart.weekly'))}</h3>${weeklyChart(lang, g.activity.weekly, v.lifecycle?.timeline, r.timeZone)}${legend}</div>`,
    `<div><h3>${h(t(lang, 'chart.roster'))}</h3>${rosterChart(lang, g.activity.weekly)}</div>`,
    v.monetization ? `<div><h3>${h(t(lang, 'chart.heatmap', { tz: r.timeZone }))}</h3>${heatmap(lang, slots, Array.isArray(matrix) ? matrix : undefined)}${slots.length ? `<p class="muted">${slots.slice(0, 3).map((s, n) => `${n + 1}. ${h(slotText(lang, s))}`).join(' · ')}</p>` : ''}</div>` : '',
  ];
  const people = [
    v.seedUsers ? table(t(lang, 'detail.seeds'), ['col.rank', 'col.name', 'col.score'], v.seedUsers.map((s) => [String(s.rank), h(s.name), s.score.toFixed(2)]), lang) : '',
    v.fission ? table(t(lang, 'detail.spreaders'), ['col.name', 'col.invited', 'col.stayed', 'col.stayedAndActive', 'col.subtree'], v.fission.topSpreaders.map((s) => [h(s.name), String(s.invited), String(s.stayed), String(s.stayedAndActive ?? s.active), String(s.subtree)]), lang) : '',
  ];
  const quiet = (g.members as { goingQuiet?: { name: string; lastMessageAt: string; usualPerWeek: number }[] }).goingQuiet;
  if (quiet?.length) people.push(table(t(lang, 'detail.goingQuiet'), ['col.name', 'col.lastMessage', 'col.usualPerWeek'], quiet.map((q) => [h(q.name), h(localDate(q.lastMessageAt, r.timeZone)), q.usualPerWeek.toFixed(1)]), lang));
  // The window in words, with what to watch next (the JSON's watch lines).
  const watch = v.monetization?.window.watch ?? [];
  const advice = watch.length ? `<p class="muted">${watch.map((f) => h(findingText(lang, f, r.timeZone))).join(' · ')}</p>` : '';
  return `<section class="card group" id="g${i}"><h2>${h(g.name)} ${badges}</h2><div class="stats"><span class="muted">${h(g.platform)} · ${h(g.id)}</span>${stats}</div>${advice}<div class="charts">${charts.join('')}</div><div class="two">${people.filter(Boolean).join('')}</div></section>`;
}

/** A small table; cells arrive escaped. */
function table(title: string, head: string[], rows: string[][], lang: Lang): string {
  const numeric = (k: string) => !['col.name', 'col.lastMessage'].includes(k);
  return `<div><h3>${h(title)}</h3>${rows.length ? `<div class="scroll"><table><thead><tr>${head.map((k) => `<th${numeric(k) ? ' class="num"' : ''}>${h(t(lang, k))}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, j) => `<td class="${numeric(head[j]!) ? 'num' : 'name'}">${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>` : `<p class="muted">${h(t(lang, 'detail.none'))}</p>`}</div>`;
}
