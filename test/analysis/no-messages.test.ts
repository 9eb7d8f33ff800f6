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
  // A member list dated two months before as-of: before, it read "dead" and "decline" (or, when
  // young, "alive" and "inception") with self-drive 0.00 lacking — verdicts about nothing.
  const r = report([{ members: roster, group: { id: 'list-only' } }, { members: roster, messages: chatter(['ann', 'bob'], 0, 60), group: { id: 'talking' } }]);

  it('is "no-messages", with no phase, self-drive or window', () => {
    const g = group(r, 'list-only');
    expect(g.vitality).toMatchObject({ status: 'no-messages', zombie: false, lastMemberMessageAt: null });
    expect((g.vitality as { reasons: unknown[] }).reasons).toEqual([expect.objectContaining({ code: 'vitality-no-messages', severity: 'info', values: { members: 3 } })]);
    expect(g.lifecycle).toBeNull();
    expect(g.selfDrive).toBeNull();
    expect(g.monetization).toBeNull();
    expect(g.seedUsers).toEqual([]);
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
    expect((g.lifecycle as { phase: string }).phase).toMatch(/^(inception|growth|maturity|decline)$/);
    expect(typeof (g.selfDrive as { score: number }).score).toBe('number');
  });

  it('keeps to the JSON contract', () => {
    expect(reportSchema.safeParse(r).success).toBe(true);
  });

  it('says so in the table, in English and Chinese', () => {
    const en = tableReporter.render(report([{ members: roster }]), ctx('en'));
    expect(en).toContain('1 with no messages yet (not judged)');
    expect(en).toMatch(/│ Group 1 +│ +3 │.*│ – +│ no messages │ – +│ – +│/);
    const row = en.split('\n').find((l) => l.includes('Group 1'))!;
    expect(row).not.toMatch(/dead|decline|inception|lacking|alive/);
    const zh = tableReporter.render(report([{ members: roster }]), ctx('zh'));
    expect(zh).toContain('还没有消息的群 1 个');
    expect(zh).toContain('无消息');
  });

  it('meets no --fail-on condition', () => {
    const out = evaluateFailOn(report([{ members: roster }]), ['dead', 'at-risk', 'decline', 'lacking-self-drive', 'window-open'], 'en');
    expect(out).toEqual({ met: 0, lines: [] });
  });
});

describe('what counts as a message', () => {
  it('joins, leaves and system lines alone are not a conversation', () => {
    const r = report([{
      events: [{ at: day(0), action: 'join', member: 'ann' }, { at: day(3), action: 'join', member: 'bob', by: 'ann' }],
      messages: [msg('system', day(3), 'bob joined', { kind: 'system' })],
    }]);
    expect((r.groups[0]!.vitality as { status: string }).status).toBe('no-messages');
    expect(r.groups[0]!.lifecycle).toBeNull();
  });

  it('one message from the owner is enough to be judged (dead: no member ever answered)', () => {
    const r = report([{ members: roster, messages: [msg('boss', day(3, 9), '欢迎大家')] }]);
    expect((r.groups[0]!.vitality as { status: string }).status).toBe('dead');
    expect(r.groups[0]!.lifecycle).not.toBeNull();
    expect((r.groups[0]!.selfDrive as { lacking: boolean }).lacking).toBe(true);
  });
});
