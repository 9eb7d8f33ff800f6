import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/read.js';
import { ensureBuilt } from './helpers.js';

const GROUP = fixture('qq-qce/group');
const PRIVATE = fixture('qq-qce/private');
const tmp = mkdtempSync(join(tmpdir(), 'ca-qce-cli-'));
beforeAll(ensureBuilt);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('community-audit on qq-chat-exporter exports (built binary)', () => {
  it('analyses a QCE group: QQ numbers, joins with inviters, the private chat left out', () => {
    const r = runCli(['analyze', GROUP, PRIVATE, '--format', 'json', '--tz', 'Asia/Shanghai']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      inputs: { format: string; records: number; skipped: number }[];
      groups: { id: string; name: string; identity: string; messages: { total: number }; members: { total: number }; fission: { joins: number; joinsByMethod: Record<string, number>; topSpreaders: { memberId: string; name: string }[] } }[];
      warnings: { code: string; line: number | null }[];
    };
    expect(report.inputs.map((i) => [i.format, i.records, i.skipped])).toEqual([['qq-qce-json', 14, 1], ['qq-qce-json', 2, 0]]);
    expect(report.groups).toHaveLength(1);
    const g = report.groups[0]!;
    expect([g.id, g.name, g.identity, g.messages.total, g.members.total]).toEqual(['123456789', '读书会3群', 'ids', 9, 6]);
    expect(g.fission.joins).toBe(4);
    expect(g.fission.joinsByMethod).toEqual({ invite: 2, qr: 1, link: 0, unknown: 1 });
    expect(g.fission.topSpreaders.map((s) => [s.memberId, s.name])).toEqual([['20002', '小李']]);
    expect(report.warnings.map((w) => [w.code, w.line])).toEqual([['bad-timestamp', 20], ['unrecognised-system-lines', 15], ['personal-chats-left-out', null]]);
  });

  it('a broken QCE JSON file is one error line with the file and line, exit 2', () => {
    const broken = join(tmp, 'group_123456789_20240303_120000.json');
    writeFileSync(broken, readFileSync(join(GROUP, 'group_123456789_20240303_120000.json'), 'utf8').replace('"seq":"1004"', '"seq":"1004",,'));
    const r = runCli(['analyze', broken]);
    expect(r.code).toBe(2);
    const [error, ...rest] = r.stderr.trim().split('\n');
    expect(error!.startsWith(`error: ${broken}:9: not valid JSON: `)).toBe(true);
    expect(rest).toEqual(['hint: is the export complete and not edited by hand?']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('`formats` lists both QCE layouts', () => {
    const r = runCli(['formats']);
    expect(r.stdout).toMatch(/^qq-qce-json +QQ NT group export by qq-chat-exporter/m);
    expect(r.stdout).toMatch(/^qq-qce-chunked +QQ NT export by qq-chat-exporter \(QCE\), chunked JSONL/m);
  });
});
