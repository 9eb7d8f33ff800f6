import { epochMs, isRecord } from '../shape.js';
import { UserError } from '../../core/errors.js';
import type { GroupInfo, IngestEvent, MessageEvent, MessageKind } from '../../core/model.js';
import type { FolderAdapter, ReadContext } from '../types.js';
import { exportRoot, readChannels, readText, readUsers, unescape, type SlackUser } from './export.js';

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
/** Subtypes that record something done, not said: counted apart as system messages. */
const SYSTEM = new Set(['channel_topic', 'channel_purpose', 'channel_name', 'channel_archive', 'channel_unarchive', 'pinned_item', 'unpinned_item', 'bot_add', 'bot_remove', 'group_topic', 'group_purpose', 'group_name']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function fileKind(m: Record<string, unknown>): MessageKind {
  const f = isRecord(m.file) ? m.file : Array.isArray(m.files) && isRecord(m.files[0]) ? m.files[0] : undefined;
  const mime = str(f?.mimetype) ?? '';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'voice';
  return 'file';
}

function toEvent(m: Record<string, unknown>, group: GroupInfo, users: Map<string, SlackUser>): IngestEvent | null {
  const ts = str(m.ts);
  const subtype = str(m.subtype);
  const botId = str(m.bot_id);
  const comment = isRecord(m.comment) ? m.comment : undefined;
  // A bot's post has its bot_id; an old incoming webhook's has only the name it posted under.
  const user = str(m.user) ?? str(comment?.user) ?? (subtype === 'bot_message' ? botId ?? str(m.username) : undefined);
  if (!ts || !user) return null;
  const time = epochMs(Math.round(Number(ts) * 1000), 'ms');
  if (Number.isNaN(time)) return null;
  const name = users.get(user)?.name ?? str(m.username);
  if (subtype === 'channel_join' || subtype === 'group_join') {
    const inviter = str(m.inviter);
    return { type: 'membership', group, time, action: 'join', memberId: user, ...(name ? { memberName: name } : {}), ...(inviter ? { by: inviter } : {}), method: inviter ? 'invite' : 'unknown', id: ts };
  }
  if (subtype === 'channel_leave' || subtype === 'group_leave') return { type: 'membership', group, time, action: 'leave', memberId: user, ...(name ? { memberName: name } : {}), id: ts };
  const kind: MessageKind = subtype && SYSTEM.has(subtype) ? 'system' : subtype === 'file_share' ? fileKind(m) : subtype === 'tombstone' ? 'recall' : 'text';
  const ev: MessageEvent = { type: 'message', group, time, senderId: user, kind, id: ts };
  if (name) ev.senderName = name;
  if (subtype === 'bot_message' || (botId && subtype !== 'bot_add' && subtype !== 'bot_remove') || users.get(user)?.bot) ev.senderRole = 'bot';
  const text = str(m.text);
  if (text) {
    ev.text = unescape(text);
    const mentions = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((x) => x[1]!);
    if (mentions.length) ev.mentions = mentions;
  }
  // A thread reply points at the parent's ts, which is the parent's message id.
  const thread = str(m.thread_ts);
  if (thread && thread !== ts) ev.replyTo = thread;
  return ev;
}

export const slackExport = {
  id: 'slack-export',
  title: 'Slack workspace export (ZIP or folder: channels.json, users.json, <channel>/YYYY-MM-DD.json)',
  platform: 'slack',
  capabilities: {
    identity: 'ids', joins: true, replies: true,
    note: 'user ids (U…); channel_join with inviter, channel_leave; thread replies; bots marked; channel creator as owner; only channels present in the export (DMs are skipped unless listed in mpims.json)',
  },
  kind: () => 'messages',
  // A lone JSON file of a Slack export is not read on its own: the folder adapter reads the whole export.
  detect: () => 0,
  read(source) {
    throw new UserError('a Slack export is a folder or a ZIP: pass the whole export, not one file', { file: source.path, code: 'slack-single-file', zh: 'Slack 导出是一个文件夹或 ZIP：请传入整个导出，而不是其中一个文件' });
  },
  detectFolder(folder) {
    const root = exportRoot(folder);
    if (root === null) return 0;
    const hasUsers = folder.entries.includes(`${root}users.json`);
    const hasDays = folder.entries.some((e) => e.startsWith(root) && DAY_FILE.test(e.split('/').pop() ?? ''));
    return hasUsers && hasDays ? 0.95 : hasDays ? 0.8 : 0.3;
  },
  async *readFolder(folder, ctx: ReadContext) {
    const root = exportRoot(folder) ?? '';
    const users = await readUsers(folder, root);
    for (const ch of await readChannels(folder, root)) {
      const group: GroupInfo = { id: ch.id, name: ch.name, platform: 'slack' };
      if (ch.creator) yield { type: 'group', group, roles: [{ memberId: ch.creator, ...(users.get(ch.creator) ? { name: users.get(ch.creator)!.name } : {}), role: 'owner' } ] };
      const prefix = `${root}${ch.folder}/`;
      const days = folder.entries.filter((e) => e.startsWith(prefix) && DAY_FILE.test(e.slice(prefix.length)));
      for (const day of days) {
        let list: unknown;
        try { list = JSON.parse(await readText(await folder.open(day))); } catch (e) {
          ctx.reportIssue({ reason: `${day}: not valid JSON (${(e as Error).message}); day skipped`, code: 'bad-json' });
          continue;
        }
        if (!Array.isArray(list)) { ctx.reportIssue({ reason: `${day}: not a list of messages; skipped`, code: 'bad-row' }); continue; }
        for (const [i, m] of list.entries()) {
          const ev = isRecord(m) ? toEvent(m, group, users) : null;
          if (ev) yield ev;
          else ctx.reportIssue({ reason: `${day}: message #${i + 1} has no ts or user; skipped`, code: 'bad-row' });
        }
      }
    }
  },
} satisfies FolderAdapter;
