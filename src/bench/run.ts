import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterById } from '../ingest/registry.js';
import { generateCanonical, generateCanonicalFolder, type Shape } from './generate.js';
import { measureMedian, type Sample } from './measure.js';
import { generateTelegram, generateWechat } from './platforms.js';

/**
 * `npm run bench`: generates the data (once; bench-data/ is reused), then measures the baseline
 * (read + count lines) and whole `analyze` processes, and prints one table. Options:
 * `--runs N` (median of N, default 3), `--sizes 1,2,4` (millions of canonical messages),
 * `--quick` (a small smoke run), `--only canonical|folder|telegram|wechat`.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const quick = argv.includes('--quick');
const runs = Number(opt('--runs') ?? (quick ? 1 : 3));
const scale = quick ? 0.01 : 1;
const sizes = (opt('--sizes') ?? (quick ? '1' : '1,2,4')).split(',').map(Number);
const only = opt('--only');
const dir = join(root, 'bench-data');
const bin = join(root, 'bin/community-audit.js');
const baselineJs = join(root, 'dist/bench/baseline.js');
const TZ = ['--tz', 'Asia/Shanghai'];

interface Row { name: string; mb: number; baseline: Sample; analyze: Sample | null; note?: string }
const rows: Row[] = [];
const fmt = (n: number, d = 0) => n.toFixed(d);
const line = (r: Row) => [
  r.name.padEnd(26), `${fmt(r.mb)} MB`.padStart(8), `${fmt(r.baseline.wallMs)} ms`.padStart(10),
  r.analyze ? `${fmt(r.analyze.wallMs)} ms`.padStart(10) : '—'.padStart(10),
  r.analyze ? `${fmt(r.analyze.wallMs / r.baseline.wallMs, 1)}×`.padStart(7) : ''.padStart(7),
  r.analyze ? `${fmt(r.analyze.peakRssMb)} MB`.padStart(9) : ''.padStart(9), r.note ?? '',
].join('  ');

/** A file, or the files of a folder. */
const filesIn = (path: string): string[] => (statSync(path).isDirectory() ? readdirSync(path).sort().map((f) => join(path, f)) : [path]);

/** Measures analyze on `files` against reading `read` (the messages file; every file of a folder). */
async function bench(name: string, files: string[], adapterId: string, extra: string[] = [], read = files.slice(0, 1)): Promise<void> {
  const mb = files.flatMap(filesIn).reduce((a, f) => a + statSync(f).size, 0) / 1e6;
  const baseline = await measureMedian(process.execPath, [baselineJs, ...read], runs);
  let row: Row;
  if (!adapterById(adapterId)) row = { name, mb, baseline, analyze: null, note: `missing: adapter ${adapterId} not registered` };
  else {
    try {
      row = { name, mb, baseline, analyze: await measureMedian(process.execPath, [bin, 'analyze', ...files, '--format', 'json', ...TZ, ...extra], runs) };
    } catch (e) {
      row = { name, mb, baseline, analyze: null, note: `failed: ${/error: .*/.exec(String(e))?.[0] ?? String(e).slice(0, 200)}` };
    }
  }
  rows.push(row);
  process.stdout.write(`${line(row)}\n`);
}

process.stdout.write(`node ${process.version}, median of ${runs} run(s); analyze = whole process, --format json > /dev/null, ${TZ.join(' ')}\n`);
process.stdout.write(`${['input'.padEnd(26), 'size'.padStart(8), 'baseline'.padStart(10), 'analyze'.padStart(10), 'ratio'.padStart(7), 'peak RSS'.padStart(9)].join('  ')}\n`);
if (!only || only === 'canonical') {
  for (const m of sizes) {
    const shape: Shape = { messages: Math.round(m * 1e6 * scale), groups: quick ? 20 : 200, seed: 1 };
    const t0 = performance.now();
    const f = generateCanonical(dir, shape);
    const gen = performance.now() - t0;
    if (gen > 1000) process.stderr.write(`(generated ${shape.messages} messages in ${fmt(gen / 1000, 1)} s)\n`);
    await bench(`canonical CSV ${shape.messages / 1e6} M`, [f.messages, f.members], 'canonical-csv');
    // The same on one thread: what the worker threads bring (issue 7 asks for the numbers either way).
    if (m === 2 || sizes.length === 1) await bench(`  the same, --threads 1`, [f.messages, f.members], 'canonical-csv', ['--threads', '1']);
  }
}
const one: Shape = { messages: Math.round(1e6 * scale), groups: quick ? 20 : 200, seed: 1 };
if (!only || only === 'folder') {
  // The 1 M messages as 20 files and a member list, as a folder of per-group exports is read.
  const folder = generateCanonicalFolder(dir, one, 20);
  await bench(`folder of 20 CSVs ${one.messages / 1e6} M`, [folder], 'canonical-csv', [], filesIn(folder));
  // A folder big enough for whole files side by side on worker threads (ingest/pool), and the
  // same on one thread.
  const three: Shape = { messages: Math.round(3e6 * scale), groups: quick ? 30 : 300, seed: 2 };
  const big = generateCanonicalFolder(dir, three, 40);
  await bench(`folder of 40 CSVs ${three.messages / 1e6} M`, [big], 'canonical-csv', [], filesIn(big));
  await bench(`  the same, --threads 1`, [big], 'canonical-csv', ['--threads', '1'], filesIn(big));
}
if (!only || only === 'telegram') await bench(`Telegram result.json ${one.messages / 1e6} M`, [generateTelegram(dir, one)], 'telegram-json');
if (!only || only === 'wechat') await bench(`WeChat 留痕 CSV ${one.messages / 1e6} M`, [generateWechat(dir, one)], 'wechat-memotrace-csv');
