import { z } from 'zod';
import { FLAG } from '../../core/dataset/types.js';
import { isStaffRole } from '../../core/model.js';
import { DAY, iso } from '../../core/time.js';
import { defineAnalysis } from '../types.js';
import { round3 } from '../shared/numbers.js';
import { measureParts } from './parts.js';

export const selfDriveOptions = z.object({
  windowDays: z.number().int().positive().default(90)
    .describe('judge the group on this many days up to its last human message, so a group that changed is judged on its present'),
  promptHours: z.number().positive().default(2)
    .describe('member messages within this many hours after the owner or an admin opened a conversation count as prompted'),
  lackingBelow: z.number().min(0).max(1).default(0.45)
    .describe('a score below this is "lacking self-drive"'),
  staffShareCeiling: z.number().positive().max(1).default(0.5)
    .describe('an owner/admin share of messages at or above this scores 0 on that part'),
  weights: z.object({
    memberStarted: z.number().nonnegative().default(0.35).describe('weight of the share of conversations members start'),
    spontaneous: z.number().nonnegative().default(0.35).describe('weight of the share of member messages not prompted by staff'),
    staff: z.number().nonnegative().default(0.15).describe('weight of (1 − owner/admin share of messages)'),
    spread: z.number().nonnegative().default(0.15).describe('weight of (1 − Gini of messages per member)'),
  }).default({ memberStarted: 0.35, spontaneous: 0.35, staff: 0.15, spread: 0.15 }).describe('how the parts combine into the score'),
});

export const selfDriveResult = z.object({
  score: z.number().min(0).max(1).describe('0 = everything hangs on the owner, 1 = members carry the group'),
  lacking: z.boolean(),
  windowStart: z.string().describe('start of the window judged'),
  windowEnd: z.string().describe('end of the window: as-of, or the last human message when the group fell silent'),
  staffShare: z.number().nullable().describe('owner/admin share of human messages'),
  memberStartedShare: z.number().nullable().describe('share of conversations (30-minute gaps) started by members'),
  spontaneousShare: z.number().nullable().describe('share of member messages not within promptHours after a staff-opened conversation'),
  gini: z.number().nullable().describe('Gini of member messages per active member'),
  halfCount: z.number().int().describe('fewest members writing half of all member messages'),
  memberMessages: z.number().int(),
  activeMembers: z.number().int(),
  conversations: z.number().int(),
  staffPrompts: z.number().int().describe('conversations opened by the owner or an admin'),
  zombie: z.boolean().describe('vitality found only staff, bots or spam posting: lacking by definition'),
  staffKnown: z.boolean().optional().describe('(absent in reports of earlier versions) an owner or admin of the group is known (stated in the export or a member list, or inferred from behaviour); without one nobody prompts, so the parts that compare members with staff read as fully self-driven and the score says little'),
});
export type SelfDriveResult = z.output<typeof selfDriveResult>;

/**
 * Self-drive (自我驱动): how much of the group's life members start themselves rather than the
 * owner posting every day. Judged on the latest window of activity.
 */
export const selfDrive = defineAnalysis({
  key: 'selfDrive',
  title: 'Self-drive: do members carry the group?',
  optionsSchema: selfDriveOptions,
  resultSchema: selfDriveResult,
  run(group, ctx, o, prior): SelfDriveResult {
    const ds = ctx.dataset;
    // The window ends at the last human message: a group that went quiet is judged on its last
    // living stretch (a dead group may have been self-driven), while one where the owner still
    // posts into the silence is judged on that silence.
    let end = ctx.asOf;
    for (let j = group.msgEnd - 1; j >= group.msgStart; j--) {
      const t = ds.messages.time[j]!;
      if (t <= ctx.asOf && ds.messages.flags[j]! & FLAG.human) { end = t; break; }
    }
    const start = end - o.windowDays * DAY;
    const p = measureParts(ds, group, start, end, o.promptHours * 3_600_000);
    const zombie = (prior.vitality as { zombie?: boolean } | undefined)?.zombie === true;

    const w = o.weights;
    const parts: [number, number][] = [
      [w.memberStarted, p.memberStartedShare ?? 0],
      [w.spontaneous, p.spontaneousShare ?? 0],
      [w.staff, p.staffShare === null ? 0 : Math.max(0, 1 - p.staffShare / o.staffShareCeiling)],
      [w.spread, p.gini === null ? 0 : 1 - p.gini],
    ];
    const totalWeight = parts.reduce((a, [x]) => a + x, 0);
    let score = totalWeight > 0 ? parts.reduce((a, [x, v]) => a + x * v, 0) / totalWeight : 0;
    if (p.memberMessages === 0) score = 0;
    score = round3(Math.min(1, Math.max(0, score)));

    const r = (x: number | null) => (x === null ? null : round3(x));
    return {
      score,
      lacking: p.memberMessages === 0 || zombie || score < o.lackingBelow,
      windowStart: iso(Math.max(start, Math.min(end, ctx.series(group).firstAt))),
      windowEnd: iso(end),
      staffShare: r(p.staffShare),
      memberStartedShare: r(p.memberStartedShare),
      spontaneousShare: r(p.spontaneousShare),
      gini: r(p.gini),
      halfCount: p.halfCount,
      memberMessages: p.memberMessages,
      activeMembers: p.activeMembers,
      conversations: p.conversations,
      staffPrompts: p.staffPrompts,
      zombie,
      staffKnown: group.members.some((m) => isStaffRole(ds.members[m]!.role)),
    };
  },
});
