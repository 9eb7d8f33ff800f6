import { MESSAGE_KINDS, type Identity, type JoinMethod, type MessageKind, type Role } from '../model.js';

/** Bits of `Dataset.messages.flags`. The low 4 bits are the kind's index in MESSAGE_KINDS. */
export const FLAG = {
  kindMask: 0xf,
  link: 1 << 4,
  ad: 1 << 5,
  question: 1 << 6,
  /** Spam: an ad, a repeated text, or any message from a spammer. */
  spam: 1 << 7,
  /** Human activity: not system/recall, not a bot, not spam. */
  human: 1 << 8,
  /** Member activity: human activity from someone who is not the owner or an admin. */
  member: 1 << 9,
  /** The first human message after a 30-minute silence: a conversation starts. */
  convStart: 1 << 10,
  /** The sender is the owner or an admin (and the message is human activity). */
  staff: 1 << 11,
  /** A short text, a reaction (TEXT_FLAGS.short): repeated, it is no ad. */
  short: 1 << 12,
} as const;

/** Each kind's index in MESSAGE_KINDS, the value of `flags & FLAG.kindMask`: `KIND_INDEX.system`. */
export const KIND_INDEX = Object.freeze(Object.fromEntries(MESSAGE_KINDS.map((k, i) => [k, i]))) as { readonly [K in MessageKind]: number };

export interface MemberRecord {
  index: number;
  group: number;
  /** The platform id where the export has one, else the display name. */
  key: string;
  /** Display names seen, latest last. */
  names: string[];
  role: Role;
  /** The role was inferred from behaviour (the exporting user, the main inviter), not stated by the export. */
  roleInferred?: boolean;
  /** From a member list or a join event. */
  joinedAt: number | null;
  leftAt: number | null;
  /** Member index of the inviter, where known and resolvable. */
  invitedBy: number | null;
  /** The inviter as written, when it is not a known member (kept for the report). */
  inviterRaw: string | null;
  joinMethod: JoinMethod | null;
  /** Listed in a member list (so known to be in the roster even without messages). */
  listed: boolean;
  firstMessageAt: number | null;
  lastMessageAt: number | null;
  /** For a member known only as an inviter or remover (dataset/inviters.ts): their first such act, which dates their presence. */
  actedAt?: number;
  /** Counts over all messages (before human/spam filtering). */
  messages: number;
  spamMessages: number;
  /** Marked a spammer at finalize: most of what they post is spam. */
  spammer: boolean;
}

export interface MembershipRecord {
  group: number;
  time: number;
  action: 'join' | 'leave' | 'remove';
  member: number;
  /** Inviter or remover, as a member index, or null. */
  by: number | null;
  method: JoinMethod | null;
}

export interface GroupRecord {
  index: number;
  id: string;
  name: string;
  platform: string;
  identity: Identity;
  /** Messages of this group are [msgStart, msgEnd) in the dataset's columns, sorted by time. */
  msgStart: number;
  msgEnd: number;
  members: number[];
  /** Membership events of this group, sorted by time. */
  events: MembershipRecord[];
  /** A member list was given for this group. */
  hasMemberList: boolean;
  /** Join or leave events were seen (from the chat itself). */
  hasJoinEvents: boolean;
  /** Inputs (indexes into Dataset.inputs) that fed this group. */
  inputs: number[];
  /** A one-to-one chat, not a group (see GroupInfo.personal): left out of the report. */
  personal?: true;
}

/** The compact, sorted, deduplicated dataset that every analysis reads. */
export interface Dataset {
  groups: GroupRecord[];
  members: MemberRecord[];
  /**
   * One value per message in each array, `count` long. An array may be a view over a bigger
   * buffer (finalize reuses the builder's; the rest was never written, so never resident): copy
   * one with slice() before handing its buffer anywhere (a transfer to a thread would take it all).
   */
  messages: {
    count: number;
    time: Float64Array;
    sender: Uint32Array;
    flags: Uint16Array;
    /** Explicit reply target (message index) or -1. */
    replyTo: Int32Array;
    /** Explicit reply target, or inferred: an answer within minutes to someone else's message. */
    responseTo: Int32Array;
    /** Local day index (days since 1970-01-01 in the report's zone). */
    day: Int32Array;
    /** Local hour of the week: (ISO weekday − 1) × 24 + hour. */
    hourOfWeek: Uint8Array;
  };
  /** Mentions resolved to members: parallel arrays of message index and member index. */
  mentions: { message: Int32Array; member: Int32Array };
  /** Earliest and latest event of any kind (messages, joins, leaves), or NaN when empty. */
  firstEventAt: number;
  lastEventAt: number;
  duplicatesDropped: number;
}

export function kindOf(flags: number, kinds: readonly MessageKind[]): MessageKind {
  return kinds[flags & FLAG.kindMask]!;
}
