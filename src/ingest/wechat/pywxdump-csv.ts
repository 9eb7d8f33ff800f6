import { isRecord, lookup } from '../shape.js';
import type { GroupInfo, IngestEvent, MessageEvent, MessageKind } from '../../core/model.js';
import { cell } from '../csv/rows.js';
import { fixedHeaderScore, timedRows } from './timed-rows.js';
import type { IngestAdapter } from '../types.js';
import { factEvents } from '../notices/events.js';
import { SELF, type SystemFact } from '../notices/facts.js';
import { parseSystemLine } from './system.js';
import { fileStem } from '../text/names.js';
import { looksLikeXml, systemText } from './xml.js';

/**
 * PyWxDump CSV (`<wxid>_<start>_<end>.csv`, pages of 5000 rows): `id,MsgSvrID,type_name,is_sender,
 * talker,room_name,msg,src,CreateTime`. talker is the sender's wxid (我 for the exporter, 系统 for
 * notices), room_name the chatroom id; msg is rendered text, a quote as `[引用](time)name:text`.
 * Older PyWxDump versions write one `content` column holding `{"src": …, "msg": …}` (WeClone's
 * example data); WeFlow's "weclone" CSV has no room_name (one chat per file). No column names the
 * senders: notices' display names cannot be tied to wxids without a member list (a note says so).
 */
const LAYOUTS = [
  ['id', 'MsgSvrID', 'type_name', 'is_sender', 'talker', 'room_name', 'msg', 'src', 'CreateTime'],
  ['id', 'MsgSvrID', 'type_name', 'is_sender', 'talker', 'room_name', 'content', 'CreateTime'],
  ['id', 'MsgSvrID', 'type_name', 'is_sender', 'talker', 'msg', 'src', 'CreateTime'],
] as const;
const COLUMNS = ['id', 'MsgSvrID', 'type_name', 'is_sender', 'talker', 'room_name', 'msg', 'src', 'content', 'CreateTime'] as const;

const LABELS: Record<string, MessageKind> = {
  '文本': 'text', '图片': 'image', '语音': 'voice', '视频': 'video', '动画表情': 'sticker', '文件': 'file',
  '卡片式链接': 'link', '名片': 'link', '位置': 'link', '小程序': 'link', '合并转发的聊天记录': 'link',
  '引用回复': 'text', '转账': 'link', '红包': 'link', '视频号': 'link', '语音/视频通话': 'system', '拍一拍': 'system',
};

export const wechatPywxdumpCsv = {
  id: 'wechat-pywxdump-csv',
  title: 'WeChat PyWxDump CSV',
  platform: 'wechat',
  capabilities: {
    identity: 'ids', joins: true, replies: false,
    note: 'senders by wxid, group by chatroom id (else the file name), message ids (MsgSvrID); joins and inviters from system notices by display name; quotes carry no message id; a chat with one person (no @chatroom id) is left out of the report',
  },
  kind: () => 'messages',
  detect: (head) => Math.max(...LAYOUTS.map((cols) => fixedHeaderScore(head, cols))),
  async *read(source, ctx) {
    const groups = new Map<string, GroupInfo>();
    const fallback = fileStem(source.fileName);
    /** The exporter's talker (is_sender 1: 我 in PyWxDump's own export, a wxid in others'), once seen. */
    let self: string | undefined;
    /** The first line whose notice named people joining or leaving, by display name. */
    let namedAt: number | undefined;
    const held: Held[] = [];
    for await (const { fields: f, line, col, time } of timedRows(source, ctx, COLUMNS, 'CreateTime')) {
      const room = cell(f, col.room_name), gid = room ?? fallback;
      let group = groups.get(gid);
      if (!group) {
        // A chatroom id ends in @chatroom; any other room is the wxid of the one person chatted with.
        group = { id: gid, name: gid, platform: 'wechat', ...(room !== undefined && !room.endsWith('@chatroom') ? { personal: true } : {}) };
        groups.set(gid, group);
      }
      const label = cell(f, col.type_name) ?? '文本';
      const msg = col.msg !== undefined ? (f[col.msg] ?? '') : col.content !== undefined ? contentMsg(f[col.content] ?? '') : '';
      const id = cell(f, col.MsgSvrID) ?? cell(f, col.id);
      const sender = cell(f, col.talker);
      if (label === '系统通知' || label === '邀请加群' || label.startsWith('消息撤回') || sender === '系统') {
        const fact = parseSystemLine(systemText(msg));
        if (fact && (fact.kind === 'join' || fact.kind === 'remove' || fact.kind === 'leave')) namedAt ??= line;
        if (!fact) continue;
        const opts = { ...(id === undefined ? {} : { id }), line };
        // 「你邀请…」 often comes before the exporter's first message: held until is_sender names them.
        if (self === undefined && mentionsSelf(fact)) held.push([fact, group, time, opts]);
        else yield* factEvents(fact, group, time, { ...opts, self });
        continue;
      }
      if (!sender || sender === '未知') { ctx.reportIssue({ line: line, reason: 'no sender (talker)', code: 'no-sender' }); continue; }
      const kind = lookup(LABELS, label) ?? 'text';
      const ev: MessageEvent = { type: 'message', group, time, line, senderId: sender, kind };
      // The exporter's own messages, as 留痕's IsSender and WeFlow's isSend mark them.
      if (cell(f, col.is_sender) === '1') {
        ev.fromSelf = true;
        if (self === undefined) { self = sender; yield* release(held, self); }
      }
      if (id !== undefined) ev.id = id;
      if (kind === 'text' && !looksLikeXml(msg)) {
        // "<reply>\n\n[引用](time)name:quoted" — only the reply is this sender's text.
        const text = msg.replace(/\n*\[引用\]\([^)]*\)[\s\S]*$/, '').trim();
        if (text) ev.text = text;
      }
      yield ev;
    }
    // Nobody marked as the exporter wrote: the user's name (--me), else 我.
    yield* release(held, ctx.me?.[0]);
    if (namedAt !== undefined) {
      ctx.reportIssue({
        line: namedAt,
        reason: 'notices name the people who join and leave by display name, and this export names senders only by wxid: without the group\'s member list (wxid and name) among the inputs, someone who joined or left and writes under a wxid counts twice in the roster, and invitations are not tied to what the invitees write',
        code: 'joins-by-name', counts: false, strict: false,
      });
    }
  },
} satisfies IngestAdapter;

type Held = [SystemFact, GroupInfo, number, { id?: string; line: number }];

/** Whether a fact speaks of the exporter ("你"). */
function mentionsSelf(fact: SystemFact): boolean {
  return ('by' in fact && fact.by === SELF) || ('members' in fact && fact.members.includes(SELF)) || ('member' in fact && fact.member === SELF);
}

/** The held facts as events, now that the exporter's key is known (or never will be); empties `held`. */
function* release(held: Held[], self: string | undefined): Generator<IngestEvent> {
  for (const [fact, group, time, opts] of held) yield* factEvents(fact, group, time, { ...opts, self });
  held.length = 0;
}

/** The `msg` of an older export's `content` cell (`{"src": "", "msg": "…"}`); the cell itself if it is no such JSON. */
function contentMsg(content: string): string {
  if (!content.startsWith('{')) return content;
  try {
    const v = JSON.parse(content) as unknown;
    return isRecord(v) && typeof v.msg === 'string' ? v.msg : content;
  } catch { return content; }
}
