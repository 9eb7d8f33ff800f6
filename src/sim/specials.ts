/**
 * The distractors' own messages (spam ads, one-day bursts), the weekly top-up that keeps the planted
 * peak slot on top, and recalls. Distractors are what a naive "most messages" ranking would pick.
 */
import { DAY, HOUR, MINUTE, slotOf } from './clock.js';
import { conversation, chatter, emit, type ChatCtx } from './conversation.js';
import { ownerPrompt, poolsFor } from './chat.js';
import { adText, lines } from './texts.js';
import type { Roster } from './roster.js';
import type { Plan, SimMessage } from './types.js';

export function spamAndBursts(ctx: ChatCtx, plan: Plan, roster: Roster, asOf: number): void {
  const { rng } = ctx;
  const silentAt = roster.day0 + plan.silentFrom * DAY;
  for (const m of roster.members) {
    if (m.tag === 'spammer') {
      // One ad, pasted again and again over a few days or weeks, at any hour.
      const ad = adText(rng);
      const span = rng.int(1, 25) * DAY;
      const limit = plan.kind === 'zombie' ? asOf : Math.min(asOf, silentAt - DAY);
      let last = m.joinedAt;
      for (let k = rng.int(8, 40); k > 0; k--) {
        const t = m.joinedAt + rng.range(10 * MINUTE, span);
        if (t >= limit) continue;
        emit(ctx, t, m, 'text', rng.chance(0.8) ? ad : `${ad}${rng.pick(['🔥', '！！', '👇'])}`);
        last = Math.max(last, t);
      }
      if (rng.chance(0.5) && last + 3 * HOUR < asOf) {
        m.leftAt = last + rng.range(10 * MINUTE, 3 * HOUR);
        emit(ctx, m.leftAt, null, 'system', `"${roster.owner.name}"将"${m.name}"移出了群聊`);
      }
    } else if (m.tag === 'burst') {
      // Sixty-plus messages on one day, some answered, then never a word again.
      const day = Math.floor((m.joinedAt - roster.day0) / DAY) + rng.int(0, 20);
      const dayStart = Math.max(roster.day0 + day * DAY, m.joinedAt + HOUR);
      if (dayStart + DAY > Math.min(asOf, silentAt)) continue;
      const pools = poolsFor(roster, dayStart, false);
      let t = dayStart + rng.int(9, 11) * HOUR;
      for (let k = rng.int(60, 110); k > 0; k--) {
        t += rng.chance(0.05) ? rng.range(10, 30) * MINUTE : rng.range(10_000, 90_000);
        if (t > dayStart + DAY - 5 * MINUTE) break;
        const msg = rng.chance(0.2) ? emit(ctx, t, m, 'text', lines.question(rng, ctx.theme)) : chatter(ctx, t, m);
        const other = rng.chance(0.08) ? pools.talk.draw(rng) : undefined;
        if (other && other !== m) emit(ctx, t + 40_000, other, 'text', lines.short(rng), rng.chance(0.5) ? msg : null);
      }
      if (rng.chance(0.5)) {
        m.leftAt = Math.min(asOf - HOUR, t + rng.range(1, 7) * DAY);
        emit(ctx, m.leftAt, null, 'system', `"${m.name}"退出了群聊`);
      }
    }
  }
}

/** Messages that count as member activity: members (not staff, bots, spammers), not system rows. */
export function isMemberActivity(msg: SimMessage): boolean {
  return msg.sender !== null && msg.sender.role === 'member' && msg.sender.tag !== 'spammer'
    && msg.type !== 'system' && msg.type !== 'recall';
}

function slotCounts(out: SimMessage[]): number[] {
  const counts = new Array<number>(168).fill(0);
  for (const msg of out) if (isMemberActivity(msg)) counts[slotOf(msg.t)]!++;
  return counts;
}

/**
 * A weekly ritual (a Wednesday-night share, a Sunday check-in) at the planted slot. Random
 * conversations alone can leave a neighbouring slot on top in small groups; add ritual
 * conversations until the planted slot leads clearly, so truth.peakSlot is a fact of the data.
 */
export function topUpPeak(ctx: ChatCtx, plan: Plan, roster: Roster): void {
  const { rng } = ctx;
  const peak = (plan.peakWeekday - 1) * 24 + plan.peakHour;
  const lastDay = Math.min(plan.age, plan.silentFrom - 1);
  const days: number[] = [];
  for (let d = 1; d <= lastDay; d++) {
    if (slotOf(roster.day0 + d * DAY + plan.peakHour * HOUR) === peak) days.push(d);
  }
  if (days.length === 0) return;
  const counts = slotCounts(ctx.out);
  for (let round = 0, seen = ctx.out.length; round < 400; round++) {
    // Count only what the last round added.
    for (; seen < ctx.out.length; seen++) if (isMemberActivity(ctx.out[seen]!)) counts[slotOf(ctx.out[seen]!.t)]!++;
    const top = counts[peak]!;
    const second = Math.max(...counts.filter((_, i) => i !== peak));
    if (top >= second * 1.15 + 3) return;
    const d = rng.pick(days);
    const start = roster.day0 + d * DAY;
    const pools = poolsFor(roster, start, true);
    // Starts early in the hour so the burst stays inside it. Owner-driven groups get one more
    // owner prompt instead, so the top-up does not make their members look self-starting.
    const at = start + plan.peakHour * HOUR + rng.int(0, 15) * MINUTE;
    const who = pools.initiate.draw(rng);
    if (pools.talk.total <= 0) { if (round > 50) return; continue; }
    if (plan.ownerDriven) ownerPrompt(ctx, roster, at, pools, 6);
    else if (who) conversation(ctx, at, who, pools.talk, pools.answer, 4);
  }
}

/** A few members recall a message: the export keeps only the notice. */
export function recalls(ctx: ChatCtx): void {
  for (const msg of ctx.out) {
    if (msg.sender && msg.sender.role === 'member' && msg.type === 'text' && ctx.rng.chance(0.004)) {
      msg.type = 'recall';
      msg.text = `"${msg.sender.name}" 撤回了一条消息`;
    }
  }
}
