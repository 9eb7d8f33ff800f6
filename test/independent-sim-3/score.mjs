#!/usr/bin/env node
// Score community-audit JSON reports against the simulator's planted truth.
// Usage: node score.mjs truth.json report.json [report2.json ...] [--json out.json]
// Several reports may be given (one per --tz run); groups are matched by name.
import fs from 'node:fs';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const files = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--json'));
const truth = JSON.parse(fs.readFileSync(files[0], 'utf8'));
const reports = files.slice(1).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const rgroups = reports.flatMap((r) => r.groups.map((g) => ({ ...g, _tz: r.timeZone })));
const DAY = 86400000;

function findGroup(t) {
  const c = rgroups.filter((g) => g._tz === t.tz);
  return c.find((g) => g.name === t.group) || c.find((g) => g.name.endsWith('#' + t.group)) || c.find((g) => g.name.includes(t.group)) || null;
}
const secs = (a, b) => (a && b ? Math.round((Date.parse(a) - Date.parse(b)) / 1000) : null);
const fmtKey = (t) => t.fmt;

const V = {}; // verdict -> {fmt -> {tp,fp,fn,tn,n,ok}}
function tally(verdict, fmt, kind) { // kind: tp/fp/fn/tn or ok/bad
  for (const k of [fmt, 'ALL']) { V[verdict] ??= {}; V[verdict][k] ??= { tp: 0, fp: 0, fn: 0, tn: 0, ok: 0, bad: 0, sum: 0, n: 0 }; V[verdict][k][kind]++; }
}
function addNum(verdict, fmt, x) { for (const k of [fmt, 'ALL']) { V[verdict] ??= {}; V[verdict][k] ??= { tp: 0, fp: 0, fn: 0, tn: 0, ok: 0, bad: 0, sum: 0, n: 0 }; V[verdict][k].sum += x; V[verdict][k].n++; } }
const misses = [];
const miss = (t, verdict, planted, said, evidence, note) => misses.push({ group: t.group, fmt: t.fmt, variant: t.variant, scenario: t.scenario, verdict, planted, said, evidence, ambiguous: t.ambiguous.length ? t.ambiguous : undefined, note });
const bin = (t, verdict, truthV, saidV, evidence) => {
  if (truthV == null || saidV == null) return;
  const k = truthV ? (saidV ? 'tp' : 'fn') : (saidV ? 'fp' : 'tn');
  tally(verdict, fmtKey(t), k);
  if (k === 'fn' || k === 'fp') miss(t, verdict, truthV, saidV, evidence());
};
const acc = (t, verdict, ok, planted, said, evidence) => { tally(verdict, fmtKey(t), ok ? 'ok' : 'bad'); if (!ok) miss(t, verdict, planted, said, evidence()); };
const short = (fs_) => (fs_ || []).map((f) => `${f.code}${Object.keys(f.values || {}).length ? ' ' + JSON.stringify(f.values) : ''}`);

const perGroup = [];
for (const t of truth.groups) {
  const g = findGroup(t);
  if (!g) { acc(t, 'group-found', false, t.group, null, () => ({ reportGroups: rgroups.filter((x) => x._tz === t.tz).map((x) => x.name) })); continue; }
  tally('group-found', t.fmt, 'ok');
  const row = { group: t.group, fmt: t.fmt, scenario: t.scenario };
  // ---- parsing fidelity ----
  const nonSys = g.messages ? g.messages.total : null;
  const want = t.counts.messagesVisible ?? t.counts.messages;
  acc(t, 'parse:message-count', nonSys === want, want, nonSys, () => ({ messages: g.messages, plantedRecalls: t.counts.recalls }));
  const dl = secs(g.lastActivityAt, t.lastEventAt), df = secs(g.firstActivityAt, t.firstEventAt);
  const tol = t.fmt === 'whatsapp' && !t.variant.startsWith('ios') ? 60 : 1;
  acc(t, 'parse:first/last-time', Math.abs(dl) <= tol && Math.abs(df) <= tol, { first: t.firstEventAt, last: t.lastEventAt }, { first: g.firstActivityAt, last: g.lastActivityAt }, () => ({ firstDiffSec: df, lastDiffSec: dl }));
  const dm = secs(g.vitality.lastMemberMessageAt, t.lastMemberMessageAt);
  acc(t, 'parse:last-member-message', dm != null && Math.abs(dm) <= tol, t.lastMemberMessageAt, g.vitality.lastMemberMessageAt, () => ({ diffSec: dm, daysSinceMemberActivity: g.vitality.daysSinceMemberActivity, postsWhileSilent: g.vitality.postsWhileSilent }));
  if (!t.exportStart) {
    acc(t, 'parse:roster', Math.abs(g.members.total - t.counts.roster) <= 0, t.counts.roster, g.members.total, () => ({ rosterSource: g.lifecycle?.rosterSource, joined30d: g.members.joined30d, left30d: g.members.left30d, plantedJoins: t.counts.joins, plantedLeaves: t.counts.leaves, plantedRemovals: t.counts.removals, fissionJoins: g.fission.joins, diag: t.diag }));
    acc(t, 'parse:joins', g.fission.joins === t.counts.joins - 0 || g.fission.joins === t.counts.joins, t.counts.joins, g.fission.joins, () => ({ joinsByMethod: g.fission.joinsByMethod, planted: t.counts.joinsByMethod }));
    if (['whatsapp', 'telegram', 'wechat'].includes(t.fmt)) {
      const pj = t.counts.joinsByMethod; const rj = g.fission.joinsByMethod;
      const plantedInvited = (pj.invite || 0) + (pj.qr || 0);
      const saidInvited = (rj.invite || 0) + (rj.qr || 0);
      acc(t, 'parse:invited-joins', saidInvited === plantedInvited, pj, rj, () => ({ invitedShare: g.fission.invitedShare, externalRoots: g.fission.externalRoots, roots: g.fission.roots }));
    }
    acc(t, 'parse:joined/left-30d', g.members.joined30d === t.counts.joined30d && g.members.left30d === t.counts.left30d, { joined30d: t.counts.joined30d, left30d: t.counts.left30d }, { joined30d: g.members.joined30d, left30d: g.members.left30d }, () => ({}));
  }
  // ---- lifecycle ----
  const L = g.lifecycle;
  if (L) {
    const ok = L.phase === t.phase;
    acc(t, 'phase', ok, t.phase, L.phase, () => ({ since: L.since, timeline: L.timeline.map((p) => `${p.phase}:${p.start.slice(0, 10)}`).join(' → '), rosterSource: L.rosterSource, evidence: short(L.evidence) }));
    if (ok) {
      const dd = Math.round((Date.parse(L.since) - Date.parse(t.phaseSince)) / DAY);
      addNum('phase-since-abs-days', t.fmt, Math.abs(dd));
      acc(t, 'phase-since(±21d)', Math.abs(dd) <= 21, t.phaseSince, L.since.slice(0, 10), () => ({ diffDays: dd, timeline: L.timeline.map((p) => `${p.phase}:${p.start.slice(0, 10)}`).join(' → ') }));
    }
    row.phase = `${t.phase}→${L.phase}`;
  } else acc(t, 'phase', false, t.phase, null, () => ({ vitality: g.vitality.status }));
  // ---- vitality ----
  const vit = () => ({ status: g.vitality.status, daysSinceMemberActivity: g.vitality.daysSinceMemberActivity, memberActivityVsPeak: g.vitality.memberActivityVsPeak, postsWhileSilent: g.vitality.postsWhileSilent, reasons: short(g.vitality.reasons) });
  bin(t, 'dead', t.dead, g.vitality.status === 'dead', vit);
  bin(t, 'zombie', t.zombie, g.vitality.zombie, vit);
  // ---- self-drive ----
  if (g.selfDrive) bin(t, 'lacking-self-drive', t.selfDriveLacking, g.selfDrive.lacking, () => { const s = g.selfDrive; return { score: s.score, staffShare: s.staffShare, memberStartedShare: s.memberStartedShare, spontaneousShare: s.spontaneousShare, gini: s.gini, halfCount: s.halfCount, staffPrompts: s.staffPrompts, conversations: s.conversations, staffKnown: s.staffKnown, zombie: s.zombie }; });
  // ---- window ----
  if (t.window && g.monetization) acc(t, 'window', g.monetization.window.status === t.window, t.window, g.monetization.window.status, () => ({ phase: L?.phase, lateGrowth: L?.lateGrowth, watch: short(g.monetization.window.watch) }));
  // ---- seeds ----
  if (!t.dead && t.seeds.length) {
    const top = (g.seedUsers || []).map((s) => s.memberId);
    const planted = t.seeds.map((s) => s.id);
    const hit5 = planted.filter((id) => top.slice(0, 5).includes(id)).length;
    addNum('seed-recall@5', t.fmt, hit5 / planted.length);
    const top3 = top.slice(0, 3);
    if (top3.length) addNum('seed-precision@3', t.fmt, top3.filter((id) => planted.includes(id)).length / top3.length);
    if (hit5 < planted.length) miss(t, 'seed-recall@5', t.seeds.map((s) => `${s.name}(${s.id})${s.renamedTo.length ? '→' + s.renamedTo.join('/') : ''}`), (g.seedUsers || []).slice(0, 5).map((s) => `${s.name}(${s.memberId})`), { missingSignals: planted.filter((id) => !top.slice(0, 5).includes(id)).map((id) => { const s = (g.seedUsers || []).find((x) => x.memberId === id); return s ? { id, rank: s.rank, ...s.signals } : { id, rank: null, goingQuiet: (g.members.goingQuiet || []).find((x) => x.memberId === id) || null }; }) });
    const bad = t.decoys.filter((d) => top.slice(0, 10).includes(d.id));
    tally('seed-decoy-excluded', t.fmt, bad.length ? 'bad' : 'ok');
    if (bad.length) miss(t, 'seed-decoy-excluded', 'not a seed: ' + bad.map((d) => `${d.name} (${d.why})`).join(', '), bad.map((d) => { const s = g.seedUsers.find((x) => x.memberId === d.id); return `rank ${s.rank}`; }), bad.map((d) => g.seedUsers.find((x) => x.memberId === d.id).signals));
    // staff in seed list?
    const staffIds = [t.owner.id, ...t.admins.map((a) => a.id), t.bot?.id, t.exporter?.id].filter(Boolean);
    const staffIn = top.filter((id) => staffIds.includes(id));
    tally('seed-no-staff', t.fmt, staffIn.length ? 'bad' : 'ok');
    if (staffIn.length) miss(t, 'seed-no-staff', 'owner/admin/bot excluded', staffIn, { staffKnown: g.selfDrive?.staffKnown });
  }
  // ---- spreaders ----
  const sp = t.spreaders.filter((s) => s.stayedTalk >= 2);
  if (sp.length && !t.dead) {
    const top = (g.fission.topSpreaders || []).map((s) => s.memberId);
    const hit = sp.filter((s) => top.slice(0, 3).includes(s.id)).length;
    addNum('spreader-recall@3', t.fmt, hit / sp.length);
    const ok1 = sp.some((s) => s.id === top[0]);
    tally('spreader-top1', t.fmt, ok1 ? 'ok' : 'bad');
    if (hit < sp.length || !ok1) miss(t, 'spreaders', sp.map((s) => `${s.name}(${s.id}) invited ${s.invited}, stayed&talk ${s.stayedTalk}`), (g.fission.topSpreaders || []).slice(0, 3).map((s) => `${s.name}(${s.memberId}) inv ${s.invited} sa ${s.stayedAndActive}`), { joinsByMethod: g.fission.joinsByMethod, externalRoots: g.fission.externalRoots, findings: short(g.fission.findings).slice(0, 4) });
  }
  // ---- receptive hours ----
  const slots = g.monetization?.slots || [];
  if (slots.length && !t.dead) {
    const near = (h) => t.peakHours.some((p) => Math.min(Math.abs(p - h), 24 - Math.abs(p - h)) <= 1);
    const ok1 = near(slots[0].hour);
    tally('receptive-top1-hour', t.fmt, ok1 ? 'ok' : 'bad');
    addNum('receptive-top3-share', t.fmt, slots.slice(0, 3).filter((s) => near(s.hour)).length / Math.min(3, slots.length));
    if (!ok1) miss(t, 'receptive-top1-hour', t.peakHours, slots.slice(0, 3).map((s) => `wd${s.weekday} ${s.hour}h ${s.score}`), { plantedMemberMsgsByHour: t.memberMsgsByHour.join(',') });
  }
  perGroup.push(row);
}

// ---------- print ----------
const fmts = ['wechat', 'qq', 'whatsapp', 'telegram', 'discord', 'ALL'];
const pct = (x) => (x == null || Number.isNaN(x) ? '—' : (100 * x).toFixed(0) + '%');
const lines = [];
lines.push(`seed ${truth.seed}  as-of ${truth.asOf}  groups ${truth.groups.length}`);
lines.push('| verdict | ' + fmts.join(' | ') + ' |');
lines.push('|---|' + fmts.map(() => '---').join('|') + '|');
for (const [v, by] of Object.entries(V)) {
  const cell = (s) => {
    if (!s) return '';
    if (s.n) return `${(s.sum / s.n).toFixed(v.includes('days') ? 1 : 2)} (n=${s.n})`;
    if (s.tp + s.fp + s.fn + s.tn) { const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : null, r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : null; return `acc ${pct((s.tp + s.tn) / (s.tp + s.fp + s.fn + s.tn))} P ${pct(p)} R ${pct(r)} (${s.tp}/${s.fp}/${s.fn}/${s.tn})`; }
    return `${s.ok}/${s.ok + s.bad}`;
  };
  lines.push(`| ${v} | ` + fmts.map((f) => cell(by[f])).join(' | ') + ' |');
}
lines.push('', 'binary cells: acc, precision, recall (tp/fp/fn/tn); others ok/total or mean (n)', '', `misses: ${misses.length}`);
for (const m of misses) lines.push(`- [${m.fmt}/${m.variant}] ${m.group} (${m.scenario}) ${m.verdict}: planted ${JSON.stringify(m.planted)} said ${JSON.stringify(m.said)} :: ${JSON.stringify(m.evidence)}${m.ambiguous ? ' [AMBIGUOUS: ' + m.ambiguous.join('; ') + ']' : ''}`);
console.log(lines.join('\n'));
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ seed: truth.seed, verdicts: V, misses }, null, 1));
