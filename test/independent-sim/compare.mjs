#!/usr/bin/env node
// usage: node compare.mjs truth.json report.json
import fs from 'node:fs';
const [tf, rf] = process.argv.slice(2);
const truth = JSON.parse(fs.readFileSync(tf, 'utf8'));
const rep = JSON.parse(fs.readFileSync(rf, 'utf8'));
const byId = new Map(rep.groups.map((g) => [g.id, g]));
const days = (a, b) => (Date.parse(a) - Date.parse(b)) / 86400000;
const f2 = (x) => (x === null || x === undefined ? '-' : typeof x === 'number' ? x.toFixed(2) : String(x));
const out = [];
const P = (s) => out.push(s);
let phaseOk = 0, phaseN = 0, phaseHard = 0, phaseHardN = 0; const sinceErr = [];
const dead = { tp: 0, fp: 0, fn: 0, tn: 0 }; const zomb = { tp: 0, fp: 0, fn: 0, tn: 0 }; const lack = { tp: 0, fp: 0, fn: 0, tn: 0 };
const seedP = [], seedR = [], spreadTop1 = [], spreadOverlap = [], kErr = [], hourAgree = [], winOk = []; const rows = [];
const conf = {};
for (const t of truth) {
  const g = byId.get(t.id);
  if (!g) { P(`MISSING group ${t.id}`); continue; }
  const L = g.lifecycle;
  const ph = L?.phase ?? 'null';
  phaseN++; if (ph === t.phase) phaseOk++;
  if (!t.phaseSoft) { phaseHardN++; if (ph === t.phase) phaseHard++; }
  conf[`${t.phase}->${ph}`] = (conf[`${t.phase}->${ph}`] ?? 0) + 1;
  const se = L && ph === t.phase ? days(L.since, t.phaseSince) : null;
  if (se !== null && !t.phaseSoft) sinceErr.push({ id: t.id, err: se });
  const isDead = g.vitality.status === 'dead';
  if (t.dead) { isDead ? dead.tp++ : dead.fn++; } else { isDead ? dead.fp++ : dead.tn++; }
  if (t.zombie) { g.vitality.zombie ? zomb.tp++ : zomb.fn++; } else { g.vitality.zombie ? zomb.fp++ : zomb.tn++; }
  const lk = g.selfDrive?.lacking;
  if (t.lacking === true) { lk ? lack.tp++ : lack.fn++; } else if (t.lacking === false) { lk ? lack.fp++ : lack.tn++; }
  // seeds
  let sp = null, sr = null, trapHit = [];
  if (!t.dead && t.seeds.length >= 1) {
    const k = t.seeds.length; const top = g.seedUsers.slice(0, k).map((s) => s.memberId);
    const hit = top.filter((x) => t.seeds.includes(x)).length;
    sp = top.length ? hit / top.length : 0; sr = hit / k; seedP.push(sp); seedR.push(sr);
  }
  for (const tr of t.nonSeedTraps) { const r = g.seedUsers.findIndex((s) => s.memberId === tr.id); if (r >= 0 && r < 10) trapHit.push(`${tr.type}@${r + 1}`); }
  // spreaders
  let s1 = null, sov = null; const tt = t.fission.topSpreaders.filter((s) => s.sa >= 3);
  const toolSp = g.fission.topSpreaders.map((s) => s.memberId);
  if (t.fission.hasInviter && tt.length) {
    s1 = toolSp[0] === tt[0].id ? 1 : 0; spreadTop1.push(s1);
    const k = Math.min(3, tt.length); const tk = tt.slice(0, k).map((s) => s.id);
    sov = toolSp.slice(0, k).filter((x) => tk.includes(x)).length / k; spreadOverlap.push(sov);
  }
  const badIn = t.fission.badSpreader && toolSp.slice(0, 3).includes(t.fission.badSpreader);
  // K
  let ke = null;
  if (t.fission.hasInviter && t.fission.K_ever !== null && g.fission.kFactorMeasured !== false) { ke = g.fission.kFactor - t.fission.K_ever; kErr.push(Math.abs(ke)); }
  // receptive hours: share of tool top-5 slots within ±1h of a planted peak
  let ha = null;
  if (g.monetization?.slots?.length) {
    const top = g.monetization.slots.slice(0, 5);
    const near = (h) => t.peaksShanghai.some((p) => Math.min(Math.abs(h - p), 24 - Math.abs(h - p)) <= 1);
    ha = top.filter((s) => near(s.hour)).length / top.length; hourAgree.push(ha);
  }
  // window sanity
  const ws = g.monetization?.window?.status ?? 'null';
  const expectW = t.phase === 'decline' ? 'closed' : t.phase === 'maturity' ? 'open' : t.phase === 'inception' ? 'upcoming' : t.lateGrowth ? 'open' : 'upcoming';
  winOk.push(ws === expectW ? 1 : 0);
  rows.push({ id: t.id, truth: t.phase + (t.phaseSoft ? '?' : ''), tool: ph, sinceErr: se === null ? '-' : se.toFixed(0), tSince: t.phaseSince.slice(0, 10), toolSince: L?.since?.slice(0, 10) ?? '-', timeline: L?.timeline?.map((x) => `${x.phase[0]}${x.start.slice(2, 10)}`).join(' ') ?? '-',
    vit: g.vitality.status + (g.vitality.zombie ? '/Z' : ''), tVit: t.dead ? (t.zombie ? 'dead/Z' : 'dead') : t.atRisk ? 'at-risk' : 'alive',
    sd: g.selfDrive ? `${f2(g.selfDrive.score)}${g.selfDrive.lacking ? 'L' : ''}` : '-', tLack: t.lacking === null ? '-' : t.lacking ? 'L' + (t.lackingSoft ? '?' : '') : 'ok' + (t.lackingSoft ? '?' : ''),
    seedP: f2(sp), traps: trapHit.join(';'), sp1: s1 ?? '-', spOv: f2(sov), bad: badIn ? 'BAD' : '', Kt: f2(t.fission.K_ever), Ktool: f2(g.fission.kFactor) + (g.fission.kFactorMeasured === false ? '(nm)' : ''), hours: f2(ha), win: ws + (ws === expectW ? '' : `≠${expectW}`) });
}
const pr = (c) => `P=${f2(c.tp / (c.tp + c.fp))} R=${f2(c.tp / (c.tp + c.fn))} (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})`;
const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : null);
const med = (a) => { if (!a.length) return null; const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
P(`phase accuracy: ${phaseOk}/${phaseN} all, ${phaseHard}/${phaseHardN} unambiguous`);
P(`confusion truth->tool: ${JSON.stringify(conf)}`);
P(`phase-since error (days, tool - truth, phase correct & unambiguous): median |err| ${f2(med(sinceErr.map((x) => Math.abs(x.err))))}, mean |err| ${f2(mean(sinceErr.map((x) => Math.abs(x.err))))}; ${sinceErr.map((x) => `${x.id}:${x.err.toFixed(0)}`).join(' ')}`);
P(`dead: ${pr(dead)}`); P(`zombie: ${pr(zomb)}`); P(`lacking self-drive: ${pr(lack)}`);
P(`seed precision@k mean ${f2(mean(seedP))}, recall@k mean ${f2(mean(seedR))} over ${seedP.length} groups`);
P(`top spreader #1 agreement ${f2(mean(spreadTop1))} (${spreadTop1.length} groups), top-3 overlap ${f2(mean(spreadOverlap))}`);
P(`K abs error mean ${f2(mean(kErr))} median ${f2(med(kErr))} (${kErr.length} groups)`);
P(`receptive hours: share of tool top-5 slots within ±1h of planted peaks: mean ${f2(mean(hourAgree))}`);
P(`monetization window status as expected from planted phase: ${winOk.reduce((a, b) => a + b, 0)}/${winOk.length}`);
const cols = Object.keys(rows[0]);
P('\n| ' + cols.join(' | ') + ' |'); P('|' + cols.map(() => '---').join('|') + '|');
for (const r of rows) P('| ' + cols.map((c) => r[c]).join(' | ') + ' |');
console.log(out.join('\n'));
