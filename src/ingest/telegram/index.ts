import type { GroupInfo, IngestEvent, MessageEvent } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import type { IngestAdapter, ReadContext, Source } from '../types.js';
import { walkJsonBatches, type JsonPath } from '../json/stream.js';
import { epochMs, shape } from '../shape.js';
import { kindOf, mentionIds, peerIds, plainText, TG_FIELDS, type TgMessage } from './message.js';
import { resolvePending, serviceEvents, type PendingMembership } from './service.js';

/** A chat object: the root of a one-chat export, or `chats.list[i]` / `left_chats.list[i]` of an account export. */
function isChatPath(p: JsonPath): boolean {
  return p.length === 0 || (p.length === 3 && (p[0] === 'chats' || p[0] === 'left_chats') && p[1] === 'list' && typeof p[2] === 'number');
}
const isMessagePath = (p: JsonPath) => p.length >= 2 && p[p.length - 2] === 'messages' && typeof p[p.length - 1] === 'number' && isChatPath(p.slice(0, -2));
const CHAT_KEYS = new Set(['name', 'type', 'id']);
/**
 * Chat types that are no group: one person talking to another (or to themselves, or to a bot), and
 * broadcast channels (only their admins post; a channel's discussion is a supergroup of its own in
 * the export). Read, and left out of the report.
 */
const NOT_GROUPS = new Set(['personal_chat', 'saved_messages', 'bot_chat', 'public_channel', 'private_channel']);
const isChatScalar = (p: JsonPath) => p.length >= 1 && CHAT_KEYS.has(String(p[p.length - 1])) && isChatPath(p.slice(0, -1));

function timeOf(m: TgMessage, ctx: ReadContext): number {
  // date_unixtime is exact; `date` is the exporting machine's wall clock, read in the report's zone.
  if (typeof m.date_unixtime === 'string' && /^\d+$/.test(m.date_unixtime)) return epochMs(Number(m.date_unixtime));
  return typeof m.date === 'string' ? parseTimestamp(m.date, ctx.zone) : NaN;
}

export const telegramJson = {
  id: 'telegram-json',
  title: 'Telegram Desktop export, JSON (result.json: one chat or the whole account)',
  platform: 'telegram',
  capabilities: {
    identity: 'ids', joins: true, replies: true,
    note: 'user ids (from_id); invites, joins by link and removals with the inviter (names resolved to ids within the chat); every group of an account export is a group; personal chats, saved messages, bot chats (1:1) and broadcast channels (only their admins post) are left out of the report with a warning; messages tdesktop could not export ("unsupported", only an id) are left out',
  },
  kind: () => 'messages',
  detect(head) {
    const t = head.text.trimStart();
    if (!t.startsWith('{')) return 0;
    const named = /(^|[\\/!])result\.json$/i.test(head.path) ? 0.04 : 0;
    if (/"personal_information"\s*:/.test(t) || (/"messages"\s*:/.test(t) && /"text_entities"\s*:|"date_unixtime"\s*:|"from_id"\s*:\s*"(user|channel|chat)\d/.test(t))) return 0.95 + named;
    if (/"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|bot_chat)"/.test(t)) return 0.85 + named;
    return 0;
  },
  async *read(source, ctx) {
    for await (const batch of readBatches(source, ctx)) yield* batch;
  },
  readBatches,
} satisfies IngestAdapter;

/** The events of an export, a decoded chunk's at a time (one await per chunk, not per event). */
async function* readBatches(source: Source, ctx: ReadContext): AsyncGenerator<IngestEvent[]> {
    /** The path of the chat the last piece belonged to. */
    let chatPath: JsonPath | null = null;
    let chat: { name?: string; type?: string; id?: string } = {};
    let group: GroupInfo | null = null;
    let pending: PendingMembership[] = [];
    let ids = new Map<string, string | null>();
    /** The id messages posted as the chat itself carry (`channel<chat id>`), or null. */
    let self: string | null = null;
    const fallback = source.fileName.replace(/\.json$/i, '');
    /** Ids of a forum's "topic_created" messages: every post in a topic replies to its topic's. */
    let topics = new Set<string>();
    const endChat = () => { const evs = resolvePending(pending, ids); pending = []; ids = new Map(); topics = new Set(); group = null; return evs; };
    let n = 0;
    // People an action adds with no name (null or "": deleted accounts): not counted, said once.
    let nameless = 0, firstNameless = 0;
    for await (const pieces of walkJsonBatches(source, isMessagePath, isChatScalar)) {
    const out: IngestEvent[] = [];
    for (const piece of pieces) {
      const at = piece.path.length - (piece.kind === 'item' ? 2 : 1);
      if (chatPath === null || !isPrefix(chatPath, piece.path, at)) { out.push(...endChat()); chatPath = piece.path.slice(0, at); chat = {}; }
      if (piece.kind === 'scalar') {
        const k = piece.path[piece.path.length - 1] as 'name' | 'type' | 'id';
        if (piece.value !== null) chat[k] = String(piece.value);
        continue;
      }
      n++;
      const shaped = shape(piece.value, TG_FIELDS);
      if (!shaped) { ctx.reportIssue({ line: piece.line, reason: `message #${n} is not an object`, code: 'bad-row' }); continue; }
      const msg = peerIds(shaped);
      // A message this tdesktop could not export (a type newer than it; only the id is written):
      // part of a valid export, not a bad row. Left out without an issue, which --strict would
      // make fatal.
      if (msg.type === 'unsupported') continue;
      if (group === null) {
        group = { id: chat.id ?? chat.name ?? fallback, name: chat.name ?? fallback, platform: 'telegram', ...(NOT_GROUPS.has(chat.type ?? '') ? { personal: true } : {}) };
        self = selfPeer(chat.id);
      }
      // Names are learnt even from rows skipped below: they resolve invitees named in service actions.
      if (msg.from_id && msg.from) noteName(ids, msg.from, msg.from_id);
      if (msg.actor_id && msg.actor) noteName(ids, msg.actor, msg.actor_id);
      const time = timeOf(msg, ctx);
      const id = msg.id === undefined ? undefined : String(msg.id);
      if (Number.isNaN(time)) { ctx.reportIssue({ line: piece.line, reason: `message ${id ?? `#${n}`}: no readable date`, code: 'bad-timestamp' }); continue; }
      if (msg.type === 'service') {
        if (msg.action === 'topic_created' && id !== undefined) topics.add(id);
        if (msg.action === 'invite_members' || msg.action === 'create_group') {
          const without = (msg.members ?? []).filter((x) => typeof x !== 'string' || x === '').length;
          if (without && !nameless) firstNameless = piece.line;
          nameless += without;
        }
        // The chat acting as itself (migrate_from_group, an anonymous admin) is nobody: its joins
        // and removals count without an actor, its other actions not at all.
        const bySelf = self !== null && msg.actor_id === self;
        if (serviceEvents(bySelf ? withoutActor(msg) : msg, group, time, id, pending, out)) continue;
        if (bySelf) continue;
        const actor = msg.actor_id || msg.actor;
        if (!actor) continue;
        // Pins, renames, calls…: the actor did something, counted apart from messages as "system".
        const ev: MessageEvent = { type: 'message', group, time, line: piece.line, senderId: actor, kind: 'system' };
        if (msg.actor) ev.senderName = msg.actor;
        if (id !== undefined) ev.id = id;
        out.push(ev);
        continue;
      }
      const sender = msg.from_id || msg.from || undefined;
      if (!sender) { ctx.reportIssue({ line: piece.line, reason: `message ${id ?? `#${n}`}: no sender`, code: 'no-sender' }); continue; }
      const ev: MessageEvent = { type: 'message', group, time, line: piece.line, senderId: sender, kind: kindOf(msg) };
      if (msg.from) ev.senderName = msg.from;
      // Anonymous admins post as the group itself: staff, whoever they are (in a channel, its posts).
      if (self !== null && sender === self) ev.senderRole = 'admin';
      if (id !== undefined) ev.id = id;
      const text = plainText(msg.text); if (text) ev.text = text;
      // A post in a forum's topic "replies" to the topic's creation: a label, not an answer to anyone.
      if (msg.reply_to_message_id !== undefined && !topics.has(String(msg.reply_to_message_id))) ev.replyTo = String(msg.reply_to_message_id);
      const mentions = mentionIds(msg.text_entities); if (mentions.length) ev.mentions = mentions;
      out.push(ev);
    }
    if (out.length) yield out;
    }
    const last = endChat();
    if (last.length) yield last;
    if (nameless > 0) {
      ctx.reportIssue({
        line: firstNameless,
        reason: `${nameless} ${nameless === 1 ? 'person was' : 'people were'} added without a name (deleted accounts; the first on this line): not in the roster, joins or invitations, which may be short by as many`,
        code: 'nameless-members', counts: false, strict: false,
      });
    }
}

/**
 * The peer id of the chat itself: anonymous admins of a supergroup, and a channel's own posts, are
 * written `from_id: "channel<id>"` with the chat's own id (exports write it bare; an id written the
 * Bot API way, -100<id>, is read too).
 */
function selfPeer(chatId: string | undefined): string | null {
  const m = chatId === undefined ? null : /^(?:-100)?(\d+)$/.exec(chatId);
  return m ? `channel${m[1]}` : null;
}

function withoutActor(m: TgMessage): TgMessage {
  const c = { ...m };
  delete c.actor; delete c.actor_id;
  return c;
}

/** Is `chat` the first `length` steps of `path`? (A piece's chat, compared without a string per piece.) */
function isPrefix(chat: JsonPath, path: JsonPath, length: number): boolean {
  if (chat.length !== length) return false;
  for (let k = 0; k < length; k++) if (chat[k] !== path[k]) return false;
  return true;
}

/** Remember which id a display name belongs to; a name used by two ids is ambiguous (null). */
function noteName(ids: Map<string, string | null>, name: string, id: string): void {
  const had = ids.get(name);
  if (had === undefined) ids.set(name, id);
  else if (had !== null && had !== id) ids.set(name, null);
}
