import { UserError, HINT_ZH } from '../../core/errors.js';
import { LIMITS, mb } from '../limits.js';
import { lookup } from '../shape.js';
import type { Source } from '../types.js';

/**
 * Text helpers shared by the WeChat, QQ and member-list adapters: line streaming, name cleaning
 * and HTML/XML entities (text exports escape names, XML content escapes everything).
 */

/** The decoded text of a source as lines, CR removed, without holding the whole file. */
export async function* lines(source: Source): AsyncGenerator<string> {
  let rest = '';
  let no = 0;
  for await (const chunk of source.text()) {
    const buf = rest.length ? rest + chunk : chunk;
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', start)) {
      no++;
      yield stripCr(buf.slice(start, nl));
      start = nl + 1;
    }
    rest = buf.slice(start);
    if (rest.length > LIMITS.maxLineChars) throw lineTooLong(source.path, no + 1);
  }
  if (rest.length) yield stripCr(rest);
}

/** A line over the limit: a file that is not line-based text (or is hostile), named with its line. */
export function lineTooLong(path: string, line: number): UserError {
  return new UserError(`a line is longer than ${mb(LIMITS.maxLineChars)} MB`, {
    file: path, line, code: 'line-too-long', hint: 'is this really a text export? a line that long is not a chat message',
    zh: `有一行超过 ${mb(LIMITS.maxLineChars)} MB`, hintZh: '这真的是文本导出吗？这么长的一行不会是聊天消息',
  });
}

function stripCr(s: string): string {
  return s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s;
}

/** The whole decoded text, for JSON documents that have no streaming shape; bounded by a limit. */
export async function wholeText(source: Source): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of source.text()) {
    length += chunk.length;
    if (length > LIMITS.maxDocumentChars) {
      throw new UserError(`the file is larger than ${mb(LIMITS.maxDocumentChars)} MB of text, the most this format is read in one piece`, {
        file: source.path, code: 'document-too-large', hint: 'export the chat as JSONL (one record per line) or split it',
        zh: `文件的文本超过 ${mb(LIMITS.maxDocumentChars)} MB，这是这种格式一次能读取的上限`, hintZh: '请导出为 JSONL（每行一条记录），或把文件拆开',
      });
    }
    parts.push(chunk);
  }
  return parts.join('');
}

/** A whole JSON document; a file that is not JSON is a UserError. */
export async function parseWholeJson(source: Source): Promise<unknown> {
  const text = await wholeText(source);
  try { return JSON.parse(text) as unknown; } catch (e) {
    throw new UserError(`not valid JSON: ${(e as Error).message}`, { file: source.path, code: 'bad-json', hint: 'is the export complete (not cut off)?', zh: `不是有效的 JSON：${(e as Error).message}`, hintZh: HINT_ZH.cutOff });
  }
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
    return lookup(NAMED, e.toLowerCase()) ?? m;
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
