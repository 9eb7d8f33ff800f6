/**
 * QQ 消息管理器 TXT (formats.md §2.1): every group in one `全部消息记录.txt` under one file header,
 * a `消息分组/消息对象` section per group, then blocks `<date> <h:mm:ss> <AM|PM> <name>(<QQ>)` +
 * content + blank line. 12-hour times as English Windows writes them (hour unpadded), 【群主】 and
 * 【管理员】 titles before the name, placeholders for media, no reply links. Notices come from
 * 系统消息(1000000) (joins, leaves, removals) and 系统消息(10000) (recalls), members named by
 * nickname. Written as UTF-8 with BOM and CRLF (the form parsers ask users to re-save to).
 * WeChat-born simulated groups get QQ numbers derived from their wxids.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memberKey, pad2, qqNumbers, wall, type ExportGroup, type ExportMember, type ExportOutput, type ExportRow } from './model.js';

const RULE = '='.repeat(64);

function stamp(t: number): string {
  const w = wall(t);
  const h12 = w.h % 12 === 0 ? 12 : w.h % 12;
  return `${w.y}-${pad2(w.mo)}-${pad2(w.d)} ${h12}:${pad2(w.mi)}:${pad2(w.s)} ${w.h < 12 ? 'AM' : 'PM'}`;
}

const PLACEHOLDER: Record<string, string> = { image: '[图片]', sticker: '[表情]', voice: '[语音]', video: '[视频]' };

function notice(row: ExportRow): { sys: string; text: string } | null {
  if (row.type === 'recall') return { sys: '10000', text: `${row.sender!.name}撤回了一条消息` };
  const e = row.event;
  if (!e) return null;
  switch (e.kind) {
    case 'join': return { sys: '1000000', text: e.by ? `${e.by.name}邀请${e.member.name}加入了本群。` : `${e.member.name}加入本群。` };
    case 'leave': return { sys: '1000000', text: `${e.member.name}退出了本群。` };
    case 'remove': return { sys: '1000000', text: `${e.member.name}被管理员移出本群。` };
  }
}

export function writeQq(groups: readonly ExportGroup[], dir: string): ExportOutput {
  const out: ExportOutput = { files: [], groupIds: new Map(), memberIds: new Map() };
  const qq = qqNumbers();
  const parts: string[] = ['消息记录（此消息记录为文本格式，不支持重新导入）', ''];
  for (const g of groups) {
    parts.push(RULE, '消息分组:我的QQ群', RULE, `消息对象:${g.name}`, RULE, '');
    out.groupIds.set(g.id, g.name);
    for (const m of g.members) out.memberIds.set(memberKey(g.id, m.id), qq(m));
    const title = (m: ExportMember) => (m.role === 'owner' ? '【群主】' : m.role === 'admin' ? '【管理员】' : '');
    for (const row of g.rows) {
      if (row.type === 'system' || row.type === 'recall') {
        const n = notice(row);
        if (n) parts.push(`${stamp(row.t)} 系统消息(${n.sys})`, n.text, '');
        continue;
      }
      const s = row.sender!;
      const body = PLACEHOLDER[row.type] ?? row.text;
      parts.push(`${stamp(row.t)} ${title(s)}${s.name}(${qq(s)})`, ...body.split('\n'), '');
    }
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, '全部消息记录.txt');
  writeFileSync(file, '\uFEFF' + parts.join('\r\n') + '\r\n');
  out.files.push(file);
  return out;
}
