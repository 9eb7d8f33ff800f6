import { UserError } from '../../core/errors.js';
import { LIMITS, mb } from '../limits.js';
import type { Source } from '../types.js';

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

/** A stream of text chunks as lines (LF or CRLF), with 1-based line numbers. */
export async function* numberedLines(chunks: AsyncIterable<string>, path: string): AsyncGenerator<{ line: string; no: number }> {
  let buf = '';
  let no = 0;
  for await (const chunk of chunks) {
    buf += chunk;
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', start)) {
      const end = nl > start && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line: buf.slice(start, end), no: ++no };
      start = nl + 1;
    }
    buf = buf.slice(start);
    if (buf.length > LIMITS.maxLineChars) throw lineTooLong(path, no + 1);
  }
  if (buf !== '') yield { line: buf.replace(/\r$/, ''), no: ++no };
}

/** The first line of a head, without BOM and CR. */
export function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(/^\uFEFF/, '').replace(/\r$/, '');
}
