import { analyses } from '../analysis/registry.js';
import { profileGroup } from '../analysis/profile/index.js';
import { computeSeries, type GroupSeries } from '../analysis/shared/series.js';
import type { AnalysisContext } from '../analysis/types.js';
import { Zone } from '../core/time.js';
import { ingest } from '../ingest/run.js';

/**
 * `node dist/bench/phases.js FILE… [--tz ZONE]`: where the time of one `analyze` goes, in process —
 * ingest (read, parse, build, finalize), the shared series, the profile and each registered
 * analysis — with the heap after ingest. An analysis that throws is reported, not fatal.
 */
const argv = process.argv.slice(2);
const tzAt = argv.indexOf('--tz');
const timeZone = tzAt >= 0 ? argv[tzAt + 1]! : 'UTC';
const inputs = argv.filter((a, i) => !a.startsWith('--') && (tzAt < 0 || i !== tzAt + 1));
const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`.padStart(9);
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

let t0 = performance.now();
const { dataset: ds, issues } = await ingest({ inputs, timeZone });
process.stdout.write(`${ms(t0)}  ingest: ${ds.messages.count} messages, ${ds.members.length} members, ${ds.groups.length} groups, ${issues.length} issues\n`);
const mem = process.memoryUsage();
process.stdout.write(`           heap ${mb(mem.heapUsed)}, array buffers ${mb(mem.arrayBuffers)}, rss ${mb(mem.rss)}\n`);

const zone = new Zone(timeZone);
const asOf = ds.lastEventAt;
const cache = new Map<number, GroupSeries>();
const ctx: AnalysisContext = {
  dataset: ds, asOf, zone, top: 10,
  series: (g) => cache.get(g.index) ?? cache.set(g.index, computeSeries(ds, g, asOf, zone)).get(g.index)!,
};
const spent = new Map<string, number>();
const failed = new Map<string, string>();
const time = (key: string, f: () => unknown) => {
  const s = performance.now();
  try { return f(); } catch (e) { failed.set(key, String(e).slice(0, 120)); return undefined; } finally { spent.set(key, (spent.get(key) ?? 0) + performance.now() - s); }
};
t0 = performance.now();
for (const g of ds.groups) {
  time('series', () => ctx.series(g));
  time('profile', () => profileGroup(g, ctx));
  const prior: Record<string, unknown> = {};
  for (const a of analyses) prior[a.key] = time(a.key, () => a.run(g, ctx, a.optionsSchema.parse({}), prior));
  cache.delete(g.index);
}
for (const [k, v] of spent) process.stdout.write(`${`${v.toFixed(0)} ms`.padStart(9)}  ${k}${failed.has(k) ? `  (threw: ${failed.get(k)})` : ''}\n`);
process.stdout.write(`${ms(t0)}  analyses total\n`);
