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

describe('member list .xlsx: titles, totals, qun.qq.com and 企业微信 cells', () => {
  const HEADER = ['微信号', '群昵称', '角色', '入群时间', '邀请人'];
  const ROWS: (string | number)[][] = [['wxid_a', '爱丽丝', '群主', 45293.5, ''], ['wxid_b', 'Bob', '', 45294.25, 'wxid_a']];
  const ids = (ms: MemberEvent[]) => ms.map((m) => [m.memberId, m.name, m.role, m.invitedBy, m.joinedAt && new Date(m.joinedAt).toISOString()]);
  const WANT = [
    ['wxid_a', '爱丽丝', 'owner', undefined, '2024-01-02T04:00:00.000Z'],
    ['wxid_b', 'Bob', undefined, 'wxid_a', '2024-01-02T22:00:00.000Z'],
  ];

  it('finds the header under a title row (or a few) and says so', async () => {
    const one = await run(bytesSource('t.xlsx', workbook([['技术交流群成员名单（2024年1月）'], HEADER, ...ROWS])));
    expect(ids(one.members)).toEqual(WANT);
    expect(one.issues).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('1 row above it') })]);
    const three = await run(bytesSource('t.xlsx', workbook([['技术交流群成员名单'], [], ['导出时间', '2024-01-05'], ['共 2 人'], HEADER, ...ROWS])));
    expect(ids(three.members)).toEqual(WANT);
    expect(three.issues).toEqual([expect.objectContaining({ line: 5, reason: expect.stringContaining('3 rows above it') })]);
  });

  it('still refuses a sheet without a member column in its first rows', async () => {
    const { members, issues } = await run(bytesSource('t.xlsx', workbook([['标题'], ['a', 'b'], ['c', 'd']])));
    expect(members).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ line: 1, reason: expect.stringContaining('no member id or name column') })]);
  });

  it('skips a totals row with one note, never a member', async () => {
    for (const total of [['合计', '3人'], ['总计：2'], ['Total', '', '', 2], ['', '共2人']]) {
      const { members, issues } = await run(bytesSource('t.xlsx', workbook([HEADER, ...ROWS, [], total])));
      expect(ids(members)).toEqual(WANT);
      expect(issues).toEqual([expect.objectContaining({ line: 5, code: 'totals-row', strict: false, reason: expect.stringContaining('totals row') })]);
    }
    // A member whose id is a number, or named like a count, with other cells filled, is a member.
    const { members } = await run(bytesSource('t.xlsx', workbook([HEADER, [12345678, '3人', '成员']])));
    expect(members.map((m) => [m.memberId, m.name, m.role])).toEqual([['12345678', '3人', 'member']]);
  });

  it('reads qun.qq.com lists: 【群主】/【管理员】 in 群名片 as roles, an empty 群名片 as the 成员 nickname', async () => {
    const bytes = workbook([
      ['序号', '成员', '群名片', 'QQ号', '性别', 'Q龄', '入群时间', '最后发言'],
      [1, '地瓜', '【群主】地瓜', 23333233, '男', '10年', '2019/03/01', '2024/01/02'],
      [2, 'Alice', '', 10001, '女', '3年', '2020/05/06', '2023/12/30'],
      [3, 'bob', '【管理员】 鲍勃', 10002, '男', '1年', '2021/01/01', ''],
      [4, 'carol', '【广州】小卡', 10003, '女', '1年', '2021/01/01', ''],
    ]);
    const { members, issues } = await run(bytesSource('QQ群成员.xlsx', bytes));
    expect(issues).toEqual([]);
    expect(members.map((m) => [m.memberId, m.name, m.role, new Date(m.joinedAt!).toISOString()])).toEqual([
      ['23333233', '地瓜', 'owner', '2019-02-28T16:00:00.000Z'],
      ['10001', 'Alice', undefined, '2020-05-05T16:00:00.000Z'],
      ['10002', '鲍勃', 'admin', '2020-12-31T16:00:00.000Z'],
      ['10003', '【广州】小卡', undefined, '2020-12-31T16:00:00.000Z'],
    ]);
  });

  it('reads 入群方式 in words (企业微信: 通过扫描群二维码入群, 由成员邀请入群)', async () => {
    const bytes = workbook([
      ['微信号', '入群方式'],
      ['a', '通过扫描群二维码入群'], ['b', '由成员邀请入群（直接邀请入群）'], ['c', '由成员邀请入群（通过邀请链接入群）'], ['d', '二维码'], ['e', '搜索群号'],
    ]);
    const { members } = await run(bytesSource('w.xlsx', bytes));
    expect(members.map((m) => m.joinMethod)).toEqual(['qr', 'invite', 'link', 'qr', 'unknown']);
  });
});
