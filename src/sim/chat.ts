/**
 * The day-by-day chat of a group: member conversations at the planted hours, the owner's posts
 * (occasional in self-driven groups, daily prompts in owner-driven ones), bot posts, greetings of
 * newcomers, and the system lines for joins and leaves.
 */
import { DAY, HOUR, MINUTE, localWeekday } from './clock.js';
import { conversation, emit, chatter, type ChatCtx } from './conversation.js';
import { WeightedPool } from './prng.js';
import { activityAt } from './scenario.js';
import { lines } from './texts.js';
import type { Roster } from './roster.js';
import type { Plan, SimMember, SimMessage } from './types.js';

/** Base daily rhythm of a Chinese chat group, by local hour. */
const RHYTHM = [0.3, 0.15, 0.06, 0.04, 0.04, 0.08, 0.25, 0.7, 0.9, 1, 1, 1, 1.3, 1.1, 0.8, 0.8, 0.85, 0.9, 1, 1.1, 1.3, 1.3, 1.1, 0.7];

export function hourWeights(plan: Plan, peakDay: boolean): number[] {
  const w = RHYTHM.slice();
  const total = w.reduce((a, b) => a + b, 0);
  const boost = total * (peakDay ? 0.5 : 0.3);
  w[plan.peakHour] = w[plan.peakHour]! + boost;
  w[(plan.peakHour + 23) % 24] = w[(plan.peakHour + 23) % 24]! + boost * 0.3;
  w[(plan.peakHour + 1) % 24] = w[(plan.peakHour + 1) % 24]! + boost * 0.3;
  return w;
}

export interface DayPools {
  talk: WeightedPool<SimMember>;
  initiate: WeightedPool<SimMember>;
  answer: WeightedPool<SimMember>;
}

/** Who can talk on a day: in the group all day, weighted by how much they talk (fading interest). */
export function poolsFor(roster: Roster, start: number, membersOnly: boolean): DayPools {
  const end = start + DAY;
  const present = roster.members.filter((m) => m.talk > 0 && m.joinedAt < start && (m.leftAt === null || m.leftAt > end + HOUR) && (!membersOnly || m.role === 'member'));
  const talk = (m: SimMember) => m.talk * (start > m.fadesAt ? 0.15 : 1);
  return {
    talk: new WeightedPool(present, talk),
    // Members start conversations; staff only now and then (self-driven groups).
    initiate: new WeightedPool(present, (m) => (m.role === 'member' ? talk(m) * m.initiative : 0)),
    answer: new WeightedPool(present, (m) => talk(m) * m.initiative),
  };
}

export function minuteIn(ctx: ChatCtx, dayStart: number, hour: number): number {
  return dayStart + hour * HOUR + ctx.rng.int(0, 59) * MINUTE + ctx.rng.int(0, 59) * 1000;
}

/** Baseline conversations per day at full activity for a group of the planned size. */
export function baseRate(plan: Plan, scale: number, level: number): number {
  return Math.pow(plan.size, 0.85) * level * scale;
}

export function dailyChat(ctx: ChatCtx, plan: Plan, roster: Roster, scale: number, level: number): void {
  const { rng } = ctx;
  const c0 = baseRate(plan, scale, level);
  const owner = roster.owner;
  for (let d = 0; d <= plan.age; d++) {
    const start = roster.day0 + d * DAY;
    const active = activityAt(plan, d);
    const peakDay = localWeekday(start + 12 * HOUR) === plan.peakWeekday;
    const hours = hourWeights(plan, peakDay);
    if (active > 0) {
      const pools = poolsFor(roster, start, plan.ownerDriven);
      const sizeFactor = Math.pow(Math.max(1, roster.sizeByDay[d]!) / plan.size, 0.8);
      const mood = rng.lognormal(1, 0.25) * (peakDay ? 1.6 : 1);
      let rate = c0 * active * sizeFactor * mood;
      if (plan.ownerDriven) {
        ownerPrompts(ctx, plan, roster, start, pools, rate, peakDay);
        rate *= 0.08; // members rarely start anything themselves
      }
      const n = rng.poisson(rate);
      for (let k = 0; k < n; k++) {
        const at = minuteIn(ctx, start, rng.weighted(hours));
        const staffStarts = !plan.ownerDriven && rng.chance(d < 20 ? 0.18 : 0.06);
        const who = staffStarts ? rng.pick(roster.staff) : pools.initiate.draw(rng);
        if (who && who.joinedAt < at) conversation(ctx, at, who, pools.talk, pools.answer);
      }
      if (!plan.ownerDriven && d > 0 && rng.chance(0.12)) announce(ctx, owner, minuteIn(ctx, start, rng.pick([9, 10, plan.peakHour])), pools);
    } else if (plan.kind === 'zombie' && d >= plan.silentFrom && rng.chance(0.55)) {
      // Nobody answers any more; the owner or an admin keeps posting into the void.
      const text = lines.zombie(rng);
      emit(ctx, minuteIn(ctx, start, text.startsWith('早安') ? 7 : rng.pick([8, 9, 12, 20])), rng.pick(roster.staff), 'text', text);
    }
    if (roster.bot && roster.bot.joinedAt < start && (plan.kind === 'zombie' || d < plan.silentFrom) && rng.chance(0.5)) {
      emit(ctx, start + 8 * HOUR + rng.int(0, 300) * 1000, roster.bot, 'text', lines.bot(rng));
    }
  }
  membership(ctx, plan, roster);
}

function announce(ctx: ChatCtx, owner: SimMember, at: number, pools: DayPools): void {
  const post = emit(ctx, at, owner, 'text', lines.announcement(ctx.rng));
  for (let k = ctx.rng.int(0, 2); k > 0; k--) {
    const who = pools.talk.draw(ctx.rng);
    if (who && who !== owner) emit(ctx, at + ctx.rng.range(1, 20) * MINUTE, who, 'text', ctx.rng.pick(['收到', '收到👌', '好的']), ctx.rng.chance(0.3) ? post : null);
  }
}

/** Owner-driven: daily prompts (the first at the peak hour), which is when members reply. */
function ownerPrompts(ctx: ChatCtx, plan: Plan, roster: Roster, start: number, pools: DayPools, rate: number, peakDay: boolean): void {
  const { rng } = ctx;
  const posts = peakDay ? 3 : rng.int(1, 3);
  for (let p = 0; p < posts; p++) {
    const hour = p === 0 ? plan.peakHour : rng.pick([8, 12, (plan.peakHour + 22) % 24]);
    ownerPrompt(ctx, roster, start + hour * HOUR + rng.int(0, 15) * MINUTE, pools, rate * (p === 0 ? 2 : 0.7));
  }
}

/**
 * One owner post and the replies it draws, all within two hours and never more than ~25 minutes
 * apart, so that a 30-minute conversation split sees one conversation started by the owner. The
 * owner answers back now and then, as owners who carry a group do.
 */
export function ownerPrompt(ctx: ChatCtx, roster: Roster, at: number, pools: DayPools, replies: number): void {
  const { rng } = ctx;
  const pick = rng.chance(0.85) ? roster.owner : rng.pick(roster.staff);
  const poster = pick.joinedAt < at ? pick : roster.owner;
  let t = Math.max(at, roster.owner.joinedAt + MINUTE);
  const post = emit(ctx, t, poster, 'text', lines.ownerPrompt(rng));
  let last: SimMessage = post;
  for (let k = rng.poisson(Math.max(1, replies)); k > 0; k--) {
    t += Math.min(25 * MINUTE, (last === post ? rng.expo(6 * MINUTE) : rng.expo(4 * MINUTE)) + 20_000);
    if (t > post.t + 2 * HOUR) break;
    if (last.sender !== poster && rng.chance(0.2)) {
      last = emit(ctx, t, poster, 'text', `@${last.sender!.name} ${rng.pick(['很棒👍', '说得好', '继续加油💪', '收到，谢谢分享'])}`, rng.chance(0.5) ? last : null);
      continue;
    }
    const who = pools.talk.draw(rng);
    if (!who) break;
    const target = rng.chance(0.4) ? post : rng.chance(0.15) ? last : null;
    last = rng.chance(0.5) ? emit(ctx, t, who, 'text', rng.pick(['打卡✅', '已完成', '收到', '学习了', '今天的任务完成啦']), target) : chatter(ctx, t, who, target);
  }
}

/** System lines for joins and leaves, a bot welcome, and newcomers saying hello. */
function membership(ctx: ChatCtx, plan: Plan, roster: Roster): void {
  const { rng } = ctx;
  const silentAt = roster.day0 + plan.silentFrom * DAY;
  for (const m of roster.members) {
    if (m.role === 'owner') continue;
    const inviter = m.invitedBy;
    const text = !inviter ? `"${m.name}"加入了群聊`
      : m.via === 'qr' ? `"${m.name}"通过扫描"${inviter.name}"分享的二维码加入群聊`
        : `"${inviter.name}"邀请"${m.name}"加入了群聊`;
    emit(ctx, m.joinedAt, null, 'system', text);
    if (m.leftAt !== null && m.tag !== 'spammer') emit(ctx, m.leftAt, null, 'system', `"${m.name}"退出了群聊`);
    if (m.joinedAt >= silentAt) continue;
    if (roster.bot && roster.bot.joinedAt < m.joinedAt && rng.chance(0.7)) {
      emit(ctx, m.joinedAt + rng.int(3, 60) * 1000, roster.bot, 'text', `欢迎新朋友@${m.name} 入群！请先阅读群公告`);
    }
    if (m.talk > 0 && rng.chance(0.35)) {
      const hello = emit(ctx, m.joinedAt + rng.int(1, 20) * MINUTE, m, 'text', lines.greeting(m.name));
      const pools = poolsFor(roster, m.joinedAt - DAY, false);
      const host = pools.answer.draw(rng);
      if (host && host !== m && rng.chance(0.6)) emit(ctx, hello.t + rng.int(1, 10) * MINUTE, host, 'text', lines.welcome(m.name), rng.chance(0.5) ? hello : null);
    }
  }
}
