import type { GroupInfo, IngestEvent, MessageEvent, MessageKind, Role } from '../../core/model.js';
import { parseQqSystem } from '../qq/system.js';
import type { ReadContext } from '../types.js';
import { factEvents } from './events.js';
import { parseSystemLine } from './system.js';
import { cleanName } from './text.js';
import { looksLikeXml } from './xml.js';

/**
 * The ChatLab standard format v0.0.2 (JSON and JSONL share it): `chatlab` header, `meta`,
 * `members` with roles, `messages` with numeric types, platform ids and reply ids. WeFlow can write
 * it for WeChat; ChatLab writes it for QQ and others, so system lines try both platforms' wording.
 */
export interface ChatlabMeta { name?: string; platform?: string; type?: string; groupId?: string; ownerId?: string }
export interface ChatlabMember { platformId?: string; accountName?: string; groupNickname?: string; roles?: { id?: string }[] }
export interface ChatlabMessage {
  sender?: string; accountName?: string; groupNickname?: string; timestamp?: number; type?: number;
  content?: string | null; platformMessageId?: string | number; replyToMessageId?: string | number;
}

const TYPES: Record<number, MessageKind> = {
  0: 'text', 1: 'image', 2: 'voice', 3: 'video', 4: 'file', 5: 'sticker', 7: 'link', 8: 'link',
  20: 'link', 21: 'link', 22: 'system', 23: 'system', 24: 'link', 25: 'text', 26: 'link', 27: 'link',
  80: 'system', 81: 'recall', 99: 'text',
};

export function chatlabGroup(meta: ChatlabMeta, fallback: string): GroupInfo {
  return { id: meta.groupId || meta.name || fallback, name: meta.name || fallback, platform: meta.platform || 'chatlab' };
}

/** Owners and admins among the members, as a group event (meta.ownerId may be the exporter: not used). */
export function chatlabRoles(group: GroupInfo, members: ChatlabMember[]): IngestEvent[] {
  const roles: { memberId: string; name?: string; role: Role }[] = [];
  for (const m of members) {
    if (!m.platformId) continue;
    const ids = (m.roles ?? []).map((r) => r.id);
    const role: Role | undefined = ids.includes('owner') ? 'owner' : ids.includes('admin') ? 'admin' : undefined;
    if (role) roles.push({ memberId: m.platformId, name: cleanName(m.groupNickname || m.accountName || ''), role });
  }
  return roles.length ? [{ type: 'group', group, roles }] : [];
}

/** One message as events; a bad one is reported and skipped. */
export function chatlabMessage(m: ChatlabMessage, group: GroupInfo, ctx: ReadContext, where: { line?: number; index?: number }): IngestEvent[] {
  const at = where.line !== undefined ? { line: where.line } : {};
  const label = where.line !== undefined ? `line ${where.line}` : `message ${where.index}`;
  if (typeof m !== 'object' || m === null) { ctx.reportIssue({ ...at, reason: `${label} is not an object`, code: 'bad-row' }); return []; }
  if (typeof m.timestamp !== 'number') { ctx.reportIssue({ ...at, reason: `${label}: no timestamp`, code: 'bad-timestamp' }); return []; }
  // The standard says seconds; a value in milliseconds would land in the far future.
  const time = m.timestamp > 1e12 ? m.timestamp : m.timestamp * 1000;
  const content = typeof m.content === 'string' ? m.content : '';
  const id = m.platformMessageId === undefined ? undefined : String(m.platformMessageId);
  const kind = TYPES[m.type ?? 0] ?? 'text';
  if (kind === 'system' && (m.type === 80 || !m.sender)) {
    const fact = parseSystemLine(content) ?? parseQqSystem(content);
    return fact ? factEvents(fact, group, time, id === undefined ? {} : { id }) : [];
  }
  const name = cleanName(m.groupNickname || m.accountName || '');
  const senderId = m.sender || name;
  if (!senderId) { ctx.reportIssue({ ...at, reason: `${label}: no sender`, code: 'no-sender' }); return []; }
  const ev: MessageEvent = { type: 'message', group, time, senderId, kind };
  if (name) ev.senderName = name;
  if (id !== undefined) ev.id = id;
  if (m.replyToMessageId !== undefined && m.replyToMessageId !== '') ev.replyTo = String(m.replyToMessageId);
  if (kind === 'text' && content.trim() && !looksLikeXml(content)) ev.text = content;
  return [ev];
}
