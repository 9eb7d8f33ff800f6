/**
 * The normalised data model that every ingest adapter yields. Times are UTC epoch milliseconds.
 * Adapters emit events; the dataset builder turns them into compact columnar storage.
 */

export type Role = 'owner' | 'admin' | 'member' | 'bot';
export const ROLES = ['owner', 'admin', 'member', 'bot'] as const satisfies readonly Role[];

/** The owner and admins: staff, whose posts are not member activity. */
export function isStaffRole(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export type MessageKind =
  | 'text' | 'image' | 'voice' | 'video' | 'file' | 'link' | 'sticker' | 'system' | 'recall';
export const MESSAGE_KINDS = [
  'text', 'image', 'voice', 'video', 'file', 'link', 'sticker', 'system', 'recall',
] as const satisfies readonly MessageKind[];

/** How somebody joined: invited by a member, by scanning a member's QR code, by a public link, or unknown. */
export type JoinMethod = 'invite' | 'qr' | 'link' | 'unknown';

/** A group (chat, channel) as an export names it. `platform` is the adapter id family, e.g. "wechat". */
export interface GroupInfo {
  id: string;
  name?: string;
  platform: string;
  /** A chat that is no group (a one-to-one chat: Telegram personal chat, saved messages, bot chat;
   *  or a broadcast channel) that an export holds beside its groups: read, but not a community, so
   *  the report leaves it out. */
  personal?: true;
}

/** A chat message. `senderId` is the platform id where the export has one, else the display name. */
export interface MessageEvent {
  type: 'message';
  group: GroupInfo;
  /** The export's message id, used for replies and for merging overlapping exports. */
  id?: string;
  time: number;
  senderId: string;
  senderName?: string;
  /**
   * Another name the sender goes by in this export, known so that notices naming them by it find
   * them, never shown (留痕: the WeChat nickname beside the exporter's own remark for the person).
   */
  senderAlias?: string;
  /** A role the export states for the sender (e.g. a role column); member lists override it. */
  senderRole?: Role;
  kind: MessageKind;
  /** Message text; classified at ingest and then dropped, never stored in the dataset. */
  text?: string;
  replyTo?: string;
  /** Ids (or names) of members mentioned, where the export states them; `@name` in text is found too. */
  mentions?: string[];
  /** Sent by the user who made the export (留痕 IsSender=1, WeFlow isSend=1). Operators export their
   *  own groups: without any stated roles, this sender is taken as an admin. */
  fromSelf?: boolean;
  /** The line of the file it was read from, where the format has lines (for issues about it). */
  line?: number;
}

/** A row of a member list. */
export interface MemberEvent {
  type: 'member';
  group: GroupInfo;
  memberId: string;
  name?: string;
  role?: Role;
  joinedAt?: number;
  leftAt?: number;
  /** Member id (or name) of the inviter. */
  invitedBy?: string;
  joinMethod?: JoinMethod;
  /** The line of the member list it was read from, where it has lines (for issues about it). */
  line?: number;
}

/** A join, leave or removal seen in the chat itself (system messages, service actions). */
export interface MembershipEvent {
  type: 'membership';
  group: GroupInfo;
  time: number;
  action: 'join' | 'leave' | 'remove';
  memberId: string;
  memberName?: string;
  /** For joins: the inviter (or whose QR code); for removals: who removed. Id or name. */
  by?: string;
  /** The display name of `by` where `by` is an id (Telegram's actor_id): names an inviter who appears nowhere else. */
  byName?: string;
  method?: JoinMethod;
  /** The export's id for the system message, used for merging overlapping exports. */
  id?: string;
  /** The line of the file it was read from, where the format has lines (for issues about it). */
  line?: number;
}

/** A rename of the group, or a role stated by a system line (e.g. "X is now an admin"). */
export interface GroupMetaEvent {
  type: 'group';
  group: GroupInfo;
  /**
   * A member whose role the export states (group owner from a "created group" line, bots, admins).
   * `byAct`: not stated, but shown by an act only staff can do (changing the group's settings): it
   * never overrides a role stated anywhere, as the creator's "owner".
   */
  roles?: { memberId: string; name?: string; role: Role; byAct?: boolean }[];
}

export type IngestEvent = MessageEvent | MemberEvent | MembershipEvent | GroupMetaEvent;

/** How members are keyed in an export: by platform ids, or only by display names. */
export type Identity = 'ids' | 'names';
