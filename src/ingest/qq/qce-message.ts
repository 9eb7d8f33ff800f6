import type { MessageKind } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { Zone } from '../../core/time.js';
import { epochMs, isRecord, type Shaped } from '../shape.js';

/**
 * One message of a qq-chat-exporter (QCE) JSON export, in both generations the exporter has
 * written (docs/formats.md, "QQ"):
 *  - CleanMessage (V4 SimpleMessageParser, V5 JsonExporter, V6 Rust core): `id`, `seq`,
 *    `timestamp` in ms, `time`, `sender {uid, uin, name, nickname, groupCard, remark}`, `type`
 *    (`type_1`… or `text`/`system`…), `content {text, elements, resources, mentions}`, `recalled`,
 *    `system`;
 *  - the parsed message the streaming exporter wrote before V5 (issue #218): `messageId`,
 *    `timestamp` as an ISO string, `messageType` (the NT number), `isSystemMessage`, `isRecalled`,
 *    `content.reply`, `rawMessage {senderUin, sendNickName, sendMemberName}`.
 */
export const QCE_FIELDS = {
  id: 'id', messageId: 'id', timestamp: 'id', time: 'string', sender: 'record', rawMessage: 'record',
  type: 'string', messageType: 'number', content: 'record',
  recalled: 'boolean', isRecalled: 'boolean', system: 'boolean', isSystemMessage: 'boolean',
} as const;
export type QceMessage = Shaped<typeof QCE_FIELDS>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const records = (v: unknown): Record<string, unknown>[] => list(v).filter(isRecord);

/** A QQ number: digits, and not the "0" that system messages carry as sender. */
export const uinOf = (v: unknown): string | undefined => { const s = str(v); return s !== undefined && /^\d+$/.test(s) && s !== '0' ? s : undefined; };
/** An NT uid ("u_…"): not the "未知" (unknown) or "0" QCE writes for a gray tip's missing sender. */
export const uidOf = (v: unknown): string | undefined => { const s = str(v); return s !== undefined && s !== '未知' && s !== '0' ? s : undefined; };

/** Who sent a message, as the export says it: ids and the names the export shows. QCE states no
 *  roles (`sender.title` is the 群头衔, a title the owner hands out, not owner or admin). */
export interface QceSender {
  uin?: string;
  uid?: string;
  /** The display name: group card (群名片) first, then the name QCE chose, then the nickname. */
  name?: string;
  /** Every name the member goes by here (card, nickname, remark): gray tips name people by any. */
  names: string[];
}

/** Names that only stand in for a missing sender (the exporter's placeholders). */
const NO_NAME = new Set(['0', '未知', '未知用户', '系统消息']);

export function senderOf(m: QceMessage): QceSender {
  const s = isRecord(m.sender) ? m.sender : {};
  const raw = isRecord(m.rawMessage) ? m.rawMessage : {};
  const uin = uinOf(s.uin) ?? uinOf(raw.senderUin);
  const uid = uidOf(s.uid) ?? uidOf(raw.senderUid);
  // QCE falls back to the QQ number or uid for `name` when a sender has no name at all.
  const named = (v: unknown) => { const n = str(v); return n !== undefined && !NO_NAME.has(n) && n !== uin && n !== uid ? n : undefined; };
  const names = [s.groupCard, raw.sendMemberName, s.name, s.nickname, s.remark, raw.sendNickName].map(named).filter((n): n is string => n !== undefined);
  const out: QceSender = { names: [...new Set(names)] };
  if (uin !== undefined) out.uin = uin;
  if (uid !== undefined) out.uid = uid;
  if (names[0] !== undefined) out.name = names[0];
  return out;
}

/**
 * The instant of a message: `timestamp` (ms since V4; an ISO string in the older shape; seconds
 * read as seconds), else `time` (RFC 3339 in UTC from the Rust core; the exporting PC's wall clock
 * from the V5 TypeScript exporter, read in the report's zone). NaN when neither is readable.
 */
export function timeOf(m: QceMessage, zone: Zone): number {
  const t = m.timestamp;
  if (typeof t === 'number') return epochMs(t, t > 1e11 ? 'ms' : 's');
  if (typeof t === 'string' && /^\d+$/.test(t.trim())) return epochMs(Number(t), Number(t) > 1e11 ? 'ms' : 's');
  if (typeof t === 'string') { const v = parseTimestamp(t, zone); if (v === v) return v; }
  return typeof m.time === 'string' ? parseTimestamp(m.time, zone) : NaN;
}

export const isSystem = (m: QceMessage): boolean => m.system === true || m.isSystemMessage === true || m.type === 'system' || m.messageType === 5;
export const isRecalled = (m: QceMessage): boolean => m.recalled === true || m.isRecalled === true;
export const messageId = (m: QceMessage): string | undefined => str(m.id) ?? str(m.messageId);

export function contentOf(m: QceMessage): { text: string; elements: Record<string, unknown>[]; resources: Record<string, unknown>[] } {
  const c = isRecord(m.content) ? m.content : {};
  return { text: typeof c.text === 'string' ? c.text : '', elements: records(c.elements), resources: records(c.resources) };
}

/** Media by element or resource type (QCE names audio "audio"; ChatLab's readers accept "voice"). */
const MEDIA: Record<string, MessageKind> = {
  image: 'image', video: 'video', audio: 'voice', voice: 'voice', file: 'file',
  market_face: 'sticker', marketFace: 'sticker', json: 'link', forward: 'link', location: 'link',
};
/** What `type` (V5 `type_N`, V6 words) or the NT `messageType` says when the elements do not. */
const BY_TYPE: Record<string, MessageKind> = {
  type_6: 'voice', audio: 'voice', type_9: 'video', video: 'video', type_8: 'file', file: 'file',
  type_7: 'link', json: 'link', type_11: 'link', forward: 'link', type_17: 'link',
  '3': 'file', '4': 'link', '6': 'voice', '7': 'video', '8': 'link', '11': 'link',
};

export function kindOf(m: QceMessage): MessageKind {
  const { elements, resources } = contentOf(m);
  for (const e of [...resources, ...elements]) {
    const type = str(e.type) ?? '';
    const data = isRecord(e.data) ? e.data : {};
    // A custom sticker is a picture (picSubType 1, issue #510 of QCE).
    if (type === 'image' && data.subType === 'sticker') return 'sticker';
    if (Object.hasOwn(MEDIA, type)) return MEDIA[type]!;
  }
  // Only small faces: a sticker, as WeChat's [表情].
  if (elements.length > 0 && elements.every((e) => e.type === 'face')) return 'sticker';
  const byType = str(m.type) ?? (m.messageType === undefined ? undefined : String(m.messageType));
  return byType !== undefined && Object.hasOwn(BY_TYPE, byType) ? BY_TYPE[byType]! : 'text';
}

/** The id of the message replied to: the reply element's referencedMessageId (the replied
 *  message's own id), else its messageId; "0" is QCE's "not found". */
export function replyOf(m: QceMessage): string | undefined {
  const c = isRecord(m.content) ? m.content : {};
  const reply = records(c.elements).find((e) => e.type === 'reply');
  const data = reply && isRecord(reply.data) ? reply.data : isRecord(c.reply) ? c.reply : undefined;
  if (!data) return undefined;
  const id = str(data.referencedMessageId) ?? str(data.messageId);
  return id === '0' ? undefined : id;
}

/** The members a message @-mentions: uid, QQ number where the element carries it, and the name. */
export interface QceMention { uid?: string; uin?: string; name?: string }

export function mentionsOf(m: QceMessage): QceMention[] {
  const c = isRecord(m.content) ? m.content : {};
  const out: QceMention[] = [];
  const seen = new Set<string>();
  // `at` elements (V6) carry the QQ number too; `mentions` (all versions) the uid and name.
  for (const e of [...records(c.elements).filter((x) => x.type === 'at').map((x) => (isRecord(x.data) ? x.data : {})), ...records(c.mentions)]) {
    if (e.type === 'all' || e.uid === 'all') continue;
    const mention: QceMention = {};
    const uid = uidOf(e.uid), uin = uinOf(e.uin), name = str(e.name);
    if (uid !== undefined && uid !== 'unknown') mention.uid = uid;
    if (uin !== undefined) mention.uin = uin;
    if (name !== undefined) mention.name = name.replace(/^@/, '');
    const k = mention.uid ?? mention.uin ?? mention.name;
    if (k === undefined || seen.has(k)) continue;
    seen.add(k);
    out.push(mention);
  }
  return out;
}

/**
 * The people a gray tip names, as the V6 exporter keeps them: `items` of type "qq" (the name shown
 * and the uid), and in `originalData` the XML of QQ's tip, whose `<qq uin="u_…" jp="12345"/>`
 * pairs a uid with its QQ number (simple_parser.rs, gray_tip_tests).
 */
export function tipPeople(m: QceMessage): { uids: Map<string, string>; uins: Map<string, string> } {
  const uids = new Map<string, string>(), uins = new Map<string, string>();
  for (const e of contentOf(m).elements) {
    if (e.type !== 'system' || !isRecord(e.data)) continue;
    for (const item of records(e.data.items)) {
      const name = str(item.text), uid = uidOf(item.uid);
      if (item.type === 'qq' && name !== undefined && uid !== undefined) uids.set(name, uid);
    }
    const raw = isRecord(e.data.originalData) && isRecord(e.data.originalData.xmlElement) ? e.data.originalData.xmlElement.xmlStr : undefined;
    if (typeof raw !== 'string') continue;
    for (const tag of raw.matchAll(/<qq\b[^>]*>/g)) {
      const uid = /\buin="([^"]+)"/.exec(tag[0])?.[1], uin = uinOf(/\bjp="([^"]+)"/.exec(tag[0])?.[1]);
      if (uid !== undefined && uin !== undefined) uins.set(uid, uin);
    }
  }
  return { uids, uins };
}
