import type { Dataset } from '../../core/dataset/types.js';
import { DAY } from '../../core/time.js';
import { JOIN_METHODS, joinedByAt, memberColumns } from '../shared/member-columns.js';
import { quantile, round } from '../shared/numbers.js';
import type { InviteForest } from './tree.js';

/** How people joined, the shape of the forest, and how soon members invite after joining. */
export function summarise(ds: Dataset, f: InviteForest, nodes: readonly number[], isPeer: (m: number) => boolean, asOf: number, referenceDays: number) {
  const byMethod = { invite: 0, qr: 0, link: 0, unknown: 0 };
  let joins = 0, invited = 0, staffInvited = 0, allInvited = 0;
  const c = memberColumns(ds);
  for (const v of nodes) {
    const m = f.member[v]!;
    const hasInviter = f.parent[v]! >= 0;
    if (hasInviter) {
      allInvited++;
      const p = f.member[f.parent[v]!]!;
      if (p >= 0 && !isPeer(p)) staffInvited++;
    }
    if (!joinedByAt(c, m, asOf)) continue;
    joins++;
    if (hasInviter) invited++;
    byMethod[JOIN_METHODS[c.joinMethod[m]!]!]++;
  }
  let roots = 0, maxDepth = 0;
  for (let v = 0; v < f.parent.length; v++) {
    if (f.parent[v]! < 0) roots++;
    maxDepth = Math.max(maxDepth, f.depth[v]!);
  }
  // A member-started cascade: an ordinary member who invited someone, brought in by staff, an
  // outsider or nobody known. Goel et al.: most such cascades stop one step from their seed.
  let cascades = 0, oneStep = 0, maxGenerations = 0;
  const cycle: number[] = [];
  let within = 0;
  for (const v of nodes) {
    const m = f.member[v]!;
    if (!isPeer(m) || f.childStart[v + 1]! === f.childStart[v]!) continue;
    const p = f.parent[v]!;
    if (p < 0 || !isPeer(f.member[p]!)) {
      cascades++;
      if (f.height[v] === 1) oneStep++;
      maxGenerations = Math.max(maxGenerations, f.height[v]!);
    }
    const joined = c.joinedAt[m]!;
    if (Number.isNaN(joined)) continue;
    let first = Infinity;
    for (let k = f.childStart[v]!; k < f.childStart[v + 1]!; k++) {
      const child = f.member[f.childList[k]!]!;
      const t = child >= 0 ? c.joinedAt[child]! : NaN; // NaN: unknown, never >= joined
      if (t >= joined) first = Math.min(first, t);
    }
    if (!Number.isFinite(first)) continue;
    cycle.push((first - joined) / DAY);
    if (first - joined <= referenceDays * DAY) within++;
  }
  cycle.sort((a, b) => a - b);
  return {
    joins,
    invitedShare: round(joins ? invited / joins : 0)!,
    joinsByMethod: byMethod,
    staffInvitedShare: allInvited ? round(staffInvited / allInvited) : null,
    roots,
    externalRoots: f.external.length,
    maxDepth,
    peerCascades: { count: cascades, oneStepShare: cascades ? round(oneStep / cascades) : null, maxGenerations },
    cycleTimeDaysMedian: round(quantile(cycle, 0.5), 1),
    cycleTimeDaysP80: round(quantile(cycle, 0.8), 1),
    firstInviteWithinReferenceShare: cycle.length ? round(within / cycle.length) : null,
  };
}
