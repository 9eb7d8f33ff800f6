/**
 * Which of classifyText's rules could match a text, from one pass over its characters: each rule
 * can only match where one of its trigger characters (or pairs) occurs, so a text without any is
 * skipped without running the rule's regex. Most chat messages have none, and the regexes (an
 * alternation tried at every position) cost more than the rest of a row's reading.
 *
 * The triggers are conservative by construction: every alternative of a rule starts with (or
 * needs) one of them, in either ASCII case (the rules are case-insensitive; non-ASCII characters
 * never fold to ASCII in a non-unicode /i regex). test/core/text-triggers checks that the result
 * with the filter equals the regexes alone, on texts built from these very pieces.
 */
export const TRIGGER = { link: 1, contact: 2, phone: 4, question: 8 } as const;

/**
 * Characters that trigger a rule on their own. ASCII letters that start a word of a rule do too:
 * English text holds them all the time and then takes the regexes (which are quick on it), so
 * the filter pays off on CJK text, where the rules are rare pairs of characters.
 */
const SINGLES: [string, number][] = [
  ['.:', TRIGGER.link],
  ['1', TRIGGER.phone],
  // 加我微信 / 加V: / 代理加盟 all hold 加; ➕ v; vx wx v信 whatsapp dm telegram t.me bit.ly.
  ['加➕vVwWdDtTbB', TRIGGER.contact],
  // how what why where when which anyone does is there
  ['?？吗hHwWaAdDiI', TRIGGER.question],
];

/**
 * Pairs of CJK characters: a first one triggers when followed by a next one of the same rule
 * (any first with any next: a few more texts take the regex, none is missed).
 */
const PAIRS: [string, string, number][] = [
  // 薇信 威信 私聊 私信我 详聊 扫码 二维码 进群领 免费领取 日赚 日入 兼职 刷单 代理加盟 招代理 低价出 优惠券 返利 红包群 点击链接 点我头像
  ['薇威私详扫二进免日兼刷代招低优返红点头', '信聊码维群费赚入职单理代价惠利包击像', TRIGGER.contact],
  // 请问 怎么 如何 为什么 为啥 有没有 谁知道 哪里 哪儿 能不能 可以吗
  ['请怎如为有谁哪能可', '问么何什啥没知里儿不以', TRIGGER.question],
];

/**
 * Per UTF-16 unit, in one table (one load per character): the rules it triggers alone (bits 0–3),
 * as the first of a pair (bits 4–7) and as the next of a pair (bits 8–11). Bits 12 and up are
 * free for callers that extend a copy of it (see scanText in classify).
 */
export const TRIGGER_BITS = new Uint16Array(65536);
for (const [chars, rule] of SINGLES) for (const c of chars) TRIGGER_BITS[c.charCodeAt(0)]! |= rule;
for (const [firsts, nexts, rule] of PAIRS) {
  for (const c of firsts) TRIGGER_BITS[c.charCodeAt(0)]! |= rule << 4;
  for (const c of nexts) TRIGGER_BITS[c.charCodeAt(0)]! |= rule << 8;
}

/**
 * The rules a unit with table entry `t` triggers after one with entry `prev`: alone, or as the
 * next of a pair. Only bits 0–3 mean anything (whatever else the entries hold lands above them).
 */
export function triggersAfter(prev: number, t: number): number {
  return t | ((prev >> 4) & (t >> 8));
}

/** The rules (TRIGGER bits) that could match `text`: table lookups only, no branches per character. */
export function triggers(text: string): number {
  let rules = 0, prev = 0;
  for (let i = 0; i < text.length; i++) {
    const t = TRIGGER_BITS[text.charCodeAt(i)]!;
    rules |= triggersAfter(prev, t);
    prev = t;
  }
  return rules & 15;
}
