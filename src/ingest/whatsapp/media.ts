import type { MessageKind } from '../../core/model.js';

const BY_EXT: [RegExp, MessageKind][] = [
  [/\.(jpe?g|png|gif|heic)\b/i, 'image'], [/\.(mp4|mov|3gp|avi)\b/i, 'video'],
  [/\.(opus|ogg|m4a|aac|mp3|amr)\b/i, 'voice'], [/\.webp\b/i, 'sticker'],
];

function byName(name: string): MessageKind {
  if (/PHOTO|IMG-/i.test(name)) return 'image';
  if (/VIDEO|VID-/i.test(name)) return 'video';
  if (/AUDIO|PTT-|AUD-/i.test(name)) return 'voice';
  if (/STICKER|STK-/i.test(name)) return 'sticker';
  for (const [re, k] of BY_EXT) if (re.test(name)) return k;
  return 'file';
}

const OMITTED: Record<string, MessageKind> = {
  image: 'image', video: 'video', audio: 'voice', sticker: 'sticker', gif: 'video', document: 'file',
};

/** The kind of a message from its text: media placeholders, attachments and deletion notices. */
export function kindOfText(text: string): MessageKind {
  const t = text.trim();
  // Android writes one placeholder for every media type: the type is not known, image is the commonest.
  if (/^<(?:Media omitted|Medien ausgeschlossen|Multimedia omitido|Mídia oculta|省略影音内容|已省略多媒體檔案|媒体已省略)>$/i.test(t)) return 'image';
  const omitted = /^(image|video|audio|sticker|GIF|document) omitted$/i.exec(t);
  if (omitted) return OMITTED[omitted[1]!.toLowerCase()] ?? 'file';
  const attached = /^<(?:attached|附件)[:：]\s*(.+)>$/.exec(t) ?? /^(.+?) \((?:file attached|Datei angehängt|arquivo anexado|archivo adjunto|文件已附上|已附加檔案)\)/.exec(t);
  if (attached) return byName(attached[1]!);
  if (/^(?:This message was deleted|You deleted this message|这条消息已删除|此訊息已刪除|你删除了此消息|Esta mensagem foi apagada|Se eliminó este mensaje|Eliminaste este mensaje)\.?$/i.test(t)) return 'recall';
  return 'text';
}
