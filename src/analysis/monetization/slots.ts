import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { DAY } from '../../core/time.js';

const HOURS = 168;

export interface SlotOptions {
  halfLifeDays: number;
  replyWeight: number;
  neighbourWeight: number;
  minMessages: number;
  /** Weighted member messages the slots should rest on; with fewer the half-life widens and hours borrow from other days. */
  slotMessages: number;
  /** How much a slot borrows from the same hour across the week (mean of the seven days), at full sparseness. */
  weekdayWeight: number;
}

/** Half-lives tried, in multiples of `halfLifeDays`, when the recent weeks hold too few messages. */
const WIDEN = [1, 2, 4, 8];

export interface Slot {
  weekday: number;
  hour: number;
  score: number;
}

/**
 * Receptive slots — the user-perspective rule (the fruit stall speaks to people on their evening
 * walk): weekday × hour where members already talk and answer each other. Member messages count
 * once, answers to someone else count `replyWeight` more; recent weeks weigh more (exponential
 * half-life), and each hour borrows from its neighbours so a peak at 20:55 does not lose to noise.
 * Returns the slots best first (score 1 = the best), or none when there is too little to go on.
 */
export function receptiveSlots(ds: Dataset, g: GroupRecord, asOf: number, top: number, o: SlotOptions): { slots: Slot[]; messages: number; heatmap: number[][] } {
  const { time, flags, sender, responseTo, hourOfWeek } = ds.messages;
  // Member messages: age, slot and weight (answers count more), in typed arrays sized for the
  // whole group rather than three arrays grown one push at a time.
  const size = g.msgEnd - g.msgStart;
  const ages = new Float64Array(size), slotOf = new Uint8Array(size), weight = new Float64Array(size);
  let messages = 0;
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const t = time[j]!;
    if (t > asOf) break;
    if (!(flags[j]! & FLAG.member)) continue;
    const k = responseTo[j]!;
    const answers = k >= 0 && sender[k] !== sender[j] && (flags[k]! & FLAG.human) !== 0;
    ages[messages] = asOf - t; slotOf[messages] = hourOfWeek[j]!; weight[messages] = 1 + (answers ? o.replyWeight : 0);
    messages++;
  }
  if (messages < o.minMessages) return { slots: [], messages, heatmap: [] };
  // A quiet group pools over more weeks: the half-life widens until the weighted count reaches
  // `slotMessages` (or the widest is reached). A busy group keeps the configured one.
  let raw = new Float64Array(HOURS), effective = 0;
  for (const factor of WIDEN) {
    const decay = Math.LN2 / Math.max(1e-9, o.halfLifeDays * factor * DAY);
    raw = new Float64Array(HOURS); effective = 0;
    for (let i = 0; i < messages; i++) {
      const w = Math.exp(-ages[i]! * decay);
      effective += w;
      raw[slotOf[i]!]! += w * weight[i]!;
    }
    if (effective >= o.slotMessages) break;
  }
  // Circular over the week: Sunday 23:00 neighbours Monday 00:00.
  const near = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) {
    near[h] = raw[h]! + o.neighbourWeight * (raw[(h + HOURS - 1) % HOURS]! + raw[(h + 1) % HOURS]!);
  }
  // Sparse data: each slot also borrows the same hour's mean over the seven days, the more the
  // fewer messages there are. The same amount goes to every weekday at that hour, so the hour is
  // backed by the whole week while the weekday is still decided by its own count — a real
  // weekday peak stays the peak.
  const sparse = Math.min(1, Math.max(0, o.slotMessages / Math.max(1, effective) - 1));
  const smooth = new Float64Array(HOURS);
  for (let hr = 0; hr < 24; hr++) {
    let mean = 0;
    for (let d = 0; d < 7; d++) mean += near[d * 24 + hr]! / 7;
    for (let d = 0; d < 7; d++) smooth[d * 24 + hr] = near[d * 24 + hr]! + o.weekdayWeight * sparse * mean;
  }
  let best = 0;
  for (let h = 0; h < HOURS; h++) best = Math.max(best, smooth[h]!);
  if (best <= 0) return { slots: [], messages, heatmap: [] };
  const order = Array.from({ length: HOURS }, (_, h) => h).filter((h) => smooth[h]! > 0).sort((a, b) => smooth[b]! - smooth[a]! || a - b);
  const slots = order.slice(0, Math.max(0, top)).map((h) => ({
    weekday: Math.floor(h / 24) + 1, hour: h % 24, score: Math.round((smooth[h]! / best) * 1000) / 1000,
  }));
  // The whole week, Monday first, each hour relative to the best: what a heatmap draws.
  const heatmap = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, hr) => Math.round((smooth[d * 24 + hr]! / best) * 1000) / 1000));
  return { slots, messages, heatmap };
}
