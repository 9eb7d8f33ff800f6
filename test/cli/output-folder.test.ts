import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt } from './helpers.js';

const INPUT = 'fixtures/canonical/basic/messages.csv';
const EN = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

beforeAll(() => ensureBuilt(), 120_000);

describe('an output path that is a folder', () => {
  it('--output names the folder the user gave, not the temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-out-folder-'));
    const r = cli(['analyze', INPUT, '-q', '--output', dir], undefined, EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${dir}: is a folder, not a file\nhint: name a file, e.g. ${join(dir, 'report.json')}\n`);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a path ending in a slash is a folder even when it does not exist: nothing is written under its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-out-folder-'));
    const r = cli(['analyze', INPUT, '-q', '--output', `${join(dir, 'reports')}/`], undefined, EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*reports\/: is a folder, not a file\nhint: name a file, e\.g\. .*reports\/report\.json\n$/);
    expect(readdirSync(dir)).toEqual([]);
    // A backslash is a file name's character outside Windows (review): written as named.
    if (process.platform !== 'win32') {
      const b = cli(['analyze', INPUT, '-q', '--format', 'json', '--output', join(dir, 'rep\\')], undefined, EN);
      expect(b.code).toBe(0);
      expect(readdirSync(dir)).toEqual(['rep\\']);
    }
  });

  it('--save-baseline too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-out-folder-'));
    const r = cli(['analyze', INPUT, '-q', '--format', 'json', '--save-baseline', dir], undefined, EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${dir}: is a folder, not a file\\n`));
    expect(r.stderr).not.toContain('.tmp');
  });
});
