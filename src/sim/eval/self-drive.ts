/** Lacking self-drive: the verdict against the planted owner-driven and zombie groups. */
import { atLeast, missing, pair, share, type Evaluate } from './types.js';

export const evaluate: Evaluate = (groups, truth) => {
  const pairs = pair(groups, truth);
  if (!pairs.some((p) => p.r?.selfDrive)) return [missing('lacking self-drive accuracy', '>= 0.9', 'selfDrive')];
  let ok = 0;
  const wrong: string[] = [];
  for (const { r, t } of pairs) {
    if ((r?.selfDrive?.lacking ?? false) === t.lackingSelfDrive) ok++;
    else wrong.push(`${t.kind}:${t.lackingSelfDrive ? 'missed' : 'false'}`);
  }
  return [atLeast('lacking self-drive accuracy', share(ok, pairs.length), 0.9, `${ok}/${pairs.length}${wrong.length ? `; ${wrong.slice(0, 6).join(', ')}` : ''}`)];
};
