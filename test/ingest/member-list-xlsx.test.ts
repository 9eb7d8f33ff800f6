import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { excelSerial, memberListXlsx } from '../../src/ingest/member-list/xlsx.js';
import { adapters } from '../../src/ingest/registry.js';
import { bytesSource, fileHead, fileSource } from '../../src/ingest/source.js';
import type { Source } from '../../src/ingest/types.js';

const XLSX = 'fixtures/member-list-xlsx/basic/技术交流群成员.xlsx';

async function run(source: Source, zone = 'Asia/Shanghai') {
  const issues: { reason: string; line?: number }[] = [];
  const ctx = { path: source.path, zone: new Zone(zone), reportIssue: (i: { reason: string }) => issues.push(i), reportProgress: () => {} };
  const members: MemberEvent[] = [];
  for await (const ev of memberListXlsx.read(source, ctx)) if (ev.type === 'member') members.push(ev);
  return { members, issues };
}

/** A one-sheet workbook with inline strings only, built in memory. */
function workbook(rows: (string | number)[][]): Uint8Array {
  const cell = (v: string | number) => (typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`);
  const sheet = `<worksheet><sheetData>${rows.map((r) => `<row>${r.map(cell).join('')}</row>`).join('')}</sheetData></worksheet>`;
  return zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet) });
}

describe('member list .xlsx', () => {
  it('is detected from the ZIP signature and the file name', async () => {
    const head = await fileHead(XLSX);
    let id = '', top = 0;
    for (const a of adapters) { const s = a.detect(head); if (s > top) { top = s; id = a.id; } }
    expect(id).toBe('members-xlsx');
    expect(memberListXlsx.detect({ ...head, fileName: 'chat.zip' })).toBe(0);
  });

  it('reads shared, rich and inline strings, numbers as ids, Excel serials and date strings', async () => {
    const { members, issues } = await run(await fileSource(XLSX));
    expect(members.map((m) => [m.memberId, m.name, m.role, m.invitedBy])).toEqual([
      ['wxid_alice', '爱丽丝', 'owner', undefined],
      ['wxid_bob', 'Bob & Co', undefined, 'wxid_alice'],
      ['12345678', 'Carol', undefined, 'wxid_alice'],
      ['Dave', 'Dave', 'admin', undefined],
    ]);
    expect(members[0]!.group.id).toBe('技术交流群成员');
    // 45293.5 = 2024-01-02 12:00 wall clock in Shanghai (45292 is 2024-01-01).
    expect(new Date(members[0]!.joinedAt!).toISOString()).toBe('2024-01-02T04:00:00.000Z');
    expect(new Date(members[1]!.joinedAt!).toISOString()).toBe('2024-01-03T01:30:00.000Z');
    // 最后发言 (last message) is not a join time: ignored.
    expect(members[0]!.leftAt).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ line: 4 })]);
  });

  it('converts serials in the zone given', () => {
    expect(new Date(excelSerial(45293.5, new Zone('UTC'))).toISOString()).toBe('2024-01-02T12:00:00.000Z');
  });

  it('maps QQ-style headers and cells without references', async () => {
    const bytes = workbook([['群名片', 'QQ号', '入群时间', '最后发言'], ['小明', 87654321, '2020/1/2 8:00', '2020/3/1']]);
    const { members } = await run(bytesSource('qq.xlsx', bytes));
    expect(members).toMatchObject([{ memberId: '87654321', name: '小明', group: { id: 'qq' } }]);
    expect(new Date(members[0]!.joinedAt!).toISOString()).toBe('2020-01-02T00:00:00.000Z');
  });

  it('refuses a file that is not a workbook with one clear error', async () => {
    await expect(run(bytesSource('bad.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).rejects.toThrow(/xlsx/);
    await expect(run(bytesSource('empty.xlsx', zipSync({ 'a.txt': strToU8('x') })))).rejects.toThrow(/no worksheet/);
  });
});
