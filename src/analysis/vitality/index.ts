import { z } from 'zod';
import { findingSchema, type Finding } from '../../core/findings.js';
import { DAY, dayToDate, iso } from '../../core/time.js';
import { hasMessages } from '../shared/series.js';
import { defineAnalysis } from '../types.js';
import { activityFacts, rollingPeak } from './activity.js';
import { round3 } from '../shared/numbers.js';
import { reason } from './reason.js';

export const vitalityOptions = z.object({
  deadAfterDays: z.number().int().positive().default(30)
    .describe('days without member activity (owner, admins, bots and spam do not count) after which a group is dead'),
  atRiskAfterDays: z.number().int().positive().default(14)
    .describe('days without member activity after which a group is at risk'),
  recentDays: z.number().int().positive().default(28)
    .describe('window of recent member activity, compared with the best window of the same length in the past'),
  atRiskPeakShare: z.number().min(0).max(1).default(0.2)
    .describe('recent member activity below this share of its peak puts a group at risk'),
  minPeakMessages: z.number().int().nonnegative().default(30)
    .describe('a peak below this many member messages is too little history to call a fall from it'),
  zombieMinPosts: z.number().int().positive().default(3)
    .describe('a dead group where owner, admins, bots or spammers posted at least this often in the dead window is a zombie'),
});

export const vitalityResult = z.object({
  status: z.enum(['alive', 'at-risk', 'dead'])
    .describe('a group nobody wrote in is judged on its roster\'s dates (finding vitality-no-messages): dead after deadAfterDays, at risk with no dates at all'),
  deadAfterDays: z.number().int().optional().describe('the threshold used: days without member activity after which a group is dead (the lifecycle uses the same)'),
  zombie: z.boolean().describe('dead, while owner, admins, bots or spammers keep posting and no member answers'),
  lastMemberMessageAt: z.string().nullable().describe('last member-activity message at or before as-of'),
  daysSinceMemberActivity: z.number().nullable().describe('days from the last member message to as-of; null when members never spoke'),
  memberMessagesRecent: z.number().int().describe('member messages in the last recentDays days'),
  memberMessagesPeak: z.number().int().describe('the most member messages in any recentDays-day window'),
  peakEndedOn: z.string().nullable().describe('local date the peak window ended'),
  memberActivityVsPeak: z.number().nullable().describe('recent / peak member messages; null without a peak'),
  activeMembersRecent: z.number().int().describe('distinct members with member activity in the last recentDays days'),
  postsWhileSilent: z.object({ staff: z.number().int(), bot: z.number().int(), spam: z.number().int(), staffAnswered: z.number().int() })
    .describe('posts in the last deadAfterDays days by the owner/admins, bots, and spam; and staff posts another person answered (evidence only: staff answering staff does not stop a zombie)'),
  reasons: z.array(findingSchema),
});
export type VitalityResult = z.output<typeof vitalityResult>;

/**
 * Alive, at risk or dead (死群), judged on member activity only: a group that only the owner, a bot
 * or an advertiser keeps posting in is dead, and a zombie — the owner's daily post is not life.
 */
export const vitality = defineAnalysis({
  key: 'vitality',
  title: 'Vitality: alive, at risk, dead (zombie)',
  optionsSchema: vitalityOptions,
  resultSchema: vitalityResult,
  run(group, ctx, o): VitalityResult {
    const s = ctx.series(group);
    const facts = activityFacts(ctx.dataset, group, ctx.asOf, ctx.asOf - o.deadAfterDays * DAY, ctx.asOf - o.recentDays * DAY);
    const { recent, peak, peakDay } = rollingPeak(s, o.recentDays);
    const last = facts.lastMemberAt;
    const daysSince = last === null ? null : (ctx.asOf - last) / DAY;
    // Silence is counted from the last member message, or from the group's first event when
    // members never spoke: a group two days old has not been silent for long, whatever it holds.
    const silentDays = daysSince ?? Math.max(0, (ctx.asOf - s.firstAt) / DAY);
    const vsPeak = peak > 0 ? recent / peak : null;
    const posts = facts.staffPosts + facts.botPosts + facts.spamPosts;
    const reasons: Finding[] = [];
    const lastIso = last === null ? null : iso(last);
    const daysR = Math.floor(silentDays);

    let status: VitalityResult['status'] = 'alive';
    let zombie = false;
    // A group nobody has written in (a member list alone, only joins and leaves) is judged like one
    // whose members never spoke, on its roster's dates, with a finding that says so: the contract
    // has three statuses, and a roster two months old with no word in it is dead to its operator.
    // Without any date there is nothing to count silence from: at risk, not alive.
    const silent = !hasMessages(s);
    if (silent) reasons.push(reason('vitality-no-messages', s.dated ? 'info' : 'warn', { members: s.roster[s.days - 1]! }));
    if (silent && !s.dated) {
      status = 'at-risk';
    } else if (silentDays >= o.deadAfterDays) {
      status = 'dead';
      reasons.push(last === null
        ? reason('vitality-never-active', 'bad', { days: daysR, deadAfterDays: o.deadAfterDays })
        : reason('vitality-dead-silent', 'bad', { days: daysR, deadAfterDays: o.deadAfterDays, lastMemberMessageAt: lastIso }));
      // A zombie: dead, yet the owner/admins, bots or spam keep posting. No member answers (none
      // wrote in the window); staff answering staff (`staffAnswered`) is still only staff posting,
      // so it does not make the group less of a zombie.
      if (posts >= o.zombieMinPosts) {
        zombie = true;
        reasons.push(reason('vitality-zombie', 'bad', {
          days: o.deadAfterDays, staff: facts.staffPosts, bot: facts.botPosts, spam: facts.spamPosts, answered: facts.staffAnswered,
        }));
      }
    } else {
      if (silentDays >= o.atRiskAfterDays) {
        status = 'at-risk';
        reasons.push(reason('vitality-silent', 'warn', { days: daysR, atRiskAfterDays: o.atRiskAfterDays, lastMemberMessageAt: lastIso }));
      }
      if (vsPeak !== null && peak >= o.minPeakMessages && vsPeak < o.atRiskPeakShare) {
        status = 'at-risk';
        reasons.push(reason('vitality-below-peak', 'warn', {
          recent, peak, share: round3(vsPeak), threshold: o.atRiskPeakShare, windowDays: o.recentDays, peakEndedOn: dayToDate(s.day0 + peakDay),
        }));
      }
      if (status === 'alive') {
        reasons.push(last === null
          ? reason('vitality-young', 'info', { days: daysR, atRiskAfterDays: o.atRiskAfterDays })
          : reason('vitality-alive', 'good', { recent, activeMembers: facts.recentActiveMembers, windowDays: o.recentDays, share: vsPeak === null ? null : round3(vsPeak) }));
      }
    }
    return {
      status, deadAfterDays: o.deadAfterDays, zombie, lastMemberMessageAt: lastIso,
      daysSinceMemberActivity: daysSince === null ? null : Math.round(daysSince * 10) / 10,
      memberMessagesRecent: recent,
      memberMessagesPeak: peak,
      peakEndedOn: peak > 0 ? dayToDate(s.day0 + peakDay) : null,
      memberActivityVsPeak: vsPeak === null ? null : round3(vsPeak),
      activeMembersRecent: facts.recentActiveMembers,
      postsWhileSilent: { staff: facts.staffPosts, bot: facts.botPosts, spam: facts.spamPosts, staffAnswered: facts.staffAnswered },
      reasons,
    };
  },
});
