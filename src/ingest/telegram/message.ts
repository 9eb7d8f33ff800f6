import type { MessageKind } from '../../core/model.js';
import { isRecord, lookup, type FieldType, type Shaped } from '../shape.js';

/** The fields of one element of a Telegram Desktop `messages` array that we read, with their types. */
export const TG_FIELDS = {
  id: 'id', type: 'string', date: 'string', date_unixtime: 'string', from: 'string', from_id: 'id',
  actor: 'string', actor_id: 'id', action: 'string', members: 'array', inviter: 'string', title: 'string',
  text: 'present', text_entities: 'present', reply_to_message_id: 'id', photo: 'present', file: 'present',
  media_type: 'string',
} as const satisfies Record<string, FieldType>;

/** A message as read: `from_id` and `actor_id` are strings once {@link peerIds} has run. */
export type TgMessage = Omit<Shaped<typeof TG_FIELDS>, 'from_id' | 'actor_id'> & { from_id?: string; actor_id?: string };

/**
 * Exports before late 2020 wrote `from_id` / `actor_id` as bare numbers (users only); later ones
 * write `user<n>` (or `channel<n>` / `chat<n>`). Numbers become `user<n>`, the form every later
 * export and `mention_name` use, so ids stay ids (and one member across exports of both ages).
 */
export function peerIds(m: Shaped<typeof TG_FIELDS>): TgMessage {
  // The parsed record itself (shape() hands it over uncopied): nothing else holds it.
  const w = m as { from_id?: string | number; actor_id?: string | number };
  if (typeof w.from_id === 'number') w.from_id = `user${w.from_id}`;
  if (typeof w.actor_id === 'number') w.actor_id = `user${w.actor_id}`;
  return m as TgMessage;
}

/** `text` is a plain string or an array of strings and entity objects `{type, text}`. */
export function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  let s = '';
  for (const part of text) {
    if (typeof part === 'string') s += part;
    else if (isRecord(part) && typeof part.text === 'string') s += part.text;
  }
  return s;
}

/** Members named by `mention_name` entities carry a user id: `user<id>`, the form of `from_id`. */
export function mentionIds(entities: unknown): string[] {
  if (!Array.isArray(entities)) return [];
  const out: string[] = [];
  for (const e of entities) {
    if (isRecord(e) && e.type === 'mention_name' && (typeof e.user_id === 'number' || typeof e.user_id === 'string')) out.push(`user${e.user_id}`);
  }
  return out;
}

const MEDIA: Record<string, MessageKind> = {
  sticker: 'sticker', animation: 'video', video_message: 'video', video_file: 'video',
  voice_message: 'voice', audio_file: 'file',
};

export function kindOf(m: TgMessage): MessageKind {
  if (m.photo !== undefined) return 'image';
  if (m.media_type !== undefined) return lookup(MEDIA, m.media_type) ?? 'file';
  if (m.file !== undefined) return 'file';
  // Exports before 2021 have no text_entities: the entities are the text array's objects.
  const isLink = (e: unknown) => isRecord(e) && (e.type === 'link' || e.type === 'text_link');
  if ((Array.isArray(m.text_entities) && m.text_entities.some(isLink)) || (Array.isArray(m.text) && m.text.some(isLink))) return 'link';
  return 'text';
}
