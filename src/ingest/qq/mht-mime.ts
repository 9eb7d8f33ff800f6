import { UserError } from '../../core/errors.js';
import { TextDecoder } from 'node:util';

/**
 * The HTML of an MHTML file (MIME `multipart/related`), decoded as the bytes arrive: the MIME
 * header, the parts' headers, and the body of the first `text/html` part, un-quoted-printable'd or
 * un-base64'd and decoded from its charset (UTF-8, or GB2312/GBK/GB18030 as GB18030). Everything after
 * that part (QQ's images: tens of GB in a big export) is never looked at: `done` turns true at the
 * part's closing boundary and the caller stops reading. Parts before the HTML part are skipped line
 * by line without decoding. Lines of any length are fine: a long line is passed on in pieces.
 */

type Transfer = 'raw' | 'quoted-printable' | 'base64';
type State = 'top' | 'preamble' | 'part-header' | 'skip' | 'html' | 'done';

/** Header lines (folded lines joined) as lower-cased name → value. */
function headerFields(lines: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  let last = '';
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) { fields.set(last, `${fields.get(last)!} ${line.trim()}`); continue; }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    fields.set(last, line.slice(colon + 1).trim());
  }
  return fields;
}

/** A parameter of a header value (`boundary="…"`, `charset=utf-8`); QQ separates them by white space, not only by `;`. */
export function headerParam(value: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|[;\\s])${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** TextDecoder labels for the charsets Chinese Windows writes; GB2312 and GBK are subsets of GB18030. */
function decoderLabel(charset: string | undefined): string | undefined {
  if (!charset) return undefined;
  const c = charset.trim().toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(c)) return 'gb18030';
  try { return new TextDecoder(c).encoding; } catch { return undefined; }
}

const SNIFF_BYTES = 4096;
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_PREAMBLE_BYTES = 1 << 20;
const isB64 = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;

export class MhtHtml {
  /** The HTML part's end was reached (its closing boundary): read no further. */
  done = false;
  /** Whether a text/html part was found. */
  sawHtml = false;
  /** Whether the file starts with a MIME header that makes it MHTML (or a single text/html part). */
  mime = false;
  /** The top-level header fields, for detection. */
  top = new Map<string, string>();
  /** The HTML part's transfer encoding and charset (the TextDecoder's name), once known. */
  transfer: Transfer = 'raw';
  charset = '';
  /** The file line on which the HTML part's body starts (1-based). */
  htmlLine = 0;
  /** Bytes consumed so far. */
  offset = 0;

  private state: State = 'top';
  private lineNo = 0;
  private header: string[] = [];
  private headerBytes = 0;
  private boundary = '';
  private carry: Uint8Array = new Uint8Array(0);
  /** The current line was already found not to be a boundary and passed on in part. */
  private midLine = false;
  private declared: string | undefined;
  private topCharset: string | undefined;
  private sniff: Uint8Array[] | null = [];
  private sniffed = 0;
  private decoder: TextDecoder | null = null;
  private b64 = '';

  constructor(private readonly path: string, private readonly note: (reason: string) => void = () => {}) {}

  /** The HTML text decoded from the next chunk of the file ('' when it held none). */
  push(chunk: Uint8Array): string {
    if (this.done) return '';
    let out = '';
    let buf = chunk;
    if (this.carry.length) { buf = new Uint8Array(this.carry.length + chunk.length); buf.set(this.carry); buf.set(chunk, this.carry.length); }
    this.carry = new Uint8Array(0);
    let start = 0;
    if (this.offset === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    while (!this.done) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) { out += this.partial(buf.subarray(start)); break; }
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      this.lineNo++;
      out += this.line(buf.subarray(start, end), !this.midLine);
      this.midLine = false;
      start = nl + 1;
    }
    this.offset += chunk.length;
    return out;
  }

  /** The end of the file: the last line, and what the decoders still hold. */
  end(): string {
    if (this.done) return '';
    let out = '';
    if (this.carry.length) { this.lineNo++; out += this.line(this.carry, !this.midLine); this.carry = new Uint8Array(0); }
    if (this.state === 'top' || this.state === 'part-header') this.headerDone();
    out += this.finish();
    return out;
  }

  /** The rest of a chunk without a line end: kept, unless it is surely no boundary (then passed on). */
  private partial(rest: Uint8Array): string {
    if (!rest.length) return '';
    if (this.state === 'html' || this.state === 'skip') {
      const marker = this.boundary ? 2 + this.boundary.length : 2;
      const notBoundary = this.midLine || (rest.length >= 2 && !(rest[0] === 45 && rest[1] === 45)) || (rest.length > marker + 64);
      if (notBoundary && rest.length > 256) {
        this.midLine = true;
        if (this.state === 'skip') return '';
        // Quoted-printable: never cut an =XX escape.
        let cut = rest.length;
        if (this.transfer === 'quoted-printable') { if (rest[cut - 1] === 61) cut -= 1; else if (rest[cut - 2] === 61) cut -= 2; }
        this.carry = rest.slice(cut);
        return this.body(rest.subarray(0, cut), false);
      }
    } else if (rest.length > MAX_HEADER_BYTES) {
      throw this.error('a MIME header line is longer than 64 KB', 'is this really an MHT export of the QQ message manager?', 'MIME 头的一行超过 64 KB', '这真的是 QQ 消息管理器导出的 MHT 文件吗？');
    }
    this.carry = rest.slice();
    return '';
  }

  private line(bytes: Uint8Array, lineStart: boolean): string {
    switch (this.state) {
      case 'top':
      case 'part-header': {
        const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
        if (text.trim() === '') { this.headerDone(); return ''; }
        if (this.state === 'top' && this.header.length === 0 && !/^[\w-]+\s*:/.test(text)) {
          throw this.error('not an MHTML file: it does not start with a MIME header', 'expected "From: <Save by Tencent MsgMgr>" or "MIME-Version: 1.0" at the top of a QQ .mht export', '不是 MHTML 文件：开头没有 MIME 头', 'QQ 导出的 .mht 文件开头应是 "From: <Save by Tencent MsgMgr>" 或 "MIME-Version: 1.0"');
        }
        this.headerBytes += bytes.length;
        if (this.headerBytes > MAX_HEADER_BYTES) throw this.error('a MIME header is longer than 64 KB', 'is this really an MHT export of the QQ message manager?', 'MIME 头超过 64 KB', '这真的是 QQ 消息管理器导出的 MHT 文件吗？');
        this.header.push(text);
        return '';
      }
      case 'preamble':
      case 'skip': {
        const b = lineStart ? this.boundaryLine(bytes) : null;
        if (b === 'next') { this.state = 'part-header'; this.header = []; this.headerBytes = 0; }
        else if (b === 'last') this.done = true;
        else if (this.state === 'preamble' && this.offset > MAX_PREAMBLE_BYTES) {
          throw this.error(`no part starts within the first MB (boundary "${this.boundary}" not found)`, 'the file may be cut off or not an MHT export', `前 1 MB 内没有找到任何部分（找不到分隔符 "${this.boundary}"）`, '文件可能不完整，或不是 MHT 导出');
        }
        return '';
      }
      case 'html': {
        if (lineStart && this.boundaryLine(bytes)) { const out = this.finish(); this.done = true; return out; }
        return this.body(bytes, true);
      }
      default:
        return '';
    }
  }

  /** `--boundary` (next part) or `--boundary--` (the end), or null. */
  private boundaryLine(bytes: Uint8Array): 'next' | 'last' | null {
    if (bytes.length < 2 + this.boundary.length || bytes[0] !== 45 || bytes[1] !== 45 || !this.boundary) return null;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').trimEnd();
    if (text === `--${this.boundary}`) return 'next';
    if (text === `--${this.boundary}--`) return 'last';
    return null;
  }

  private headerDone(): void {
    const fields = headerFields(this.header);
    this.header = [];
    const type = fields.get('content-type') ?? '';
    const mime = (type.split(/[;\s]/, 1)[0] ?? '').toLowerCase();
    if (this.state === 'top') {
      this.top = fields;
      this.topCharset = headerParam(type, 'charset');
      if (mime.startsWith('multipart/')) {
        const boundary = headerParam(type, 'boundary');
        if (!boundary) throw this.error('the MIME header names no boundary', 'the file may be damaged: its parts cannot be told apart', 'MIME 头没有给出分隔符（boundary）', '文件可能已损坏，无法区分其中的各个部分');
        this.boundary = boundary;
        this.mime = true;
        this.state = 'preamble';
        return;
      }
      if (mime === 'text/html' || fields.has('mime-version')) { this.mime = true; this.startHtml(fields, type); return; }
      throw this.error('not an MHTML file: the MIME header has no multipart Content-Type', 'expected a QQ message manager export saved as .mht', '不是 MHTML 文件：MIME 头中没有 multipart 类型', '需要 QQ 消息管理器导出的 .mht 文件');
    }
    if (mime === 'text/html' && !this.sawHtml) this.startHtml(fields, type);
    else this.state = 'skip';
  }

  private startHtml(fields: Map<string, string>, type: string): void {
    this.sawHtml = true;
    this.state = 'html';
    this.htmlLine = this.lineNo + 1;
    const cte = (fields.get('content-transfer-encoding') ?? '').toLowerCase();
    this.transfer = cte.includes('base64') ? 'base64' : cte.includes('quoted-printable') ? 'quoted-printable' : 'raw';
    this.declared = headerParam(type, 'charset');
  }

  /** A (piece of a) body line: transfer-decoded, then charset-decoded. */
  private body(bytes: Uint8Array, lineEnd: boolean): string {
    if (this.transfer === 'base64') {
      let s = this.b64;
      for (const c of bytes) if (isB64(c) || c === 61) s += String.fromCharCode(c);
      const n = s.length - (s.length % 4);
      this.b64 = s.slice(n);
      return n ? this.text(Buffer.from(s.slice(0, n), 'base64')) : '';
    }
    if (this.transfer === 'quoted-printable') return this.text(qpDecode(bytes, lineEnd));
    if (!lineEnd) return this.text(bytes);
    const withNl = new Uint8Array(bytes.length + 1);
    withNl.set(bytes);
    withNl[bytes.length] = 10;
    return this.text(withNl);
  }

  /** Charset decoding; the charset is settled on the first 4 KB (the declared one, else the HTML's
   *  meta, else UTF-8 — or GB18030 when those bytes are no UTF-8). */
  private text(bytes: Uint8Array): string {
    if (this.decoder) return this.decoder.decode(bytes, { stream: true });
    this.sniff!.push(bytes.slice());
    this.sniffed += bytes.length;
    return this.sniffed >= SNIFF_BYTES ? this.settle() : '';
  }

  private settle(): string {
    const all = Buffer.concat(this.sniff!);
    this.sniff = null;
    const meta = /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(all.toString('latin1'))?.[1];
    let label = decoderLabel(this.declared) ?? decoderLabel(this.topCharset) ?? decoderLabel(meta) ?? 'utf-8';
    const named = this.declared ?? this.topCharset ?? meta;
    if (named && !decoderLabel(named)) this.note(`the HTML part's charset "${named}" is not known: read as ${label === 'utf-8' ? 'UTF-8' : label}`);
    if (label === 'utf-8' && !this.declared && !validUtf8(all)) {
      label = 'gb18030';
      this.note('the HTML part is not UTF-8 although the file says so: read as GB18030');
    }
    this.charset = label;
    this.decoder = new TextDecoder(label);
    return this.decoder.decode(all, { stream: true });
  }

  private finish(): string {
    let out = '';
    if (this.transfer === 'base64' && this.b64) {
      const s = this.b64.replace(/=+$/, '');
      this.b64 = '';
      if (s.length > 1) out += this.text(Buffer.from(s, 'base64'));
    }
    if (this.sniff) out += this.settle();
    if (this.decoder) out += this.decoder.decode();
    return out;
  }

  private error(message: string, hint: string, zh: string, hintZh: string): UserError {
    return new UserError(message, { file: this.path, line: this.lineNo || 1, code: 'bad-mht', hint, zh, hintZh });
  }
}

function validUtf8(bytes: Uint8Array): boolean {
  try { new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }); return true; } catch { return false; }
}

const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

/** One quoted-printable line (or piece of one): =XX escapes, a final = as a soft line break. */
function qpDecode(line: Uint8Array, lineEnd: boolean): Uint8Array {
  let end = line.length;
  if (lineEnd) while (end > 0 && (line[end - 1] === 32 || line[end - 1] === 9)) end--;
  let soft = false;
  if (lineEnd && end > 0 && line[end - 1] === 61) { soft = true; end--; }
  const out = new Uint8Array(end + 1);
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = line[i]!;
    if (c === 61 && i + 2 < end) {
      const hi = hex(line[i + 1]!), lo = hex(line[i + 2]!);
      if (hi >= 0 && lo >= 0) { out[n++] = hi * 16 + lo; i += 2; continue; }
    }
    out[n++] = c;
  }
  if (lineEnd && !soft) out[n++] = 10;
  return out.subarray(0, n);
}
