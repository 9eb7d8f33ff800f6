import { UserError } from '../../core/errors.js';
import type { GroupInfo, IngestEvent, MessageEvent } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import { rawChunks } from '../decode.js';
import type { FileHead, IngestAdapter } from '../types.js';
import { cleanName, fileStem } from '../text/names.js';
import { UnknownSystemLines } from '../unknown-lines.js';
import { MhtHtml } from './mht-mime.js';
import { RowScanner, type MhtRow } from './mht-rows.js';
import { hour24, stripTitles, toEvents, type Block } from './txt.js';

/**
 * QQ 消息管理器 MHT export (PC QQ before 9.7.25: 导出消息记录 → 网页格式): an MHTML file whose first
 * part is the HTML table of the chats (mht-rows.ts) and whose other parts are the pictures, base64.
 * Read as a stream: only the HTML part is decoded, and reading stops at its end, so an export of
 * tens of GB (the pictures) costs the time of its HTML. The sender is shown as in the TXT export,
 * `name(QQ number)` or `name<e-mail>`, with 【管理员】-style titles; times are `H:MM:SS` (12-hour with
 * AM/PM on English Windows) under the last `日期: YYYY-MM-DD` row, local to the exporting machine.
 */

const TENCENT = /^From:\s*<Save by Tencent MsgMgr>|^Subject:\s*Tencent IM Message/im;
const QQ_HTML = /<title>\s*QQ Message\s*<\/title>|消息分组\s*[:：]|消息对象\s*[:：]|系统消息\(10000\)/;
const SENDER = /^(?<name>.*?)(?:\((?<qq>\d+)\)|<(?<mail>[^<>]*@[^<>]*)>)$/s;
const TIME = /^(?:(?<zh>上午|下午|凌晨|中午|晚上)\s*)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<ampm>[AP]M))?$/i;

/** 0..1 from the head: the MIME header with QQ's From/Subject, and the HTML's own markers. */
export function qqMhtScore(head: FileHead): number {
  const b = head.bytes;
  if (!b.length) return 0;
  const lead = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 2048)).toString('latin1');
  if (!/^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:From|Subject|MIME-Version|Content-Type|Date|Message-ID)\s*:/i.test(lead)) return 0;
  const tencent = TENCENT.test(lead);
  let html = '';
  let multipart = false;
  try {
    const mime = new MhtHtml(head.path);
    html = mime.push(b) + (b.length < 65536 ? mime.end() : '');
    multipart = /multipart\/related/i.test(mime.top.get('content-type') ?? '');
  } catch {
    return 0;
  }
  const qq = QQ_HTML.test(html);
  if (tencent && qq) return 0.99;
  if (tencent && multipart) return 0.9;
  if (multipart && qq) return 0.9;
  return 0;
}

export const qqMht = {
  id: 'qq-mht',
  title: 'QQ message manager MHT export (web page format, pictures inside; many chats in one file)',
  platform: 'qq',
  capabilities: {
    identity: 'ids', joins: true, replies: false,
    note: 'QQ number (or e-mail) as id; titles as roles; joins, leaves and removals from system notices by name; only the HTML part is read (pictures are skipped); no reply links',
  },
  kind: () => 'messages',
  detect: qqMhtScore,
  async *read(source, ctx) {
    const fallback = fileStem(source.fileName);
    let group: GroupInfo = { id: fallback, name: fallback, platform: 'qq' };
    let date: string | null = null;
    let noDate = 0;
    let rows = 0;
    const roleSeen = new Set<string>();
    const unknown = new UnknownSystemLines();
    const mime = new MhtHtml(source.path, (reason) => ctx.reportIssue({ reason, code: 'mht-charset', counts: false, strict: false }));
    let scanner: RowScanner | null = null;

    const take = function* (row: MhtRow, line: number): Generator<IngestEvent> {
      rows++;
      switch (row.kind) {
        case 'chat': {
          const name = cleanName(row.name);
          // A group whose 消息对象 is empty (or "0", as a deleted group shows) is named by the file.
          const id = name && name !== '0' ? name : fallback;
          group = { id, name: id, platform: 'qq' };
          date = null;
          return;
        }
        case 'date': date = row.date; return;
        case 'bad': ctx.reportIssue({ line, reason: row.reason, code: 'bad-row' }); return;
        case 'message': {
          if (!date) { if (noDate++ === 0) ctx.reportIssue({ line, reason: 'a message before the first 日期 (date) row: its day is unknown', code: 'bad-timestamp' }); return; }
          const t = TIME.exec(row.time)?.groups;
          const time = t ? parseTimestamp(`${date} ${hour24(Number(t.h), t.ampm ?? t.zh)}:${t.mi}:${t.s ?? '00'}`, ctx.zone) : NaN;
          if (Number.isNaN(time)) { ctx.reportIssue({ line, reason: `unreadable time "${row.time.slice(0, 40)}"`, code: 'bad-timestamp' }); return; }
          const s = SENDER.exec(row.sender)?.groups;
          const { name, role } = stripTitles(s?.name ?? row.sender);
          const id = s?.qq ?? s?.mail?.trim() ?? name;
          const block: Block = { time, id, name: name || id, body: row.text ? row.text.split('\n') : [], line };
          if (role) {
            block.role = role;
            const key = `${group.id}\u0000${id}\u0000${role}`;
            if (!roleSeen.has(key)) { roleSeen.add(key); yield { type: 'group', group, roles: [{ memberId: id, name: block.name, role }] }; }
          }
          for (const ev of toEvents(block, group, ctx, unknown)) yield imageKind(ev, row);
          return;
        }
        default:
      }
    };

    let html = '';
    for await (const chunk of rawChunks(source)) {
      html = mime.push(chunk);
      if (html) {
        scanner ??= new RowScanner(source.path, mime.htmlLine);
        for (const { row, line } of scanner.push(html)) yield* take(row, line);
      }
      if (mime.done || scanner?.ended) break;
    }
    if (!mime.done && !scanner?.ended) {
      html = mime.end();
      if (html) {
        scanner ??= new RowScanner(source.path, mime.htmlLine);
        for (const { row, line } of scanner.push(html)) yield* take(row, line);
      }
      // No closing boundary and no </html>: the file was cut off inside the chats (a row half
      // written at the end is not read).
      if (mime.sawHtml && !scanner?.ended) ctx.reportIssue({ reason: 'the file ends inside its HTML part, before </html> (cut off?): the chats after this point are missing', code: 'truncated' });
    }
    if (!mime.sawHtml) throw noHtml(source.path, mime.mime ? 'the file has no text/html part' : 'the file is empty');
    if (rows === 0) throw noHtml(source.path, 'the HTML part has no table rows of the QQ message manager');
    if (noDate > 1) ctx.reportIssue({ reason: `${noDate} messages before the first date row were skipped`, code: 'bad-timestamp', counts: false });
    unknown.report(ctx);
  },
} satisfies IngestAdapter;

/** A message whose body is only pictures (or QQ faces, which are pictures too) is an image. */
function imageKind(ev: IngestEvent, row: Extract<MhtRow, { kind: 'message' }>): IngestEvent {
  if (ev.type !== 'message' || row.images === 0 || ev.kind !== 'text' || ev.text) return ev;
  return { ...ev, kind: 'image' } satisfies MessageEvent;
}

function noHtml(path: string, why: string): UserError {
  return new UserError(`not a QQ message manager MHT export: ${why}`, {
    file: path, code: 'bad-mht', hint: 'export again from the QQ message manager as a web page (.mht), or pick the format with --input-format',
    zh: `不是 QQ 消息管理器导出的 MHT 文件：${why}`, hintZh: '请在 QQ 消息管理器中重新导出为网页格式（.mht），或用 --input-format 指定格式',
  });
}
