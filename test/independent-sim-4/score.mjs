#!/usr/bin/env node
// score.mjs SIMDIR — reads SIMDIR/truth.json and the reports written by run.sh
// (SIMDIR/report-<run>.json, report-<run>-late.json, report-ny-folder.json, report-dst-*.json)
// and prints a markdown table plus every miss with the report's evidence. Also writes score.json.
import fs from 'node:fs';
import path from 'node:path';

const DIR = process.argv[2] ?? '/tmp/sim5/s1';
const truth = JSON.parse(fs.readFileSync(path.join(DIR, 'truth.json'), 'utf8'));
const load = (f) => { const p = path.join(DIR, f); return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null; };
const DAY = 86400000;
const days = (a, b) => Math.round((Date.parse(a) - Date.parse(b.length === 10 ? b + 'T00:00:00Z' : b)) / DAY);

const rows = {}; // metric -> {ok, n}
const misses = [];
function score(metric, ok, g, detail) {
  rows[metric] ??= { ok: 0, n: 0, runs: {} };
  rows[metric].n++; if (ok) rows[metric].ok++;
  const r = (rows[metric].runs[g.run] ??= { ok: 0, n: 0 }); r.n++; if (ok) r.ok++;
  if (!ok) misses.push({ metric, run: g.run, group: `${g.name} (${g.id})`, scenario: g.scenario, ...detail });
}
const ambiguous = [];

function collapse(tl) { const out = []; for (const t of tl) if (!out.length || out[out.length - 1] !== t.phase) out.push(t.phase); return out; }

for (const g of truth.groups) {
  const rep = load(`report-${g.run}.json`);
  const rg = rep?.groups.find((x) => x.id === g.id || x.name === g.name);
  score('group found', !!rg, g, {});
  if (!rg) continue;
  score('asOf = latest event', rep.asOf === truth.runs[g.run].asOf, g, { expected: truth.runs[g.run].asOf, got: rep.asOf });
  score('messages.total exact', rg.messages.total === g.messages, g, { expected: g.messages, got: rg.messages.total });
  const rosterOk = g.rosterLenient ? rg.members.total >= g.rosterLenient[0] && rg.members.total <= g.rosterLenient[1] : (rg.members.total === g.roster || (g.kind === 'bot-only' && rg.members.total === g.roster - 1));
  score('members.total (roster)', rosterOk, g, { expected: g.rosterLenient ? `${g.rosterLenient[0]}–${g.rosterLenient[1]} (actual ${g.roster})` : g.roster, got: rg.members.total, rosterSource: rg.lifecycle?.rosterSource });
  if (g.rosterLenient) ambiguous.push(`${g.name}: roster actual ${g.roster}, report ${rg.members.total}; members who left between the two member lists (${truth.overlap.rosterNote.leftAfterL2}, shown only by their absence from the later snapshot) and lurkers who joined after it (${truth.overlap.rosterNote.unknowable}) are not scored strictly`);
  if (g.rosterLenient) ambiguous.push(`${g.name}: fission.joins ${rg.fission.joins} vs ${g.joins} planted — members who joined and left between the two member lists and never wrote are in no file`);
  else score('fission.joins', rg.fission.joins === g.joins, g, { expected: g.joins, got: rg.fission.joins });
  const fe = rg.firstActivityAt, le = rg.lastActivityAt;
  score('first/last event (±1 s)', fe && le && Math.abs(Date.parse(fe) - Date.parse(g.firstEvent)) <= 1000 && Math.abs(Date.parse(le) - Date.parse(g.lastEvent)) <= 1000, g, { expected: [g.firstEvent, g.lastEvent], got: [fe, le] });

  if (g.kind === 'members-only') {
    // Session 12: judged on the roster within the contract's statuses, with the finding first (docs/analyses.md).
    const noMessages = rg.vitality.reasons?.[0]?.code === 'vitality-no-messages';
    score('no-messages group: within the contract, finding first', noMessages && ['alive', 'at-risk', 'dead'].includes(rg.vitality.status) && !!rg.lifecycle && !!rg.selfDrive && !!rg.monetization, g, { got: { status: rg.vitality.status, reason: rg.vitality.reasons?.[0]?.code, lifecycle: !!rg.lifecycle } });
    continue;
  }
  // phase
  const lc = rg.lifecycle;
  if (g.phaseAmbiguous) ambiguous.push(`${g.name}: phase not scored (${g.notes.join('; ') || 'tiny group'}); report ${lc?.phase} since ${lc?.since?.slice(0, 10)}`);
  else score('phase now', lc?.phase === g.phase, g, { expected: g.phase, got: lc?.phase, since: lc?.since, timeline: lc?.timeline.map((t) => `${t.phase}@${t.start.slice(0, 10)}`).join(' → '), evidence: lc?.evidence?.map((e) => `${e.code} ${JSON.stringify(e.values)}`) });
  if (g.since && !g.sinceAmbiguous && lc) {
    const d = days(lc.since, g.since);
    const ok = g.sinceLate ? d >= -14 && days(lc.since, g.sinceLate) <= 14 : Math.abs(d) <= 14;
    score('phase since (±14 d)', ok, g, { expected: g.sinceLate ? `${g.since} … ${g.sinceLate} (campaign start … inflow clear)` : g.since, got: lc.since, deltaDays: d });
  }
  if (g.timeline && lc) {
    const got = collapse(lc.timeline);
    const exp = collapse(g.timeline);
    score('timeline phase sequence', JSON.stringify(got) === JSON.stringify(exp), g, { expected: exp.join('→'), got: lc.timeline.map((t) => `${t.phase}@${t.start.slice(0, 10)}`).join(' → ') });
    if (g.timeline.some((s) => s.revival)) {
      const i = got.lastIndexOf('decline');
      score('revival: decline then growth in timeline', i >= 0 && got.slice(i + 1).includes('growth'), g, { got: got.join('→') });
    }
    const mat = g.timeline.find((s) => s.phase === 'maturity' && !g.timeline.some((x) => x.phase === 'decline'));
    if (mat && !g.phaseAmbiguous) {
      const after = lc.timeline.filter((t) => Date.parse(t.start) > Date.parse(mat.start) + 14 * DAY && t.phase !== 'maturity');
      score('steady maturity: no growth/decline flapping after maturity', after.length === 0, g, { flaps: after.map((t) => `${t.phase} ${t.start.slice(0, 10)}…${t.end.slice(0, 10)}`) });
    }
    // day agreement with 7-day slack at boundaries
    let agree = 0, n = 0;
    const bounds = g.timeline.slice(1).map((s) => Date.parse(s.start));
    for (let t = Date.parse(g.timeline[0].start); t <= Date.parse(g.timeline[g.timeline.length - 1].end); t += DAY) {
      if (bounds.some((b) => Math.abs(b - t) <= 7 * DAY)) continue;
      const ts = g.timeline.find((s) => t >= Date.parse(s.start) && t <= Date.parse(s.end) + DAY - 1);
      const rs = lc.timeline.find((s) => t + 12 * 3600e3 >= Date.parse(s.start) && t + 12 * 3600e3 < Date.parse(s.end));
      n++; if (ts && rs && ts.phase === rs.phase) agree++;
    }
    rows['timeline day agreement (mean)'] ??= { sum: 0, n: 0, runs: {} };
    rows['timeline day agreement (mean)'].sum += n ? agree / n : 0; rows['timeline day agreement (mean)'].n++;
    const rr = (rows['timeline day agreement (mean)'].runs[g.run] ??= { sum: 0, n: 0 }); rr.sum += n ? agree / n : 0; rr.n++;
  }
  score('dead', (rg.vitality.status === 'dead') === g.dead, g, { expected: g.dead, got: rg.vitality.status, reasons: rg.vitality.reasons.map((r) => r.code) });
  score('zombie', rg.vitality.zombie === g.zombie, g, { expected: g.zombie, got: rg.vitality.zombie, postsWhileSilent: rg.vitality.postsWhileSilent });
  if (g.lacking != null) score('lacking self-drive', rg.selfDrive?.lacking === g.lacking, g, { expected: g.lacking, got: rg.selfDrive?.lacking, score: rg.selfDrive?.score, staffShare: rg.selfDrive?.staffShare });
  if (g.window) score('window status', rg.monetization?.window.status === g.window, g, { expected: g.window, got: rg.monetization?.window.status, lateGrowth: lc?.lateGrowth, lateGrowthSince: lc?.lateGrowthSince });
  // seeds
  if (g.seeds.length && !g.phaseAmbiguous) {
    const top = rg.seedUsers.map((s) => s.memberId);
    // a planted spreader (ordinary member whose invitees stay and talk) is a legitimate seed by domain.md (fission signal)
    const ok = new Set([...g.seeds, ...g.spreaders.map((s) => s.id)]);
    const p3 = top.slice(0, 3).filter((x) => ok.has(x)).length;
    const r5 = g.seeds.filter((x) => top.slice(0, 5).includes(x)).length;
    rows['seed precision@3'] ??= { ok: 0, n: 0, runs: {} }; rows['seed precision@3'].ok += p3; rows['seed precision@3'].n += 3;
    (rows['seed precision@3'].runs[g.run] ??= { ok: 0, n: 0 }); rows['seed precision@3'].runs[g.run].ok += p3; rows['seed precision@3'].runs[g.run].n += 3;
    rows['seed recall@5'] ??= { ok: 0, n: 0, runs: {} }; rows['seed recall@5'].ok += r5; rows['seed recall@5'].n += g.seeds.length;
    (rows['seed recall@5'].runs[g.run] ??= { ok: 0, n: 0 }); rows['seed recall@5'].runs[g.run].ok += r5; rows['seed recall@5'].runs[g.run].n += g.seeds.length;
    if (p3 < 3 || r5 < g.seeds.length) misses.push({ metric: 'seeds (info)', run: g.run, group: g.name, planted: g.seeds, got: rg.seedUsers.slice(0, 5).map((s) => `${s.memberId} ${s.score} days ${s.signals.activeDays} msgs ${s.signals.messages}`) });
    const bad = rg.seedUsers.slice(0, 10).filter((s) => g.decoys.some((d) => d.id === s.memberId) || g.staffAndBots.includes(s.memberId));
    score('no decoy/staff/bot among top-10 seeds', bad.length === 0, g, { got: bad.map((s) => `${s.memberId} #${s.rank}`), decoys: g.decoys });
  }
  if (g.topSpreader && g.topSpreaderMargin >= 2) score('top spreader', rg.fission.topSpreaders[0]?.memberId === g.topSpreader, g, { expected: g.topSpreader, got: rg.fission.topSpreaders.slice(0, 3).map((s) => `${s.memberId} ${s.stayedAndActive}`) });
  if (g.peakHours) {
    const s = rg.monetization?.slots?.[0];
    const hOk = s && g.peakHours.some((h) => Math.min(Math.abs(s.hour - h), 24 - Math.abs(s.hour - h)) <= 1);
    score('best slot hour ±1 h', !!hOk, g, { expected: g.peakHours, got: s, measuredBestSlot: g.measuredBestSlot });
    score('best slot hour exact (DST check)', !!s && g.peakHours.includes(s.hour), g, { expected: g.peakHours, got: s, measuredBestSlot: g.measuredBestSlot });
    if (g.peakWeekday) score('burst: best slot weekday', s?.weekday === g.peakWeekday, g, { expected: g.peakWeekday, got: s });
  }
  // weekly series sanity (DST weeks): Mondays in the zone
  const wk = rg.activity?.weekly ?? [];
  const nonMonday = wk.filter((w) => new Date(w.weekStart + 'T00:00:00Z').getUTCDay() !== 1);
  score('weekly weekStart are Mondays', nonMonday.length === 0, g, { got: nonMonday.slice(0, 3) });
}

// ---- late as-of (export analysed 2 months later)
for (const g of truth.groups) {
  const rep = load(`report-${g.run}-late.json`);
  const rg = rep?.groups.find((x) => x.id === g.id || x.name === g.name);
  const gg = { ...g, run: g.run + '-late' };
  if (!rg) { score('late: group found', false, gg, {}); continue; }
  score('late: asOf as given', rep.asOf === truth.runs[g.run].lateAsOf, gg, { expected: truth.runs[g.run].lateAsOf, got: rep.asOf });
  if (g.kind === 'members-only') { score('late: no-messages finding kept', rg.vitality.reasons?.[0]?.code === 'vitality-no-messages', gg, { got: rg.vitality.reasons?.[0]?.code }); continue; }
  score('late: dead', (rg.vitality.status === 'dead') === g.late.dead, gg, { expected: g.late.dead, got: rg.vitality.status });
  score('late: zombie', rg.vitality.zombie === g.late.zombie, gg, { expected: g.late.zombie, got: rg.vitality.zombie });
  score('late: phase decline', rg.lifecycle?.phase === 'decline', gg, { got: rg.lifecycle?.phase, since: rg.lifecycle?.since });
  score('late: window closed', rg.monetization?.window.status === 'closed', gg, { got: rg.monetization?.window.status });
  score('late: messages unchanged', rg.messages.total === g.messages, gg, { expected: g.messages, got: rg.messages.total });
}

// ---- folder input (NY: Slack export folder next to canonical CSVs)
{
  const rep = load('report-ny-folder.json');
  if (rep) {
    for (const g of truth.groups.filter((x) => x.run === 'ny')) {
      const rg = rep.groups.find((x) => x.id === g.id || x.name === g.name);
      score('folder input: every group found', !!rg, { ...g, run: 'ny-folder' }, { inputs: rep.inputs.map((i) => `${i.path} ${i.format} ${i.records}`), warnings: rep.warnings.map((w) => w.code) });
    }
  }
}

// ---- DST spot checks: last event before a winter/summer cut (as-of)
for (const c of truth.dstChecks ?? []) {
  const rep = load(`report-dst-${c.run}-${c.asOf.slice(0, 10)}.json`);
  if (!rep) continue;
  const rg = rep.groups.find((x) => x.id === c.group);
  const g = { run: c.run, name: c.group, id: c.group };
  score('DST: lastActivityAt at a cut', rg && rg.lastActivityAt && Math.abs(Date.parse(rg.lastActivityAt) - Date.parse(c.lastEvent)) <= 1000, g, { cut: c.asOf, expected: c.lastEvent, local: c.localLast, got: rg?.lastActivityAt });
}

// ---- cross-group (one operator, shared people)
const cross = [];
for (const run of ['sh', 'ny']) {
  const rep = load(`report-${run}.json`);
  if (!rep) continue;
  const tg = truth.groups.filter((g) => g.run === run);
  for (const g of tg) {
    const rg = rep.groups.find((x) => x.id === g.id || x.name === g.name);
    if (!rg) continue;
    for (const s of rg.seedUsers) {
      const exp = g.perMemberCapped[s.memberId] ?? 0; // at most dailyCap (20) messages a day count (docs/analyses.md)
      if (g.shared?.some((x) => x.id === s.memberId) || run === 'ny') {
        const ok = Math.abs(s.signals.messages - exp) <= Math.max(3, exp * 0.05);
        score('cross-group: seed signals.messages = this group only', ok, g, { member: s.memberId, expected: exp, got: s.signals.messages });
      }
    }
    for (const sh of g.shared ?? []) if (sh.type === 'lurker') score('cross-group: shared lurker not a seed here', !rg.seedUsers.some((s) => s.memberId === sh.id), g, { member: sh.id });
  }
  if (run === 'ny') {
    for (const [ch, n] of Object.entries(truth.crossGroup.ny.channelMembers)) {
      const rg = rep.groups.find((x) => x.name === ch);
      if (rg) cross.push(`Slack #${ch}: roster ${rg.members.total} (channel members ${n}, workspace users ${truth.crossGroup.ny.workspaceUsers})`);
    }
  }
  const ids = rep.groups.flatMap((x) => x.seedUsers.map((s) => s.memberId));
  const multi = [...new Set(ids.filter((x, i) => ids.indexOf(x) !== i))];
  cross.push(`${run}: members ranked as seed user in more than one group: ${multi.join(', ') || 'none'}; the JSON has no cross-group section (docs/json-output.md lists none)`);
}

// ---- output
const pct = (r) => (r.sum != null ? (r.sum / r.n).toFixed(3) : `${r.ok}/${r.n}`);
const runs = ['sh', 'ny', 'ldn'];
let md = `# independent-sim-4 score (seed ${truth.seed})\n\n| metric | ${runs.join(' | ')} | late as-of | other | ALL |\n|---|---|---|---|---|---|---|\n`;
for (const [k, r] of Object.entries(rows)) {
  const cell = (x) => (r.runs[x] ? pct(r.runs[x]) : '–');
  const late = Object.entries(r.runs).filter(([x]) => x.endsWith('-late'));
  const other = Object.entries(r.runs).filter(([x]) => !runs.includes(x) && !x.endsWith('-late'));
  const agg = (list) => (list.length ? pct(list.reduce((a, [, v]) => (v.sum != null ? { sum: a.sum + v.sum, n: a.n + v.n } : { ok: (a.ok ?? 0) + v.ok, n: a.n + v.n }), r.sum != null ? { sum: 0, n: 0 } : { ok: 0, n: 0 })) : '–');
  md += `| ${k} | ${runs.map(cell).join(' | ')} | ${agg(late)} | ${agg(other)} | ${pct(r)} |\n`;
}
md += `\n## Misses\n\n`;
for (const m of misses) md += `- **${m.metric}** [${m.run}] ${m.group}${m.scenario ? ` — ${m.scenario}` : ''}: ${JSON.stringify(Object.fromEntries(Object.entries(m).filter(([k]) => !['metric', 'run', 'group', 'scenario'].includes(k))))}\n`;
md += `\n## Cross-group\n\n${cross.map((c) => `- ${c}`).join('\n')}\n\n## Not scored (ambiguous)\n\n${[...new Set(ambiguous)].map((a) => `- ${a}`).join('\n')}\n`;
fs.writeFileSync(path.join(DIR, 'score.md'), md);
fs.writeFileSync(path.join(DIR, 'score.json'), JSON.stringify({ rows, misses, cross, ambiguous }, null, 1));
console.log(md);
