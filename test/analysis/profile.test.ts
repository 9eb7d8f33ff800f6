import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/run.js';
import { buildReport } from '../../src/report/build.js';
import { fixture } from '../helpers/read.js';
import { profileGroup } from '../../src/analysis/profile/index.js';
import { KIND_RECALL, KIND_SYSTEM } from '../../src/analysis/shared/kinds.js';
import { MESSAGE_KINDS } from '../../src/core/model.js';
import { ctxFor, dataset, day, msg } from './helpers.js';

/** The descriptive numbers of issue 2 on a dataset small enough to check by hand. */
describe('group profile (members, messages, weekly activity)', () => {
  it('matches the hand-checked numbers of fixtures/canonical/basic', async () => {
    const { dataset, inputs, issues } = await ingest({ inputs: [fixture('canonical/basic')], timeZone: 'Asia/Shanghai' });
    expect(inputs.map((i) => [i.kind, i.records, i.skipped])).toEqual([['members', 5, 0], ['messages', 7, 2]]);
    expect(issues.map((i) => i.line)).toEqual([9, 10]);
    const report = buildReport(dataset, inputs, issues, { asOf: dataset.lastEventAt, timeZone: 'Asia/Shanghai', generatedAt: 0, version: 'test', top: 10, options: {} });
    expect(report.asOf).toBe('2024-03-11T02:00:00Z');
    const g = report.groups[0]!;
    expect(g).toMatchObject({ id: 'g1', name: '读书会', firstActivityAt: '2024-03-01T00:00:00Z', lastActivityAt: '2024-03-11T02:00:00Z' });
    // Owner, 小李, 阿杰, Tony (admin) are in; 潜水员 joined 03-04 and left 03-08; 小李 invited 小周 on 03-11.
    // Active members: 小李 and 阿杰 wrote; the owner (m1) and Tony (admin, m5) are not members.
    expect(g.members).toMatchObject({ total: 5, active30d: 2, joined30d: 6, left30d: 1 });
    expect(g.messages).toEqual({ total: 6, system: 1, last30d: 6 });
    expect(g.activity.weekly).toEqual([
      { weekStart: '2024-02-26', messages: 0, activeMembers: 0, memberMessages: 0, joins: 4, leaves: 0, roster: 4, days: 3 },
      // 小李 and 阿杰 are members; Tony is an admin and the owner is staff: 2 active members, whose
      // 4 messages (小李 m2 m4, 阿杰 m3 m6) are the members' own.
      { weekStart: '2024-03-04', messages: 6, activeMembers: 2, memberMessages: 4, joins: 1, leaves: 1, roster: 4, days: 7 },
      { weekStart: '2024-03-11', messages: 0, activeMembers: 0, memberMessages: 0, joins: 1, leaves: 0, roster: 5, days: 1 },
    ]);
  });

  it('puts weeks on Mondays in the report zone, not in UTC', async () => {
    // 2024-03-03 20:00 UTC is a Sunday in UTC and Monday 04:00 in Shanghai.
    const dir = mkdtempSync(join(tmpdir(), 'ca-'));
    writeFileSync(join(dir, 'g.csv'), 'timestamp,sender_id,text\n2024-03-03T20:00:00Z,a,hi\n2024-03-03T21:00:00Z,b,hello\n');
    const weekOf = async (tz: string) => {
      const { dataset, inputs, issues } = await ingest({ inputs: [dir], timeZone: tz });
      const r = buildReport(dataset, inputs, issues, { asOf: dataset.lastEventAt, timeZone: tz, generatedAt: 0, version: 'test', top: 10, options: {} });
      return r.groups[0]!.activity.weekly.map((w) => [w.weekStart, w.messages]);
    };
    expect(await weekOf('UTC')).toEqual([['2024-02-26', 2]]);
    expect(await weekOf('Asia/Shanghai')).toEqual([['2024-03-04', 2]]);
  });

  it('active30d: members only (not owner or admins), on the same 30 local days as last30d', () => {
    // as-of 2024-01-31 10:00 UTC: the 30 local days are 01-02 … 01-31. 'early' wrote on 01-01 at
    // 12:00, less than 30×24 h before as-of but on the day before the window; the owner and the
    // admin wrote inside it and are not members.
    const ds = dataset({
      members: [{ id: 'boss', role: 'owner', joinedAt: day(0) }, { id: 'adm', role: 'admin', joinedAt: day(0) }, { id: 'early', joinedAt: day(0) }, { id: 'ann', joinedAt: day(0) }],
      messages: [msg('early', day(0, 12)), msg('boss', day(5, 9)), msg('adm', day(6, 9)), msg('ann', day(1, 0, 30)), msg('ann', day(30, 9))],
    });
    const p = profileGroup(ds.groups[0]!, ctxFor(ds, day(30, 10)));
    expect(p.messages.last30d).toBe(4);
    expect(p.members.active30d).toBe(1);
  });

  it('system and recall kinds come from MESSAGE_KINDS, and the roster drops a leaver on the day they leave', () => {
    expect(MESSAGE_KINDS[KIND_SYSTEM]).toBe('system');
    expect(MESSAGE_KINDS[KIND_RECALL]).toBe('recall');
    const ds = dataset({
      members: [{ id: 'a', joinedAt: day(0) }, { id: 'b', joinedAt: day(0), leftAt: day(2, 15) }],
      messages: [msg('a', day(0, 9)), msg('a', day(1, 9), 'x', { kind: 'system' }), msg('a', day(1, 10), 'y', { kind: 'recall' }), msg('b', day(1, 11))],
    });
    const ctx = ctxFor(ds, day(3, 12));
    const s = ctx.series(ds.groups[0]!);
    // Roster at the end of each day: b left during day 2, so is gone at its end.
    expect([...s.roster]).toEqual([2, 2, 1, 1]);
    expect([...s.messages]).toEqual([1, 1, 0, 0]);
    expect(profileGroup(ds.groups[0]!, ctx).messages).toMatchObject({ total: 2, system: 2 });
  });

  it('a listed member with no join time is in from the start where others\' join times are known (an export that starts mid-life)', () => {
    const members = [{ id: 'old1' }, { id: 'old2' }, { id: 'new', joinedAt: day(5) }];
    const messages = [msg('old1', day(0, 9)), msg('old2', day(8, 9)), msg('new', day(6, 9))];
    const s = ctxFor(dataset({ members, messages }), day(9, 12)).series(dataset({ members, messages }).groups[0]!);
    // old2 first writes on day 8, but was in all along: only new's join moves the roster.
    expect([...s.roster]).toEqual([2, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
    expect([...s.joins].reduce((a, b) => a + b, 0)).toBe(1);
    // With no join time known for anyone, first messages are all there is: people seen so far.
    const bare = [{ id: 'old1' }, { id: 'old2' }, { id: 'new' }];
    const t = ctxFor(dataset({ members: bare, messages }), day(9, 12)).series(dataset({ members: bare, messages }).groups[0]!);
    expect([...t.roster]).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 3, 3]);
  });

  it('in an export that records joins, someone who writes with no join on record was in from the start', () => {
    // Join notices for a newcomer only; old1 and old2 never joined within the export.
    const events = [{ at: day(5, 10), action: 'join' as const, member: 'new', by: 'old1' }];
    const messages = [msg('old1', day(0, 9)), msg('old2', day(8, 9)), msg('new', day(6, 9))];
    const ds = dataset({ events, messages });
    const s = ctxFor(ds, day(9, 12)).series(ds.groups[0]!);
    expect([...s.roster]).toEqual([2, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
  });

  it('someone seen only leaving (never wrote, no join on record) was in from the start until the leave (found by a real Spanish WhatsApp export)', () => {
    const events = [{ at: day(3, 10), action: 'leave' as const, member: 'lurker' }, { at: day(5, 10), action: 'remove' as const, member: 'lurker2', by: 'a' }];
    const messages = [msg('a', day(0, 9)), msg('b', day(1, 9)), msg('a', day(7, 9))];
    const ds = dataset({ events, messages });
    const ctx = ctxFor(ds, day(7, 12));
    const s = ctx.series(ds.groups[0]!);
    expect([...s.roster]).toEqual([3, 4, 4, 3, 3, 2, 2, 2]);
    expect([...s.leaves].reduce((x, y) => x + y, 0)).toBe(2);
    expect(profileGroup(ds.groups[0]!, ctx).members).toMatchObject({ left30d: 2, joined30d: 0 });
  });

  it('a group known only from a member list is dated by its join times (found by the fourth independent simulator); one with none has no dates', () => {
    const members = [{ id: 'a', joinedAt: day(1, 8) }, { id: 'b', joinedAt: day(4, 20) }, { id: 'c' }];
    const ds = dataset({ members, messages: [] });
    const p = profileGroup(ds.groups[0]!, ctxFor(ds, day(9, 12)));
    expect([p.firstActivityAt, p.lastActivityAt]).toEqual([new Date(day(1, 8)).toISOString().replace('.000', ''), new Date(day(4, 20)).toISOString().replace('.000', '')]);
    const bare = dataset({ members: [{ id: 'a' }, { id: 'b' }], messages: [] });
    expect(profileGroup(bare.groups[0]!, ctxFor(bare, day(9, 12)))).toMatchObject({ firstActivityAt: null, lastActivityAt: null });
  });
});
