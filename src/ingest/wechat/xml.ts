import { decodeEntities } from '../text/names.js';

/**
 * Just enough XML for WeChat message content: exporters keep the raw XML of cards, quotes and
 * system notices in the content column, and we need a handful of fields from it, never the XML
 * itself as text. A regex scan is enough for these small, machine-written documents.
 */

export function looksLikeXml(s: string): boolean {
  const t = s.trimStart();
  return t.startsWith('<') && /^<(\?xml|msg|sysmsg|appmsg|voipmsg|img|emoji|videomsg|voicemsg|location|revokemsg)\b/i.test(t);
}

/** Inner text of the first <tag>…</tag>, CDATA unwrapped and entities decoded. */
export function xmlTag(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? unwrap(m[1]!) : undefined;
}

/** Every <tag>…</tag> inner text, in order. */
export function xmlTags(xml: string, tag: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))) out.push(unwrap(m[1]!));
  return out;
}

function unwrap(s: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(s);
  return cdata ? cdata[1]! : decodeEntities(s);
}

/** The <appmsg><type> of a card (49 messages), e.g. 57 for a quote reply. */
export function appmsgType(xml: string): number | undefined {
  const app = xmlTag(xml, 'appmsg');
  if (app === undefined) return undefined;
  // The refermsg inside a quote has its own <type>: read the appmsg's own, after removing it.
  const t = xmlTag(app.replace(/<refermsg\b[\s\S]*?<\/refermsg>/, ''), 'type');
  return t === undefined ? undefined : Number(t);
}

/** What a quote reply (appmsg type 57) says and which message it quotes. */
export function quoteOf(xml: string): { title?: string; svrid?: string; createTime?: number; sender?: string } | undefined {
  const ref = /<refermsg\b[^>]*>([\s\S]*?)<\/refermsg>/.exec(xml)?.[1];
  if (ref === undefined) return undefined;
  const title = xmlTag(xml.replace(/<refermsg\b[\s\S]*?<\/refermsg>/, ''), 'title');
  const ct = Number(xmlTag(ref, 'createtime'));
  return {
    title: title?.trim() || undefined,
    svrid: xmlTag(ref, 'svrid')?.trim() || undefined,
    createTime: Number.isFinite(ct) && ct > 0 ? ct : undefined,
    sender: xmlTag(ref, 'chatusr')?.trim() || undefined,
  };
}

/**
 * The sentence a system notice shows, from its text or XML form: a recall's replacemsg, a
 * template ("$username$"邀请"$names$"加入了群聊) filled with the linked nicknames, or a plain text.
 * WeChatMsg leaves a "重新编辑" link and CDATA markers on own recalls: removed here.
 */
export function systemText(content: string): string {
  let s = content.trim();
  if (s.startsWith('<')) {
    const replace = xmlTag(s, 'replacemsg');
    if (replace !== undefined) s = replace;
    else {
      const template = xmlTag(s, 'template');
      if (template !== undefined) s = fillTemplate(template, s);
      else s = xmlTag(s, 'plain') ?? xmlTag(s, 'content') ?? xmlTag(s, 'text') ?? s;
    }
  }
  return s.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/\s*<a\b[^>]*>[\s\S]*?<\/a>/g, '').replace(/<[^>]+>/g, '').trim();
}

function fillTemplate(template: string, xml: string): string {
  const links = new Map<string, string>();
  for (const m of xml.matchAll(/<link\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/link>/g)) {
    const names = xmlTags(m[2]!, 'nickname').map((n) => n.trim()).filter(Boolean);
    // The template quotes the variable itself ("$names$"), so several names join as A"、"B.
    if (names.length) links.set(m[1]!, names.join('"、"'));
  }
  return template.replace(/\$([a-z_]+)\$/gi, (all, v: string) => links.get(v) ?? all);
}
