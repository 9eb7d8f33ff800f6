import { describe, expect, it } from 'vitest';
import { anonymize, requireSalt } from '../../src/cli/anonymize.js';
import { diffReports } from '../../src/cli/baseline.js';
import { evaluateFailOn, parseFailOn } from '../../src/cli/fail-on.js';
import { reporters } from '../../src/report/registry.js';
import { reportSchema, type AuditResult } from '../../src/report/schema.js';
import { safeText } from '../../src/core/sanitize.js';
import { ctx, frozen, originals } from './helpers.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The frozen report as an earlier run might have seen it. */
function earlier(): AuditResult {
  const b = frozen();
  const g = Object.fromEntries(b.groups.map((x) => [x.id, x as Loose]));
  g['22707466194@chatroom']!.vitality.status = 'at-risk';                   // has died since
  g['22707466194@chatroom']!.lifecycle.phase = 'maturity';                  // phase transition
  g['79774106701@chatroom']!.monetization.window.status = 'upcoming';       // window opened since
  g['82546608112@chatroom']!.fission.topSpreaders.shift();                  // a new top spreader now
  const fishing = g['82546608112@chatroom']!;
  fishing.seedUsers.push({ ...fishing.seedUsers[0], memberId: 'wxid_gone', name: '离开的人', rank: 6 }); // dropped out since
  const quietId = fishing.members.goingQuiet[1].memberId;
  fishing.seedUsers.push({ ...fishing.seedUsers[0], memberId: quietId, name: fishing.members.goingQuiet[1].name, rank: 7 }); // went quiet since
  fishing.members.goingQuiet.splice(1, 1);
  b.groups = b.groups.filter((x) => x.id !== '16662873863@chatroom');     // new group now
  b.groups.push({ ...b.groups[0]!, id: 'gone@chatroom', name: '已解散的群' }); // removed since
  return b;
}

describe('--baseline: what changed since the last run', () => {
  const changes = diffReports(earlier(), frozen());
  it('finds each kind of change, group by group', () => {
    const fishing = frozen().groups.find((g) => g.id === '82546608112@chatroom') as Loose;
    const expected = [
      ['phase-changed', '22707466194@chatroom', 'maturity', 'decline', null],
      ['died', '22707466194@chatroom', 'at-risk', 'dead', null],
      ['new-top-spreader', '82546608112@chatroom', null, String(fishing.fission.topSpreaders[0].stayed), fishing.fission.topSpreaders[0].memberId],
      ['seed-went-quiet', '82546608112@chatroom', 'seed-user', 'dropped-out', 'wxid_gone'],
      ['seed-went-quiet', '82546608112@chatroom', 'seed-user', 'going-quiet', fishing.members.goingQuiet[1].memberId],
      ['window-opened', '79774106701@chatroom', 'upcoming', 'open', null],
      ['group-added', '16662873863@chatroom', null, null, null],
      ['group-removed', 'gone@chatroom', null, null, null],
    ];
    expect(changes.map((c) => [c.kind, c.groupId, c.from, c.to, c.memberId]).sort(byGroup)).toEqual(expected.sort(byGroup));
  });
  it('lists the worst news first: a death before seed users going quiet, before phases, before good news', () => {
    expect(changes.map((c) => c.kind)).toEqual(['died', 'seed-went-quiet', 'seed-went-quiet', 'group-removed', 'phase-changed', 'window-opened', 'new-top-spreader', 'group-added']);
  });
  it('no change against itself', () => {
    expect(diffReports(frozen(), frozen())).toEqual([]);
  });

  it('says when a group becomes at risk or recovers, and when self-drive is lost or regained', () => {
    const before = frozen(), now = frozen();
    const alive = now.groups.find((g) => (g as Loose).vitality.status === 'alive') as Loose;
    const was = before.groups.find((g) => g.id === alive.id) as Loose;
    alive.vitality.status = 'at-risk';
    was.selfDrive.lacking = false;
    alive.selfDrive.lacking = true;
    const kinds = diffReports(before, now).filter((c) => c.groupId === alive.id).map((c) => [c.kind, c.from, c.to]);
    expect(kinds).toContainEqual(['at-risk', 'alive', 'at-risk']);
    expect(kinds.map((k) => k[0])).toContain('self-drive-lost');
    expect(diffReports(now, before).filter((c) => c.groupId === alive.id).map((c) => c.kind)).toEqual(expect.arrayContaining(['recovered', 'self-drive-regained']));
  });
  it('a baseline written before session 12 ("no-messages", null verdicts): its group now at risk or alive is news, nothing breaks', () => {
    const before = frozen(), now = frozen();
    const [a, b] = now.groups.filter((g) => (g as Loose).vitality.status === 'alive') as Loose[];
    a!.vitality.status = 'at-risk';
    for (const g of before.groups.filter((x) => x.id === a!.id || x.id === b!.id) as Loose[]) Object.assign(g, { lifecycle: null, selfDrive: null, monetization: null, vitality: { ...g.vitality, status: 'no-messages' } });
    const kinds = diffReports(before, now).filter((c) => c.from === 'no-messages').map((c) => [c.kind, c.groupId]);
    expect(kinds.sort()).toEqual([['at-risk', a!.id], ['recovered', b!.id]].sort());
  });
  it('the report with changes is valid, and every human format says "since last run"', () => {
    const r = { ...frozen(), changes };
    expect(reportSchema.safeParse(r).success).toBe(true);
    for (const id of ['table', 'markdown', 'html']) expect(reporters.find((x) => x.id === id)!.render(r, ctx()), id).toContain('Since last run');
    expect(reporters.find((x) => x.id === 'markdown')!.render(r, ctx('zh'))).toContain('## 与上次相比');
    // With the baseline's as-of, every human format says which report it compares with, in the report's zone.
    const dated = { ...r, baselineAsOf: '2025-03-31T15:59:59Z' };
    expect(reportSchema.safeParse(dated).success).toBe(true);
    for (const id of ['table', 'markdown', 'html']) expect(reporters.find((x) => x.id === id)!.render(dated, ctx()), id).toContain('Since the report of 2025-03-31');
    expect(reporters.find((x) => x.id === 'table')!.render(dated, ctx('zh'))).toContain('与 2025-03-31 的报告相比');
  });
});

function byGroup(a: unknown[], b: unknown[]): number {
  return String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0]));
}

describe('--fail-on', () => {
  it('parses names and refuses unknown ones', () => {
    expect(parseFailOn('dead, at-risk,dead')).toEqual(['dead', 'at-risk']);
    expect(() => parseFailOn('dead,sleepy')).toThrow(/unknown condition "sleepy"/);
  });
  it('counts each group that meets a condition and says why', () => {
    const r = evaluateFailOn(frozen(), ['dead', 'window-open'], 'en');
    expect(r.met).toBe(3);
    expect(r.lines[0]).toMatch(/^fail-on dead: =HYPERLINK\(.*\(22707466194@chatroom\) — no member activity/);
    expect(evaluateFailOn(frozen(), ['at-risk'], 'en').lines[0]).not.toContain('\u001b');
  });
  it('meets nothing on healthy groups', () => {
    const r = frozen();
    r.groups = r.groups.filter((g) => g.id === '16662873863@chatroom');
    expect(evaluateFailOn(r, ['dead', 'at-risk', 'decline', 'lacking-self-drive', 'window-open'], 'en')).toEqual({ met: 0, lines: [] });
  });
  it('says so when the report lacks the verdict', () => {
    const r = frozen();
    for (const g of r.groups) delete (g as Loose).vitality;
    expect(evaluateFailOn(r, ['dead'], 'en')).toEqual({ met: 0, lines: ['fail-on dead: not evaluated, the report has no vitality verdicts'] });
  });
});

describe('--anonymize', () => {
  const salt = 'test-salt-123';
  const anon = anonymize({ ...frozen(), changes: diffReports(earlier(), frozen()) }, salt);
  const secrets = [...originals(frozen()), ...originals(earlier()), '离开的人', '已解散的群'].map(safeText).filter((s) => s.length >= 2);

  it.each(reporters.map((r) => r.id))('leaves no original name or id in %s', (id) => {
    const reporter = reporters.find((r) => r.id === id)!;
    for (const lang of ['en', 'zh'] as const) {
      const text = reporter.render(anon, ctx(lang));
      for (const s of secrets) expect(text.includes(s), `${id}/${lang}: ${s}`).toBe(false);
    }
  });
  it('also in the detail view and the members CSV', () => {
    const texts = [reporters.find((r) => r.id === 'table')!.render(anon, ctx('en', { groupId: anon.groups[0]!.id })), reporters.find((r) => r.id === 'csv')!.render(anon, ctx('en', { table: 'members' }))];
    for (const text of texts) for (const s of secrets) expect(text.includes(s), s).toBe(false);
  });
  it('is stable, keyed by the salt, idempotent, and keeps the report valid', () => {
    expect(anonymize(frozen(), salt).groups.map((g) => g.id)).toEqual(anon.groups.map((g) => g.id));
    expect(anon.groups[0]!.id).toMatch(/^group-[0-9a-f]{10}$/);
    expect(anonymize(frozen(), 'another-salt').groups[0]!.id).not.toBe(anon.groups[0]!.id);
    expect(anonymize(anon, salt)).toEqual(anon);
    expect(reportSchema.safeParse(anon).success).toBe(true);
    const seed = (anon.groups.find((g) => (g as Loose).seedUsers.length) as Loose).seedUsers[0];
    expect(seed.name).toBe(seed.memberId);
    expect(anon.inputs[0]!.path).toMatch(/^input-[0-9a-f]{10}\.csv$/);
  });
  it('refuses without a salt, with a hint', () => {
    expect(() => requireSalt(undefined, undefined, 'abcdef0123456789')).toThrow(/needs a secret salt/);
    expect(requireSalt(undefined, 'from-config-1', 'x')).toBe('from-config-1');
  });
});
