import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { reportSchema, type AuditResult } from '../../src/report/schema.js';
import { tableReporter } from '../../src/report/table/index.js';
import { evaluateFailOn } from '../../src/cli/fail-on.js';
import { ctx } from '../report/helpers.js';
import { chatter, dataset, day, msg, type DatasetSpec } from './helpers.js';

const roster = [
  { id: 'boss', role: 'owner' as const, joinedAt: day(0) },
  { id: 'ann', joinedAt: day(1), invitedBy: 'boss' },
  { id: 'bob', joinedAt: day(2), invitedBy: 'ann' },
];

function report(specs: DatasetSpec[], asOf = day(60)): AuditResult {
  return buildReport(dataset(specs), [], [], { asOf, timeZone: 'UTC', generatedAt: 0, version: 't', top: 10, options: {} });
}
const group = (r: AuditResult, id: string) => r.groups.find((g) => g.id === id)! as Record<string, unknown> & AuditResult['groups'][number];

describe('a group nobody has written in', () => {
  // Until session 12 such a group had vitality "no-messages" and null verdicts, outside the JSON
  // contract's three statuses (check-report --require verdicts failed on it). It is now judged on
  // its roster's dates, like a group whose members never spoke, and a finding says so.
  const r = report([{ members: roster, group: { id: 'list-only' } }, { members: roster, messages: chatter(['ann', 'bob'], 0, 60), group: { id: 'talking' } }]);

  it('a roster two months old is dead and in decline, lacking self-drive, its window closed: a finding says nobody wrote', () => {
    const g = group(r, 'list-only');
    expect(g.vitality).toMatchObject({ status: 'dead', zombie: false, lastMemberMessageAt: null });
    expect((g.vitality as { reasons: { code: string }[] }).reasons.map((f) => f.code)).toEqual(['vitality-no-messages', 'vitality-never-active']);
    expect((g.vitality as { reasons: unknown[] }).reasons[0]).toMatchObject({ severity: 'info', values: { members: 3 } });
    expect(g.lifecycle).toMatchObject({ phase: 'decline' });
    expect(g.selfDrive).toMatchObject({ score: 0, lacking: true });
    expect(g.monetization).toMatchObject({ window: { status: 'closed' }, slots: [] });
    expect(g.seedUsers).toEqual([]);
  });

  it('a young roster is alive and in inception; one without any date is at risk, not alive', () => {
    const young = report([{ members: roster }], day(10)).groups[0]!;
    expect(young.vitality).toMatchObject({ status: 'alive' });
    expect(young.lifecycle).toMatchObject({ phase: 'inception' });
    const undated = report([{ members: [{ id: 'a' }, { id: 'b' }] }]).groups[0]!;
    expect(undated.vitality).toMatchObject({ status: 'at-risk' });
    expect(undated.lifecycle).toMatchObject({ confidence: 0 });
    // A group nobody wrote in has no activity to be glad of: no green tick (review).
    expect((young.lifecycle as { evidence: { code: string; severity: string }[] }).evidence.find((e) => e.code === 'lifecycle-activity')?.severity).toBe('info');
    expect((undated.vitality as { reasons: unknown[] }).reasons).toEqual([expect.objectContaining({ code: 'vitality-no-messages', severity: 'warn' })]);
  });

  it('still gets fission and the roster from the member list', () => {
    const g = group(r, 'list-only');
    expect(g.members.total).toBe(3);
    // ann and bob both came by invitation (the owner founded the group).
    expect(g.fission).toMatchObject({ invitedShare: 1, maxDepth: 2 });
  });

  it('leaves a group with messages in the same report judged as before', () => {
    const g = group(r, 'talking');
    expect((g.vitality as { status: string }).status).toBe('alive');
    expect((g.vitality as { reasons: { code: string }[] }).reasons.map((f) => f.code)).not.toContain('vitality-no-messages');
  });

  it('keeps to the JSON contract', () => {
    expect(reportSchema.safeParse(r).success).toBe(true);
  });

  it('says so in the table\'s summary, in English and Chinese', () => {
    const en = tableReporter.render(report([{ members: roster }]), ctx('en'));
    expect(en).toContain('1 dead, 0 at risk, 1 lacking self-drive, 0 with the monetization window open; 1 with no messages (judged on the roster alone)');
    expect(en).toMatch(/│ Group 1 +│ +3 │.*│ decline +│ dead +│/);
    const zh = tableReporter.render(report([{ members: roster }]), ctx('zh'));
    expect(zh).toContain('没有消息的群 1 个（只按名单判断）');
  });

  it('meets --fail-on dead like any dead group', () => {
    const out = evaluateFailOn(report([{ members: roster }]), ['dead'], 'en');
    expect(out.met).toBe(1);
  });
});

describe('what counts as a message', () => {
  it('joins, leaves and system lines alone are no conversation: judged on the roster, with the finding', () => {
    const r = report([{
      events: [{ at: day(0), action: 'join', member: 'ann' }, { at: day(3), action: 'join', member: 'bob', by: 'ann' }],
      messages: [msg('system', day(3), 'bob joined', { kind: 'system' })],
    }]);
    expect((r.groups[0]!.vitality as { status: string }).status).toBe('dead');
    expect((r.groups[0]!.vitality as { reasons: { code: string }[] }).reasons[0]!.code).toBe('vitality-no-messages');
  });

  it('one message from the owner is enough to be judged (dead: no member ever answered)', () => {
    const r = report([{ members: roster, messages: [msg('boss', day(3, 9), '欢迎大家')] }]);
    expect((r.groups[0]!.vitality as { status: string }).status).toBe('dead');
    expect(r.groups[0]!.lifecycle).not.toBeNull();
    expect((r.groups[0]!.selfDrive as { lacking: boolean }).lacking).toBe(true);
  });
});
