/**
 * The `type` and `content` of a chat message in a QCE V6 export (see qq-qce.ts): elements as the
 * Rust parser writes them (text, at, image, market_face, audio, video, file, reply), resources for
 * media, mentions for "@name" of a member. A pasted link is a plain text message in QQ.
 */
import { hashNum, type ExportMember, type ExportRow } from './model.js';
import type { QcePerson } from './qq-qce.js';

type Element = { type: string; data: Record<string, unknown> };

function media(row: ExportRow): { type: string; text: string; element: Element } | null {
  const h = hashNum(row.id);
  const name = (ext: string) => `${h.toString(16).toUpperCase().padStart(8, '0')}.${ext}`;
  switch (row.type) {
    case 'image': return { type: 'text', text: '[图片]', element: { type: 'image', data: { filename: name('jpg'), size: 40_000 + (h % 200_000), width: 1280, height: 960, md5: name(''), url: '', subType: 'photo' } } };
    case 'sticker': return { type: 'text', text: '[动画表情]', element: { type: 'market_face', data: { name: '[动画表情]', tabName: '', key: name('k'), emojiId: name('e'), url: '' } } };
    case 'voice': return { type: 'audio', text: `[语音:${2 + (h % 40)}秒]`, element: { type: 'audio', data: { filename: name('amr'), size: 10_000 + (h % 50_000), duration: 2 + (h % 40) } } };
    case 'video': return { type: 'video', text: '[视频]', element: { type: 'video', data: { filename: name('mp4'), size: 1_000_000 + (h % 9_000_000), duration: 5 + (h % 60), thumbSize: 20_000 } } };
    case 'file': {
      const file = row.text.replace(/^\[文件\]\s*/, '') || name('pdf');
      return { type: 'file', text: `[文件:${file}]`, element: { type: 'file', data: { filename: file, size: 50_000 + (h % 900_000) } } };
    }
    default: return null;
  }
}

export function chatContent(row: ExportRow, members: readonly ExportMember[], person: (m: ExportMember) => QcePerson, ids: ReadonlyMap<ExportRow, string>): { type: string; content: object } {
  const m = media(row);
  const elements: Element[] = [];
  const resources: object[] = [];
  const mentions: object[] = [];
  let type = m?.type ?? 'text';
  const r = row.replyTo, target = r ? ids.get(r) : undefined;
  if (r?.sender && target !== undefined) {
    type = 'reply';
    const p = person(r.sender);
    elements.push({ type: 'reply', data: { messageId: target, referencedMessageId: target, senderUin: p.uin, senderName: p.card ?? p.nickname, content: r.type === 'text' ? r.text : '原消息', timestamp: Math.floor(r.t / 1000), previewElements: [] } });
  }
  if (m) {
    elements.push(m.element);
    resources.push({ type: m.element.type, filename: m.element.data.filename, size: m.element.data.size });
  } else {
    elements.push({ type: 'text', data: { text: row.text } });
    // "@name" of a member is an `at` element with the member's uid and QQ number.
    if (row.text.includes('@')) {
      for (const x of members) {
        const p = person(x), shown = p.card ?? p.nickname;
        if (!row.text.includes(`@${shown}`)) continue;
        elements.push({ type: 'at', data: { uid: p.uid, uin: p.uin, name: shown, atType: 2 } });
        mentions.push({ uid: p.uid, name: shown, type: 'user' });
      }
    }
  }
  const text = m ? m.text : row.text;
  return { type, content: { text, html: '', elements, resources, mentions } };
}
