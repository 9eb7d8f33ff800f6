/**
 * The embedded demo set: a handful of named Chinese groups, one of each interesting kind, small
 * enough to ship in fixtures/demo/. `node dist/sim/demo.js [DIR] [--truth]` writes it (default
 * fixtures/demo; truth.json only with --truth, so that `analyze fixtures/demo` sees only the export).
 */
import { pathToFileURL } from 'node:url';
import { simulate, type GroupSpec, type SimulateResult } from './simulate.js';
import { writeSimulation } from './write.js';

export const DEMO_SEED = 20250630;

export const DEMO_GROUPS: GroupSpec[] = [
  { kind: 'growth', name: '宝妈育儿交流群', theme: 'parenting', platform: 'wechat', size: 70 },
  { kind: 'maturity', name: '读书会2群', theme: 'reading', platform: 'wechat', size: 60 },
  { kind: 'owner-driven', name: '跑步打卡群', theme: 'running', platform: 'wechat', size: 50 },
  { kind: 'slow-decline', name: '二手闲置群', theme: 'secondhand', platform: 'wechat', size: 60 },
  { kind: 'dead', name: '考研互助群', theme: 'study', platform: 'qq', size: 40 },
  { kind: 'zombie', name: '小区团购福利群', theme: 'neighbours', platform: 'wechat', size: 45 },
  { kind: 'inception', name: '新手理财入门营', theme: 'investing', platform: 'wechat', size: 30 },
];

/** The demo data: deterministic, a few thousand messages. */
export function simulateDemo(): SimulateResult {
  return simulate({ seed: DEMO_SEED, specs: DEMO_GROUPS, scale: 0.25 });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'fixtures/demo';
  const result = simulateDemo();
  const files = writeSimulation(dir, result, args.includes('--truth'));
  process.stderr.write(`wrote ${result.messages.length} messages, ${result.members.length} members: ${files.join(', ')}\n`);
}
