import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt } from './helpers.js';

const INPUT = 'fixtures/canonical/basic/messages.csv';
const EN = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
let dir: string, emptyTelegram: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ca-empty-'));
  emptyTelegram = join(dir, 'result.json');
  writeFileSync(emptyTelegram, '{"name": "X", "type": "private_group", "id": 1, "messages": []}');
}, 120_000);

describe('a report without any group', () => {
  it('exits 0 and says on stderr that the --since window missed everything', () => {
    const out = join(dir, 'late.json');
    const r = cli(['analyze', INPUT, '--since', '2030-01-01', '--format', 'json', '--output', out], undefined, EN);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: no messages or members in the inputs fall within --since 2030-01-01: the report lists no groups\n');
    expect(JSON.parse(readFileSync(out, 'utf8')).groups).toEqual([]);
  });

  it('says the inputs hold nothing for a Telegram export with no messages, in Chinese with --lang zh', () => {
    const en = cli(['analyze', emptyTelegram], undefined, EN);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('note: the inputs hold no messages and no members: the report lists no groups\n');
    const zh = cli(['analyze', emptyTelegram, '--lang', 'zh'], undefined, EN);
    expect(zh.stderr).toBe('注意：输入里没有任何消息或成员，报告中没有群\n');
  });

  it('names a file taken for an export whose every line was refused (session 12: LINE date lines in an unknown language)', () => {
    const line = join(dir, '[LINE] Nhom.txt');
    writeFileSync(line, '[LINE] Chat history in "Nhom"\nSaved on: 2025/12/01 10:00\n\nT6, 28/11/2025\n08:55\tAn\tXin chao\n09:00\tBinh\tChao\n');
    const r = cli(['analyze', line], undefined, EN);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n').pop()).toBe(`note: nothing could be read from ${line} (read as line-txt): its 3 lines were skipped, see the warnings (--format json lists them); the report lists no groups`);
  });

  it('is silent with --quiet, and there is no note when groups are reported', () => {
    expect(cli(['analyze', emptyTelegram, '-q'], undefined, EN).stderr).toBe('');
    const full = cli(['analyze', INPUT, '--format', 'json'], undefined, EN);
    expect(full.code).toBe(0);
    expect(full.stderr).not.toContain('note');
  });
});

describe('an account export of one-to-one chats only', () => {
  it('says that only personal chats were read, not that the inputs are empty', () => {
    const dm = join(dir, 'dm.json');
    writeFileSync(dm, JSON.stringify({ name: 'Bob', type: 'personal_chat', id: 7, messages: [
      { id: 1, type: 'message', date: '2024-01-01T10:00:00', date_unixtime: '1704103200', from: 'Bob', from_id: 'user7', text: 'hi' },
      { id: 2, type: 'message', date: '2024-01-01T10:01:00', date_unixtime: '1704103260', from: 'Me', from_id: 'user1', text: 'hello' },
    ] }));
    const r = cli(['analyze', dm, '--format', 'json'], undefined, EN);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: the inputs hold only chats that are no groups (one-to-one chats, saved messages, bots, broadcast channels): the report lists no groups\n');
    const report = JSON.parse(r.stdout) as { groups: unknown[]; warnings: { code: string; file: string }[] };
    expect(report.groups).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'personal-chats-left-out', file: dm })]);
  });
});
