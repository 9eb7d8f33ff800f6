import type { MessageKind } from '../../core/model.js';

/**
 * What LINE writes in place of media, in the exporting device's language: bracketed on phones
 * (`[Photo]`, `[照片]`, `[貼圖]`, `[スタンプ]`…), bare words on the PC (`圖片`, `貼圖`, `Photos`).
 * The whole text must be the placeholder: "[Photo] from the trip" is text.
 */
const PLACEHOLDERS: [RegExp, MessageKind][] = [
  [/^(?:\[(?:Photo|Image|照片|圖片|图片|写真|画像)\]|Photos?|圖片|图片)$/i, 'image'],
  [/^(?:\[(?:Sticker|貼圖|贴图|スタンプ)\]|Stickers?|貼圖|贴图)$/i, 'sticker'],
  [/^(?:\[(?:Video|影片|视频|視訊|動画)\]|Videos?|影片)$/i, 'video'],
  [/^(?:\[(?:Voice message|Audio|語音訊息|语音信息|语音消息|ボイスメッセージ|音声メッセージ)\]|Audio|語音訊息)$/i, 'voice'],
  [/^\[(?:File|檔案|文件|ファイル)\]$/i, 'file'],
];

/** The kind of a message from its text. */
export function kindOfText(text: string): MessageKind {
  const t = text.trim();
  for (const [re, kind] of PLACEHOLDERS) if (re.test(t)) return kind;
  return 'text';
}
