import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { chatter, dataset, day } from './helpers.js';

/** "Dead" has one threshold: the vitality analysis's, which the lifecycle reads. */
describe('the dead threshold', () => {
  const ds = dataset({ members: [{ id: 'boss', role: 'owner', joinedAt: day(0) }, { id: 'a', joinedAt: day(0) }, { id: 'b', joinedAt: day(0) }], messages: chatter(['a', 'b'], 0, 100) });
  const report = (options: Record<string, unknown>) => buildReport(ds, [], [], { asOf: day(160), timeZone: 'UTC', generatedAt: 0, version: 't', top: 10, options });
  const codes = (g: Record<string, unknown>) => ((g.lifecycle as { evidence: { code: string }[] }).evidence).map((f) => f.code);

  it('is 30 days by default in both analyses', () => {
    const g = report({}).groups[0]!;
    expect((g.vitality as { status: string }).status).toBe('dead');
    expect(codes(g)).toContain('lifecycle-silent');
  });

  it('moves both when the config moves it', () => {
    const g = report({ vitality: { deadAfterDays: 120 } }).groups[0]!;
    expect((g.vitality as { status: string; deadAfterDays: number })).toMatchObject({ status: 'at-risk', deadAfterDays: 120 });
    expect(codes(g)).not.toContain('lifecycle-silent');
  });
});
