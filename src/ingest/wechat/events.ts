import type { GroupInfo, IngestEvent, MessageKind } from '../../core/model.js';
import { SELF, type SystemFact } from './system.js';

/**
 * Turns a system fact into normalised events: one membership event per member (several invitees
 * in one line give several joins with the same inviter), a recall as a message of kind recall,
 * a rename and a new owner as group events. Names stand in for ids; the dataset resolves them.
 */
export function factEvents(
  fact: SystemFact,
  group: GroupInfo,
  time: number,
  opts: { id?: string; self?: string | undefined; line?: number } = {},
): IngestEvent[] {
  // The line goes on each event, as a message's does, so a refused time names where it is.
  if (opts.line !== undefined) return factEvents(fact, group, time, { ...opts, line: undefined }).map((ev) => (ev.type === 'membership' || ev.type === 'message' ? { ...ev, line: opts.line } : ev));
  // "你" is the exporter: by the name the export marks as theirs, else the user's (--me), else "我".
  const self = opts.self ?? '我';
  const name = (n: string) => (n === SELF ? self : n);
  const sub = (i: number, n: number) => (opts.id === undefined ? undefined : n > 1 ? `${opts.id}#${i}` : opts.id);
  const withId = <T extends object>(ev: T, id: string | undefined): T => (id === undefined ? ev : { ...ev, id });
  switch (fact.kind) {
    case 'join':
      return fact.members.map((m, i) => withId({
        type: 'membership' as const, group, time, action: 'join' as const, memberId: name(m), memberName: name(m),
        method: fact.method, ...(fact.by === undefined ? {} : { by: name(fact.by) }),
      }, sub(i, fact.members.length)));
    case 'remove':
      return fact.members.map((m, i) => withId({
        type: 'membership' as const, group, time, action: 'remove' as const, memberId: name(m), memberName: name(m),
        ...(fact.by === undefined ? {} : { by: name(fact.by) }),
      }, sub(i, fact.members.length)));
    case 'leave':
      return [withId({ type: 'membership' as const, group, time, action: 'leave' as const, memberId: name(fact.member), memberName: name(fact.member) }, opts.id)];
    case 'recall':
      return [withId({ type: 'message' as const, group, time, senderId: name(fact.member), senderName: name(fact.member), kind: 'recall' as const }, opts.id)];
    case 'rename':
      return [{ type: 'group', group: { ...group, name: fact.name } }];
    case 'owner':
      return [{ type: 'group', group, roles: [{ memberId: name(fact.member), name: name(fact.member), role: 'owner' }] }];
  }
}

/** WeChat's Type/SubType codes (formats.md §1.1) as message kinds. */
export function wechatKind(type: number, sub: number): MessageKind {
  switch (type) {
    case 1: return 'text';
    case 3: return 'image';
    case 34: return 'voice';
    case 43: return 'video';
    case 47: return 'sticker';
    case 42: case 48: return 'link';
    case 49:
      if (sub === 6) return 'file';
      if (sub === 8) return 'sticker';
      if (sub === 57) return 'text';
      return 'link';
    case 10000: case 10002: return 'system';
    default: return 'system';
  }
}

/** Placeholders that text exports write instead of media: the kind, or undefined for text. */
const PLACEHOLDERS: [RegExp, MessageKind][] = [
  [/^\[(图片|image|photo)\]$/i, 'image'],
  [/^\[(语音|voice)\]$/i, 'voice'],
  [/^\[(视频|video)\]$/i, 'video'],
  [/^\[(表情包|表情|动画表情|sticker|emoji)\]$/i, 'sticker'],
  [/^\[(文件|file)\]/i, 'file'],
  [/^\[(链接|音乐分享|小程序|名片|位置|视频号|合并转发|聊天记录)\]/, 'link'],
];

export function placeholderKind(text: string): MessageKind | undefined {
  const t = text.trim();
  for (const [re, kind] of PLACEHOLDERS) if (re.test(t)) return kind;
  return undefined;
}
