/** Monetization: the best receptive slot against the planted peak, and the window status. */
import { atLeast, missing, pair, share, type Evaluate } from './types.js';

export const evaluate: Evaluate = (groups, truth) => {
  const pairs = pair(groups, truth);
  if (!pairs.some((p) => p.r?.monetization)) return [missing('best slot within ±1 h', '>= 0.9', 'monetization'), missing('window status accuracy', '>= 0.9', 'monetization')];
  // Groups whose members never spoke have no peak to find.
  const withPeak = pairs.filter((p) => p.t.lastMemberMessageAt !== null);
  let slotHits = 0, windowHits = 0;
  const slotMisses: string[] = [], windowMisses: string[] = [];
  for (const { r, t } of withPeak) {
    const best = r?.monetization?.slots[0];
    const hit = best !== undefined && best.weekday === t.peakSlot.weekday && Math.abs(best.hour - t.peakSlot.hour) <= 1;
    if (hit) slotHits++;
    else slotMisses.push(`${t.kind}:${best ? `${best.weekday}/${best.hour}` : '-'}≠${t.peakSlot.weekday}/${t.peakSlot.hour}`);
  }
  for (const { r, t } of pairs) {
    if (r?.monetization?.window.status === t.windowStatus) windowHits++;
    else windowMisses.push(`${t.kind}:${r?.monetization?.window.status ?? '-'}≠${t.windowStatus}`);
  }
  return [
    atLeast('best slot within ±1 h', share(slotHits, withPeak.length), 0.9, `${slotHits}/${withPeak.length}${slotMisses.length ? `; ${slotMisses.slice(0, 5).join(', ')}` : ''}`),
    atLeast('window status accuracy', share(windowHits, pairs.length), 0.9, `${windowHits}/${pairs.length}${windowMisses.length ? `; ${windowMisses.slice(0, 6).join(', ')}` : ''}`),
  ];
};
