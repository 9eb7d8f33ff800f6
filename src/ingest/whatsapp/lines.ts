import { LIMITS } from '../limits.js';
import { lineTooLong } from '../wechat/text.js';

/** Split a stream of text chunks into lines (LF or CRLF), with 1-based line numbers. */
export async function* lines(chunks: AsyncIterable<string>, path: string): AsyncGenerator<{ line: string; no: number }> {
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
