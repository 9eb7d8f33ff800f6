import type { Dataset, MemberRecord } from '../../core/dataset/types.js';
import { DAY, type Zone } from '../../core/time.js';
import { presence } from '../shared/series.js';
import type { InviteForest } from './tree.js';
import { stayedFor } from './stats.js';

/** Someone whose inviter is known: a member of the data or an inviter named but not found in it. */
export function isInvitee(f: InviteForest, v: number): boolean {
  return f.parent[v]! >= 0;
}

/**
 * K = (invitees ÷ members) × (invitees still in the group `days` days after joining ÷ invitees who
 * joined at least `days` days before as-of). Members: everyone present in the group at some time
 * up to as-of (staff and bots too: anyone could have invited). Invitees: members with a known
 * inviter, whatever the method (a QR code shared by X counts as invited by X). 0 when nobody was
 * invited; null when invitees exist but none is old enough to judge.
 */
export function kFactor(ds: Dataset, f: InviteForest, nodes: readonly number[], members: number, days: number, asOf: number): { k: number | null; invited: number; judged: number; stayed: number } {
  let invited = 0, judged = 0, stayed = 0;
  for (const v of nodes) {
    if (!isInvitee(f, v)) continue;
    invited++;
    const r = ds.members[f.member[v]!]!;
    // Judged only once `days` have passed since joining, even if they already left.
    if (r.joinedAt === null || r.joinedAt + days * DAY > asOf) continue;
    const s = stayedFor(r, days, asOf);
    if (s === null) continue;
    judged++;
    if (s) stayed++;
  }
  if (members === 0 || invited === 0) return { k: 0, invited, judged, stayed };
  return { k: judged ? (invited / members) * (stayed / judged) : null, invited, judged, stayed };
}

/** YYYY-MM of an instant in the report's zone. */
export function monthOf(t: number, zone: Zone): string {
  return new Date(zone.local(t)).toISOString().slice(0, 7);
}

/** The UTC instant a local month starts, from its YYYY-MM label plus `add` months. */
export function monthStart(label: string, zone: Zone, add = 0): number {
  const [y, m] = label.split('-').map(Number);
  return zone.fromLocal(Date.UTC(y!, m! - 1 + add, 1));
}

/** Month labels from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: number, to: number, zone: Zone): string[] {
  const out: string[] = [];
  const last = monthOf(to, zone);
  for (let label = monthOf(from, zone); out.length < 1200; label = monthOf(monthStart(label, zone, 1), zone)) {
    out.push(label);
    if (label >= last) break;
  }
  return out;
}

export interface MonthK { month: string; joins: number; invited: number; kFactor: number | null }

/**
 * Per join month: joins, invited joins, and K where "members" are those present at some time in
 * the month and invitees those who joined in it; null when none of them can be judged yet.
 */
export function monthlyK(ds: Dataset, f: InviteForest, asOf: number, zone: Zone, groupStart: number): MonthK[] {
  const nodes: number[] = [];
  for (let v = 0; v < f.member.length; v++) if (f.member[v]! >= 0 && ds.members[f.member[v]!]!.joinedAt !== null) nodes.push(v);
  if (!nodes.length) return [];
  const joinedAt = (v: number) => (ds.members[f.member[v]!]! as MemberRecord & { joinedAt: number }).joinedAt;
  const first = nodes.reduce((a, v) => Math.min(a, joinedAt(v)), Infinity);
  return monthsBetween(first, asOf, zone).map((month) => {
    const a = monthStart(month, zone), b = monthStart(month, zone, 1);
    const joined = nodes.filter((v) => joinedAt(v) >= a && joinedAt(v) < b);
    let present = 0;
    for (let v = 0; v < f.member.length; v++) {
      if (f.member[v]! < 0) continue;
      const p = presence(ds, f.member[v]!, groupStart);
      if (p.from < b && p.to >= a) present++;
    }
    const k = kFactor(ds, f, joined, present, 30, asOf);
    return { month, joins: joined.length, invited: k.invited, kFactor: round(k.k) };
  });
}

export function round(x: number | null, digits = 4): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}
