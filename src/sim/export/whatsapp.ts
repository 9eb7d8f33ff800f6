/**
 * WhatsApp "Export chat" text from an Android phone (formats.md §3): one `WhatsApp Chat with
 * <group>.txt` per group, `dd/mm/yyyy, HH:MM - Name: text` (minutes only, local wall clock),
 * names only, media as `<Media omitted>`, deleted messages as "This message was deleted", no
 * reply links. System lines: `X created group "G"`, `X added Y`, `Y joined using this group's
 * invite link` (a QR code is an invite link in WhatsApp, so its sharer is lost), `Y left`,
 * `X removed Y`. The `zh` variant is the same phone in Chinese: `与<group>的 WhatsApp 聊天.txt`,
 * `yyyy/m/d 下午h:mm - `, 添加了/通过此群组的邀请链接加入群组/退出了群组/移除了.
 * The exporting phone belongs to a member who takes no part in the membership changes; or, with
 * `byOwner`, to the group's owner, as when operators export their own groups: the owner's acts
 * are then "You created group", "You added Y", "You removed Y" (their messages stay under their
 * name), and the owners' names are what a user would give as --me.
 * `ios`: an iPhone's export of 2024 as copies of it are found: `[dd/mm/yyyy, HH:MM:SS] `, the
 * encryption notice under the group's name, every system line under the person it is about (the
 * member added, joining, leaving or removed; the creator), without the LRM before it, and the hint
 * iOS puts after an add; media as "image omitted".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pad2, wall, writeGroupFile, type ExportGroup, type ExportOutput, type ExportRow } from './model.js';

export type WhatsAppLocale = 'en' | 'zh';

const WORDS = {
  en: {
    file: (g: string) => `WhatsApp Chat with ${g}.txt`,
    e2e: 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
    created: (x: string, g: string) => `${x} created group "${g}"`,
    added: (x: string, y: string) => `${x} added ${y}`,
    link: (y: string) => `${y} joined using this group's invite link`,
    left: (y: string) => `${y} left`,
    removed: (x: string, y: string) => `${x} removed ${y}`,
    deleted: 'This message was deleted',
    you: 'You',
    media: '<Media omitted>',
  },
  zh: {
    file: (g: string) => `与${g}的 WhatsApp 聊天.txt`,
    e2e: '消息和通话已进行端到端加密。对话之外的任何人，甚至包括 WhatsApp 都无法读取或收听。轻触以了解更多。',
    created: (x: string, g: string) => `${x} 创建了群组“${g}”`,
    added: (x: string, y: string) => `${x} 添加了 ${y}`,
    link: (y: string) => `${y} 通过此群组的邀请链接加入群组`,
    left: (y: string) => `${y} 退出了群组`,
    removed: (x: string, y: string) => `${x} 移除了 ${y}`,
    deleted: '这条消息已删除',
    you: '你',
    media: '<省略影音内容>',
  },
} as const;

function stamp(t: number, locale: WhatsAppLocale, ios: boolean): string {
  const w = wall(t);
  if (ios) return `[${pad2(w.d)}/${pad2(w.mo)}/${w.y}, ${pad2(w.h)}:${pad2(w.mi)}:${pad2(w.s)}]`;
  if (locale === 'en') return `${pad2(w.d)}/${pad2(w.mo)}/${w.y}, ${pad2(w.h)}:${pad2(w.mi)}`;
  const h12 = w.h % 12 === 0 ? 12 : w.h % 12;
  return `${w.y}/${w.mo}/${w.d} ${w.h < 12 ? '上午' : '下午'}${h12}:${pad2(w.mi)}`;
}

function line(row: ExportRow, words: (typeof WORDS)[WhatsAppLocale], you: ExportGroup['owner'] | null, ios: boolean): string | null {
  const e = row.event;
  if (row.type === 'system') {
    if (!e) return null;
    const name = (m: ExportGroup['owner']) => (m === you ? words.you : m.name);
    // iOS files the line under the person it is about.
    const under = ios ? `${e.member.name}: ` : '';
    switch (e.kind) {
      case 'join': return under + (e.via === 'invite' && e.by ? words.added(name(e.by), e.member.name) + (ios ? IOS_HINT : '') : words.link(e.member.name));
      case 'leave': return under + words.left(name(e.member));
      case 'remove': return under + words.removed(name(e.by), e.member.name);
    }
  }
  const who = row.sender!.name;
  if (row.type === 'recall') return `${who}: ${words.deleted}`;
  if (row.type === 'text' || row.type === 'link') return `${who}: ${row.text}`;
  return `${who}: ${ios ? 'image omitted' : words.media}`;
}

const IOS_HINT = '. Tap to change who can add other members.';

export function writeWhatsApp(groups: readonly ExportGroup[], dir: string, locale: WhatsAppLocale, byOwner = false, ios = false): ExportOutput {
  const out: ExportOutput = { files: [], groupIds: new Map(), memberIds: new Map(), ...(byOwner ? { me: [...new Set(groups.map((g) => g.owner.name))] } : {}) };
  const words = WORDS[locale];
  mkdirSync(dir, { recursive: true });
  for (const g of groups) {
    const sep = ios ? ' ' : ' - ', at = (t: number) => stamp(t, locale, ios) + sep;
    const lines = ios
      ? [`${at(g.createdAt)}${g.name}: ${words.e2e}`, `${at(g.createdAt)}${g.owner.name}: ${words.created(g.owner.name, g.name)}`]
      : [`${at(g.createdAt)}${words.e2e}`, `${at(g.createdAt)}${words.created(byOwner ? words.you : g.owner.name, g.name)}`];
    for (const row of g.rows) {
      const l = line(row, words, byOwner ? g.owner : null, ios);
      if (l !== null) lines.push(at(row.t) + l);
    }
    // An iPhone's export is a folder "WhatsApp Chat - <group>" holding _chat.txt.
    const file = ios ? join(dir, `WhatsApp Chat - ${g.name}`, '_chat.txt') : join(dir, words.file(g.name));
    if (ios) mkdirSync(join(dir, `WhatsApp Chat - ${g.name}`), { recursive: true });
    writeGroupFile(out, g, file, lines.join('\n') + '\n');
  }
  return out;
}
