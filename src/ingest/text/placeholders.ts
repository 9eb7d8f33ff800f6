import type { MessageKind } from '../../core/model.js';

/** Placeholders that Chinese text exports (WeChat, QQ) write instead of media. */
const PLACEHOLDERS: [RegExp, MessageKind][] = [
  [/^\[(图片|image|photo)\]$/i, 'image'],
  [/^\[(语音|voice)\]$/i, 'voice'],
  [/^\[(视频|video)\]$/i, 'video'],
  [/^\[(表情包|表情|动画表情|sticker|emoji)\]$/i, 'sticker'],
  [/^\[(文件|file)\]/i, 'file'],
  [/^\[(链接|音乐分享|小程序|名片|位置|视频号|合并转发|聊天记录)\]/, 'link'],
  // WeChatMsg 2.x: 【图片】, 【表情包】 with a description or path after it.
  [/^【(图片|照片)】/, 'image'], [/^【语音】/, 'voice'], [/^【视频】/, 'video'], [/^【(表情包|表情|动画表情)】/, 'sticker'],
  [/^【文件】/, 'file'], [/^【(链接|音乐分享|小程序|名片|位置|视频号|合并转发|聊天记录)】/, 'link'],
];

/** The kind of media a placeholder stands for, or undefined for text. */
export function placeholderKind(text: string): MessageKind | undefined {
  const t = text.trim();
  for (const [re, kind] of PLACEHOLDERS) if (re.test(t)) return kind;
  return undefined;
}
