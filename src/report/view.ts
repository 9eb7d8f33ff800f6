import type { Finding } from '../core/findings.js';
import type { GroupReport } from './schema.js';

/**
 * What reporters read of the verdicts, typed loosely: a report from an older run (a --baseline)
 * or a partial one must still render, so every verdict is optional here; reports written before
 * session 12 have lifecycle, selfDrive and monetization null for a group with no messages (vitality
 * "no-messages", which the labels below still name).
 */
export interface GroupView {
  lifecycle?: { phase: string; since: string; confidence: number; timeline: { phase: string; start: string; end: string }[]; evidence: Finding[] } | null;
  vitality?: { status: string; zombie: boolean; lastMemberMessageAt: string | null; reasons: Finding[] };
  selfDrive?: ({ score: number; lacking: boolean } & Record<string, unknown>) | null;
  seedUsers?: { memberId: string; name: string; rank: number; score: number; signals: Record<string, number | null> }[];
  monetization?: { window: { status: string; openedAt: string | null; closedAt: string | null; watch?: Finding[] } & Record<string, unknown>; slots: { weekday: number; hour: number; score: number }[] } | null;
  fission?: { kFactor: number; invitedShare: number; maxDepth: number; cycleTimeDaysMedian: number | null; topSpreaders: { memberId: string; name: string; invited: number; stayed: number; active: number; stayedAndActive?: number; subtree: number }[] } & Record<string, unknown>;
}

export function view(g: GroupReport): GroupReport & GroupView {
  return g as GroupReport & GroupView;
}
