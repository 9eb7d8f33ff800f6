import type { Dataset, GroupRecord } from '../../core/dataset/types.js';
import { DAY, iso } from '../../core/time.js';
import { memberColumns, ROLE } from '../shared/member-columns.js';
import type { MemberActivity } from './activity.js';

export interface QuietOptions { quietDays: number; minActiveWeeks: number; minPerWeek: number; maxListed: number }

export interface GoingQuiet { memberId: string; name: string; lastMessageAt: string; usualPerWeek: number; activeWeeks: number; daysSilent: number; seedUser: boolean }

/**
 * Previously regular members who stopped: at least `minActiveWeeks` weeks with a message and on
 * average `minPerWeek` messages a week from their first to their last message, silent for
 * `quietDays` or more, still in the group, not owner/admin/bot/spammer. Seed users first, then
 * by how much they used to write.
 */
export function goingQuiet(ds: Dataset, g: GroupRecord, act: MemberActivity, asOf: number, seeds: ReadonlySet<string>, o: QuietOptions): GoingQuiet[] {
  const out: (GoingQuiet & { total: number })[] = [];
  const c = memberColumns(ds);
  for (const m of g.members) {
    const count = act.count(m);
    if (!count || c.role[m] !== ROLE.member || c.spammer[m] || c.leftAt[m]! <= asOf) continue;
    const last = act.lastAt(m);
    const daysSilent = Math.floor((asOf - last) / DAY);
    if (daysSilent < o.quietDays) continue;
    const { distinct: weeks, first: firstWeek, last: lastWeek } = act.weeks(m);
    const span = Math.max(weeks, (lastWeek - firstWeek) / 7 + 1);
    const perWeek = count / span;
    if (weeks < o.minActiveWeeks || perWeek < o.minPerWeek) continue;
    const r = ds.members[m]!;
    out.push({
      memberId: r.key, name: r.names.at(-1) ?? r.key, lastMessageAt: iso(last), usualPerWeek: Math.round(perWeek * 10) / 10,
      activeWeeks: weeks, daysSilent, seedUser: seeds.has(r.key), total: count,
    });
  }
  out.sort((x, y) => Number(y.seedUser) - Number(x.seedUser) || y.total - x.total || x.memberId.localeCompare(y.memberId));
  return out.slice(0, o.maxListed).map(({ total: _total, ...rest }) => rest);
}
