import { lookup } from '../shape.js';

/**
 * Names as exports write them: bidi marks and wide spaces around them, HTML/XML entities in them
 * (text exports escape names, XML content escapes everything); file names that name the chat.
 */

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
    return lookup(NAMED, e.toLowerCase()) ?? m;
  });
}

/** The file name without extension and without exporter suffixes such as MemoTrace's "_utf8". */
export function fileStem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/_utf8$/i, '');
}
