/**
 * WeChat 留痕/MemoTrace (WeChatMsg) CSV, as formats.md §1.3 describes it: one `<remark>_utf8.csv`
 * per chat in `<remark>/`, UTF-8 with BOM, the 12 fixed columns, `\r\n` rows, newest first (the
 * 2025 branch), CreateTime in unix seconds and StrTime in the exporting PC's wall clock. Media and
 * cards are the raw XML of StrContent; quote replies are appmsg type 57 with a `refermsg` naming
 * the quoted message's sender wxid and send time. The exporting user is the group owner: their rows
 * have IsSender=1 and the notices about their own actions say "你".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { csvField } from '../csv.js';
import { hashNum, writeGroupFile, ymdHms, type ExportGroup, type ExportMember, type ExportOutput, type ExportRow } from './model.js';

const HEADER = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sec = (t: number) => Math.floor(t / 1000);
const md5ish = (s: string) => (hashNum(s).toString(16).padStart(8, '0')).repeat(4);

/** The notice for a membership line, from the owner's (exporter's) point of view. */
function notice(row: ExportRow, self: ExportMember): string {
  const e = row.event;
  const q = (m: ExportMember) => (m === self ? '你' : `"${m.name}"`);
  if (row.type === 'recall') return row.sender === self ? '你撤回了一条消息' : `"${row.sender?.name ?? ''}" 撤回了一条消息`;
  if (!e) return row.text;
  switch (e.kind) {
    case 'join':
      if (e.via === 'invite' && e.by) return e.by === self ? `你邀请"${e.member.name}"加入了群聊` : `${q(e.by)}邀请"${e.member.name}"加入了群聊`;
      if (e.via === 'qr' && e.by) return e.by === self ? `"${e.member.name}"通过扫描你分享的二维码加入群聊` : `"${e.member.name}"通过扫描"${e.by.name}"分享的二维码加入群聊`;
      return `"${e.member.name}"通过扫描二维码加入群聊`;
    case 'leave': return `"${e.member.name}"退出了群聊`;
    case 'remove': return `${e.by === self ? '你' : `"${e.by.name}"`}将"${e.member.name}"移出了群聊`;
  }
}

function content(g: ExportGroup, row: ExportRow, svrid: (r: ExportRow) => string): { type: number; sub: number; text: string } {
  const s = row.sender!;
  switch (row.type) {
    case 'image': return { type: 3, sub: 0, text: `<?xml version="1.0"?><msg><img aeskey="${md5ish(row.id)}" encryver="1" length="${40000 + (hashNum(row.id) % 200000)}" md5="${md5ish(row.id + 'i')}" /></msg>` };
    case 'voice': return { type: 34, sub: 0, text: `<msg><voicemsg endflag="1" cancelflag="0" forwardflag="0" voiceformat="4" voicelength="${2000 + (hashNum(row.id) % 30000)}" length="${3000 + (hashNum(row.id) % 40000)}" fromusername="${s.id}" /></msg>` };
    case 'video': return { type: 43, sub: 0, text: `<?xml version="1.0"?><msg><videomsg aeskey="${md5ish(row.id)}" length="${1_000_000 + (hashNum(row.id) % 9_000_000)}" playlength="${5 + (hashNum(row.id) % 60)}" fromusername="${s.id}" md5="${md5ish(row.id + 'v')}" /></msg>` };
    case 'sticker': return { type: 47, sub: 0, text: `<msg><emoji fromusername="${s.id}" tousername="${g.id}" type="2" md5="${md5ish(row.id)}" len="${10000 + (hashNum(row.id) % 90000)}" productid="" /></msg>` };
    case 'file': {
      const title = row.text.replace(/^\[文件\]\s*/, '') || 'file';
      return { type: 49, sub: 6, text: `<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>${xml(title)}</title><des></des><type>6</type><appattach><totallen>${50000 + (hashNum(row.id) % 900000)}</totallen><fileext>${xml(title.split('.').pop() ?? '')}</fileext></appattach></appmsg><fromusername>${s.id}</fromusername></msg>` };
    }
    case 'link': {
      const url = /https?:\/\/\S+/.exec(row.text)?.[0] ?? '';
      const title = row.text.replace(url, '').trim() || url;
      return { type: 49, sub: 5, text: `<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>${xml(title)}</title><des></des><type>5</type><url>${xml(url)}</url></appmsg><fromusername>${s.id}</fromusername></msg>` };
    }
    default: {
      const r = row.replyTo;
      if (r && r.sender) {
        const quoted = r.type === 'text' || r.type === 'link' ? r.text : `[${r.type}]`;
        return {
          type: 49, sub: 57,
          text: `<?xml version="1.0"?><msg><appmsg appid="" sdkver="0"><title>${xml(row.text)}</title><des></des><type>57</type><appattach><cdnthumbaeskey></cdnthumbaeskey></appattach>`
            + `<refermsg><type>1</type><svrid>${svrid(r)}</svrid><fromusr>${g.id}</fromusr><chatusr>${r.sender.id}</chatusr><displayname>${xml(r.sender.name)}</displayname>`
            + `<content>${xml(quoted)}</content><createtime>${sec(r.t)}</createtime></refermsg></appmsg><fromusername>${s.id}</fromusername><scene>0</scene></msg>`,
        };
      }
      return { type: 1, sub: 0, text: row.text };
    }
  }
}

export function writeWechatMemotrace(groups: readonly ExportGroup[], dir: string): ExportOutput {
  const out: ExportOutput = { files: [], groupIds: new Map(), memberIds: new Map() };
  groups.forEach((g, gi) => {
    const self = g.owner;
    const talker = 100 + gi;
    const svrid = (r: ExportRow) => String(BigInt(hashNum(r.id)) * 4294967296n + BigInt(hashNum(r.id + '#')));
    const lines: string[] = [];
    g.rows.forEach((row, i) => {
      const localId = 1000 + i;
      let type: number, sub: number, text: string;
      if (row.type === 'system' || row.type === 'recall') {
        if (row.type === 'system' && !row.event) return;
        type = 10000; sub = 0; text = notice(row, self);
        lines.push([localId, talker, type, sub, 0, sec(row.t), '', text, ymdHms(row.t), '', '', ''].map((v) => csvField(String(v))).join(','));
        return;
      }
      ({ type, sub, text } = content(g, row, svrid));
      const s = row.sender!;
      lines.push([localId, talker, type, sub, s === self ? 1 : 0, sec(row.t), '', text, ymdHms(row.t), '', s.name, s.id].map((v) => csvField(String(v))).join(','));
    });
    lines.reverse(); // ORDER BY CreateTime DESC
    const folder = join(dir, g.name);
    mkdirSync(folder, { recursive: true });
    // The adapter names the group after the file (no chatroom id in the CSV); members keep their wxid.
    writeGroupFile(out, g, join(folder, `${g.name}_utf8.csv`), '\uFEFF' + HEADER + '\r\n' + lines.map((l) => l + '\r\n').join(''), (m) => m.id);
  });
  return out;
}
