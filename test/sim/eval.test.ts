import { describe, expect, it } from 'vitest';
import { parseEvalArgs, HELD_OUT_SEEDS } from '../../src/sim/eval-cli.js';
import { evaluateAll, formatTable } from '../../src/sim/eval/index.js';
import { timelineDays } from '../../src/sim/eval/lifecycle.js';
import type { GroupTruth, ReportGroup } from '../../src/sim/eval/types.js';

function truth(extra: Partial<GroupTruth> = {}): GroupTruth {
  return {
    groupId: 'g1', groupName: 'G', kind: 'maturity', asOf: '2024-04-30T23:59:59Z', createdAt: '2024-01-01T00:00:00Z', phase: 'maturity',
    timeline: [
      { phase: 'inception', start: '2024-01-01T00:00:00Z', end: '2024-01-21T00:00:00Z' },
      { phase: 'growth', start: '2024-01-21T00:00:00Z', end: '2024-03-01T00:00:00Z' },
      { phase: 'maturity', start: '2024-03-01T00:00:00Z', end: '2024-04-30T23:59:59Z' },
    ],
    dead: false, zombie: false, lackingSelfDrive: false, seedUsers: ['s1', 's2'], distractors: ['x1'],
    peakSlot: { weekday: 3, hour: 20 }, windowStatus: 'open', windowOpenedAt: null, windowClosedAt: null,
    spreaders: ['s1'], fakeSpreaders: [], kFactor30: 0.5, lastMemberMessageAt: '2024-04-30T20:00:00Z', memberCount: 50, messageCount: 900,
    ...extra,
  };
}

function report(extra: Partial<ReportGroup> = {}): ReportGroup {
  return {
    id: 'g1',
    lifecycle: { phase: 'maturity', timeline: [
      { phase: 'inception', start: '2024-01-01T00:00:00Z', end: '2024-01-25T00:00:00Z' },
      { phase: 'growth', start: '2024-01-25T00:00:00Z', end: '2024-03-05T00:00:00Z' },
      { phase: 'maturity', start: '2024-03-05T00:00:00Z', end: '2024-04-30T23:59:59Z' },
    ] },
    vitality: { status: 'alive', zombie: false },
    selfDrive: { lacking: false },
    seedUsers: [{ memberId: 's2', rank: 1 }, { memberId: 's1', rank: 2 }, { memberId: 'x1', rank: 3 }],
    monetization: { window: { status: 'open', openedAt: null }, slots: [{ weekday: 3, hour: 21, score: 1 }] },
    fission: { kFactor: 0.52, topSpreaders: [{ memberId: 's1' }] },
    ...extra,
  };
}

describe('eval metrics', () => {
  it('counts timeline days with a week of slack at each true boundary', () => {
    const r = timelineDays(report().lifecycle!.timeline, truth());
    expect(r.right).toBe(r.days);
    const late = timelineDays([{ phase: 'maturity', start: '2024-01-01T00:00:00Z', end: '2024-04-30T23:59:59Z' }], truth());
    // 61 maturity days, and the 7 days before the growth → maturity boundary count too.
    expect([late.right, late.days]).toEqual([68, 121]);
  });

  it('passes a perfect report and names every figure', () => {
    const rows = evaluateAll([report()], [truth()]);
    expect(rows.map((r) => r.metric)).toEqual([
      'phase accuracy', 'timeline day accuracy', 'dead precision', 'dead recall', 'zombies recognised', 'lacking self-drive accuracy',
      'seed precision@k', 'distractors in top k', 'best slot within ±1 h', 'window status accuracy', 'planted spreaders ranked first', 'K within 10%',
    ]);
    const failed = rows.filter((r) => !r.pass).map((r) => r.metric);
    // No dead or zombie group planted: those shares cannot be measured, so they do not pass.
    expect(failed).toEqual(['dead precision', 'dead recall', 'zombies recognised']);
  });

  it('misses targets on wrong verdicts and distractors in the top k', () => {
    const bad = report({
      lifecycle: { phase: 'decline', timeline: [{ phase: 'decline', start: '2024-01-01T00:00:00Z', end: '2024-04-30T23:59:59Z' }] },
      seedUsers: [{ memberId: 'x1', rank: 1 }, { memberId: 's1', rank: 2 }],
      monetization: { window: { status: 'closed', openedAt: null }, slots: [{ weekday: 3, hour: 23, score: 1 }] },
    });
    const rows = new Map(evaluateAll([bad], [truth()]).map((r) => [r.metric, r]));
    expect(rows.get('phase accuracy')).toMatchObject({ value: 0, pass: false });
    expect(rows.get('distractors in top k')).toMatchObject({ value: 1, pass: false });
    expect(rows.get('seed precision@k')!.value).toBe(0.5);
    expect(rows.get('best slot within ±1 h')!.pass).toBe(false);
    expect(rows.get('window status accuracy')!.pass).toBe(false);
  });

  it('reports analyses missing from the report as misses, and skips fission when absent', () => {
    const rows = evaluateAll([{ id: 'g1' }], [truth({ dead: true })]);
    expect(rows.find((r) => r.metric === 'phase accuracy')).toMatchObject({ pass: false, detail: 'no lifecycle in the report' });
    expect(rows.some((r) => r.metric === 'K within 10%')).toBe(false);
  });

  it('prints a table', () => {
    const text = formatTable(evaluateAll([report()], [truth()]));
    expect(text.split('\n')[0]).toMatch(/^metric\s+value\s+target\s+pass\s+detail$/);
    expect(text).toContain('MISS');
  });
});

describe('eval arguments', () => {
  it('defaults to the held-out seeds', () => {
    expect(parseEvalArgs([])).toMatchObject({ seeds: HELD_OUT_SEEDS, groups: 40, json: false });
    expect(parseEvalArgs(['--seeds', '1,2,3', '--json'])).toMatchObject({ seeds: [1, 2, 3], json: true });
    expect(parseEvalArgs(['--seeds=x'])).toHaveProperty('error');
    expect(parseEvalArgs(['--nope'])).toHaveProperty('error');
  });
});
