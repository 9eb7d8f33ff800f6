import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reporters } from '../../src/report/registry.js';
import { ROOT, cli, ensureBuilt } from './helpers.js';

const DEMO = join(ROOT, 'fixtures/demo');
const SALT = 'x-demo-salt';

/** A column of a CSV file of the demo (no quoted commas in these columns). */
function column(file: string, name: string): string[] {
  const [head, ...rows] = readFileSync(join(DEMO, file), 'utf8').trimEnd().split(/\r?\n/);
  const i = head!.split(',').indexOf(name);
  return rows.map((r) => r.split(',')[i]!).filter(Boolean);
}

beforeAll(() => ensureBuilt(), 120_000);

describe('--anonymize on the demo', () => {
  const names = [...new Set([...column('members.csv', 'name'), ...column('members.csv', 'member_id'), ...column('messages.csv', 'group_name'), ...column('members.csv', 'group_id')])];

  it.each(['en', 'zh'])('no format contains a member or group name of the input (%s)', (lang) => {
    expect(names.length).toBeGreaterThan(500);
    const dir = mkdtempSync(join(tmpdir(), 'ca-anon-'));
    const ids = reporters.map((r) => r.id);
    const r = cli(['analyze', DEMO, '-q', '--tz', 'Asia/Shanghai', '--lang', lang, '--format', ids.join(','), ...ids.flatMap((id) => ['--output', join(dir, `report.${id}`)]), '--anonymize', '--salt', SALT]);
    expect(r.code, r.stderr).toBe(0);
    for (const id of ids) {
      const text = readFileSync(join(dir, `report.${id}`), 'utf8');
      expect(names.filter((n) => text.includes(n)), `${id}/${lang}`).toEqual([]);
    }
  }, 60_000);

  it('--group takes the original name or id, mapped to its pseudonym', () => {
    for (const original of ['读书会2群', '97612564100@chatroom']) {
      const r = cli(['analyze', DEMO, '-q', '--tz', 'Asia/Shanghai', '--group', original, '--anonymize', '--salt', SALT]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Group (group-[0-9a-f]{10}) \(\1\)/);
      expect(r.stdout).not.toContain(original);
    }
  });
});
