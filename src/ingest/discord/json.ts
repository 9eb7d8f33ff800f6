import type { GroupInfo, IngestEvent, MessageEvent, MessageKind, Role } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import { walkJson, type JsonPath } from '../json/stream.js';
import { isRecord, shape, type FieldType, type Shaped } from '../shape.js';
import type { IngestAdapter } from '../types.js';

const USER = { id: 'string', name: 'string', nickname: 'string', isBot: 'boolean', roles: 'array' } as const satisfies Record<string, FieldType>;

/**
 * Server roles (DiscordChatExporter 2.3x writes `author.roles: [{ name, … }]`) that make someone
 * the group's staff. Role names are the server's own: only the common staff words are read.
 */
const OWNER_ROLE = /^(?:owner|server owner|founder|群主|服主)$/i;
const ADMIN_ROLE = /^(?:admins?|administrators?|mods?|moderators?|staff|管理员?|版主|超管)$/i;

function staffRole(roles: unknown[] | undefined): Role | undefined {
  let role: Role | undefined;
  for (const r of roles ?? []) {
    const name = isRecord(r) && typeof r.name === 'string' ? r.name.trim() : '';
    if (OWNER_ROLE.test(name)) return 'owner';
    if (ADMIN_ROLE.test(name)) role = 'admin';
  }
  return role;
}
const MESSAGE = {
  id: 'string', type: 'string', timestamp: 'string', content: 'string', author: 'present',
  attachments: 'array', stickers: 'array', mentions: 'array', reference: 'record',
} as const satisfies Record<string, FieldType>;
type DceUser = Shaped<typeof USER>;
/** One message as far as we read it; nested users are shaped too. */
type DceMessage = Omit<Shaped<typeof MESSAGE>, 'author' | 'mentions'> & { author?: DceUser; mentions?: DceUser[] };

function dceMessage(v: unknown): DceMessage | null {
  const m = shape(v, MESSAGE);
  if (!m) return null;
  const { author, mentions, ...rest } = m;
  const out: DceMessage = rest;
  const a = shape(author, USER); if (a) out.author = a;
  if (mentions) out.mentions = mentions.map((u) => shape(u, USER)).filter((u): u is DceUser => u !== null);
  return out;
}

const isMessagePath = (p: JsonPath) => p.length === 2 && p[0] === 'messages';
const HEAD_KEYS = new Set(['id', 'name', 'type', 'categoryId', 'category']);
const isHeadScalar = (p: JsonPath) => p.length === 2 && (p[0] === 'guild' || p[0] === 'channel') && HEAD_KEYS.has(String(p[1]));
/** Kinds that are messages people write; the others are system notices (calls, renames, pins). */
const SPOKEN = new Set(['Default', 'Reply']);

export function attachmentKind(fileName: string): MessageKind {
  if (/\.(png|jpe?g|gif|webp|heic|bmp)$/i.test(fileName)) return 'image';
  if (/\.(mp4|mov|webm|mkv)$/i.test(fileName)) return 'video';
  if (/\.(ogg|mp3|m4a|wav|opus)$/i.test(fileName)) return 'voice';
  return 'file';
}

function kindOf(m: DceMessage): MessageKind {
  const first = m.attachments?.[0];
  const a = isRecord(first) && typeof first.fileName === 'string' ? first.fileName : '';
  if (a) return attachmentKind(a);
  if (m.stickers && m.stickers.length > 0) return 'sticker';
  return 'text';
}

export const discordJson = {
  id: 'discord-json',
  title: 'DiscordChatExporter JSON (one channel: guild, channel, messages[])',
  platform: 'discord',
  capabilities: {
    identity: 'ids', joins: true, replies: true,
    note: 'user snowflake ids; one-to-one DMs left out (personal chats); replies from reference.messageId; "Joined the server" (GuildMemberJoin, system channel only) and group-DM adds/removals as membership events; bots marked, and staff by their server role (Owner, Admin, Moderator, Staff…); no inviters',
  },
  kind: () => 'messages',
  detect(head) {
    const t = head.text.trimStart();
    if (!t.startsWith('{') || !/"guild"\s*:/.test(t) || !/"channel"\s*:/.test(t)) return 0;
    return /"messages"\s*:|"dateRange"\s*:/.test(t) ? 0.95 : 0.8;
  },
  async *read(source, ctx) {
    const head: Record<string, string> = {};
    let group: GroupInfo | null = null;
    let n = 0;
    for await (const piece of walkJson(source, isMessagePath, isHeadScalar)) {
      if (piece.kind === 'scalar') { if (piece.value !== null) head[piece.path.join('.')] = String(piece.value); continue; }
      n++;
      const m = dceMessage(piece.value);
      if (!m) { ctx.reportIssue({ line: piece.line, reason: `message #${n} is not an object`, code: 'bad-row' }); continue; }
      group ??= groupOf(head, source.fileName);
      const time = typeof m.timestamp === 'string' ? parseTimestamp(m.timestamp, ctx.zone) : NaN;
      if (Number.isNaN(time)) { ctx.reportIssue({ line: piece.line, reason: `message ${m.id ?? `#${n}`}: no readable timestamp`, code: 'bad-timestamp' }); continue; }
      const author = m.author?.id;
      if (!author) { ctx.reportIssue({ line: piece.line, reason: `message ${m.id ?? `#${n}`}: no author`, code: 'no-sender' }); continue; }
      const authorName = m.author?.nickname || m.author?.name || undefined;
      const events = membership(m, group, time, author, authorName);
      if (events) { yield* events; continue; }
      const ev: MessageEvent = { type: 'message', group, time, line: piece.line, senderId: author, kind: SPOKEN.has(m.type ?? 'Default') ? kindOf(m) : 'system' };
      if (authorName) ev.senderName = authorName;
      const role = m.author?.isBot ? 'bot' : staffRole(m.author?.roles);
      if (role) ev.senderRole = role;
      if (m.id) ev.id = m.id;
      if (m.content) ev.text = m.content;
      const ref = m.reference?.messageId; if (typeof ref === 'string' && ref) ev.replyTo = ref;
      const mentions = (m.mentions ?? []).map((u) => u.id).filter((id): id is string => typeof id === 'string');
      if (mentions.length) ev.mentions = mentions;
      yield ev;
    }
  },
} satisfies IngestAdapter;

/**
 * The group of a channel's export. A thread (`GuildPublicThread`, `GuildPrivateThread`,
 * `GuildNewsThread`; forum posts are public threads) is part of its parent channel: DCE writes the
 * parent's id as `categoryId` and its name as `category`, so `exportguild --include-threads` files
 * fold into the parent's group instead of each short-lived thread becoming a group that soon looks dead.
 */
function groupOf(head: Record<string, string>, fileName: string): GroupInfo {
  const thread = /Thread$/i.test(head['channel.type'] ?? '') && /^\d+$/.test(head['channel.categoryId'] ?? '');
  const id = thread ? head['channel.categoryId'] : head['channel.id'];
  const channel = (thread ? head['channel.category'] : undefined) ?? head['channel.name'] ?? fileName.replace(/\.json$/i, '');
  const guild = head['guild.name'];
  // Direct messages have the pseudo-guild "Direct Messages" (id 0): the channel alone names them.
  const name = guild && head['guild.id'] !== '0' ? `${guild} / #${channel}` : channel;
  // A one-to-one DM (DirectTextChat) is no group: left out with the personal-chats warning, as
  // Telegram's personal chats are (a group DM, DirectGroupTextChat, is a small group).
  return { id: id ?? name, name, platform: 'discord', ...(head['channel.type'] === 'DirectTextChat' ? { personal: true } : {}) };
}

/** Joins and group-DM adds/removals; the added or removed user is the message's first mention. */
function membership(m: DceMessage, group: GroupInfo, time: number, author: string, authorName: string | undefined): IngestEvent[] | null {
  const base = { type: 'membership' as const, group, time, ...(m.id ? { id: m.id } : {}) };
  const target = m.mentions?.[0];
  const targetName = target?.nickname || target?.name;
  switch (m.type) {
    case 'GuildMemberJoin':
      return [{ ...base, action: 'join', memberId: author, ...(authorName ? { memberName: authorName } : {}), method: 'unknown' }];
    case 'RecipientAdd':
      if (!target?.id) return null;
      return [{ ...base, action: 'join', memberId: target.id, ...(targetName ? { memberName: targetName } : {}), by: author, method: 'invite' }];
    case 'RecipientRemove':
      if (!target?.id || target.id === author) return [{ ...base, action: 'leave', memberId: author, ...(authorName ? { memberName: authorName } : {}) }];
      return [{ ...base, action: 'remove', memberId: target.id, ...(targetName ? { memberName: targetName } : {}), by: author }];
    default:
      return null;
  }
}
