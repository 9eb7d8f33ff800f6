import { z } from 'zod';
import { findingSchema, type Finding } from '../../core/findings.js';
import { t } from '../../i18n/index.js';
import { lifecycle, type LifecycleResult } from '../lifecycle/index.js';
import { defineAnalysis } from '../types.js';
import { receptiveSlots } from './slots.js';
import { lifecycleWindow, type VitalityLike } from './window.js';

export const monetizationOptions = z.object({
  halfLifeDays: z.number().positive().default(90).describe('receptive slots: a message this many days old counts half as much as one today'),
  replyWeight: z.number().min(0).default(1).describe('receptive slots: extra weight of a member message that answers someone else'),
  neighbourWeight: z.number().min(0).max(1).default(0.5).describe('receptive slots: how much an hour borrows from the hour before and after'),
  minMessages: z.number().int().min(0).default(20).describe('receptive slots: fewer member messages than this and no slots are named'),
  slotMessages: z.number().min(0).default(300).describe('receptive slots: a quiet group with fewer (age-weighted) member messages pools over more weeks (up to 8× the half-life) and leans on the same hour across the week'),
  weekdayWeight: z.number().min(0).default(1).describe('receptive slots, sparse data: how much a slot borrows from the same hour\'s mean over the week'),
  declineActivity: z.number().min(0).max(1).default(0.5).describe('the activity share of its peak at which the window closes (shown in what to watch)'),
});

export const monetizationResult = z.object({
  window: z.object({
    status: z.enum(['upcoming', 'open', 'closed']),
    openedAt: z.string().nullable().describe('when the window opened (late growth began, or maturity); null if it never did'),
    closedAt: z.string().nullable().describe('when it closed (decline began); null while not closed'),
    watch: z.array(findingSchema).describe('what to watch'),
  }),
  slots: z.array(z.object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday in the report time zone, Monday = 1'),
    hour: z.number().int().min(0).max(23),
    score: z.number().min(0).max(1).describe('1 = the best slot'),
  })).describe('receptive slots, best first, at most --top'),
  heatmap: z.array(z.array(z.number().min(0).max(1))).optional().describe('7 rows (Monday first) × 24 hours: each slot relative to the best (1); empty when there is too little to go on'),
  evidence: z.array(findingSchema),
});

const vitalityShape = z.object({
  status: z.enum(['alive', 'at-risk', 'dead']),
  zombie: z.boolean().optional(),
  lastMemberMessageAt: z.string().nullable().optional(),
  daysSinceMemberActivity: z.number().nullable().optional(),
  reasons: z.array(z.object({ code: z.string() }).passthrough()).optional(),
});

export const monetization = defineAnalysis({
  key: 'monetization',
  title: 'Monetization window and receptive slots',
  optionsSchema: monetizationOptions,
  resultSchema: monetizationResult,
  run(g, ctx, o, prior) {
    // Lifecycle runs first in the registry; when it is left out, its defaults stand in.
    const lc = (prior.lifecycle as LifecycleResult | undefined) ?? lifecycle.run(g, ctx, lifecycle.optionsSchema.parse({}), prior);
    const parsed = vitalityShape.safeParse(prior.vitality);
    const vitality: VitalityLike | undefined = parsed.success ? parsed.data : undefined;
    const { slots, messages, heatmap } = receptiveSlots(ctx.dataset, g, ctx.asOf, ctx.top, o);
    const evidence: Finding[] = [];
    if (slots.length === 0) {
      const values = { messages };
      evidence.push({ code: 'slots-thin', severity: 'info', values, message: t('en', 'finding.slots-thin', values) });
    }
    return { window: lifecycleWindow(lc, vitality, o.declineActivity), slots, heatmap, evidence };
  },
});
