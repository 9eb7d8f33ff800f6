/** Seed users: precision at k (k = number planted) and distractors (spammers, bursts, leavers) in the top k. */
import { atLeast, atMost, missing, pair, type Evaluate } from './types.js';

export const evaluate: Evaluate = (groups, truth) => {
  const pairs = pair(groups, truth).filter((p) => p.t.seedUsers.length > 0);
  if (!pairs.some((p) => p.r?.seedUsers)) return [missing('seed precision@k', '>= 0.8', 'seedUsers'), missing('distractors in top k', '<= 0', 'seedUsers')];
  let precision = 0, distractors = 0;
  for (const { r, t } of pairs) {
    const k = t.seedUsers.length;
    const top = [...(r?.seedUsers ?? [])].sort((a, b) => a.rank - b.rank).slice(0, k).map((s) => s.memberId);
    const planted = new Set(t.seedUsers), bad = new Set(t.distractors);
    precision += top.filter((id) => planted.has(id)).length / k;
    distractors += top.filter((id) => bad.has(id)).length;
  }
  return [
    atLeast('seed precision@k', precision / pairs.length, 0.8, `mean over ${pairs.length} groups with planted seeds`),
    atMost('distractors in top k', distractors, 0, `total over ${pairs.length} groups`),
  ];
};
