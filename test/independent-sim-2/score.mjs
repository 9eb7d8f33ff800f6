#!/usr/bin/env node
// Score a community-audit JSON report against the independent simulator's planted truth.
// Usage: node score.mjs truth.json report.json [--json OUT] [--quiet]
import fs from 'node:fs';

const [truthPath, reportPath] = process.argv.slice(2);
if (!truthPath || !reportPath) { console.error('usage: score.mjs truth.json report.json [--json OUT] [--quiet]'); process.exit(2); }
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : null;
const quiet = process.argv.includes('--quiet');
const truth = JSON.parse(fs.readFileSync(truthPath, 'utf8'));
const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
const byId = new Map(report.groups.map((g) => [g.id, g]));
const DAY = 86400e3;
const amb = (t, k) => t.ambiguous.includes(k);
const days = (a, b) => (Date.parse(a) - Date.parse(b)) / DAY;
const r2 = (x) => (x == null || Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);
const ev = (arr, code) => arr?.find((e) => e.code === code)?.values;

const misses = [];
const M = {};
const tally = (name, ok, amb_ = false) => { const m = (M[name] ??= { ok: 0, n: 0, ambOk: 0, ambN: 0 }); if (amb_) { m.ambN++; if (ok) m.ambOk++; } else { m.n++; if (ok) m.ok++; } };
const pr = (name) => (M[name] ??= { tp: 0, fp: 0, fn: 0, tn: 0 });
const miss = (t, verdict, planted, said, evidence, ambiguous = false) => misses.push({ group: t.name, id: t.groupId, kind: t.kind, verdict, planted, said, ambiguous, evidence });

function lifeEvidence(g) {
  const L = g.lifecycle; if (!L) return null;
  return { since: L.since?.slice(0, 10), timeline: L.timeline.map((s) => `${s.phase}@${s.start.slice(0, 10)}`).join(' > '), rosterSource: L.rosterSource,
    roster: ev(L.evidence, 'lifecycle-roster'), inflow: ev(L.evidence, 'lifecycle-inflow'), activity: ev(L.evidence, 'lifecycle-activity'), age: ev(L.evidence, 'lifecycle-age'), silent: ev(L.evidence, 'lifecycle-silent') };
}
const vitEvidence = (g) => { const v = g.vitality; return { status: v.status, zombie: v.zombie, daysSinceMemberActivity: r2(v.daysSinceMemberActivity), lastMemberMessageAt: v.lastMemberMessageAt, memberMessagesRecent: v.memberMessagesRecent, activityVsPeak: r2(v.memberActivityVsPeak), postsWhileSilent: v.postsWhileSilent }; };
const sdEvidence = (g) => { const s = g.selfDrive; if (!s) return null; const { score, lacking, staffShare, memberStartedShare, spontaneousShare, gini, halfCount, memberMessages, activeMembers, conversations, staffPrompts, zombie, windowStart, windowEnd } = s; return { score, lacking, staffShare, memberStartedShare, spontaneousShare, gini, halfCount, memberMessages, activeMembers, conversations, staffPrompts, zombie, window: `${windowStart?.slice(0, 10)}..${windowEnd?.slice(0, 10)}` }; };

const kErr = [];
for (const t of truth.groups) {
  const g = byId.get(t.groupId);
  if (!g) { miss(t, 'found', 'group present', 'absent from report', null); tally('found', false); continue; }
  tally('found', true);
  const L = g.lifecycle;
  // --- phase ---
  const phase = L?.phase ?? null;
  const pAmb = amb(t, 'phase');
  tally('phase', phase === t.phase, pAmb);
  if (phase !== t.phase) miss(t, 'phase', t.phase, phase, lifeEvidence(g), pAmb);
  // confusion
  const C = (M.confusion ??= {}); const key = `${t.phase}->${phase}${pAmb ? ' (amb)' : ''}`; C[key] = (C[key] || 0) + 1;
  // --- since (only when the phase agrees) ---
  if (phase === t.phase && L) {
    const err = days(L.since, t.phaseSince + 'T00:00:00+08:00');
    const ok = Math.abs(err) <= t.sinceTolDays;
    const sAmb = amb(t, 'since') || pAmb;
    tally('since', ok, sAmb);
    (M.sinceErr ??= []).push({ kind: t.kind, err: Math.round(err) });
    if (!ok) miss(t, 'since', `${t.phaseSince} (±${t.sinceTolDays}d${t.sinceKind ? ', ' + t.sinceKind : ''})`, `${L.since.slice(0, 10)} (${Math.round(err)}d)`, lifeEvidence(g), sAmb);
  }
  // --- dead / zombie ---
  const dead = g.vitality.status === 'dead';
  const dAmb = amb(t, 'dead');
  if (!dAmb) { const m = pr('dead'); if (dead && t.dead) m.tp++; else if (dead) m.fp++; else if (t.dead) m.fn++; else m.tn++; }
  if (dead !== t.dead) miss(t, 'dead', t.dead, `${g.vitality.status}`, vitEvidence(g), dAmb);
  const zAmb = amb(t, 'zombie');
  if (!zAmb) { const m = pr('zombie'); const z = !!g.vitality.zombie; if (z && t.zombie) m.tp++; else if (z) m.fp++; else if (t.zombie) m.fn++; else m.tn++; }
  if (!!g.vitality.zombie !== t.zombie) miss(t, 'zombie', t.zombie, g.vitality.zombie, vitEvidence(g), zAmb);
  if (t.atRisk != null) { tally('atRisk (planted at-risk, not dead)', g.vitality.status === 'at-risk' || g.vitality.status === 'dead' ? g.vitality.status === 'at-risk' : false, amb(t, 'dead')); if (g.vitality.status !== 'at-risk') miss(t, 'at-risk', 'at-risk', g.vitality.status, vitEvidence(g), true); }
  // --- self-drive ---
  if (t.lacking != null) {
    const lack = g.selfDrive?.lacking ?? null; const sAmb = amb(t, 'selfDrive') || (t.dead && !t.zombie);
    const name = t.zombie ? 'lacking (zombies)' : t.dead ? 'lacking (dead, not zombie: ambiguous)' : 'lacking (live groups)';
    if (!sAmb || (t.dead && !t.zombie && !amb(t, 'selfDrive'))) { const m = pr(name); if (lack && t.lacking) m.tp++; else if (lack) m.fp++; else if (t.lacking) m.fn++; else m.tn++; }
    if (lack !== t.lacking) miss(t, 'lacking', t.lacking, lack, sdEvidence(g), sAmb);
  } else if (g.selfDrive) { (M.lackingAmbiguousKinds ??= {}); const k = `${t.kind}: lacking=${g.selfDrive.lacking}`; M.lackingAmbiguousKinds[k] = (M.lackingAmbiguousKinds[k] || 0) + 1; }
  // --- revival ---
  if (t.revived) {
    const tl = L?.timeline ?? [];
    const [ds, rv] = t.deadSpell.map((d) => Date.parse(d + 'T00:00:00+08:00'));
    const declineInSpell = tl.some((s) => s.phase === 'decline' && Date.parse(s.start) <= rv && Date.parse(s.end) >= ds);
    const afterNonDecline = tl.length && tl[tl.length - 1].phase !== 'decline' && Date.parse(tl[tl.length - 1].start) >= ds;
    const ok = declineInSpell && afterNonDecline;
    tally('revival shown in timeline', ok);
    if (!ok) miss(t, 'revival', `decline ${t.deadSpell[0]}..${t.deadSpell[1]}, then alive`, lifeEvidence(g)?.timeline, lifeEvidence(g));
  }
  // --- window ---
  const ws = g.monetization?.window?.status ?? null;
  const wAmb = amb(t, 'window') || pAmb || amb(t, 'lateGrowth');
  tally('window', ws === t.window, wAmb);
  if (ws !== t.window) miss(t, 'window', t.window, ws, { window: g.monetization?.window && { ...g.monetization.window, watch: undefined }, phase, lateGrowth: L?.lateGrowth, lateGrowthSince: L?.lateGrowthSince }, wAmb);
  if (t.lateGrowth != null && phase === 'growth') tally('lateGrowth (growth groups)', L.lateGrowth === t.lateGrowth, true);
  // --- seeds ---
  if (t.seeds.length) {
    const k = t.seeds.length; const top = (g.seedUsers ?? []).slice(0, k).map((s) => s.memberId);
    const hit = top.filter((x) => t.seeds.includes(x)).length;
    const distract = t.distractors.filter((d) => (g.seedUsers ?? []).slice(0, Math.max(k, 5)).some((s) => s.memberId === d.id));
    const name = amb(t, 'seeds') ? 'seeds P@k (groups < 4 weeks old, ambiguous)' : t.dead ? 'seeds P@k (dead groups)' : 'seeds P@k (live groups)';
    const m = (M[name] ??= { hit: 0, k: 0, groups: 0, distractorsInTop: 0 }); m.hit += hit; m.k += k; m.groups++; m.distractorsInTop += distract.length;
    if (hit < k || distract.length) miss(t, 'seeds', t.seeds, (g.seedUsers ?? []).slice(0, Math.max(k, 5)).map((s) => ({ id: s.memberId, seed: t.seeds.includes(s.memberId), distractor: t.distractors.find((d) => d.id === s.memberId)?.why, score: s.score, activeDays: s.signals.activeDays, msgs: s.signals.messages })), { planted: t.seeds.map((id) => { const s = g.seedUsers?.find((x) => x.memberId === id); const q = g.members?.goingQuiet?.find((x) => x.memberId === id); return s ? { id, rank: s.rank } : { id, rank: null, goingQuiet: q ? { daysSilent: q.daysSilent, usualPerWeek: q.usualPerWeek } : undefined }; }), groupActivityVsPeak: r2(g.vitality.memberActivityVsPeak) }, t.dead || amb(t, 'seeds'));
  }
  // --- fission ---
  if (t.fission && t.fission.invited > 0 && t.fission.K30 === 0 && t.fission.invitedJudged30 === 0) {
    tally('K not measurable yet -> kFactorMeasured false', g.fission.kFactorMeasured === false);
  } else if (t.fission && t.fission.invited > 0) {
    const K = g.fission.kFactor;
    const rel = t.fission.K ? Math.abs(K - t.fission.K) / t.fission.K : null; const rel30 = t.fission.K30 ? Math.abs(K - t.fission.K30) / t.fission.K30 : null;
    kErr.push({ kind: t.kind, planted: t.fission.K, planted30: t.fission.K30, tool: K, rel: r2(rel), rel30: r2(rel30) });
    tally('K within 10% (stay = still in now)', rel != null && rel <= 0.1, true);
    tally('K within 10% (stay = 30-day retention)', rel30 != null && rel30 <= 0.1);
    tally('K within 25% (30-day retention)', rel30 != null && rel30 <= 0.25);
    if (!(rel30 != null && rel30 <= 0.25)) miss(t, 'K', `K=${t.fission.K} K30=${t.fission.K30} (invited ${t.fission.invited}/${t.fission.members})`, K, { kBasis: g.fission.kBasis, kFactorMeasured: g.fission.kFactorMeasured, peerKFactor: g.fission.peerKFactor });
    if (t.fission.scoreSpreaders) {
      const n = t.fission.spreaders.length; const top = (g.fission.topSpreaders ?? []).map((s) => s.memberId);
      const top1 = top[0] && t.fission.spreaders.includes(top[0]);
      const rec = top.slice(0, n).filter((x) => t.fission.spreaders.includes(x)).length;
      tally('top spreader is planted', !!top1); tally('planted spreaders in top n', rec === n);
      const mm = (M['spreader recall@n'] ??= { hit: 0, n: 0 }); mm.hit += rec; mm.n += n;
      if (!top1 || rec < n) miss(t, 'spreaders', t.fission.spreaders.map((id, i) => `${id} (${t.fission.spreaderInvites[i]} invites)`), (g.fission.topSpreaders ?? []).slice(0, n + 2).map((s) => `${s.memberId} inv ${s.invited} stayed ${s.stayed} active ${s.active} score ${s.score}`), null);
    }
  }
  // --- receptive slots ---
  if (t.receptive && g.monetization?.slots?.length) {
    const best = g.monetization.slots[0];
    const exact = t.receptive.top.some((c) => c.weekday === best.weekday && c.hour === best.hour);
    const near = t.receptive.top.some((c) => c.weekday === best.weekday && Math.abs(c.hour - best.hour) <= 1);
    const dAmb = t.tiny;
    tally('best slot in planted top cells (exact)', exact, dAmb); tally('best slot in planted top cells (±1h)', near, dAmb);
    const we = (d) => d >= 6; const hourHit = t.receptive.top.some((c) => we(c.weekday) === we(best.weekday) && Math.abs(c.hour - best.hour) <= 1);
    tally('best slot: planted top hour & day type (±1h)', hourHit, dAmb);
    if (!near) miss(t, 'receptive' + (hourHit ? ' (weekday only)' : ''), t.receptive.top.slice(0, 6).map((c) => `${c.weekday}@${c.hour}h`).join(' '), g.monetization.slots.slice(0, 5).map((s) => `${s.weekday}@${s.hour}h(${s.score})`).join(' '), { profile: t.receptive.profile }, dAmb || hourHit);
  }
}

// ---------- print ----------
const out = { seed: truth.seed, asOf: truth.asOf, groups: truth.groups.length, metrics: {}, misses, kErr };
const line = (k, v) => { out.metrics[k] = v; if (!quiet) console.log(k.padEnd(44), typeof v === 'string' ? v : JSON.stringify(v)); };
for (const [k, m] of Object.entries(M)) {
  if (k === 'confusion' || k === 'sinceErr' || k === 'lackingAmbiguousKinds') continue;
  if ('tp' in m) { const P = m.tp + m.fp ? m.tp / (m.tp + m.fp) : null, R = m.tp + m.fn ? m.tp / (m.tp + m.fn) : null; line(k, `P ${r2(P)} R ${r2(R)} (tp ${m.tp} fp ${m.fp} fn ${m.fn} tn ${m.tn})`); }
  else if ('hit' in m && 'k' in m) line(k, `${r2(m.hit / m.k)} (${m.hit}/${m.k} over ${m.groups} groups; distractors in top max(k,5): ${m.distractorsInTop})`);
  else if ('hit' in m) line(k, `${r2(m.hit / m.n)} (${m.hit}/${m.n})`);
  else line(k, `${m.n ? r2(m.ok / m.n) : '-'} (${m.ok}/${m.n})${m.ambN ? ` + ambiguous ${m.ambOk}/${m.ambN}` : ''}`);
}
line('phase confusion (planted->tool)', M.confusion);
const se = (M.sinceErr ?? []).map((x) => Math.abs(x.err)).sort((a, b) => a - b);
line('|since error| days median / p90', se.length ? `${se[Math.floor(se.length / 2)]} / ${se[Math.floor(se.length * 0.9)]}` : '-');
line('lacking on ambiguous kinds', M.lackingAmbiguousKinds ?? {});
if (!quiet) {
  console.log(`\nmisses (${misses.filter((m) => !m.ambiguous).length} clear, ${misses.filter((m) => m.ambiguous).length} on ambiguous planting):`);
  for (const m of misses) console.log(`${m.ambiguous ? '  (amb) ' : '  '}[${m.verdict}] ${m.group} (${m.kind}) planted=${JSON.stringify(m.planted)} said=${JSON.stringify(m.said)}\n      evidence=${JSON.stringify(m.evidence)}`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(out, null, 1));
