import fs from 'node:fs';
// usage: node stress-eval.mjs REPORT.json TRUTH.json (the stress set's)
const R = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const T = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const by = new Map(R.groups.map(g=>[g.id,g]));
const rows=[]; const agg={stat:{n:0,finalDecline:0,anyDecline:0},hol:{n:0,finalDecline:0,anyDecline:0,sinceReset:0},const:{n:0,late:0}};
for (const t of T){ const g=by.get(t.id); const L=g.lifecycle; const tl=L?.timeline??[];
  const startMs=Date.parse(t.start);
  const decl=tl.filter(x=>x.phase==='decline' && Date.parse(x.start)>startMs+60*864e5);
  const k=t.id.split('_')[0];
  if(k==='stat'||k==='hol'){ const a=agg[k]; a.n++; if(L.phase!=='maturity')a.finalDecline++; if(decl.length)a.anyDecline++; if(k==='hol'&&Date.parse(L.since)>Date.parse('2025-03-01'))a.sinceReset++; }
  if(k==='const'){agg.const.n++; if(L.lateGrowth)agg.const.late++;}
  rows.push(`${t.id.padEnd(18)} msgs=${String(t.counts.members).padStart(5)} phase=${L?.phase} since=${L?.since?.slice(0,10)} late=${L?.lateGrowth}${L?.lateGrowthSince?'@'+L.lateGrowthSince.slice(0,10):''} tl=${tl.map(x=>x.phase[0]+x.start.slice(2,10)+(x.lateGrowthAt?'L'+x.lateGrowthAt.slice(5,10):'')).join(' ')} vit=${g.vitality.status}${g.vitality.zombie?'/Z':''} sd=${g.selfDrive?g.selfDrive.score.toFixed(2)+(g.selfDrive.lacking?'L':''):'-'} spont=${g.selfDrive?.spontaneousShare?.toFixed(2)} mstart=${g.selfDrive?.memberStartedShare?.toFixed(2)} staff=${g.selfDrive?.staffShare?.toFixed(2)}`);
}
console.log(rows.join('\n')); console.log(JSON.stringify(agg));
