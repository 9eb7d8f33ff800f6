#!/usr/bin/env node
// score.mjs DIR — score DIR/report-<zone>.json against DIR/truth.json; writes DIR/score.md and DIR/score.json
import fs from 'node:fs';
import path from 'node:path';

const DIR = process.argv[2];
if (!DIR) { console.error('usage: score.mjs DIR'); process.exit(2); }
const truth = JSON.parse(fs.readFileSync(path.join(DIR, 'truth.json'), 'utf8'));
const DAY = 86400000;
const reports = {};
for (const dir of Object.keys(truth.runs)) { try { reports[dir] = JSON.parse(fs.readFileSync(path.join(DIR, `report-${dir}.json`), 'utf8')); } catch (e) { reports[dir] = null; } }

const rows = new Map(); // metric -> {ok, n}
const misses = [];
const tally = (metric, ok, g, detail) => {
  if (ok == null) return;
  const r = rows.get(metric) ?? { ok: 0, n: 0 }; r.n++; if (ok) r.ok++; rows.set(metric, r);
  if (!ok) misses.push({ metric, group: g ? `${g.name} (${g.key}, ${g.format}, ${g.scenario})` : '', detail });
};
const num = (metric, v) => { const r = rows.get(metric) ?? { vals: [] }; r.vals.push(v); rows.set(metric, r); };

const same = (m, p) => p && (m.memberId === p.id || m.memberId === p.name || m.name === p.name || m.name === p.nick || m.memberId === p.nick);
const days = (a, b) => (Date.parse(a) - Date.parse(b)) / DAY;
const ids = (xs) => xs.map((s) => `${s.name}(${s.memberId})`).join(', ');

for (const t of truth.groups) {
  const rep = reports[t.dir];
  const found = rep?.groups.find((g) => g.name === t.name || g.id === t.qqGroup || g.id === t.room || (t.format === 'discord-csv' && g.name.includes(t.name)));
  tally('group found', !!found, t, found ? '' : `no group named ${t.name} / id ${t.qqGroup ?? t.room} in report-${t.dir}.json (groups: ${rep?.groups.map((g) => g.name).join(', ')})`);
  if (!found) continue;
  const g = found;
  // counts
  tally('messages.total exact', g.messages.total === t.messages, t, `report ${g.messages.total}, planted ${t.messages} (recalls planted ${t.recalls}, not messages)`);
  // roster: QQ NT has no leave tips (docs/formats.md: the roster only grows); Discord CSV: people seen
  let rosterOk, rosterWant;
  if (t.format === 'discord-csv') { rosterWant = Object.keys(t.memberMessages).length; rosterOk = g.members.total === rosterWant; }
  else if (t.format === 'qce-json-named') { rosterWant = `${t.roster}…${t.rosterNoLeaves}`; rosterOk = g.members.total >= t.roster && g.members.total <= t.rosterNoLeaves; }
  else if (t.format.startsWith('qce')) { rosterWant = t.rosterNoLeaves; rosterOk = g.members.total === rosterWant; }
  else if (t.format === 'qq-mht') { rosterWant = `${t.roster}…${t.roster + t.nickSpeakers}`; rosterOk = g.members.total >= t.roster && g.members.total <= t.roster + t.nickSpeakers; }
  else if (t.format === 'line-zhcn') { rosterWant = t.rosterNoVoluntaryLeaves; rosterOk = g.members.total === rosterWant; } // zh-CN leaves are not written (no wording in the docs)
  else { rosterWant = t.roster; rosterOk = g.members.total === rosterWant; }
  tally('members.total (roster)', rosterOk, t, `report ${g.members.total}, planted ${rosterWant} (current ${t.roster}, everyone who ever joined ${t.rosterNoLeaves})`);
  if (t.format !== 'discord-csv') tally('fission.joins', t.format === 'qce-json-named' ? Math.abs(g.fission.joins - t.joins) <= 1 : g.fission.joins === t.joins, t, `report ${g.fission.joins}, planted ${t.joins}`);
  const tol = t.format.startsWith('line') ? 60 : 1;
  tally('first event', g.firstActivityAt && Math.abs(Date.parse(g.firstActivityAt) - Date.parse(t.firstEvent)) <= tol * 1000, t, `report ${g.firstActivityAt}, planted ${t.firstEvent}`);
  tally('last event', g.lastActivityAt && Math.abs(Date.parse(g.lastActivityAt) - Date.parse(t.lastEvent)) <= tol * 1000, t, `report ${g.lastActivityAt}, planted ${t.lastEvent}`);
  // verdicts
  const lc = g.lifecycle;
  tally('phase now', lc?.phase === t.phase, t, `report ${lc?.phase} since ${lc?.since?.slice(0, 10)}, planted ${t.phase} since ${t.since.slice(0, 10)}; timeline ${lc?.timeline.map((s) => `${s.phase}@${s.start.slice(0, 10)}`).join(' → ')}; evidence ${JSON.stringify(lc?.evidence.map((e) => [e.code, e.values]))}`);
  if (lc?.phase === t.phase) {
    const d = days(lc.since, t.since);
    const tolD = t.phase === 'growth' ? 21 : 14;
    if (t.phase === 'inception') tally('phase since', Math.abs(d) <= 2, t, `report ${lc.since}, planted ${t.since}`);
    else { tally(`phase since (±${tolD} d)`, Math.abs(d) <= tolD, t, `report ${lc.since.slice(0, 10)}, planted ${t.since.slice(0, 10)} (${d.toFixed(1)} d); timeline ${lc.timeline.map((s) => `${s.phase}@${s.start.slice(0, 10)}`).join(' → ')}`); num('since error (days)', Math.round(d)); }
  }
  tally('dead', (g.vitality.status === 'dead') === t.dead, t, `report ${g.vitality.status}, planted dead=${t.dead}; last member message report ${g.vitality.lastMemberMessageAt}, planted ${t.lastMemberMessage}`);
  tally('zombie', g.vitality.zombie === t.zombie, t, `report ${g.vitality.zombie}, planted ${t.zombie}; postsWhileSilent ${JSON.stringify(g.vitality.postsWhileSilent)}`);
  if (t.lacking != null) tally('lacking self-drive', g.selfDrive?.lacking === t.lacking, t, `report ${g.selfDrive?.lacking} (score ${g.selfDrive?.score}, staffKnown ${g.selfDrive?.staffKnown}, staffShare ${g.selfDrive?.staffShare}, memberStarted ${g.selfDrive?.memberStartedShare}, spontaneous ${g.selfDrive?.spontaneousShare}), planted ${t.lacking}`);
  if (t.window) tally('window status', g.monetization?.window.status === t.window, t, `report ${g.monetization?.window.status} (opened ${g.monetization?.window.openedAt}), planted ${t.window}`);
  // seeds (not judged in dead groups: members who went quiet are not seeds)
  const su = g.seedUsers ?? [];
  if (!t.dead) {
    const good = [...t.seeds, ...t.spreaders];
    const top3 = su.slice(0, 3);
    const k = Math.min(3, t.seeds.length);
    const hits = su.slice(0, k).filter((m) => good.some((p) => same(m, p))).length;
    tally('seed precision@k', hits === k, t, `top ${k}: ${ids(su.slice(0, k))}; planted seeds ${t.seeds.map((s) => s.name).join(', ')}${t.spreaders.length ? '; spreaders ' + t.spreaders.map((s) => s.name).join(', ') : ''}`);
    const rec = t.seeds.filter((p) => su.slice(0, 5).some((m) => same(m, p))).length;
    tally('seed recall@5', rec === t.seeds.length, t, `top 5: ${ids(su.slice(0, 5))}; planted ${t.seeds.map((s) => s.name).join(', ')}`);
    void top3;
  }
  // DiscordChatExporter CSV states no roles and marks no exporter: the owner cannot be known there
  const bad = [...t.decoys, ...(t.format === 'discord-csv' ? [] : t.staff)].filter((p) => su.slice(0, 10).some((m) => same(m, p)));
  tally('no decoy/staff in top-10 seeds', bad.length === 0, t, `ranked: ${bad.map((p) => `${p.name} (${p.kind ?? 'staff'})`).join(', ')}`);
  if (t.topSpreader) tally('top spreader', same(g.fission.topSpreaders[0] ?? {}, t.topSpreader), t, `report ${ids(g.fission.topSpreaders.slice(0, 3))} (invited/stayedAndActive ${g.fission.topSpreaders.slice(0, 3).map((s) => `${s.invited}/${s.stayedAndActive}`).join(' ')}), planted ${t.topSpreader.name} (${t.topSpreader.stayedAndActive} stayed and talk; next ${t.topSpreader.next})`);
  const slot = g.monetization?.slots?.[0];
  if (!t.dead && t.scenario !== 'decline') {
    const dh = slot ? Math.min(Math.abs(slot.hour - t.peakHour), 24 - Math.abs(slot.hour - t.peakHour)) : 99;
    tally('best slot hour ±1', dh <= 1, t, `report ${slot ? `weekday ${slot.weekday} ${slot.hour}:00` : 'none'}, planted ${t.peakHour}:00`);
  }
  // identity: the export has ids where docs/formats.md says so
  const want = ['name'].includes(t.idKind) ? 'names' : 'ids';
  tally('identity', g.identity === want, t, `report ${g.identity}, expected ${want}`);
}
// as-of, personal chats, check-report
for (const [dir, run] of Object.entries(truth.runs)) {
  const rep = reports[dir];
  tally('report written', !!rep, null, `report-${dir}.json missing`);
  if (!rep) continue;
  tally('asOf = latest event', Math.abs(Date.parse(rep.asOf) - Date.parse(run.asOf)) <= 60000, { name: dir, key: dir, format: '', scenario: '' }, `report ${rep.asOf}, planted ${run.asOf}`);
  const extra = rep.groups.filter((g) => !truth.groups.some((t) => t.dir === dir && (g.name === t.name || g.id === t.qqGroup || g.id === t.room || (t.format === 'discord-csv' && g.name.includes(t.name)))));
  tally('no extra groups', extra.length === 0, { name: dir, key: dir, format: '', scenario: '' }, `unexpected groups: ${extra.map((g) => `${g.name} (${g.id}, ${g.messages.total} msgs)`).join(', ')}`);
  let chk = '';
  try { chk = fs.readFileSync(path.join(DIR, `check-${dir}.txt`), 'utf8').trim(); } catch { chk = '(not run)'; }
  tally('check-report.mjs ok', /report ok/.test(chk), { name: dir, key: dir, format: '', scenario: '' }, chk.split('\n').slice(0, 5).join(' | '));
}
for (const p of truth.personal) {
  const rep = reports[p.dir];
  tally('one-to-one chat left out', rep && !rep.groups.some((g) => g.name.includes(p.name)) && rep.warnings.some((w) => w.code === 'personal-chats-left-out'), { name: p.name, key: 'personal', format: 'line-en', scenario: 'personal' }, 'listed as a group or no personal-chats-left-out warning');
}

// output
const lines = [`# independent-sim-5, seed ${truth.seed}`, '', '| metric | result |', '|---|---|'];
const out = {};
for (const [k, v] of rows) {
  if (v.vals) { const a = v.vals.map(Math.abs).sort((x, y) => x - y); lines.push(`| ${k} | median |err| ${a[Math.floor(a.length / 2)]}, max ${a[a.length - 1]} (${v.vals.join(' ')}) |`); out[k] = v.vals; }
  else { lines.push(`| ${k} | ${v.ok}/${v.n} |`); out[k] = `${v.ok}/${v.n}`; }
}
lines.push('', '## Misses', '');
for (const m of misses) lines.push(`- **${m.metric}** — ${m.group}: ${m.detail}`);
fs.writeFileSync(path.join(DIR, 'score.md'), lines.join('\n') + '\n');
fs.writeFileSync(path.join(DIR, 'score.json'), JSON.stringify({ seed: truth.seed, rows: out, misses }, null, 1));
console.log(lines.join('\n'));
