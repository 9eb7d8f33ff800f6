import { z } from 'zod';
import { defineAnalysis } from '../types.js';
import { memberActivity } from './activity.js';
import { cohorts } from './cohorts.js';
import { joiners } from './joiners.js';
import { goingQuiet } from './quiet.js';
import { newcomers } from './newcomers.js';

const options = z.object({
  quietDays: z.number().int().min(1).default(21).describe('a regular member silent this many days is going quiet'),
  minActiveWeeks: z.number().int().min(1).default(4).describe('regular: wrote in at least this many distinct weeks …'),
  minPerWeek: z.number().min(0).default(1).describe('… and on average this many messages a week between their first and last message'),
  maxListed: z.number().int().min(1).default(20).describe('how many members going quiet to list'),
});

const share = z.number().nullable();
const result = z.object({
  newcomers: z.object({
    perMonth: z.array(z.object({
      month: z.string().describe('join month, YYYY-MM in the report time zone'),
      joined: z.number().int(),
      postedFirstWeek: share.describe('share who wrote within 7 days of joining (of those who joined ≥ 7 days before as-of)'),
      medianHoursToFirstResponse: z.number().nullable().describe('from a newcomer\'s first message to the first answer from someone else (CHAOSS)'),
    })),
    postedFirstWeekShare: share,
    medianHoursToFirstResponse: z.number().nullable(),
  }),
  goingQuiet: z.array(z.object({
    memberId: z.string(), name: z.string(), lastMessageAt: z.string(),
    usualPerWeek: z.number(), activeWeeks: z.number().int(), daysSilent: z.number().int(),
    seedUser: z.boolean().describe('listed as a seed user by the seed-user analysis'),
  })).describe('previously regular members, still in the group, silent for quietDays or more; seed users first'),
  cohorts: z.array(z.object({
    month: z.string(), joined: z.number().int(),
    stillIn1m: share, stillIn2m: share, stillIn3m: share, posting1m: share, posting2m: share, posting3m: share,
  })).describe('retention by join month; null while the month is too recent to know'),
});

/** Member journeys: newcomers, members going quiet, retention cohorts (merged into groups[i].members). */
export const journeys = defineAnalysis({
  key: 'journeys',
  title: 'Member journeys: newcomers, going quiet, retention cohorts',
  optionsSchema: options,
  resultSchema: result,
  mergeInto: 'members',
  run(g, ctx, o, prior) {
    const ds = ctx.dataset;
    const act = memberActivity(ds, g, ctx.asOf);
    const joined = joiners(ds, g, ctx.asOf, ctx.zone);
    const seeds = new Set<string>();
    const listed = prior.seedUsers;
    if (Array.isArray(listed)) for (const s of listed as { memberId?: unknown }[]) if (typeof s.memberId === 'string') seeds.add(s.memberId);
    return {
      newcomers: newcomers(joined, act, ctx.asOf, ctx.zone),
      goingQuiet: goingQuiet(ds, g, act, ctx.asOf, seeds, o),
      cohorts: cohorts(ds, joined, act, ctx.asOf, ctx.zone),
    };
  },
});
