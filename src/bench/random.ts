/** Seeded randomness and text for the benchmark data: deterministic, so runs are comparable. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  /** mulberry32. */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]!; }
  /** Skewed towards small indexes (a few members and groups do most of the talking). */
  skewed(n: number, power = 2.2): number { return Math.min(n - 1, Math.floor(n * this.next() ** power)); }
}

const ZH = ['好的', '收到', '谢谢大家', '今天开会吗', '明天几点集合', '这个活动不错', '哈哈哈', '有人知道怎么报名吗',
  '我也想去', '周末一起吃饭', '群主辛苦了', '这个价格有点贵', '已经下单了', '图片在上面', '大家晚安', '早上好',
  '请问这个怎么用', '刚看到消息', '支持一下', '我来晚了', '链接发一下', '这周有空吗', '太棒了', '学习了'];
const EN = ['ok', 'thanks!', 'see you tomorrow', 'how do I sign up?', 'nice one', 'lol', 'good morning everyone',
  'anyone here from Shanghai?', 'the meeting is at 3pm', 'great idea', 'check the pinned message', 'done'];
const LONG = ['今天分享一下我们上周活动的总结，参加的人比预期多，下次可以考虑换个大一点的场地',
  'Here is the summary of last week: attendance was up, feedback was good, and we need more volunteers for next month'];
const SPAM = ['加我微信 wx123456 领取优惠券', '日赚500 兼职刷单 私聊', '免费领取 点击链接 http://bit.ly/xyz'];
const NAMES = ['小王', '李雷', '韩梅梅', 'Alice', 'Bob', '张三', '老周', '阿杰', 'Mia', '陈晨', '刘洋', 'Kevin', '小美', '大壮'];

/** A member's display name: stable per member (a rename now and then is left to the tests). */
export function senderName(k: number): string {
  return `${NAMES[(k * 7) % NAMES.length]}${k % 100}`;
}

/** A message text; `special` adds the cases a CSV writer must quote (commas, quotes, newlines). */
export function messageText(rng: Rng): string {
  const r = rng.next();
  if (r < 0.55) return rng.pick(ZH);
  if (r < 0.8) return rng.pick(EN);
  if (r < 0.86) return `${rng.pick(ZH)}，${rng.pick(ZH)}`;
  if (r < 0.9) return rng.pick(LONG);
  if (r < 0.93) return `${rng.pick(EN)}, ${rng.pick(EN)}`;
  if (r < 0.95) return `${rng.pick(ZH)}\n${rng.pick(ZH)}`;
  if (r < 0.96) return `他说"${rng.pick(ZH)}"`;
  if (r < 0.97) return `看这个 https://example.com/p/${rng.int(100000)}`;
  if (r < 0.98) return `@${rng.pick(NAMES)} ${rng.pick(ZH)}`;
  if (r < 0.985) return rng.pick(SPAM);
  return '';
}

/** RFC 4180 quoting, only where needed. */
export function csvField(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const dayCache = new Map<number, string>();
/** `YYYY-MM-DD HH:mm:ss` of a wall-clock ms value (computed as UTC), with the date part cached per day. */
export function wallTime(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let d = dayCache.get(day);
  if (d === undefined) { d = new Date(day * 86_400_000).toISOString().slice(0, 10); dayCache.set(day, d); }
  const s = Math.floor((ms - day * 86_400_000) / 1000);
  return `${d} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

/** Buffered synchronous file writing: strings collected and written about 1 MB at a time. */
export class Writer {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly write: (s: string) => void) {}
  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
