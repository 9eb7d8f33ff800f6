import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupSchema, reportSchema, type AuditResult } from '../../src/report/schema.js';
import { conditionsOf, CONDITIONS } from '../../src/report/shared/narrative.js';
import { cli, ensureBuilt, simulate } from './helpers.js';

let dir: string, data: string, messages: string, report: AuditResult;
const base = () => ['analyze', data, '-q', '--tz', 'Asia/Shanghai'];

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ca-cli-'));
  data = join(dir, 'sim');
  simulate(data, 3, 6);
  messages = join(data, 'messages.csv');
  const r = cli([...base(), '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  report = JSON.parse(r.stdout);
}, 120_000);

describe('the JSON report of the built CLI', () => {
  it('validates against the schema that `community-audit schema` prints', () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
    const schema = JSON.parse(cli(['schema']).stdout);
    expect(schema.properties.changes).toBeDefined();
    expect(schema.required).toContain('groups');
  });
});

describe('--fail-on: exit codes', () => {
  it('1 when a group meets a condition, with the reason on stderr', () => {
    const met = CONDITIONS.filter((c) => report.groups.some((g) => conditionsOf(g).includes(c)));
    expect(met.length).toBeGreaterThan(0);
    const r = cli([...base(), '--format', 'json', '--fail-on', met.join(',')]);
    expect(r.code).toBe(1);
    for (const c of met) expect(r.stderr).toContain(`fail-on ${c}: `);
    expect(reportSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });
  it('0 when no group meets any', () => {
    const unmet = CONDITIONS.filter((c) => !report.groups.some((g) => conditionsOf(g).includes(c)));
    if (!unmet.length) return;
    const r = cli([...base(), '--format', 'json', '--fail-on', unmet.join(',')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
  it('2 on an unknown condition, one error line and a hint', () => {
    const r = cli([...base(), '--fail-on', 'dead,sleepy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --fail-on: unknown condition "sleepy"\nhint: any of dead, at-risk/);
  });
});

describe('--output', () => {
  it('writes several formats, creating folders, each one valid', () => {
    const out = join(dir, 'out/a/b');
    const exts = ['json', 'html', 'md', 'csv', 'ndjson'];
    const r = cli([...base(), '--format', 'json,html,markdown,csv,ndjson', ...exts.flatMap((e) => ['--output', join(out, `r.${e}`)])]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(reportSchema.safeParse(JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'))).success).toBe(true);
    expect(readFileSync(join(out, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(join(out, 'r.csv'), 'utf8').startsWith('\uFEFFasOf,')).toBe(true);
    for (const line of readFileSync(join(out, 'r.ndjson'), 'utf8').trimEnd().split('\n')) expect(groupSchema.safeParse(JSON.parse(line)).success).toBe(true);
  });
  it('refuses to overwrite an input', () => {
    const before = readFileSync(messages, 'utf8');
    const r = cli(['analyze', messages, '-q', '--format', 'json', '--output', messages]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --output .*messages\.csv is one of the inputs; refusing to overwrite it/);
    expect(readFileSync(messages, 'utf8')).toBe(before);
  });
  it('refuses a file inside an input folder that is not an earlier report', () => {
    const r = cli([...base(), '--format', 'json', '--output', join(data, 'truth.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not an earlier report');
  });
});

describe('--baseline and --save-baseline', () => {
  it('no changes against the same data; changes once the baseline differs', () => {
    const b = join(dir, 'state/baseline.json');
    expect(cli([...base(), '--format', 'table', '--save-baseline', b]).code).toBe(0);
    const same = JSON.parse(cli([...base(), '--format', 'json', '--baseline', b]).stdout) as AuditResult;
    expect(same.changes).toEqual([]);
    const old = JSON.parse(readFileSync(b, 'utf8'));
    const g = old.groups[0];
    const phase = g.lifecycle.phase;
    g.lifecycle.phase = phase === 'growth' ? 'inception' : 'growth';
    old.groups.push({ ...g, id: 'gone', name: 'gone' });
    writeFileSync(b, JSON.stringify(old));
    const r = cli([...base(), '--format', 'json,markdown', '--output', join(dir, 'c.json'), '--output', join(dir, 'c.md'), '--baseline', b, '--save-baseline', b]);
    expect(r.code, r.stderr).toBe(0);
    const changed = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as AuditResult;
    expect(reportSchema.safeParse(changed).success).toBe(true);
    expect(changed.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'phase-changed', groupId: g.id, to: phase }),
      expect.objectContaining({ kind: 'group-removed', groupId: 'gone' }),
    ]));
    // The markdown names the compared report by its as-of, which the JSON keeps.
    expect(changed.baselineAsOf).toBe(old.asOf);
    expect(readFileSync(join(dir, 'c.md'), 'utf8')).toContain(`## Since the report of ${old.asOf.slice(0, 10)}`);
    expect(JSON.parse(readFileSync(b, 'utf8')).groups.some((x: { id: string }) => x.id === 'gone')).toBe(false);
  });
  it('a missing baseline is a usage error with a hint', () => {
    const r = cli([...base(), '--baseline', join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the baseline[\s\S]*hint: the first run has no baseline/);
  });
});

describe('--anonymize', () => {
  it('refuses without a salt and suggests one', () => {
    const r = cli([...base(), '--anonymize']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a secret salt[\s\S]*hint: add "salt": "[0-9a-f]{32}"/);
  });
  it('leaves no group or member name in any format', () => {
    const names = new Set<string>();
    for (const g of report.groups as (AuditResult['groups'][number] & { seedUsers?: { name: string; memberId: string }[] })[]) {
      names.add(g.name); names.add(g.id);
      for (const s of g.seedUsers ?? []) { names.add(s.name); names.add(s.memberId); }
    }
    for (const f of ['json', 'table', 'markdown', 'html', 'csv', 'ndjson']) {
      const r = cli([...base(), '--format', f, '--anonymize'], undefined, { COMMUNITY_AUDIT_SALT: 'a-test-salt' });
      expect(r.code, r.stderr).toBe(0);
      for (const n of names) if (n.length >= 2) expect(r.stdout.includes(n), `${f}: ${n}`).toBe(false);
    }
    expect(existsSync(data)).toBe(true);
  });
});
