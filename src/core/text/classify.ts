import { finish53, hash53, LANE1, LANE2 } from '../hash.js';
import { TRIGGER, TRIGGER_BITS, triggers, triggersAfter } from './triggers.js';

/**
 * Message text is classified once at ingest and then dropped: the dataset keeps flags, never text.
 * The rules follow the group rules of the source material (禁止发广告): contact-me ads, phone
 * numbers, QR codes and promotion words are spam; a link alone is not (members share links).
 * Repeated identical texts are found later, from text hashes (see dataset/finalize).
 */
export const TEXT_FLAGS = { link: 1, ad: 2, question: 4, short: 8 } as const;

/**
 * A text whose key (letters and digits) is shorter than this is a reaction ("哈哈哈哈", "收到收到",
 * "kkkkk", "谢谢大家"): said again and again by the same person it is chat, never an ad campaign
 * (an ad without contact words is longer: "进群看看好东西").
 */
export const SHORT_KEY = 6;
/** A key of at most this length made of two characters or fewer is a reaction too ("哈哈哈哈哈哈", "hahaha", "666666"). */
export const LAUGH_KEY = 16;

/** At most two distinct letters or characters among the units of buf[from, to) that a key keeps. */
function fewDistinct(buf: string, from: number, to: number): boolean {
  let a = -1, b = -1;
  for (let i = from; i < to; i++) {
    let c = buf.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (((UNITS[c]! & ACTION_MASK) >> ACTION) === DROP) continue;
    if (c === a || c === b) continue;
    if (a < 0) a = c; else if (b < 0) b = c; else return false;
  }
  return true;
}

const LINK = /https?:\/\/|www\.|\.(?:com|cn|net|top|xyz)\b/i;
// Contact-me ads in the forms WeChat and QQ spammers use (加我微信, 加V, VX: …, 薇信, ➕v …).
const CONTACT = /加我?\s*(?:微信|薇信|威信|v信|vx|wx|v\b|q\b|qq)|(?:^|[^a-z])(?:vx|wx|v信|薇信|威信)\s*[:：号]|➕\s*v|加\s*v(?:x)?\s*[:：]|私聊|私信我|详聊|扫码|二维码|进群领|免费领取|日赚|日入|兼职|刷单|代理加盟|招代理|低价出|优惠券|返利|红包群|点击链接|点我的?头像|whatsapp\s*me|dm me|telegram\.me|t\.me\/|bit\.ly/i;
const PHONE = /(?:^|\D)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?:\D|$)/;
const QUESTION = /[?？]\s*$|[?？]|请问|怎么|如何|为什么|为啥|有没有|谁知道|哪里|哪儿|能不能|可以吗|吗[\s。！!~～]*$|\b(?:how|what|why|where|when|which|anyone|does|is there)\b/i;

export function classifyText(text: string): number {
  return flagsOf(triggers(text), text);
}

/** classifyText's flags from the rules that could match (`may`, TRIGGER bits). */
function flagsOf(may: number, text: string): number {
  let flags = 0;
  if (may & TRIGGER.link && LINK.test(text)) flags |= TEXT_FLAGS.link;
  if ((may & TRIGGER.contact && CONTACT.test(text)) || (may & TRIGGER.phone && PHONE.test(text))) flags |= TEXT_FLAGS.ad;
  if (may & TRIGGER.question && QUESTION.test(text)) flags |= TEXT_FLAGS.question;
  return flags;
}

/** classifyText by the regexes alone, every rule tried (for tests of the trigger filter). */
export function classifyByRules(text: string): number {
  return (LINK.test(text) ? TEXT_FLAGS.link : 0) | (CONTACT.test(text) || PHONE.test(text) ? TEXT_FLAGS.ad : 0) | (QUESTION.test(text) ? TEXT_FLAGS.question : 0);
}

/** `@name` mentions in text. WeChat ends them with U+2005; others with a space or punctuation. */
const MENTION = /@([^\s@,，:：;；。!！?？\u2005\u00a0]{1,32})/g;

export function findMentions(text: string): string[] {
  if (text.indexOf('@') < 0) return [];
  const out: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    // Skip e-mail addresses: an @ right after a letter or digit.
    const before = m.index === 0 ? '' : text[m.index - 1]!;
    if (/[A-Za-z0-9._-]/.test(before)) continue;
    out.push(m[1]!);
  }
  return out;
}

/** Normalised text for repeat detection: case, spaces and punctuation do not make an ad new. */
export function textKey(text: string): string {
  return text.toLowerCase().replace(DROPPED, '');
}
const DROPPED = /[\s\p{P}\p{S}]+/gu;

/** A key shorter than this says too little to call two texts the same (textHash is 0). */
export const MIN_KEY = 4;

/**
 * Per UTF-16 unit, TRIGGER_BITS (bits 0–11), what the unit does in textKey (bits 12–13) and AT_BIT
 * for '@'. The action is learnt on first sight (0: not yet): KEEP as it is, DROP, or GENERAL: the
 * general path is needed (lower-casing changes it, or a surrogate half). ASCII A–Z is handled
 * inline. One table, so the pass over a text in scanText loads one entry per character for all.
 */
const UNITS = Uint16Array.from(TRIGGER_BITS);
const ACTION = 12, KEEP = 1, DROP = 2, GENERAL = 3, AT_BIT = 1 << 14;
UNITS['@'.charCodeAt(0)]! |= AT_BIT;
/** The action bits of an entry (none set: not learnt yet). */
const ACTION_MASK = 3 << ACTION;
function learn(c: number): number {
  const ch = String.fromCharCode(c);
  const a = c >= 0xd800 && c <= 0xdfff ? GENERAL : ch.toLowerCase() !== ch ? GENERAL : /^[\s\p{P}\p{S}]$/u.test(ch) ? DROP : KEEP;
  return (UNITS[c] = UNITS[c]! | (a << ACTION));
}

/** hash53(textKey(text)) when the key has at least MIN_KEY units, else 0 (textHash's general path). */
function keyHash(text: string): number {
  const key = textKey(text);
  return key.length >= MIN_KEY ? hash53(key) : 0;
}

/**
 * hash53(textKey(text)) when the key has at least MIN_KEY units, else 0 — without building the
 * key: characters are fed to the hash as they are read, skipping what textKey drops. Texts with a
 * character the table cannot decide alone (case changes beyond ASCII, surrogate pairs such as
 * emoji) take the general path.
 */
export function textHash(text: string): number {
  let h1 = LANE1, h2 = LANE2, n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else {
      let t = UNITS[c]!;
      if ((t & ACTION_MASK) === 0) t = learn(c);
      const a = (t & ACTION_MASK) >> ACTION;
      if (a === DROP) continue;
      if (a === GENERAL) return keyHash(text);
    }
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
    n++;
  }
  return n >= MIN_KEY ? finish53(h1, h2) : 0;
}

/** What a message keeps of its text: classifyText's flags and textHash; `at`: the text holds an @. */
export interface TextScan { flags: number; hash: number; at: boolean }

/**
 * classifyText, textHash and whether the text holds an '@' (findMentions has work), from one pass
 * over the text that loads one table entry per character (the builder's per-message work: two
 * passes over every text cost more than the rest of it). Written into `out`, reused message after
 * message.
 */
export function scanText(text: string, out: TextScan): void {
  scanTextAt(text, 0, text.length, out);
}

/**
 * scanText of `buf.slice(from, to)`, read in place: a fast reader's text is a range of its chunk,
 * and most texts trigger no rule and hash without the general path, so they are never sliced (a
 * string per message was most of what reading allocated). The slice is made only for a regex, for
 * textKey, or (by the caller, when `out.at`) for findMentions.
 */
export function scanTextAt(buf: string, from: number, to: number, out: TextScan): void {
  // `rules` gathers every entry too (triggersAfter ORs it in), AT_BIT among them.
  let rules = 0, prev = 0, general = false, h1 = LANE1, h2 = LANE2, n = 0;
  for (let i = from; i < to; i++) {
    let c = buf.charCodeAt(i);
    let t = UNITS[c]!;
    if ((t & ACTION_MASK) === 0) t = learn(c);
    rules |= triggersAfter(prev, t);
    prev = t;
    // textHash's loop, until a unit needs its general path (the triggers still go on).
    if (general) continue;
    if (c >= 65 && c <= 90) c += 32;
    else {
      const a = (t & ACTION_MASK) >> ACTION;
      if (a === DROP) continue;
      if (a === GENERAL) { general = true; continue; }
    }
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
    n++;
  }
  const may = rules & 15;
  out.flags = may === 0 ? 0 : flagsOf(may, buf.slice(from, to));
  if (general) {
    const key = textKey(buf.slice(from, to));
    n = key.length;
    out.hash = n >= MIN_KEY ? hash53(key) : 0;
    if (n < SHORT_KEY || (n <= LAUGH_KEY && fewDistinct(key, 0, n))) out.flags |= TEXT_FLAGS.short;
  } else {
    out.hash = n >= MIN_KEY ? finish53(h1, h2) : 0;
    if (n < SHORT_KEY || (n <= LAUGH_KEY && fewDistinct(buf, from, to))) out.flags |= TEXT_FLAGS.short;
  }
  out.at = (rules & AT_BIT) !== 0;
}
