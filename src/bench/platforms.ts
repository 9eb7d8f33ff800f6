import { join } from 'node:path';
import { groupSizes, memberId, writeFileOnce, type Shape } from './generate.js';
import { csvField, messageText, Rng, senderName, wallTime } from './random.js';

const START = Date.UTC(2024, 0, 1) / 1000;
const SPAN = 365 * 86_400;

/**
 * A Telegram Desktop account export (`result.json`): `chats.list[]` of supergroups, each with its
 * `messages`, written one-space indented as tdesktop writes it; a few invites and joins by link.
 */
export function generateTelegram(dir: string, shape: Shape): string {
  const chats = Math.max(1, Math.min(shape.groups, 40));
  const path = join(dir, `telegram-n${shape.messages}-c${chats}-s${shape.seed}`, 'result.json');
  return writeFileOnce(path, (w) => {
    const rng = new Rng(shape.seed + 2);
    const sizes = groupSizes(shape);
    w.push('{\n "about": "Here is the data you requested.",\n "personal_information": {\n  "user_id": 1,\n  "first_name": "Bench"\n },\n "chats": {\n  "about": "This page lists all chats from this export.",\n  "list": [\n');
    let id = 1;
    for (let c = 0; c < chats; c++) {
      const n = Math.floor(shape.messages / chats) + (c < shape.messages % chats ? 1 : 0);
      w.push(`${c ? ',\n' : ''}   {\n    "name": "Bench group ${c}",\n    "type": "private_supergroup",\n    "id": ${1000 + c},\n    "messages": [\n`);
      const step = SPAN / n;
      for (let i = 0; i < n; i++, id++) {
        const k = rng.skewed(sizes[c]!, 3);
        const unix = START + Math.floor(i * step);
        const date = wallTime(unix * 1000).replace(' ', 'T');
        const from = senderName(k);
        let m: Record<string, unknown>;
        if (rng.next() < 0.01) {
          m = rng.next() < 0.5
            ? { id, type: 'service', date, date_unixtime: String(unix), actor: from, actor_id: `user${c}${k}`, action: 'invite_members', members: [senderName(k + 1)], text: '', text_entities: [] }
            : { id, type: 'service', date, date_unixtime: String(unix), actor: from, actor_id: `user${c}${k}`, action: 'join_group_by_link', inviter: 'Group', text: '', text_entities: [] };
        } else {
          const text = messageText(rng);
          m = { id, type: 'message', date, date_unixtime: String(unix), from, from_id: `user${c}${k}` };
          if (i > 0 && rng.next() < 0.05) m.reply_to_message_id = id - 1 - rng.int(Math.min(i, 20));
          if (rng.next() < 0.05) m.photo = '(File not included. Change data exporting settings to download.)';
          m.text = text;
          m.text_entities = text ? [{ type: 'plain', text }] : [];
        }
        const body = JSON.stringify(m, null, 1).replace(/\n/g, '\n      ');
        w.push(`${i ? ',\n' : ''}     ${body}`);
      }
      w.push('\n    ]\n   }');
    }
    w.push('\n  ]\n }\n}\n');
  });
}

/**
 * A 留痕/MemoTrace CSV of one big group: BOM, CRLF, newest first, Python-csv quoting; text,
 * images (XML), joins by invitation (system notices, Type 10000).
 */
export function generateWechat(dir: string, shape: Shape): string {
  const path = join(dir, `wechat-n${shape.messages}-s${shape.seed}`, '读书会_utf8.csv');
  return writeFileOnce(path, (w) => {
    const rng = new Rng(shape.seed + 3);
    const members = 2000;
    w.push('\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n');
    const step = SPAN / shape.messages;
    for (let i = shape.messages - 1; i >= 0; i--) {
      const k = rng.skewed(members, 3);
      const t = START + Math.floor(i * step);
      const r = rng.next();
      let type = 1, content: string;
      if (r < 0.01) { type = 10000; content = `"${senderName(k)}"邀请"${senderName(k + 7)}"加入了群聊`; }
      else if (r < 0.06) { type = 3; content = `<?xml version="1.0"?><msg><img aeskey="${rng.int(1e9)}" length="${rng.int(1e6)}" /></msg>`; }
      else content = messageText(rng);
      const name = senderName(k);
      w.push(`${i + 1},217,${type},0,${k === 0 ? 1 : 0},${t},,${csvField(content)},${wallTime((t + 8 * 3600) * 1000)},${csvField(name)},${csvField(name)},${memberId(0, k)}\r\n`);
    }
  });
}
