import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/read.js';

const CHECK = new URL('../../../shared/tools/check-report.mjs', import.meta.url);

describe('community-audit analyze (built binary)', () => {
  it('prints only the JSON report on stdout, valid against the schema', () => {
    const r = runCli(['analyze', fixture('canonical/basic'), '--format', 'json', '--tz', 'Asia/Shanghai']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.timeZone).toBe('Asia/Shanghai');
    expect(report.inputs).toHaveLength(2);
    expect(report.groups[0].messages.total).toBe(6);
    // The two bad rows are warnings in the JSON, not noise on stderr.
    expect(report.warnings.map((w: { line: number }) => w.line)).toEqual([9, 10]);
    expect(r.stderr).toBe('');
  });

  it.skipIf(!existsSync(CHECK))('passes the shared contract checker', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-'));
    const out = join(dir, 'r.json');
    expect(runCli(['analyze', fixture('canonical/basic'), '--format', 'json', '--output', out]).code).toBe(0);
    const check = spawnSync(process.execPath, [CHECK.pathname, out], { encoding: 'utf8' });
    expect(check.stdout).toContain('report ok');
  });

  it('renders the table with Chinese headings under --lang zh', () => {
    const r = runCli(['analyze', fixture('canonical/basic'), '--lang', 'zh', '--tz', 'Asia/Shanghai']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('读书会');
    expect(r.stdout).toContain('成员');
    // The input has a bad row, but stderr is a pipe here: warnings are for a terminal only.
    expect(r.stderr).not.toContain('warning:');
  });

  it('reads --lang from LANG', () => {
    const r = runCli(['analyze', fixture('canonical/basic')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stdout).toContain('30天消息');
  });

  it('exits 2 with one error line and no stack for a missing file', () => {
    const r = runCli(['analyze', 'no/such/file.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: no\/such\/file\.csv: no such file or folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a file that is no chat export, naming the formats tried', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'ca-')), 'notes.txt');
    writeFileSync(p, 'just some notes\nnothing else\n');
    const r = runCli(['analyze', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.txt');
    expect(r.stderr).toContain('formats tried');
  });

  it('makes a bad row fatal under --strict, with its file and line', () => {
    const r = runCli(['analyze', fixture('canonical/basic/messages.csv'), '--strict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*messages\.csv:9: unreadable timestamp "not a date"/);
  });

  it('rejects unknown options, formats and time zones with exit 2', () => {
    expect(runCli(['analyze', fixture('canonical/basic'), '--format', 'pdf']).code).toBe(2);
    expect(runCli(['analyze', fixture('canonical/basic'), '--tz', 'Mars/Olympus']).code).toBe(2);
    expect(runCli(['analyze', fixture('canonical/basic'), '--bogus']).code).toBe(2);
    expect(runCli(['analyze', fixture('canonical/basic'), '--as-of', 'yesterday']).code).toBe(2);
  });

  it('applies --as-of as "now": later events do not exist', () => {
    const r = runCli(['analyze', fixture('canonical/basic'), '--format', 'json', '--tz', 'Asia/Shanghai', '--as-of', '2024-03-04']);
    const g = JSON.parse(r.stdout).groups[0];
    expect(JSON.parse(r.stdout).asOf).toBe('2024-03-04T15:59:59Z');
    expect(g.messages.total).toBe(3);
  });

  it('has --help, --version, formats and schema', () => {
    expect(runCli(['--help']).stdout).toContain('analyze');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const formats = runCli(['formats']);
    expect(formats.stdout).toContain('canonical-csv');
    expect(formats.stdout).toContain('wechat-memotrace-csv');
    // --lang is accepted, and the verdict words follow it (exporters' names and fields stay as they are).
    const zh = runCli(['formats', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^wechat-memotrace-csv .*\n +成员标识：平台 id；入群记录：有；回复：有；/m);
    const schema = JSON.parse(runCli(['schema']).stdout);
    expect(schema.properties.groups.type).toBe('array');
  });
});
