import { describe, expect, it } from 'vitest';
import { kFactor30 } from '../../src/sim/truth.js';
import { KINDS } from '../../src/sim/types.js';
import { byGroup, memberActivity, roundTrip, slotOfIso } from './helpers.js';

const DAY = 86_400_000;
// SIM_SEED lets a developer sweep seeds locally; CI uses the fixed one.
const { result, messages, members, asOf } = roundTrip(Number(process.env.SIM_SEED ?? 11), 30, 0.6);
const msgsBy = byGroup(messages);
const memsBy = byGroup(members);
const groups = result.truth.groups;

describe('simulate: planted facts hold in the written rows', () => {
  it('has a balanced mix of every kind', () => {
    for (const kind of KINDS) expect(groups.filter((g) => g.kind === kind)).toHaveLength(3);
  });

  it('writes well-formed rows', () => {
    const kinds = new Set(['text', 'image', 'voice', 'video', 'file', 'link', 'sticker', 'system', 'recall']);
    for (const m of messages) {
      expect(m.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(Date.parse(m.timestamp)).toBeLessThanOrEqual(asOf);
      expect(kinds.has(m.type)).toBe(true);
    }
    for (const g of groups) {
      const rows = msgsBy.get(g.groupId) ?? [];
      const ids = new Map(rows.map((r) => [r.message_id, r]));
      for (const r of rows) {
        if (r.reply_to) expect(Date.parse(ids.get(r.reply_to)!.timestamp)).toBeLessThanOrEqual(Date.parse(r.timestamp));
      }
      const mems = memsBy.get(g.groupId)!;
      expect(mems.filter((m) => m.role === 'owner')).toHaveLength(1);
      const memberIds = new Map(mems.map((m) => [m.member_id, m]));
      for (const m of mems) {
        if (m.invited_by) expect(memberIds.has(m.invited_by)).toBe(true);
        if (m.left_at) expect(Date.parse(m.left_at)).toBeGreaterThan(Date.parse(m.joined_at));
      }
      // Nobody writes before joining or after leaving.
      for (const r of rows) {
        if (!r.sender_id) continue;
        const m = memberIds.get(r.sender_id)!;
        const t = Date.parse(r.timestamp);
        expect(t).toBeGreaterThanOrEqual(Date.parse(m.joined_at));
        if (m.left_at) expect(t).toBeLessThanOrEqual(Date.parse(m.left_at));
      }
      // Lurkers: most members never post.
      const posters = new Set(rows.filter((r) => r.role === 'member' && r.type !== 'system').map((r) => r.sender_id));
      expect(posters.size).toBeLessThan(mems.length * 0.6);
    }
  });

  it('has a consistent timeline ending at asOf', () => {
    for (const g of groups) {
      expect(g.timeline[0]!.start).toBe(g.createdAt);
      expect(g.timeline.at(-1)!.end).toBe(g.asOf);
      expect(g.timeline.at(-1)!.phase).toBe(g.phase);
      for (let i = 1; i < g.timeline.length; i++) expect(g.timeline[i]!.start).toBe(g.timeline[i - 1]!.end);
      if (g.kind === 'revived') expect(g.timeline.slice(-2).map((s) => s.phase)).toEqual(['decline', 'growth']);
      if (g.kind === 'inception') expect(Date.parse(g.asOf) - Date.parse(g.createdAt)).toBeLessThan(26 * DAY);
    }
  });

  it('dead and zombie groups have no member activity in the last 30 days; zombies still have staff posts', () => {
    for (const g of groups) {
      const rows = msgsBy.get(g.groupId) ?? [];
      const recent = memberActivity(rows).filter((r) => Date.parse(r.timestamp) > asOf - 30 * DAY);
      expect(g.dead).toBe(g.kind === 'dead' || g.kind === 'zombie');
      if (g.dead) {
        expect(recent).toHaveLength(0);
        expect(g.phase).toBe('decline');
        expect(g.windowStatus).toBe('closed');
      } else {
        expect(recent.length).toBeGreaterThan(0);
      }
      const staffRecent = rows.filter((r) => (r.role === 'owner' || r.role === 'admin' || r.role === 'bot') && Date.parse(r.timestamp) > asOf - 30 * DAY);
      if (g.zombie) expect(staffRecent.length).toBeGreaterThan(3);
      if (g.kind === 'dead') expect(staffRecent).toHaveLength(0);
    }
  });

  it('seed users are still members, not staff, active on many days, and brought people who stayed', () => {
    for (const g of groups) {
      const mems = new Map(memsBy.get(g.groupId)!.map((m) => [m.member_id, m]));
      const rows = memberActivity(msgsBy.get(g.groupId) ?? []);
      if (['inception', 'dead', 'zombie', 'owner-driven', 'sudden-decline'].includes(g.kind)) expect(g.seedUsers).toEqual([]);
      else expect(g.seedUsers.length).toBeGreaterThanOrEqual(3);
      for (const id of g.seedUsers) {
        const m = mems.get(id)!;
        expect(m.role).toBe('member');
        expect(m.left_at).toBe('');
        expect(g.distractors).not.toContain(id);
        const days = new Set(rows.filter((r) => r.sender_id === id).map((r) => r.timestamp.slice(0, 10)));
        expect(days.size).toBeGreaterThanOrEqual(10);
        const invitees = [...mems.values()].filter((x) => x.invited_by === id);
        expect(invitees.length).toBeGreaterThan(0);
        expect(invitees.filter((x) => x.left_at === '').length / invitees.length).toBeGreaterThanOrEqual(0.75);
      }
    }
  });

  it('real spreaders keep their invitees, fake spreaders lose them within a week', () => {
    for (const g of groups) {
      const mems = memsBy.get(g.groupId)!;
      for (const id of g.spreaders) {
        const inv = mems.filter((m) => m.invited_by === id);
        expect(inv.length).toBeGreaterThanOrEqual(3);
        expect(inv.filter((m) => m.left_at === '').length / inv.length).toBeGreaterThanOrEqual(0.7);
      }
      for (const id of g.fakeSpreaders) {
        const inv = mems.filter((m) => m.invited_by === id);
        expect(inv.length).toBeGreaterThanOrEqual(10);
        const gone = inv.filter((m) => m.left_at && Date.parse(m.left_at) - Date.parse(m.joined_at) < 7 * DAY);
        expect(gone.length / inv.length).toBeGreaterThanOrEqual(0.6);
      }
    }
  });

  it('distractors include one-day bursts of 60+ messages and heavy posters who left', () => {
    let bursts = 0, leavers = 0;
    for (const g of groups) {
      const rows = msgsBy.get(g.groupId) ?? [];
      const mems = new Map(memsBy.get(g.groupId)!.map((m) => [m.member_id, m]));
      for (const id of g.distractors) {
        const own = rows.filter((r) => r.sender_id === id && r.type !== 'system');
        const days = new Set(own.map((r) => r.timestamp.slice(0, 10)));
        if (days.size === 1 && own.length >= 60) bursts++;
        if (mems.get(id)!.left_at && own.length >= 30 && days.size >= 10) leavers++;
      }
    }
    expect(bursts).toBeGreaterThan(3);
    expect(leavers).toBeGreaterThan(2);
  });

  it('the planted peak slot carries the most member messages of its group', () => {
    result.plans.forEach((plan, i) => {
      const g = groups[i]!;
      expect(g.peakSlot).toEqual({ weekday: plan.peakWeekday, hour: plan.peakHour });
      const counts = new Array<number>(168).fill(0);
      for (const r of memberActivity(msgsBy.get(g.groupId) ?? [])) counts[slotOfIso(r.timestamp)]!++;
      const peak = (g.peakSlot.weekday - 1) * 24 + g.peakSlot.hour;
      expect(counts[peak]).toBe(Math.max(...counts));
    });
  });

  it('kFactor30 recomputed from members.csv matches truth', () => {
    for (const g of groups) {
      const rows = memsBy.get(g.groupId)!.map((m) => ({
        joinedAt: Date.parse(m.joined_at), leftAt: m.left_at ? Date.parse(m.left_at) : null, invitedBy: m.invited_by,
      }));
      expect(kFactor30(rows, asOf)).toBe(g.kFactor30);
      if (g.kind !== 'inception') expect(g.kFactor30).toBeGreaterThan(0);
    }
  });

  it('owner-driven groups are carried by the owner; self-driven ones by members', () => {
    const memberStartShare = (groupId: string) => {
      const rows = (msgsBy.get(groupId) ?? []).filter((r) => r.type !== 'system' && r.role !== 'bot');
      let starts = 0, byMembers = 0, last = -Infinity;
      for (const r of rows) {
        const t = Date.parse(r.timestamp);
        if (t - last > 30 * 60_000) { starts++; if (r.role === 'member') byMembers++; }
        last = t;
      }
      return byMembers / starts;
    };
    for (const g of groups) {
      expect(g.lackingSelfDrive).toBe(g.kind === 'owner-driven' || g.kind === 'zombie');
      if (g.kind === 'owner-driven') expect(memberStartShare(g.groupId)).toBeLessThan(0.4);
      if (['growth', 'late-growth', 'maturity', 'slow-decline'].includes(g.kind)) expect(memberStartShare(g.groupId)).toBeGreaterThan(0.7);
    }
  });

  it('roster curves follow the scenario', () => {
    const sizeAt = (groupId: string, t: number) => memsBy.get(groupId)!
      .filter((m) => Date.parse(m.joined_at) <= t && (m.left_at === '' || Date.parse(m.left_at) > t)).length;
    for (const g of groups) {
      const now = sizeAt(g.groupId, asOf), before = sizeAt(g.groupId, asOf - 30 * DAY);
      if (g.kind === 'growth' || g.kind === 'revived') expect(now - before).toBeGreaterThan(now * 0.12);
      if (g.kind === 'late-growth') {
        const earlier = sizeAt(g.groupId, asOf - 60 * DAY);
        expect(now - before).toBeGreaterThan(0);
        expect(now - before).toBeLessThan(before - earlier);
      }
      if (g.kind === 'maturity') expect(Math.abs(now - before)).toBeLessThan(now * 0.08);
      if (g.kind === 'sudden-decline' || g.kind === 'slow-decline') expect(now).toBeLessThan(before + 2);
    }
  });
});
