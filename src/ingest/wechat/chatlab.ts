import type { GroupInfo, IngestEvent, MessageEvent, MessageKind, Role } from '../../core/model.js';
import { parseQqSystem } from '../qq/system.js';
import { epochMs, isRecord, lookup, shape, type FieldType } from '../shape.js';
import type { ReadContext } from '../types.js';
import { factEvents } from '../notices/events.js';
import { parseSystemLine } from './system.js';
import { cleanName } from '../text/names.js';
import { looksLikeXml } from './xml.js';

/**
 * The ChatLab standard format v0.0.2 (JSON and JSONL share it): `chatlab` header, `meta`,
 * `members` with roles, `messages` with numeric types, platform ids and reply ids. WeFlow can write
 * it for WeChat; ChatLab writes it for QQ and others, so system lines try both platforms' wording.
 */
const META = { name: 'string', platform: 'string', type: 'string', groupId: 'id', ownerId: 'string' } as const satisfies Record<string, FieldType>;
const MEMBER = { platformId: 'id', accountName: 'string', groupNickname: 'string', roles: 'array' } as const satisfies Record<string, FieldType>;
const MESSAGE = {
  sender: 'id', accountName: 'string', groupNickname: 'string', timestamp: 'number', type: 'number',
  content: 'string', platformMessageId: 'id', replyToMessageId: 'id',
} as const satisfies Record<string, FieldType>;

const TYPES: Record<number, MessageKind> = {
  0: 'text', 1: 'image', 2: 'voice', 3: 'video', 4: 'file', 5: 'sticker', 7: 'link', 8: 'link',
  20: 'link', 21: 'link', 22: 'system', 23: 'system', 24: 'link', 25: 'text', 26: 'link', 27: 'link',
  80: 'system', 81: 'recall', 99: 'text',
};

export function chatlabGroup(raw: unknown, fallback: string): GroupInfo {
  const meta = shape(raw, META) ?? {};
  return { id: (meta.groupId === undefined ? '' : String(meta.groupId)) || meta.name || fallback, name: meta.name || fallback, platform: meta.platform || 'chatlab' };
}

/** Owners and admins among the members, as a group event (meta.ownerId may be the exporter: not used). */
export function chatlabRoles(group: GroupInfo, members: unknown[]): IngestEvent[] {
  const roles: { memberId: string; name?: string; role: Role }[] = [];
  for (const raw of members) {
    const m = shape(raw, MEMBER);
    if (!m || m.platformId === undefined || m.platformId === '') continue;
    const ids = (m.roles ?? []).map((r) => (isRecord(r) ? r.id : undefined));
    const role: Role | undefined = ids.includes('owner') ? 'owner' : ids.includes('admin') ? 'admin' : undefined;
    if (role) roles.push({ memberId: String(m.platformId), name: cleanName(m.groupNickname || m.accountName || ''), role });
  }
  return roles.length ? [{ type: 'group', group, roles }] : [];
}

/** One message as events; a bad one is reported and skipped. */
export function chatlabMessage(raw: unknown, group: GroupInfo, ctx: ReadContext, where: { line?: number; index?: number }): IngestEvent[] {
  const at = where.line !== undefined ? { line: where.line } : {};
  const label = where.line !== undefined ? `line ${where.line}` : `message ${where.index}`;
  const m = shape(raw, MESSAGE);
  if (!m) { ctx.reportIssue({ ...at, reason: `${label} is not an object`, code: 'bad-row' }); return []; }
  if (m.timestamp === undefined) { ctx.reportIssue({ ...at, reason: `${label}: no timestamp`, code: 'bad-timestamp' }); return []; }
  // The standard says seconds; a value in milliseconds would land in the far future.
  const time = epochMs(m.timestamp, m.timestamp > 1e12 ? 'ms' : 's');
  if (Number.isNaN(time)) { ctx.reportIssue({ ...at, reason: `${label}: timestamp out of range`, code: 'bad-timestamp' }); return []; }
  const content = typeof m.content === 'string' ? m.content : '';
  const id = m.platformMessageId === undefined ? undefined : String(m.platformMessageId);
  const kind = lookup(TYPES, m.type ?? 0) ?? 'text';
  if (kind === 'system' && (m.type === 80 || !m.sender)) {
    const fact = parseSystemLine(content) ?? parseQqSystem(content);
    return fact ? factEvents(fact, group, time, { self: ctx.me?.[0], ...(id === undefined ? {} : { id }), ...(where.line === undefined ? {} : { line: where.line }) }) : [];
  }
  const name = cleanName(m.groupNickname || m.accountName || '');
  const senderId = (m.sender === undefined ? '' : String(m.sender)) || name;
  if (!senderId) { ctx.reportIssue({ ...at, reason: `${label}: no sender`, code: 'no-sender' }); return []; }
  const ev: MessageEvent = { type: 'message', group, time, senderId, kind };
  if (where.line !== undefined) ev.line = where.line;
  if (name) ev.senderName = name;
  if (id !== undefined) ev.id = id;
  if (m.replyToMessageId !== undefined && m.replyToMessageId !== '') ev.replyTo = String(m.replyToMessageId);
  if (kind === 'text' && content.trim() && !looksLikeXml(content)) ev.text = content;
  return [ev];
}
