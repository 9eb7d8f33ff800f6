import type { Dataset, GroupRecord } from '../../core/dataset/types.js';
import type { Zone } from '../../core/time.js';
import { memberColumns } from '../shared/member-columns.js';
import { monthOf } from '../shared/months.js';

/** A member whose join counts (shared/joins.ts joinedBy), with the local month of the join. */
export interface Joiner { member: number; joinedAt: number; month: string }

/** The group's joiners by as-of, in member order: read once for the newcomers and the cohorts. */
export function joiners(ds: Dataset, g: GroupRecord, asOf: number, zone: Zone): Joiner[] {
  const joined = memberColumns(ds).joined;
  const out: Joiner[] = [];
  for (const m of g.members) {
    const t = joined[m]!; // NaN (never <= asOf) for the creator and unknown joins
    if (t <= asOf) out.push({ member: m, joinedAt: t, month: monthOf(t, zone) });
  }
  return out;
}
