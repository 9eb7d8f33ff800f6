import { UserError } from '../../core/errors.js';
import type { GroupInfo, MessageEvent, MessageKind } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { IngestAdapter } from '../types.js';
import { factEvents } from '../notices/events.js';
import { parseSystemLine } from './system.js';
import { epochMs, lookup, shape, type FieldType } from '../shape.js';
import { cleanName, fileStem } from '../text/names.js';
import { parseWholeJson } from '../text/whole.js';
import { looksLikeXml, systemText } from './xml.js';

/**
 * WeFlow and EchoTrace JSON (formats.md §1.7): `{weflow?, session:{wxid,…}, messages:[…]}` with a
 * Chinese type label, unix `createTime`, the sender's wxid and display name (WeFlow's arkme-json:
 * a `senders` table and a `senderID` per message; CipherTalk's detailed JSON is the same shape).
 * The document is one JSON value, so it is parsed whole (these exporters write one file per chat).
 */
const LABELS: Record<string, MessageKind> = {
  '文本消息': 'text', '图片消息': 'image', '语音消息': 'voice', '视频消息': 'video', '文件消息': 'file',
  '动画表情': 'sticker', '名片消息': 'link', '卡片式链接': 'link', '图文消息': 'link', '位置消息': 'link',
  '红包卡片': 'link', '转账卡片': 'link', '小程序分享': 'link', '视频号直播卡片': 'link', '引用消息': 'text',
  '聊天记录合并转发': 'link', '系统消息': 'system',
};

const MESSAGE = {
  localId: 'id', createTime: 'number', formattedTime: 'string', type: 'string', localType: 'number',
  content: 'string', isSend: 'present', senderUsername: 'string', senderDisplayName: 'string', senderID: 'id',
} as const satisfies Record<string, FieldType>;
const SESSION = { wxid: 'string', nickname: 'string', remark: 'string', displayName: 'string', type: 'string', isGroup: 'boolean' } as const satisfies Record<string, FieldType>;
/** WeFlow's "arkme-json" names each sender once, in `senders`, and gives messages a `senderID`. */
const SENDER = { senderID: 'id', wxid: 'string', displayName: 'string', nickname: 'string', groupNickname: 'string' } as const satisfies Record<string, FieldType>;

/** A one-to-one chat: said by the session's type or flag, else by an id that is no chatroom's. */
function isPersonal(s: { wxid?: string | undefined; type?: string | undefined; isGroup?: boolean | undefined }): boolean {
  if (s.isGroup !== undefined) return !s.isGroup;
  if (s.type === '私聊') return true;
  if (s.type === '群聊') return false;
  return s.wxid !== undefined && s.wxid !== '' && !s.wxid.endsWith('@chatroom');
}

export function weflowScore(text: string): number {
  // EchoTrace may open with an "avatars" map of inline images: the session comes after it.
  const head = /^\s*\{\s*"avatars"\s*:/.test(text) ? text : text.slice(0, 4096);
  if (!/^\s*\{/.test(head) || !head.includes('"session"')) return 0;
  if (head.includes('"weflow"')) return 0.95;
  return /"senderUsername"|"messages"/.test(text) ? 0.85 : 0.6;
}

export const wechatWeflowJson = {
  id: 'wechat-weflow-json',
  title: 'WeChat WeFlow / EchoTrace JSON',
  platform: 'wechat',
  capabilities: {
    identity: 'ids', joins: true, replies: false,
    note: 'senders by wxid; group id from session.wxid; joins and inviters from system notices by display name; quotes carry no id of the quoted message',
  },
  kind: () => 'messages',
  detect: (head) => (head.text ? weflowScore(head.text) : 0),
  async *read(source, ctx) {
    const doc = shape(await parseWholeJson(source), { session: 'present', messages: 'array', senders: 'array' });
    if (!doc?.messages) throw new UserError('no "messages" array', { file: ctx.path, code: 'bad-json', zh: '没有 "messages" 数组' });
    const s = shape(doc.session, SESSION) ?? {};
    const group: GroupInfo = {
      id: s.wxid || fileStem(source.fileName),
      name: s.displayName || s.remark || s.nickname || fileStem(source.fileName),
      platform: 'wechat',
      ...(isPersonal(s) ? { personal: true } : {}),
    };
    const senders = new Map<string, { id: string; name: string }>();
    for (const raw of doc.senders ?? []) {
      const p = shape(raw, SENDER);
      // In a group the group card is the name members see; a remark (displayName) is the exporter's own note.
      if (p?.senderID !== undefined && p.wxid) senders.set(String(p.senderID), { id: p.wxid, name: cleanName(p.groupNickname || p.nickname || p.displayName || '') });
    }
    let self: string | undefined;
    let i = 0;
    for (const raw of doc.messages) {
      i++;
      const m = shape(raw, MESSAGE);
      if (!m) { ctx.reportIssue({ reason: `message ${i} is not an object`, code: 'bad-row' }); continue; }
      // Epoch seconds, or milliseconds (beyond 1e11 s is year 5138).
      const time = m.createTime !== undefined ? epochMs(m.createTime, m.createTime > 1e11 ? 'ms' : 's') : parseTimestamp(m.formattedTime ?? '', ctx.zone);
      if (Number.isNaN(time)) { ctx.reportIssue({ reason: `message ${i}: no createTime`, code: 'bad-timestamp' }); continue; }
      const content = typeof m.content === 'string' ? m.content : '';
      const id = m.localId === undefined ? undefined : String(m.localId);
      const listed = m.senderID === undefined ? undefined : senders.get(String(m.senderID));
      if (m.type === '系统消息' || m.localType === 10000 || m.localType === 10002 || (m.isSend === null && !m.senderUsername && !listed)) {
        const fact = parseSystemLine(systemText(content));
        if (fact) yield* factEvents(fact, group, time, { id, self: self ?? ctx.me?.[0] });
        continue;
      }
      const name = cleanName(m.senderDisplayName ?? '') || listed?.name || '';
      const senderId = m.senderUsername || listed?.id || name;
      if (!senderId) { ctx.reportIssue({ reason: `message ${i}: no sender`, code: 'no-sender' }); continue; }
      const mine = m.isSend === 1 || m.isSend === true;
      if (mine && name) self = name;
      const kind = lookup(LABELS, m.type) ?? 'text';
      const ev: MessageEvent = { type: 'message', group, time, senderId, kind };
      if (mine) ev.fromSelf = true;
      if (name) ev.senderName = name;
      if (id !== undefined) ev.id = id;
      if (kind === 'text' && content.trim() && !looksLikeXml(content)) ev.text = content;
      yield ev;
    }
  },
} satisfies IngestAdapter;
