import { DAY, type Zone } from '../../core/time.js';
import { monthsBetween } from '../shared/months.js';
import { quantile, round } from '../shared/numbers.js';
import type { MemberActivity } from './activity.js';
import type { Joiner } from './joiners.js';

const HOUR = 3_600_000;

export interface NewcomerMonth { month: string; joined: number; postedFirstWeek: number | null; medianHoursToFirstResponse: number | null }

/**
 * Newcomers: members with a known join time (the creator excluded). Posted in the first week: a
 * human message within 7 days of joining, among those who joined at least 7 days before as-of.
 * Time to first response (CHAOSS): from a newcomer's first message to the first answer from
 * someone else, over newcomers who got one.
 */
export function newcomers(joined: readonly Joiner[], act: MemberActivity, asOf: number, zone: Zone) {
  type Row = { month: string; joinedAt: number; firstWeek: boolean | null; hours: number | null };
  const rows: Row[] = [];
  for (const { member: m, joinedAt, month } of joined) {
    // Judged only once their first week is over: counting the young ones who already posted and
    // leaving out those who have not yet would bias the share upward.
    const firstWeek = joinedAt + 7 * DAY <= asOf
      ? act.wroteBetween(m, joinedAt - HOUR, joinedAt + 7 * DAY)
      : null;
    const answeredAt = act.firstAnsweredAt(m);
    const hours = answeredAt !== null ? (answeredAt - act.firstAt(m)) / HOUR : null;
    rows.push({ month, joinedAt, firstWeek, hours });
  }
  const summary = (rs: Row[]) => {
    let judged = 0, posted = 0, answered = 0;
    const hours = new Float64Array(rs.length);
    for (const x of rs) {
      if (x.firstWeek !== null) { judged++; if (x.firstWeek) posted++; }
      if (x.hours !== null) hours[answered++] = x.hours;
    }
    // A typed array sorts numbers natively, without a comparator call per comparison (and filling
    // one in a loop is much quicker than Float64Array.from with a mapping function).
    return {
      postedFirstWeek: judged ? round(posted / judged) : null,
      medianHoursToFirstResponse: round(quantile(hours.subarray(0, answered).sort(), 0.5), 1),
    };
  };
  const byMonth = new Map<string, Row[]>();
  for (const x of rows) { const list = byMonth.get(x.month); if (list) list.push(x); else byMonth.set(x.month, [x]); }
  const perMonth: NewcomerMonth[] = rows.length
    ? monthsBetween(rows.reduce((a, x) => Math.min(a, x.joinedAt), Infinity), asOf, zone).map((month) => {
      const rs = byMonth.get(month) ?? [];
      return { month, joined: rs.length, ...summary(rs) };
    })
    : [];
  const all = summary(rows);
  return { perMonth, postedFirstWeekShare: all.postedFirstWeek, medianHoursToFirstResponse: all.medianHoursToFirstResponse };
}
