import type { Dataset, GroupRecord } from '../../core/dataset/types.js';
import { DAY, type Zone } from '../../core/time.js';
import { joinedBy } from '../shared/joins.js';
import { monthOf, monthStart, monthsBetween } from '../shared/months.js';
import { round } from '../shared/numbers.js';
import type { MemberActivity } from './activity.js';

const MONTH = 30 * DAY;

export interface Cohort { month: string; joined: number; stillIn1m: number | null; stillIn2m: number | null; stillIn3m: number | null; posting1m: number | null; posting2m: number | null; posting3m: number | null }

/**
 * Retention by join month. stillIn{k}m: share of the month's joiners still in the group k×30 days
 * after they joined; posting{k}m: share who wrote a human message in the k-th 30 days after
 * joining. null while the month is too recent: its last day + k×30 days is after as-of.
 */
export function cohorts(ds: Dataset, g: GroupRecord, act: MemberActivity, asOf: number, zone: Zone): Cohort[] {
  const joiners = new Map<string, number[]>();
  let first = Infinity;
  for (const m of g.members) {
    const r = ds.members[m]!;
    if (!joinedBy(r, asOf)) continue;
    const t = r.joinedAt;
    first = Math.min(first, t);
    const key = monthOf(t, zone);
    const list = joiners.get(key);
    if (list) list.push(m); else joiners.set(key, [m]);
  }
  if (!Number.isFinite(first)) return [];
  return monthsBetween(first, asOf, zone).map((month) => {
    const ms = joiners.get(month) ?? [];
    const end = monthStart(month, zone, 1);
    const share = (k: number, test: (m: number) => boolean) => (!ms.length || end + k * MONTH > asOf ? null : round(ms.filter(test).length / ms.length));
    const stillIn = (k: number) => (m: number) => { const r = ds.members[m]!; return r.leftAt === null || r.leftAt > asOf || r.leftAt >= r.joinedAt! + k * MONTH; };
    const posting = (k: number) => (m: number) => { const j = ds.members[m]!.joinedAt!; return act.wroteBetween(m, j + (k - 1) * MONTH, j + k * MONTH); };
    return {
      month, joined: ms.length,
      stillIn1m: share(1, stillIn(1)), stillIn2m: share(2, stillIn(2)), stillIn3m: share(3, stillIn(3)),
      posting1m: share(1, posting(1)), posting2m: share(2, posting(2)), posting3m: share(3, posting(3)),
    };
  });
}
