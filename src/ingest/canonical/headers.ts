import { normHeader } from '../../core/parse.js';

/** Canonical columns and the header names (English and Chinese) that mean them. */
export const MESSAGE_COLUMNS = {
  message_id: ['message_id', 'messageid', 'msgid', 'id', '消息id', '消息编号'],
  group_id: ['group_id', 'groupid', 'chat_id', 'chatid', '群id', '群号', '群', 'talker'],
  group_name: ['group_name', 'groupname', 'chat_name', '群名', '群名称', '群聊名称'],
  timestamp: ['timestamp', 'time', 'date', 'datetime', 'created_at', '时间', '发送时间', '日期', '消息时间'],
  sender_id: ['sender_id', 'senderid', 'user_id', 'userid', 'from_id', 'authorid', '发送者id', '微信号', 'wxid', 'qq号', 'qq', '用户id'],
  sender_name: ['sender_name', 'sendername', 'sender', 'author', 'from', 'user', 'name', '发送者', '昵称', '发送人', '群昵称', '用户名'],
  role: ['role', 'sender_role', '角色', '身份'],
  type: ['type', 'kind', 'msg_type', '类型', '消息类型'],
  text: ['text', 'content', 'message', 'body', '内容', '消息内容', '消息', '文本'],
  reply_to: ['reply_to', 'replyto', 'reply_to_id', 'in_reply_to', '回复', '回复消息id', '引用'],
} as const;

export const MEMBER_COLUMNS = {
  group_id: MESSAGE_COLUMNS.group_id,
  group_name: MESSAGE_COLUMNS.group_name,
  member_id: ['member_id', 'memberid', 'user_id', 'userid', 'id', 'wxid', '微信号', '微信id', 'qq号', 'qq', '成员id', '用户id', 'uin', 'qq号码', '账号'],
  // The group's own name for a person first (群昵称, 群名片: the 群名片 carries qun.qq.com's 【群主】
  // title, the owner's role), the account's nickname after (fifth independent simulator).
  name: ['name', 'nickname', 'display_name', 'member_name', '群昵称', '群名片', '昵称', '姓名', '名称', '备注', '微信昵称', '成员昵称', 'group_nickname'],
  // The name when the name cell is empty: qun.qq.com leaves 群名片 empty for members who set
  // none, and its 成员 column holds the QQ nickname; likewise 昵称 beside 群昵称.
  alt_name: ['成员', '昵称', 'nickname', '微信昵称', 'qq昵称', '成员昵称'],
  role: ['role', '角色', '身份'],
  joined_at: ['joined_at', 'joinedat', 'join_time', 'join_date', '入群时间', '加入时间', '进群时间', '入群日期', '加群时间'],
  left_at: ['left_at', 'leftat', 'leave_time', '退群时间', '离开时间', '退出时间'],
  invited_by: ['invited_by', 'invitedby', 'inviter', 'inviter_id', '邀请人', '邀请者', '邀请人id', '邀请人wxid', '邀请人昵称'],
  join_method: ['join_method', 'joinmethod', 'method', '入群方式', '加入方式'],
} as const;

export type ColumnMap<K extends string> = Partial<Record<K, number>>;

/** Map a header row onto canonical columns; the first matching header wins, unknown ones are ignored. */
export function mapColumns<K extends string>(
  header: string[],
  columns: Record<K, readonly string[]>,
): { map: ColumnMap<K>; duplicates: string[] } {
  const map: ColumnMap<K> = {};
  const duplicates: string[] = [];
  const normed = header.map(normHeader);
  // Exact canonical names first, then aliases in order, so "id" does not steal "message_id".
  for (const key of Object.keys(columns) as K[]) {
    const aliases = columns[key].map(normHeader);
    for (const alias of aliases) {
      const idx = normed.indexOf(alias);
      if (idx >= 0 && !Object.values(map).includes(idx)) {
        map[key] = idx;
        if (normed.indexOf(alias, idx + 1) >= 0) duplicates.push(header[idx]!);
        break;
      }
    }
  }
  return { map, duplicates };
}

/** Is this header row a messages CSV (time + sender) or a member list (member id/name, no time)? */
export function classifyHeader(header: string[]): 'messages' | 'members' | null {
  const m = mapColumns(header, MESSAGE_COLUMNS).map;
  const hasTime = m.timestamp !== undefined;
  const hasSender = m.sender_id !== undefined || m.sender_name !== undefined;
  const hasText = m.text !== undefined || m.type !== undefined;
  if (hasTime && hasSender && hasText) return 'messages';
  const mm = mapColumns(header, MEMBER_COLUMNS).map;
  // A column of message text is no member list's (an export of messages with a header we do not
  // know, such as `id,…,talker,…,content`, read as members would make a group of every sender).
  const memberOnly = mm.joined_at !== undefined || mm.left_at !== undefined || mm.role !== undefined || mm.invited_by !== undefined;
  if (m.text !== undefined && !memberOnly) return hasTime && hasSender ? 'messages' : null;
  if (mm.member_id !== undefined || mm.name !== undefined) {
    if (mm.joined_at !== undefined || mm.role !== undefined || mm.invited_by !== undefined || mm.member_id !== undefined) return 'members';
  }
  if (hasTime && hasSender) return 'messages';
  return null;
}
