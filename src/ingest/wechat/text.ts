import type { Source } from '../types.js';

/**
 * Text helpers shared by the WeChat, QQ and member-list adapters: line streaming, name cleaning
 * and HTML/XML entities (text exports escape names, XML content escapes everything).
 */

/** The decoded text of a source as lines, CR removed, without holding the whole file. */
export async function* lines(source: Source): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of source.text()) {
    const buf = rest.length ? rest + chunk : chunk;
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', start)) {
      yield stripCr(buf.slice(start, nl));
      start = nl + 1;
    }
    rest = buf.slice(start);
  }
  if (rest.length) yield stripCr(rest);
}

function stripCr(s: string): string {
  return s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s;
}

/** The whole decoded text, for JSON documents that have no streaming shape. */
export async function wholeText(source: Source): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of source.text()) parts.push(chunk);
  return parts.join('');
}

// Bidi and zero-width marks that exporters put around names; wide spaces become plain spaces.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const ODD_SPACE = /[\u00a0\u2009\u202f\u3000]/g;

/** A display name as it should be compared: marks removed, entities decoded, trimmed. */
export function cleanName(raw: string): string {
  return decodeEntities(raw.replace(INVISIBLE, '').replace(ODD_SPACE, ' ')).trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** The file name without extension and without exporter suffixes such as MemoTrace's "_utf8". */
export function fileStem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/_utf8$/i, '');
}

/** The first line of a head, without BOM and CR. */
export function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(/^\uFEFF/, '').replace(/\r$/, '');
}
