import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/read.js';

const DEMO = fixture('demo');
const json = (args: string[]) => {
  const r = runCli(['analyze', DEMO, '--tz', 'Asia/Shanghai', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { asOf: string; groups: { id: string; lastActivityAt: string | null; vitality: { status: string } }[] };
};

describe('time windows and member lists', () => {
  it('--until cuts the member list too: nothing after it exists, so healthy groups stay alive', () => {
    const until = json(['--until', '2025-01-01']);
    const asOf = json(['--as-of', '2025-01-01']);
    expect(until.asOf <= '2025-01-01T16:00:00Z').toBe(true);
    for (const g of until.groups) expect(g.lastActivityAt === null || g.lastActivityAt <= '2025-01-01T16:00:00Z').toBe(true);
    const dead = (r: typeof until) => r.groups.filter((g) => g.vitality.status === 'dead').map((g) => g.id).sort();
    expect(dead(until)).toEqual(dead(asOf));
  });

  it('leaves out groups of which nothing had happened by as-of', () => {
    expect(json(['--as-of', '2020-01-01']).groups).toEqual([]);
    const early = json(['--as-of', '2025-04-30']);
    expect(early.groups.length).toBeLessThan(json([]).groups.length);
  });

  it('refuses a window that ends before it starts', () => {
    const r = runCli(['analyze', DEMO, '--since', '2025-06-01', '--until', '2025-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --since 2025-06-01 is later than the end of the window/);
  });
});

describe('config errors', () => {
  it('name the line of a JSON mistake, counted in the file as written (comments included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-cfg-'));
    const cfg = join(dir, 'c.json');
    writeFileSync(cfg, "// a comment\n/* a block\n   comment */\n{\n  \"top\": 5\n  \"lang\": \"zh\"\n}\n");
    const r = runCli(['analyze', DEMO, '--config', cfg]);
    expect(r.code).toBe(2);
    // The parser notices the missing comma at the next property, on line 6.
    expect(r.stderr).toMatch(/^error: .*c\.json:6: the config file is not valid JSON/);
  });
});

describe('--me and the config\'s "me"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ca-me-'));
  const chat = join(dir, 'WhatsApp Chat with Hikers.txt');
  writeFileSync(chat, ['1/5/24, 9:00 AM - You created group "Hikers"', '1/5/24, 9:01 AM - You added Bob', '1/5/24, 9:02 AM - Ann: hi Bob', '1/5/24, 9:03 AM - Bob: hi'].join('\n'));
  const report = (args: string[]) => {
    const r = runCli(['analyze', chat, '--format', 'json', ...args]);
    expect(r.code, r.stderr).toBe(0);
    const { generatedAt: _, ...rest } = JSON.parse(r.stdout) as { generatedAt: string; warnings: { code: string; line?: number }[] };
    return rest;
  };

  it('without it, a warning says the exporter is "You" (from which line) and how to join them to their name', () => {
    expect(report([]).warnings).toEqual([expect.objectContaining({ code: 'exporter-as-you', line: 1, message: expect.stringMatching(/--me/) })]);
  });

  it('from the option or the config file alike, the warning is gone; an empty name is a usage error', () => {
    const opt = report(['--me', 'Ann']);
    expect(opt.warnings).toEqual([]);
    const cfg = join(dir, 'c.json');
    writeFileSync(cfg, '{ "me": ["Ann"] }');
    expect(report(['--config', cfg])).toEqual(opt);
    const empty = runCli(['analyze', chat, '--me', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^error: --me: give your display name/);
  });
});
