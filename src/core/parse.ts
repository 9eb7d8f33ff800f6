import { MESSAGE_KINDS, type MessageKind, type Role, type JoinMethod } from './model.js';

/** Roles as exports and spreadsheets write them, in English and Chinese. */
const ROLE_ALIASES: Record<string, Role> = {
  owner: 'owner', creator: 'owner', '群主': 'owner', '创建者': 'owner',
  admin: 'admin', administrator: 'admin', moderator: 'admin', mod: 'admin', '管理员': 'admin', '管理': 'admin',
  member: 'member', user: 'member', '成员': 'member', '群成员': 'member', '普通成员': 'member',
  bot: 'bot', robot: 'bot', '机器人': 'bot',
};

/** The last cell parseRole read and its role: a member list says "member" row after row. */
let lastRoleCell = '', lastRole: Role | undefined;

export function parseRole(raw: string | undefined): Role | undefined {
  if (!raw) return undefined;
  if (raw === lastRoleCell) return lastRole;
  const k = raw.trim().toLowerCase();
  // Own keys only: a cell saying "constructor" is not a role.
  lastRole = Object.hasOwn(ROLE_ALIASES, k) ? ROLE_ALIASES[k] : undefined;
  lastRoleCell = raw;
  return lastRole;
}

const KIND_ALIASES: Record<string, MessageKind> = {
  '文本': 'text', '图片': 'image', 'photo': 'image', 'picture': 'image', '语音': 'voice', 'audio': 'voice',
  '视频': 'video', '文件': 'file', 'document': 'file', '链接': 'link', 'url': 'link', '表情': 'sticker',
  'emoji': 'sticker', '系统': 'system', '系统消息': 'system', 'service': 'system', '撤回': 'recall',
};

/** Message kinds; anything unknown is text (the rule), empty is text. */
export function parseKind(raw: string | undefined): MessageKind {
  if (!raw) return 'text';
  const k = raw.trim().toLowerCase();
  if ((MESSAGE_KINDS as readonly string[]).includes(k)) return k as MessageKind;
  return (Object.hasOwn(KIND_ALIASES, k) ? KIND_ALIASES[k] : undefined) ?? 'text';
}

export function parseJoinMethod(raw: string | undefined): JoinMethod | undefined {
  if (!raw) return undefined;
  const k = raw.trim().toLowerCase();
  if (k === 'invite' || k === '邀请') return 'invite';
  if (k === 'qr' || k === 'qrcode' || k === '二维码' || k === '扫码') return 'qr';
  if (k === 'link' || k === '链接') return 'link';
  return 'unknown';
}

/** Header normalisation for alias matching: case-, space-, underscore- and BOM-insensitive. */
export function normHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/[\s_\-()（）]/g, '').toLowerCase();
}
