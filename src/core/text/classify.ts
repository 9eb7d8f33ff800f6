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
  let flags = 0;
  const hasLink = LINK.test(text);
  if (hasLink) flags |= TEXT_FLAGS.link;
  if (CONTACT.test(text) || PHONE.test(text)) flags |= TEXT_FLAGS.ad;
  if (QUESTION.test(text)) flags |= TEXT_FLAGS.question;
  return flags;
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
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
