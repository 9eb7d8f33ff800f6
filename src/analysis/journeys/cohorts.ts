import type { Dataset } from '../../core/dataset/types.js';
import { DAY, type Zone } from '../../core/time.js';
import { memberColumns } from '../shared/member-columns.js';
import { monthStart, monthsBetween } from '../shared/months.js';
import { round } from '../shared/numbers.js';
import type { MemberActivity } from './activity.js';
import type { Joiner } from './joiners.js';

const MONTH = 30 * DAY;

export interface Cohort { month: string; joined: number; stillIn1m: number | null; stillIn2m: number | null; stillIn3m: number | null; posting1m: number | null; posting2m: number | null; posting3m: number | null }

/**
 * Retention by join month. stillIn{k}m: share of the month's joiners still in the group k×30 days
 * after they joined; posting{k}m: share who wrote a human message in the k-th 30 days after
 * joining. null while the month is too recent: its last day + k×30 days is after as-of.
 */
export function cohorts(ds: Dataset, joined: readonly Joiner[], act: MemberActivity, asOf: number, zone: Zone): Cohort[] {
  const joiners = new Map<string, number[]>();
  let first = Infinity;
  for (const { member: m, joinedAt: t, month: key } of joined) {
    first = Math.min(first, t);
    const list = joiners.get(key);
    if (list) list.push(m); else joiners.set(key, [m]);
  }
  if (!Number.isFinite(first)) return [];
  const c = memberColumns(ds);
  return monthsBetween(first, asOf, zone).map((month) => {
    const ms = joiners.get(month) ?? [];
    const end = monthStart(month, zone, 1);
    const share = (k: number, test: (m: number) => boolean) => (!ms.length || end + k * MONTH > asOf ? null : round(ms.filter(test).length / ms.length));
    const stillIn = (k: number) => (m: number) => { const left = c.leftAt[m]!; return Number.isNaN(left) || left > asOf || left >= c.joinedAt[m]! + k * MONTH; };
    const posting = (k: number) => (m: number) => { const j = c.joinedAt[m]!; return act.wroteBetween(m, j + (k - 1) * MONTH, j + k * MONTH); };
    return {
      month, joined: ms.length,
      stillIn1m: share(1, stillIn(1)), stillIn2m: share(2, stillIn(2)), stillIn3m: share(3, stillIn(3)),
      posting1m: share(1, posting(1)), posting2m: share(2, posting(2)), posting3m: share(3, posting(3)),
    };
  });
}
