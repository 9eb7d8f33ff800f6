import type { GroupInfo, MessageEvent, MessageKind } from '../../core/model.js';
import { cell } from '../csv/rows.js';
import { fixedHeaderScore, timedRows } from './timed-rows.js';
import type { IngestAdapter } from '../types.js';
import { factEvents } from '../notices/events.js';
import { parseSystemLine } from './system.js';
import { cleanName, fileStem } from '../text/names.js';
import { systemText } from './xml.js';

/**
 * chatlog (sjzar/chatlog) CSV from its HTTP API: `Time,SenderName,Sender,TalkerName,Talker,Content`.
 * Content is chatlog's plain-text rendering: media as `![图片](url)` or `[链接|title](url)`, a quote
 * as `> ` lines before the reply (no id of the quoted message), system notices as their sentence.
 */
const COLUMNS = ['Time', 'SenderName', 'Sender', 'TalkerName', 'Talker', 'Content'] as const;

const RENDERINGS: [RegExp, MessageKind][] = [
  [/^!\[图片\]/, 'image'], [/^\[语音\]/, 'voice'], [/^!\[视频\]/, 'video'], [/^(!\[动画表情\]|\[GIF表情\])/, 'sticker'],
  [/^\[文件\|/, 'file'], [/^\[(链接|位置|名片|小程序|视频号|合并转发|转账|红包|音乐|卡片)/, 'link'], [/^\[(语音|视频)通话\]/, 'system'],
];

export const wechatChatlogCsv = {
  id: 'wechat-chatlog-csv',
  title: 'WeChat chatlog (sjzar) CSV',
  platform: 'wechat',
  capabilities: {
    identity: 'ids', joins: true, replies: false,
    note: 'senders by wxid, group by chatroom id; joins and inviters from system notices by display name; quotes carry no message id; a chat with one person (no @chatroom id) is left out of the report',
  },
  kind: () => 'messages',
  detect: (head) => fixedHeaderScore(head, COLUMNS),
  async *read(source, ctx) {
    const groups = new Map<string, GroupInfo>();
    const fallback = fileStem(source.fileName);
    for await (const { fields: f, line, col, time } of timedRows(source, ctx, COLUMNS, 'Time')) {
      const talker = cell(f, col.Talker), gid = talker ?? cell(f, col.TalkerName) ?? fallback;
      let group = groups.get(gid);
      if (!group) {
        // A chatroom id ends in @chatroom; any other talker is the one person chatted with.
        group = { id: gid, name: cell(f, col.TalkerName) ?? gid, platform: 'wechat', ...(talker !== undefined && !talker.endsWith('@chatroom') ? { personal: true } : {}) };
        groups.set(gid, group);
      }
      const content = col.Content === undefined ? '' : (f[col.Content] ?? '');
      const sender = cell(f, col.Sender);
      const name = cleanName(cell(f, col.SenderName) ?? '');
      if (sender === '系统消息' || name === '系统消息' || (!sender && !name)) {
        const fact = parseSystemLine(systemText(content));
        if (fact) yield* factEvents(fact, group, time, { line, self: ctx.me?.[0] });
        continue;
      }
      const ev: MessageEvent = { type: 'message', group, time, line, senderId: sender ?? name, kind: 'text' };
      if (name) ev.senderName = name;
      const rendered = RENDERINGS.find(([re]) => re.test(content.trim()));
      if (rendered) ev.kind = rendered[1];
      else {
        // A quote is "> " lines (the quoted message) before the reply: keep only the reply.
        const text = content.split('\n').filter((l) => !l.startsWith('>')).join('\n').trim();
        if (text) ev.text = text;
      }
      yield ev;
    }
  },
} satisfies IngestAdapter;
