import { describe, expect, it } from 'vitest';
import { anonymize } from '../../src/cli/anonymize.js';
import { diffReports } from '../../src/cli/baseline.js';
import { reporters } from '../../src/report/registry.js';
import { reportSchema, type AuditResult } from '../../src/report/schema.js';
import { ctx, frozen } from './helpers.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The frozen report as a run with `--top n` would have written it. */
function withTop(n: number): AuditResult {
  const r = frozen() as Loose;
  r.top = n;
  for (const g of r.groups) {
    if (g.seedUsers) g.seedUsers = g.seedUsers.slice(0, n);
    if (g.fission) g.fission.topSpreaders = g.fission.topSpreaders.slice(0, n);
  }
  return r as AuditResult;
}

describe('--baseline with another --top', () => {
  it('no seed "drops out" and no spreader is "new" just because --top changed', () => {
    expect(diffReports(withTop(5), withTop(2))).toEqual([]);
    expect(diffReports(withTop(2), withTop(5))).toEqual([]);
    expect(diffReports(withTop(1), withTop(5))).toEqual([]);
  });
  it('still sees a real drop-out within the smaller --top', () => {
    const now = withTop(2) as Loose;
    const g = now.groups.find((x: Loose) => x.seedUsers?.length === 2);
    g.seedUsers = [g.seedUsers[1]];
    expect(diffReports(withTop(5), now as AuditResult).map((c) => c.to)).toContain('dropped-out');
  });
});

describe('--anonymize learns names from everywhere', () => {
  it('scrubs a name that only a finding value carries (fission bulk inviter)', () => {
    const r = frozen() as Loose;
    const g = r.groups.find((x: Loose) => x.fission);
    g.fission.findings = [...(g.fission.findings ?? []), { code: 'fission-bulk-inviter', severity: 'warn', values: { name: '覃阳📚', invited: 25, stayed: 6 }, message: '覃阳📚 invited 25 people but only 6 stayed: a bulk invite, not a spreader' }];
    const anon = anonymize(r as AuditResult, 'test-salt-123');
    expect(JSON.stringify(anon)).not.toContain('覃阳');
    for (const rep of reporters) for (const lang of ['en', 'zh'] as const) expect(rep.render(anon, ctx(lang)), rep.id).not.toContain('覃阳');
    expect(reportSchema.safeParse(anon).success).toBe(true);
  });
  it('scrubs every name of the input it is given, wherever it appears', () => {
    const r = frozen() as Loose;
    r.warnings = [{ code: 'x', message: 'row from 李雷 skipped', file: null, line: null }];
    const anon = anonymize(r as AuditResult, 'test-salt-123', { groups: [], members: [{ key: 'wxid_lilei', names: ['李雷'] }] });
    expect(JSON.stringify(anon)).not.toContain('李雷');
  });
});
