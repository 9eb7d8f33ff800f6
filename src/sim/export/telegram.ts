/**
 * Telegram Desktop full-account export `result.json` (formats.md §4): every group in
 * `chats.list` as a private supergroup with a numeric id, messages with per-chat numeric ids,
 * `date` in the exporting PC's wall clock without offset plus `date_unixtime` (a string),
 * `from`/`from_id` ("user123"), `reply_to_message_id`, media keys (photo, file + media_type),
 * links and `mention_name` entities in `text`/`text_entities`. Membership as service actions:
 * `create_channel`, `invite_members` (members by display name; the actor invites),
 * `join_group_by_link` (actor joins; `inviter` is whose link, the group's name when nobody's),
 * `remove_members` (actor == member: a leave). Deleted (recalled) messages leave no trace.
 * Pretty-printed with a one-space indent, UTF-8 without BOM.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashNum, memberKey, wall, pad2, type ExportGroup, type ExportMember, type ExportOutput, type ExportRow } from './model.js';

const NOT_INCLUDED = '(File not included. Change data exporting settings to download.)';

type Entity = { type: string; text: string; user_id?: number; href?: string };

function localIso(t: number): string {
  const w = wall(t);
  return `${w.y}-${pad2(w.mo)}-${pad2(w.d)}T${pad2(w.h)}:${pad2(w.mi)}:${pad2(w.s)}`;
}

/** Plain text, links and mentions of members (by their display name after "@") as entities. */
function entities(text: string, names: Map<string, number>, longest: number): Entity[] {
  const out: Entity[] = [];
  let plain = '';
  const flush = () => { if (plain) out.push({ type: 'plain', text: plain }); plain = ''; };
  for (let i = 0; i < text.length;) {
    const url = /^https?:\/\/\S+/.exec(text.slice(i, i + 300));
    if (url && (i === 0 || /\s/.test(text[i - 1]!))) { flush(); out.push({ type: 'link', text: url[0] }); i += url[0].length; continue; }
    if (text[i] === '@') {
      let hit: string | null = null;
      for (let n = Math.min(longest, text.length - i - 1); n > 0; n--) {
        const cand = text.slice(i + 1, i + 1 + n);
        const next = text[i + 1 + n];
        if (names.has(cand) && (next === undefined || /[\s，,！!。]/.test(next))) { hit = cand; break; }
      }
      if (hit !== null) { flush(); out.push({ type: 'mention_name', text: hit, user_id: names.get(hit)! }); i += hit.length + 1; continue; }
    }
    plain += text[i];
    i++;
  }
  flush();
  return out;
}

function textField(ents: Entity[]): string | (string | Entity)[] {
  if (ents.every((e) => e.type === 'plain')) return ents.map((e) => e.text).join('');
  return ents.map((e) => (e.type === 'plain' ? e.text : e));
}

export function writeTelegram(groups: readonly ExportGroup[], dir: string): ExportOutput {
  const out: ExportOutput = { files: [], groupIds: new Map(), memberIds: new Map() };
  const userIds = new Map<string, number>();
  const taken = new Set<number>();
  const uid = (m: ExportMember): number => {
    let n = userIds.get(m.id);
    if (n === undefined) {
      n = 100_000_000 + (hashNum(m.id) % 6_900_000_000);
      while (taken.has(n)) n++;
      taken.add(n);
      userIds.set(m.id, n);
    }
    return n;
  };
  const list = groups.map((g) => {
    const chatId = 1_000_000_000 + (hashNum(g.id) % 999_999_999);
    out.groupIds.set(g.id, String(chatId));
    const names = new Map<string, number>();
    let longest = 0;
    for (const m of g.members) {
      names.set(m.name, uid(m));
      longest = Math.max(longest, m.name.length);
      out.memberIds.set(memberKey(g.id, m.id), `user${uid(m)}`);
    }
    const ids = new Map<ExportRow, number>();
    let next = 1;
    const messages: Record<string, unknown>[] = [];
    const base = (t: number) => ({ id: next++, type: 'service', date: localIso(t), date_unixtime: String(Math.floor(t / 1000)) });
    const actor = (m: ExportMember) => ({ actor: m.name, actor_id: `user${uid(m)}` });
    messages.push({ ...base(g.createdAt), ...actor(g.owner), action: 'create_channel', title: g.name, text: '', text_entities: [] });
    for (const row of g.rows) {
      const e = row.event;
      if (row.type === 'system') {
        if (!e) continue;
        if (e.kind === 'join') {
          if (e.via === 'invite' && e.by) messages.push({ ...base(row.t), ...actor(e.by), action: 'invite_members', members: [e.member.name], text: '', text_entities: [] });
          else messages.push({ ...base(row.t), ...actor(e.member), action: 'join_group_by_link', inviter: e.by ? e.by.name : g.name, text: '', text_entities: [] });
        } else if (e.kind === 'leave') {
          messages.push({ ...base(row.t), ...actor(e.member), action: 'remove_members', members: [e.member.name], text: '', text_entities: [] });
        } else {
          messages.push({ ...base(row.t), ...actor(e.by), action: 'remove_members', members: [e.member.name], text: '', text_entities: [] });
        }
        continue;
      }
      if (row.type === 'recall') continue; // deleted for everyone: gone from the export
      const s = row.sender!;
      const id = next++;
      ids.set(row, id);
      const msg: Record<string, unknown> = { id, type: 'message', date: localIso(row.t), date_unixtime: String(Math.floor(row.t / 1000)), from: s.name, from_id: `user${uid(s)}` };
      const target = row.replyTo ? ids.get(row.replyTo) : undefined;
      if (target !== undefined) msg.reply_to_message_id = target;
      let text = row.text;
      const h = hashNum(row.id);
      switch (row.type) {
        case 'image': Object.assign(msg, { photo: NOT_INCLUDED, photo_file_size: 40_000 + (h % 200_000), width: 1280, height: 960 }); text = ''; break;
        case 'sticker': Object.assign(msg, { file: NOT_INCLUDED, file_size: 20_000 + (h % 20_000), thumbnail: NOT_INCLUDED, media_type: 'sticker', sticker_emoji: '😀', width: 512, height: 512 }); text = ''; break;
        case 'voice': Object.assign(msg, { file: NOT_INCLUDED, file_size: 10_000 + (h % 50_000), media_type: 'voice_message', mime_type: 'audio/ogg', duration_seconds: 2 + (h % 40) }); text = ''; break;
        case 'video': Object.assign(msg, { file: NOT_INCLUDED, file_size: 1_000_000 + (h % 9_000_000), thumbnail: NOT_INCLUDED, media_type: 'video_file', mime_type: 'video/mp4', duration_seconds: 5 + (h % 60), width: 720, height: 1280 }); text = ''; break;
        case 'file': Object.assign(msg, { file: NOT_INCLUDED, file_name: row.text.replace(/^\[文件\]\s*/, ''), file_size: 50_000 + (h % 900_000), mime_type: 'application/pdf' }); text = ''; break;
        default: break;
      }
      const ents = text ? entities(text, names, longest) : [];
      msg.text = textField(ents);
      msg.text_entities = ents;
      messages.push(msg);
    }
    return { name: g.name, type: 'private_supergroup', id: chatId, messages };
  });
  const doc = {
    about: 'Here is the data you requested. Remember: Telegram is ad free, it doesn\'t sell your data, and never will.',
    personal_information: { user_id: 5_555_555_555, first_name: '运营小助手', last_name: '', phone_number: '+86 138 0000 0000', username: '', bio: '' },
    chats: { about: 'This page lists all chats from this export.', list },
  };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'result.json');
  writeFileSync(file, JSON.stringify(doc, null, 1));
  out.files.push(file);
  return out;
}
