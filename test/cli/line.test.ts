import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/read.js';

interface Group { id: string; platform: string; messages: { total: number }; members: { total: number }; fission: { joins: number } }

describe('community-audit analyze on LINE exports (built binary)', () => {
  it('reads the English, zh-Hant, Japanese and PC exports as their groups, with their members and joins', () => {
    const dirs = ['en-group', 'zh-hant-invites', 'ja-group', 'zh-hant-pc'].map((d) => fixture(`line/${d}`));
    const r = runCli(['analyze', ...dirs, '--format', 'json', '--tz', 'Asia/Taipei']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { groups: Group[]; inputs: { format: string }[]; warnings: { code: string; file: string | null; message: string }[] };
    expect(report.inputs.map((i) => i.format)).toEqual(['line-txt', 'line-txt', 'line-txt', 'line-txt']);
    // Exports of 2024 beside one of 2025: each of the three older ones is named, as-of being the latest event of all.
    expect(report.warnings.map((w) => [w.code, w.file?.split('/').slice(-2, -1)[0], /ends (\d+) days before the as-of 2025-08-05/.exec(w.message)?.[1]])).toEqual([
      ['input-ends-early', 'en-group', '570'], ['input-ends-early', 'zh-hant-invites', '541'], ['input-ends-early', 'ja-group', '492'],
    ]);
    // The table says so under the groups it concerns, not only in the JSON.
    const table = runCli(['analyze', ...dirs, '--tz', 'Asia/Taipei', '--lang', 'en']);
    expect(table.stdout).toMatch(/! inputs that end over a month before the as-of 2025-08-05, .*Book Club\.txt, .*讀書會\.txt, .*山登り部\.txt \(analyse them/);
    const groups = Object.fromEntries(report.groups.map((g) => [g.id, [g.platform, g.messages.total, g.members.total, g.fission.joins]]));
    // Members still in at the end: Book Club lost Carol (left) and Dan (removed); 讀書會 張三 and 陳五.
    expect(groups).toEqual({
      'Book Club': ['line', 5, 2, 3], '讀書會': ['line', 6, 4, 5], '山登り部': ['line', 3, 2, 3], '工作群': ['line', 5, 2, 0],
    });
  });

  it('leaves a chat with one person out of the report, saying so', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'ca-line-')), '[LINE] Chat history with Bob.txt');
    writeFileSync(p, '[LINE] Chat history with Bob\nSaved on: 2024/01/03 09:00\n\nTue, 01/02/2024\n10:00\tBob\thi\n10:01\tAnn\thello\n');
    const r = runCli(['analyze', p, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { groups: Group[]; warnings: { code: string }[] };
    expect(report.groups).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(['personal-chats-left-out']);
  });

  it('stops at an impossible date under --strict: one error line with the file and line, no stack', () => {
    const r = runCli(['analyze', fixture('line/bad-date'), '--strict', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*\[LINE\] Chat history in Broken\.txt:6: a date line naming no real day/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
