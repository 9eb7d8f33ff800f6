import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { DAY } from '../../core/time.js';

const HOURS = 168;

export interface SlotOptions {
  halfLifeDays: number;
  replyWeight: number;
  neighbourWeight: number;
  minMessages: number;
}

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
  const raw = new Float64Array(HOURS);
  const decay = Math.LN2 / Math.max(1e-9, o.halfLifeDays * DAY);
  let messages = 0;
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const t = time[j]!;
    if (t > asOf) break;
    if (!(flags[j]! & FLAG.member)) continue;
    messages++;
    const w = Math.exp(-(asOf - t) * decay);
    const k = responseTo[j]!;
    const answers = k >= 0 && sender[k] !== sender[j] && (flags[k]! & FLAG.human) !== 0;
    raw[hourOfWeek[j]!]! += w * (1 + (answers ? o.replyWeight : 0));
  }
  if (messages < o.minMessages) return { slots: [], messages, heatmap: [] };
  // Circular over the week: Sunday 23:00 neighbours Monday 00:00.
  const smooth = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) {
    smooth[h] = raw[h]! + o.neighbourWeight * (raw[(h + HOURS - 1) % HOURS]! + raw[(h + 1) % HOURS]!);
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
