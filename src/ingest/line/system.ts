import { splitNames } from '../notices/lists.js';

/**
 * LINE's system lines (those without a sender) in English, Chinese (traditional and simplified)
 * and Japanese: the ones that change membership, and the unsent-message notice. Which wordings
 * were read in real exports and which are inferred is listed in docs/formats.md (LINE).
 */
export type LineSystem =
  /** Joined by itself: by the group's QR code or link, or by accepting an invitation. */
  | { kind: 'joined'; member: string }
  /** Invited or added by a member ("X invited Y, Z." / "X邀請Y、Z加入群組。"). */
  | { kind: 'invited'; by: string; members: string[] }
  | { kind: 'left'; member: string }
  /** Removed; OpenChat's forced removal names no doer. */
  | { kind: 'removed'; by?: string; members: string[] }
  /** A message taken back: no message at all. */
  | { kind: 'unsent' }
  /** Announcements, renames, notes, albums, calls: nobody said anything, nobody came or went. */
  | { kind: 'notice' };

// Traditional and simplified characters side by side: one pattern reads both scripts.
const GROUP = '(?:群[組组]|[該该]群|群聊|聊天|社群)';
const END = '[。.]?$';
const re = (s: string) => new RegExp(`^${s.replace(/GROUP/g, GROUP)}${END}`);

const INVITED = [
  /^(.+?) invited (.+?)(?: to (?:the|this) (?:group|chat))?\.?$/,
  /^(.+?) added (.+?) to (?:the|this) (?:group|chat)\.?$/,
  re('(.+?)已?邀[請请]了?(.+?)加入了?GROUP?'),
  re('(.+?)已[將将](.+?)(?:新增|添加|加入)[至到]GROUP'),
  re('(.+?)已新增(.+?)至GROUP'),
  re('(.+?)が(.+?)を(?:グループに)?(?:招待|追加)しました'),
];
const JOINED = [
  /^(.+?) joined the (?:group|chat)\.?$/,
  re('(.+?)已?加入了?GROUP'),
  re('(.+?)が(?:グループに)?参加しました'),
];
// Before LEFT: "X已讓Y退出群組" (X made Y leave) also ends like a leave.
const REMOVED = [
  /^(.+?) removed (.+?) from the (?:group|chat)\.?$/,
  re('(.+?)已[將将讓让](.+?)(?:移出|踢出|強制退出|强制退出|退出)了?GROUP'),
  re('(.+?)が(.+?)を(?:グループから削除し|強制退会させ|退会させ)ました'),
];
const REMOVED_BY_NOBODY = re('已?[將将](.+?)(?:強制退出|强制退出|移出)GROUP');
const LEFT = [
  /^(.+?) (?:left the (?:group|chat)|has left)\.?$/,
  re('(.+?)(?:已?(?:退出|[離离]開|离开)了?GROUP|已退群)'),
  re('(.+?)が(?:グループを)?(?:退会|退出)しました'),
];
// Taken back, after the name of who did it or alone ("Message unsent.", "已收回訊息").
const UNSENT = /^(?:(?:.+ )?unsent a message|Message unsent|.*?(?:收回|撤回)了?(?:一[則条])?(?:訊息|消息)|.*?送信を取り?消しました)[。.]?$/i;
const NOTICE = /^☎|made an announcement|changed the group (?:name|photo|picture|icon|cover)|(?:started|ended) a (?:voice |video )?call|created (?:a |an )?(?:note|album|poll)|^Auto-reply|已設定公告|发布了通告|設定了公告|更改了群[組组](?:圖片|图片|名稱|名称|封面|頭像|头像)|已新增新的記事本|新增了記事本|建立了相簿|アナウンスしました|グループ名を変更しました|ノートを投稿しました|アルバムを作成しました|グループ画像を変更しました/;

/** The same notices written under the doer as sender: whole lines only, so no chat text is mistaken for one. */
const SENDER_NOTICE = /^(?:☎|\[(?:Call|通話|通话)\]$)|^(?:已新增新的記事本|新增了記事本|已建立相簿)。?$/;

function first(patterns: readonly RegExp[], text: string): RegExpExecArray | null {
  for (const p of patterns) { const m = p.exec(text); if (m) return m; }
  return null;
}

const names = (list: string) => splitNames(list);

/** The system line `text` (a line without a sender), or null for a wording no pattern knows. */
export function parseLineSystem(text: string): LineSystem | null {
  const t = text.trim();
  if (t === '') return null;
  if (UNSENT.test(t)) return { kind: 'unsent' };
  if (NOTICE.test(t)) return { kind: 'notice' };
  let m = first(INVITED, t);
  if (m) return { kind: 'invited', by: m[1]!.trim(), members: names(m[2]!) };
  m = first(REMOVED, t);
  if (m) return { kind: 'removed', by: m[1]!.trim(), members: names(m[2]!) };
  m = REMOVED_BY_NOBODY.exec(t);
  if (m) return { kind: 'removed', members: names(m[1]!) };
  m = first(LEFT, t);
  if (m) return { kind: 'left', member: m[1]!.trim() };
  m = first(JOINED, t);
  if (m) return { kind: 'joined', member: m[1]!.trim() };
  return null;
}

/**
 * A line under a sender that is no message from them: a call record ("☎ Call time 0:33",
 * "☎ Missed call"), a note or album posted. LINE writes these with the doer as sender.
 */
export function isSenderNotice(text: string): boolean {
  return SENDER_NOTICE.test(text.trim());
}
