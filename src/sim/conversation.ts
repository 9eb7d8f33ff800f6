/**
 * One conversation: an opener and a burst of replies minutes apart. Questions draw answers
 * (preferably from people with initiative: seed users answer others), some replies carry reply_to,
 * others are only implicit (an answer a minute later), and some name their target with `@name`.
 */
import { MINUTE, localHour } from './clock.js';
import { lines, isQuestion } from './texts.js';
import type { Theme } from './names.js';
import type { Rng, WeightedPool } from './prng.js';
import type { MsgType, SimMember, SimMessage } from './types.js';

export interface ChatCtx {
  rng: Rng;
  theme: Theme;
  out: SimMessage[];
}

const MEDIA: [MsgType, number, string][] = [
  ['sticker', 9, '[动画表情]'], ['image', 6, '[图片]'], ['voice', 3, '[语音]'], ['link', 1.5, ''],
  ['video', 0.6, '[视频]'], ['file', 0.4, '[文件] 资料整理.pdf'],
];
const MEDIA_WEIGHTS = [80, ...MEDIA.map((m) => m[1])];

export function emit(ctx: ChatCtx, t: number, sender: SimMember | null, type: MsgType, text: string, replyTo: SimMessage | null = null): SimMessage {
  const msg: SimMessage = { t: Math.round(t), sender, type, text, replyTo, id: '' };
  ctx.out.push(msg);
  return msg;
}

/** A chatty line: mostly text, sometimes a sticker, picture, voice note or link. */
export function chatter(ctx: ChatCtx, t: number, sender: SimMember, replyTo: SimMessage | null = null, text?: string): SimMessage {
  const { rng } = ctx;
  const i = rng.weighted(MEDIA_WEIGHTS);
  if (i === 0 || text !== undefined) {
    return emit(ctx, t, sender, 'text', text ?? fitHour(rng.chance(0.3) ? lines.short(rng) : lines.chat(rng, ctx.theme), t, ctx), replyTo);
  }
  const [type, , label] = MEDIA[i - 1]!;
  return emit(ctx, t, sender, type, type === 'link' ? lines.link(rng) : label, replyTo);
}

/** No "good morning" at lunch, no "good night" at breakfast. */
function fitHour(text: string, t: number, ctx: ChatCtx): string {
  const h = localHour(t);
  if ((text.startsWith('早') && h >= 11) || (text.startsWith('晚安') && h < 20)) return lines.short(ctx.rng);
  return text;
}

const mention = (target: SimMember | null, text: string) => (target ? `@${target.name} ${text}` : text);

/**
 * Writes a conversation started by `initiator` at `start` and returns its messages' end time.
 * `pool` gives the other people around (weighted by how much they talk); `answerPool` who answers.
 */
export function conversation(
  ctx: ChatCtx, start: number, initiator: SimMember,
  pool: WeightedPool<SimMember>, answerPool: WeightedPool<SimMember>, minLength = 1,
): number {
  const { rng } = ctx;
  const strong = initiator.initiative > 1.5;
  let length = rng.chance(0.25) ? 1 : 2 + Math.floor(rng.expo(strong ? 5 : 3));
  length = Math.max(minLength, Math.min(length, 30));

  const opener = rng.chance(0.35) && length > 1
    ? emit(ctx, start, initiator, 'text', lines.question(rng, ctx.theme))
    : chatter(ctx, start, initiator);
  if (length === 1) return start;

  const others = new Set<SimMember>();
  const wanted = 1 + rng.poisson(strong ? 2 : 1.2);
  for (let k = 0; k < wanted * 3 && others.size < wanted; k++) {
    const m = pool.draw(rng);
    if (m && m !== initiator) others.add(m);
  }
  if (others.size === 0) return start;
  const people = [initiator, ...others];

  let t = start;
  let last = opener;
  let pending: SimMessage | null = isQuestion(opener.text) ? opener : null;
  for (let i = 1; i < length; i++) {
    t += rng.chance(0.1) ? rng.range(3, 12) * MINUTE : 5000 + rng.expo(70_000);
    if (pending) {
      // An answer: from whoever answers questions most, among those present.
      let who = answerPool.draw(rng);
      if (!who || !people.includes(who) || who === pending.sender) who = rng.pick(people.filter((p) => p !== pending!.sender)) ?? null;
      if (!who) break;
      const text = rng.chance(0.2) ? mention(pending.sender, lines.answer(rng)) : lines.answer(rng);
      last = emit(ctx, t, who, 'text', text, rng.chance(0.5) ? pending : null);
      pending = null;
      continue;
    }
    const candidates = people.filter((p) => p !== last.sender);
    const who = rng.chance(strong ? 0.45 : 0.3) && initiator !== last.sender ? initiator : rng.pick(candidates);
    if (rng.chance(0.15)) {
      last = emit(ctx, t, who, 'text', lines.question(rng, ctx.theme));
      pending = last;
      continue;
    }
    // Replies point at the opener more often when it came from someone people listen to.
    const toOpener = who !== initiator && rng.chance(strong ? 0.35 : 0.12);
    const target = toOpener ? opener : rng.chance(0.25) && last.sender !== who ? last : null;
    const named = target && rng.chance(toOpener && strong ? 0.35 : 0.12) ? target.sender : null;
    last = named
      ? emit(ctx, t, who, 'text', mention(named, rng.chance(0.5) ? lines.short(rng) : lines.chat(rng, ctx.theme)), target)
      : chatter(ctx, t, who, target);
  }
  return t;
}
