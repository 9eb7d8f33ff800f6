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

/** "<type> omitted" of iOS, by the first word, in the languages of system.ts. */
const OMITTED: Record<string, MessageKind> = {
  image: 'image', video: 'video', audio: 'voice', sticker: 'sticker', gif: 'video', document: 'file',
  imagen: 'image', imagem: 'image', bild: 'image', immagine: 'image', foto: 'image', gambar: 'image', afbeelding: 'image',
  vídeo: 'video', áudio: 'voice', figurinha: 'sticker', documento: 'file', dokument: 'file',
};
const OMITTED_LINE = /^(\p{L}+) (?:omitted|omitid[oa]|ocult[oa]|weggelassen|omess[oa]|omis(?:e)?|dihilangkan|weggelaten)$/iu;

/** Deletion notices, the sender's own and an admin's, in the languages of system.ts. */
const DELETED = new RegExp('^(?:' + [
  'This message was deleted(?: by (?:an )?admin\\b.*)?|You deleted this message',
  '这条消息已删除|此訊息已刪除|你删除了此消息|你已刪除此訊息',
  'Esta mensagem foi apagada|Mensagem apagada|Você apagou esta mensagem|Apagou esta mensagem',
  'Se eliminó este mensaje|Este mensaje fue eliminado|Eliminaste este mensaje|Un admin(?:\\.|istrador)?,? .{1,80}, eliminó este mensaje',
  'Diese Nachricht wurde gelöscht|Du hast diese Nachricht gelöscht',
  'Ce message a été supprimé|Vous avez supprimé ce message',
  'Questo messaggio è stato eliminato|Hai eliminato questo messaggio',
  'Dit bericht is verwijderd|Je hebt dit bericht verwijderd',
  'Pesan ini telah dihapus|Anda menghapus pesan ini',
  'Данное сообщение удалено|Это сообщение удалено|Сообщение удалено|Вы удалили это сообщение',
].join('|') + ')\\.?$', 'i');

/** The kind of a message from its text: media placeholders, attachments and deletion notices. */
export function kindOfText(text: string): MessageKind {
  const t = text.trim();
  // Android writes one placeholder for every media type: the type is not known, image is the commonest.
  if (/^<(?:Media omitted|Medien ausgeschlossen|Multimedia omitido|Mídia oculta|省略影音内容|已省略多媒體檔案|媒体已省略)>$/i.test(t)) return 'image';
  const omitted = OMITTED_LINE.exec(t);
  if (omitted && OMITTED[omitted[1]!.toLowerCase()]) return OMITTED[omitted[1]!.toLowerCase()]!;
  const attached = /^<(?:attached|附件|adjunto|allegato|anexo|Anhang|pièce jointe|bijlage|lampiran)\s?[:：]\s*(.+)>$/i.exec(t) ?? /^(.+?) \((?:file attached|Datei angehängt|arquivo anexado|archivo adjunto|文件已附上|已附加檔案)\)/.exec(t);
  if (attached) return byName(attached[1]!);
  if (DELETED.test(t)) return 'recall';
  return 'text';
}
