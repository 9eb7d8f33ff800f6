/** Dead groups (precision, recall) and zombies recognised. */
import { atLeast, missing, pair, share, type Evaluate } from './types.js';

export const evaluate: Evaluate = (groups, truth) => {
  const pairs = pair(groups, truth);
  if (!pairs.some((p) => p.r?.vitality)) {
    return [missing('dead precision', '>= 0.95', 'vitality'), missing('dead recall', '>= 0.95', 'vitality'), missing('zombies recognised', '>= 0.9', 'vitality')];
  }
  let tp = 0, fp = 0, fn = 0, zHit = 0, zAll = 0, zFalse = 0;
  const errors: string[] = [];
  for (const { r, t } of pairs) {
    const dead = r?.vitality?.status === 'dead';
    if (dead && t.dead) tp++;
    else if (dead) { fp++; errors.push(`${t.kind}:false dead`); }
    else if (t.dead) { fn++; errors.push(`${t.kind}:missed`); }
    if (t.zombie) { zAll++; if (r?.vitality?.zombie) zHit++; }
    else if (r?.vitality?.zombie) zFalse++;
  }
  return [
    atLeast('dead precision', share(tp, tp + fp), 0.95, `${tp}/${tp + fp}${errors.length ? `; ${errors.slice(0, 6).join(', ')}` : ''}`),
    atLeast('dead recall', share(tp, tp + fn), 0.95, `${tp}/${tp + fn}`),
    atLeast('zombies recognised', share(zHit, zAll), 0.9, `${zHit}/${zAll}; ${zFalse} non-zombies flagged`),
  ];
};
