import type { GroupInfo } from '../../core/model.js';
import type { QceChatInfo } from './qce-chat.js';

/**
 * The group of a QCE export. chatInfo holds no group number (QCE writes name, type, avatar,
 * participantCount and the exporter's selfUid/selfUin/selfName); the file or folder name does, as
 * the exporter names them (plugins/qq-chat-exporter/lib/utils/exportFileName.ts):
 * `group_<number>_<YYYYMMDD>_<HHMMSS>`, `group_<name>_<number>_<date>_<time>`, or the friendly
 * `<name>(<number>)`, a date and time added when the name was taken; folders of the chunked
 * layout end in `_chunked_jsonl`. Without a number the chat's name is the group's id.
 */
const DEFAULT = /^(?:group|friend)_(?:.+_)?(\d{5,})_\d{8}_\d{6}$/;
const FRIENDLY = /\((\d{5,})\)(?:_\d{8}_\d{6})?$/;

/** `stem`: the file name without extension, or the folder's name. */
export function qceGroup(stem: string, info: QceChatInfo): GroupInfo {
  const bare = stem.replace(/_chunked_jsonl$/i, '');
  const number = DEFAULT.exec(bare)?.[1] ?? FRIENDLY.exec(bare)?.[1];
  const name = info.name?.trim() || bare;
  const group: GroupInfo = { id: number ?? name, name, platform: 'qq' };
  // A one-to-one chat (QQ friend or temporary session) is no community: read, then left out.
  if (info.type === 'private' || info.type === 'temp' || (info.type === undefined && /^friend_/.test(bare))) group.personal = true;
  return group;
}
