import { lookup } from '../shape.js';
import type { GroupInfo, MessageEvent, MessageKind } from '../../core/model.js';
import { cell } from '../csv/rows.js';
import { fixedHeaderScore, timedRows } from './timed-rows.js';
import type { IngestAdapter } from '../types.js';
import { factEvents } from '../notices/events.js';
import { placeholderKind } from '../text/placeholders.js';
import { parseSystemLine } from './system.js';
import { cleanName, fileStem } from '../text/names.js';
import { systemText } from './xml.js';

/**
 * WeChatMsg / 留痕 2.x (the wxManager rewrite) CSV: `<remark>.csv`, UTF-8 with BOM, header
 * `消息ID,类型,发送人,时间,内容,备注,昵称,更多信息`. 发送人 is the display name (no wxid anywhere),
 * 类型 a word (文本, 图片, 系统消息 …), 内容 the rendered text. One chat per file: the file name.
 */
const COLUMNS = ['消息ID', '类型', '发送人', '时间', '内容', '备注', '昵称', '更多信息'] as const;

const LABELS: Record<string, MessageKind> = {
  '文本': 'text', '引用消息': 'text', '图片': 'image', '语音': 'voice', '视频': 'video', '表情包': 'sticker', '动画表情': 'sticker',
  '文件': 'file', '链接': 'link', '分享卡片': 'link', '名片': 'link', '位置': 'link', '小程序': 'link', '合并转发': 'link',
  '合并转发的聊天记录': 'link', '转账': 'link', '红包': 'link', '视频号': 'link', '音乐分享': 'link', '语音通话': 'system',
  '视频通话': 'system', '拍一拍': 'system',
};

export const wechatMemotrace2Csv = {
  id: 'wechat-memotrace2-csv',
  title: 'WeChat 留痕/WeChatMsg 2.x CSV',
  platform: 'wechat',
  capabilities: {
    identity: 'names', joins: true, replies: false,
    note: 'display names only (发送人; no wxid); joins, inviters, removals and recalls from 系统消息 rows by display name; quotes carry no id; group = file name',
  },
  kind: () => 'messages',
  detect: (head) => fixedHeaderScore(head, COLUMNS),
  async *read(source, ctx) {
    const stem = fileStem(source.fileName);
    const group: GroupInfo = { id: stem, name: stem, platform: 'wechat' };
    for await (const { fields: f, line, col, time } of timedRows(source, ctx, COLUMNS, '时间')) {
      const label = cell(f, col['类型']) ?? '文本';
      const content = col['内容'] === undefined ? '' : (f[col['内容']] ?? '');
      const id = cell(f, col['消息ID']);
      const name = cleanName(cell(f, col['发送人']) ?? '');
      if (label === '系统消息' || label.includes('撤回')) {
        const fact = parseSystemLine(systemText(content));
        if (fact) yield* factEvents(fact, group, time, id === undefined ? { line, self: ctx.me?.[0] } : { id, line, self: ctx.me?.[0] });
        continue;
      }
      if (!name) { ctx.reportIssue({ line, reason: 'no sender (发送人)', code: 'no-sender' }); continue; }
      const kind = lookup(LABELS, label) ?? placeholderKind(content) ?? 'text';
      const ev: MessageEvent = { type: 'message', group, time, line, senderId: name, senderName: name, kind };
      // Notices name people by their WeChat nickname (昵称), which 发送人 may not be.
      const nick = cleanName(cell(f, col['昵称']) ?? '');
      if (nick && nick !== name) ev.senderAlias = nick;
      if (id !== undefined) ev.id = id;
      if (kind === 'text') {
        // A quote is written on a line of its own after the reply ("引用：name: text"): only the
        // reply is this sender's (a text that merely says 引用： keeps it).
        const text = content.replace(/\n+引用[:：][\s\S]*$/, '').trim();
        if (text) ev.text = text;
      }
      yield ev;
    }
  },
} satisfies IngestAdapter;
