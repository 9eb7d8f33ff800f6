import type { GroupReport } from './schema.js';

interface Verdicts {
  vitality?: { status?: string; zombie?: boolean };
  selfDrive?: { lacking?: boolean };
  lifecycle?: { phase?: string };
}

/** How urgently a group needs the operator: dead, then at risk, then declining or lacking self-drive. */
export function attentionScore(g: GroupReport): number {
  const v = g as GroupReport & Verdicts;
  let s = 0;
  if (v.vitality?.status === 'dead') s += 8;
  else if (v.vitality?.status === 'at-risk') s += 4;
  if (v.lifecycle?.phase === 'decline') s += 2;
  if (v.selfDrive?.lacking) s += 1;
  return s;
}

/** Groups that need attention first; among equals, the bigger group first. */
export function byAttention(groups: GroupReport[]): GroupReport[] {
  return [...groups].sort((a, b) => attentionScore(b) - attentionScore(a) || b.members.total - a.members.total || a.name.localeCompare(b.name));
}
