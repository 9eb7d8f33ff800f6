import { FLAG, type Dataset, type GroupRecord } from '../../core/dataset/types.js';
import { memberSlots } from '../shared/slots.js';

/** The measured parts of self-drive over one window of a group's life. */
export interface SelfDriveParts {
  humanMessages: number;
  memberMessages: number;
  /** Distinct members (not owner/admins) who wrote in the window. */
  activeMembers: number;
  /** Owner/admin share of human messages. */
  staffShare: number | null;
  conversations: number;
  /** Share of conversations (30-minute gaps) whose first message came from a member. */
  memberStartedShare: number | null;
  /** Conversations the owner or an admin started: the "prompts". */
  staffPrompts: number;
  /** Share of member messages NOT within `promptHours` after a staff prompt. */
  spontaneousShare: number | null;
  /** Gini of member messages per active member (0 = all equal, → 1 = one person writes all). */
  gini: number | null;
  /** Fewest members who write half of all member messages (CHAOSS contributor absence factor). */
  halfCount: number;
}

/**
 * One pass over the messages of (from, to]. "Prompted" is read from the data as it looks when the
 * owner carries a group: the owner opens a conversation (after 30 minutes of silence) and members
 * answer within the next hours. An admin answering inside a members' conversation is not a prompt.
 */
export function measureParts(ds: Dataset, g: GroupRecord, from: number, to: number, promptMs: number): SelfDriveParts {
  const { time, flags, sender } = ds.messages;
  let human = 0, staff = 0, member = 0, convs = 0, memberConvs = 0, prompts = 0, prompted = 0;
  let lastPrompt = -Infinity;
  // Member messages per member by slot (a Map updated per message cost more than the rest).
  const slots = memberSlots(ds, g);
  const perMember = new Int32Array(g.members.length);
  for (let j = g.msgStart; j < g.msgEnd; j++) {
    const t = time[j]!;
    if (t <= from) continue;
    if (t > to) break;
    const f = flags[j]!;
    if (!(f & FLAG.human)) continue;
    human++;
    if (f & FLAG.convStart) {
      convs++;
      if (f & FLAG.member) memberConvs++;
    }
    if (f & FLAG.staff) {
      staff++;
      if (f & FLAG.convStart) { prompts++; lastPrompt = t; }
    } else if (f & FLAG.member) {
      member++;
      if (t - lastPrompt <= promptMs) prompted++;
      perMember[slots[sender[j]!]!]!++;
    }
  }
  // Descending; a typed array sorts natively (no comparator call per comparison).
  const counts = Array.from(perMember.filter((x) => x > 0).sort().reverse());
  return {
    humanMessages: human,
    memberMessages: member,
    activeMembers: counts.length,
    staffShare: human > 0 ? staff / human : null,
    conversations: convs,
    memberStartedShare: convs > 0 ? memberConvs / convs : null,
    staffPrompts: prompts,
    spontaneousShare: member > 0 ? 1 - prompted / member : null,
    gini: counts.length > 0 ? gini(counts) : null,
    halfCount: halfCount(counts),
  };
}

/** Gini coefficient of counts sorted in descending order. */
export function gini(desc: number[]): number {
  const n = desc.length;
  const total = desc.reduce((a, b) => a + b, 0);
  if (n < 2 || total === 0) return 0;
  // With ascending ranks i = 1..n: G = (2 Σ i·x_i) / (n Σ x) − (n + 1) / n.
  let weighted = 0;
  for (let k = 0; k < n; k++) weighted += (n - k) * desc[k]!;
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

/** Fewest of the counts (sorted descending) that add up to at least half the total. */
export function halfCount(desc: number[]): number {
  const total = desc.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let k = 0; k < desc.length; k++) {
    sum += desc[k]!;
    if (sum * 2 >= total) return k + 1;
  }
  return 0;
}
