import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import type { Lang } from '../../src/i18n/index.js';
import type { AuditResult } from '../../src/report/schema.js';
import type { RenderContext } from '../../src/report/types.js';

/** The frozen report: hand-written once, with every verdict of the contract and hostile names. */
export function frozen(): AuditResult {
  return JSON.parse(readFileSync(new URL('./fixtures/frozen-report.json', import.meta.url), 'utf8')) as AuditResult;
}

export function ctx(lang: Lang = 'en', extra: Partial<RenderContext> = {}): RenderContext {
  return { lang, chalk: new Chalk({ level: 0 }), width: 100, ...extra };
}

/** Every name and id in a report that --anonymize must hide. */
export function originals(r: AuditResult): string[] {
  const out = new Set<string>();
  const add = (s: string | undefined | null) => { if (s) out.add(s); };
  for (const g of r.groups) {
    add(g.id); add(g.name);
    const v = g as Record<string, unknown> & { seedUsers?: { memberId: string; name: string }[]; fission?: { topSpreaders: { memberId: string; name: string }[] }; members: { goingQuiet?: { memberId: string; name: string }[] } };
    for (const m of [...(v.seedUsers ?? []), ...(v.fission?.topSpreaders ?? []), ...(v.members.goingQuiet ?? [])]) { add(m.memberId); add(m.name); }
  }
  for (const i of r.inputs) add(i.path);
  return [...out];
}
