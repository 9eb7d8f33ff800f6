/** Shared types of the simulator: the planted scenario, the people in it and what they write. */

export type Phase = 'inception' | 'growth' | 'maturity' | 'decline';
export type WindowStatus = 'upcoming' | 'open' | 'closed';
export type Role = 'owner' | 'admin' | 'member' | 'bot';
export type MsgType =
  | 'text' | 'image' | 'voice' | 'video' | 'file' | 'link' | 'sticker' | 'system' | 'recall';

export const KINDS = [
  'inception', 'growth', 'late-growth', 'maturity', 'slow-decline',
  'sudden-decline', 'dead', 'zombie', 'revived', 'owner-driven',
] as const;
/** The scenario a group was generated from. */
export type Kind = (typeof KINDS)[number];

/**
 * What a member is in the plan. Only `seed`, `spreader` and the distractor tags are planted facts;
 * `regular` and `lurker` are the background crowd.
 */
export type Tag =
  | 'owner' | 'admin' | 'bot' | 'regular' | 'lurker' | 'seed' | 'spreader' | 'fake-spreader'
  | 'fake-invitee' | 'spammer' | 'burst' | 'heavy-left';

export interface Person {
  id: string;
  name: string;
}

export interface SimMember extends Person {
  role: Role;
  tag: Tag;
  /** Also a planted spreader (a seed user can be one). */
  spreader: boolean;
  joinedAt: number;
  leftAt: number | null;
  invitedBy: SimMember | null;
  /** How the join happened; members.csv has no column for it but the system line says it. */
  via: 'invite' | 'qr' | 'unknown' | 'creator';
  /** Relative weight of taking part in conversations (0 = lurker). */
  talk: number;
  /** Multiplier on starting conversations and answering questions. */
  initiative: number;
  /** After this instant the member's interest fades (talk × 0.15); seeds never fade. */
  fadesAt: number;
  /** Weight of being picked as inviter for ordinary joins. */
  inviteWeight: number;
  /** Never leaves (planted stayers: seeds, their and spreaders' invitees). */
  stays: boolean;
}

export interface SimMessage {
  t: number;
  /** Null for system rows. */
  sender: SimMember | null;
  type: MsgType;
  text: string;
  replyTo: SimMessage | null;
  /** Assigned after sorting, so ids grow with time. */
  id: string;
}

/** One planned stretch of the group's life. Days count from the creation day (day 0). */
export interface Segment {
  phase: Phase;
  /** Finer shape inside a phase: early vs late growth, the silent tail of a dead group, … */
  sub: 'seeding' | 'early' | 'late' | 'flat' | 'fading' | 'collapse' | 'revival';
  startDay: number;
  endDay: number;
  /** Expected joins over the segment (`flat` segments replace leavers instead). */
  joins: number;
  /** Member activity multiplier at the segment start and end. */
  activity: [number, number];
  /** Daily probability that an ordinary member leaves. */
  hazard: number;
}

export interface Plan {
  kind: Kind;
  /** Days from the creation day to the as-of day. */
  age: number;
  /** Peak roster size aimed at. */
  size: number;
  segments: Segment[];
  /** First day with no member activity (dead, zombie); age + 1 when the group is alive. */
  silentFrom: number;
  /** Day of a mass-leave event (sudden decline), or -1. */
  shockDay: number;
  ownerDriven: boolean;
  peakWeekday: number;
  peakHour: number;
  seeds: number;
  spreaders: number;
  fakeSpreaders: number;
  spammers: number;
  bursts: number;
  heavyLeavers: number;
  hasBot: boolean;
  admins: number;
  /** Day the monetization window opened (late growth began), or -1. */
  windowOpenDay: number;
  /** Day it closed (decline began), or -1. */
  windowCloseDay: number;
}
