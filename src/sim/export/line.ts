/**
 * LINE's "Export chat history" from a phone set to traditional Chinese (docs/formats.md, LINE):
 * one `[LINE] <group>.txt` per group, headed `[LINE] <group>的聊天記錄` and `儲存日期： yyyy/mm/dd HH:MM`,
 * a date line `yyyy/mm/dd（六）` before each day, messages `上午09:05<TAB>Name<TAB>text` (12-hour,
 * hour padded), several lines of text in double quotes, media as `[照片]` / `[貼圖]`…, no reply
 * links, no seconds. System lines have an empty sender: an invited join `X邀請Y加入群組。`, a join by
 * QR code or none known `Y加入群組。` (the sharer of a code is lost, as in WhatsApp), `Y已退出群組。`,
 * `X已將Y移出群組。`, and a recall `Y已收回訊息` (no message once read). No line says who created
 * the group, nor who exported it (the owner: their name is the --me a user would give).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pad2, wall, writeGroupFile, type ExportGroup, type ExportOutput, type ExportRow } from './model.js';

const WEEKDAY = '日一二三四五六';
const PLACEHOLDER: Record<string, string> = { image: '[照片]', sticker: '[貼圖]', voice: '[語音訊息]', video: '[影片]', file: '[檔案]' };

function clock(t: number): string {
  const w = wall(t);
  return `${w.h < 12 ? '上午' : '下午'}${pad2(w.h % 12 === 0 ? 12 : w.h % 12)}:${pad2(w.mi)}`;
}

function dateLine(t: number): string {
  const w = wall(t);
  return `${w.y}/${pad2(w.mo)}/${pad2(w.d)}（${WEEKDAY[new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay()]}）`;
}

/** The text column: as it is, or in double quotes (a quote in it doubled) when it has several lines. */
function column(text: string): string {
  return text.includes('\n') ? `"${text.replace(/"/g, '""')}"` : text;
}

function system(row: ExportRow): string | null {
  if (row.type === 'recall') return `${row.sender!.name}已收回訊息`;
  const e = row.event;
  if (!e) return null;
  switch (e.kind) {
    case 'join': return e.via === 'invite' && e.by ? `${e.by.name}邀請${e.member.name}加入群組。` : `${e.member.name}加入群組。`;
    case 'leave': return `${e.member.name}已退出群組。`;
    case 'remove': return `${e.by.name}已將${e.member.name}移出群組。`;
  }
}

function lines(g: ExportGroup): string[] {
  const last = g.rows.at(-1)?.t ?? g.createdAt;
  const w = wall(last);
  const out = [`[LINE] ${g.name}的聊天記錄`, `儲存日期： ${w.y}/${pad2(w.mo)}/${pad2(w.d)} ${pad2(w.h)}:${pad2(w.mi)}`, ''];
  let day = '';
  for (const row of g.rows) {
    const isSystem = row.type === 'system' || row.type === 'recall';
    const text = isSystem ? system(row) : null;
    if (isSystem && text === null) continue;
    const d = dateLine(row.t);
    if (d !== day) { if (day) out.push(''); out.push(d); day = d; }
    if (text !== null) out.push(`${clock(row.t)}\t\t${text}`);
    else out.push(`${clock(row.t)}\t${row.sender!.name}\t${column(PLACEHOLDER[row.type] ?? row.text)}`);
  }
  return out;
}

export function writeLine(groups: readonly ExportGroup[], dir: string): ExportOutput {
  // Exported by each group's owner, as operators export their own groups; nothing in the file says
  // so, so the owners' names are what the user would give as --me.
  const out: ExportOutput = { files: [], groupIds: new Map(), memberIds: new Map(), me: [...new Set(groups.map((g) => g.owner.name))] };
  mkdirSync(dir, { recursive: true });
  for (const g of groups) {
    writeGroupFile(out, g, join(dir, `[LINE] ${g.name}.txt`), lines(g).join('\n') + '\n');
  }
  return out;
}
