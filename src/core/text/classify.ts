import { finish53, hash53, LANE1, LANE2 } from '../hash.js';
import { TRIGGER, triggers } from './triggers.js';

/**
 * Message text is classified once at ingest and then dropped: the dataset keeps flags, never text.
 * The rules follow the group rules of the source material (禁止发广告): contact-me ads, phone
 * numbers, QR codes and promotion words are spam; a link alone is not (members share links).
 * Repeated identical texts are found later, from text hashes (see dataset/finalize).
 */
export const TEXT_FLAGS = { link: 1, ad: 2, question: 4 } as const;

const LINK = /https?:\/\/|www\.|\.(?:com|cn|net|top|xyz)\b/i;
// Contact-me ads in the forms WeChat and QQ spammers use (加我微信, 加V, VX: …, 薇信, ➕v …).
const CONTACT = /加我?\s*(?:微信|薇信|威信|v信|vx|wx|v\b|q\b|qq)|(?:^|[^a-z])(?:vx|wx|v信|薇信|威信)\s*[:：号]|➕\s*v|加\s*v(?:x)?\s*[:：]|私聊|私信我|详聊|扫码|二维码|进群领|免费领取|日赚|日入|兼职|刷单|代理加盟|招代理|低价出|优惠券|返利|红包群|点击链接|whatsapp\s*me|dm me|telegram\.me|t\.me\/|bit\.ly/i;
const PHONE = /(?:^|\D)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?:\D|$)/;
const QUESTION = /[?？]\s*$|[?？]|请问|怎么|如何|为什么|为啥|有没有|谁知道|哪里|哪儿|能不能|可以吗|吗[\s。！!~～]*$|\b(?:how|what|why|where|when|which|anyone|does|is there)\b/i;

export function classifyText(text: string): number {
  const may = triggers(text);
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
 * What each UTF-16 unit does in textKey, learnt on first sight: 1 kept as it is, 2 dropped, 3 the
 * general path is needed (lower-casing changes it, or a surrogate half). ASCII A–Z is handled inline.
 */
const UNIT = new Uint8Array(65536);
function unitAction(c: number): number {
  let a = UNIT[c]!;
  if (a === 0) {
    const ch = String.fromCharCode(c);
    a = c >= 0xd800 && c <= 0xdfff ? 3 : ch.toLowerCase() !== ch ? 3 : /^[\s\p{P}\p{S}]$/u.test(ch) ? 2 : 1;
    UNIT[c] = a;
  }
  return a;
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
      const a = unitAction(c);
      if (a === 2) continue;
      if (a === 3) { const key = textKey(text); return key.length >= MIN_KEY ? hash53(key) : 0; }
    }
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
    n++;
  }
  return n >= MIN_KEY ? finish53(h1, h2) : 0;
}
