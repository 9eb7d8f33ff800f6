/**
 * The simulator's entry point: `simulate()` builds every group (plan → roster → chat → truth) and
 * returns the rows of messages.csv and members.csv plus truth.json. Pure: same options, same output.
 */
import { DAY, DEFAULT_AS_OF, isoLocal, localMidnight, TIME_ZONE } from './clock.js';
import { dailyChat } from './chat.js';
import { memberRow, messageRow, type MemberRow, type MessageRow } from './csv.js';
import { groupId, groupName, PeoplePool, THEMES, type Platform, type Theme } from './names.js';
import { hashSeed, Rng } from './prng.js';
import { buildRoster } from './roster.js';
import { planFor } from './scenario.js';
import { recalls, spamAndBursts, topUpPeak } from './specials.js';
import { groupTruth, type Truth } from './truth.js';
import { cutFor, truncateGroup } from './truncate.js';
import { KINDS, type Kind, type Plan, type SimMessage } from './types.js';

/** A group asked for by name and kind (the demo); omitted fields are drawn at random. */
export interface GroupSpec {
  kind: Kind;
  name?: string;
  theme?: Theme;
  platform?: Platform;
  /** Peak roster size. */
  size?: number;
}

export interface SimulateOptions {
  seed: number;
  /** Number of groups (default 40); ignored when `specs` is given. */
  groups?: number;
  /** Multiplies message volume (default 1). */
  scale?: number;
  /** Explicit groups instead of the balanced random mix. */
  specs?: GroupSpec[];
  /** Shared "now", UTC ms (default 2025-06-30T23:59:59+08:00). */
  asOf?: number;
  /** Multiplies group sizes (peak roster and joins; default 1). Not applied to `specs` with a size. */
  sizeScale?: number;
  /**
   * Drops the first N days of every group's history (an export that starts mid-life; see
   * truncate.ts). Groups with less than two weeks left are left out. Default: nothing dropped.
   */
  truncateDays?: number;
}

export interface SimulateResult {
  messages: MessageRow[];
  members: MemberRow[];
  truth: Truth;
  /** The plans behind truth, in group order (for tests and debugging; not written to disk). */
  plans: Plan[];
}

/** Conversations per day per (size^0.85) at full activity, before `scale`. */
const LEVEL = 0.055;

/** A balanced mix: every kind once per round of ten, rounds in shuffled order. */
function balancedKinds(rng: Rng, n: number): Kind[] {
  const kinds: Kind[] = [];
  while (kinds.length < n) kinds.push(...rng.shuffle([...KINDS]));
  return kinds.slice(0, n);
}

const whole = (t: number) => Math.floor(t / 1000) * 1000;

export function simulate(opts: SimulateOptions): SimulateResult {
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const scale = opts.scale ?? 1;
  const root = new Rng(hashSeed(opts.seed, 'community-audit-sim'));
  const pool = new PeoplePool(root.fork('people'));
  const specs: GroupSpec[] = opts.specs ?? balancedKinds(root.fork('kinds'), opts.groups ?? 40).map((kind) => ({ kind }));
  const usedNames = new Set<string>();
  const messages: MessageRow[] = [];
  const members: MemberRow[] = [];
  const truth: Truth = { seed: opts.seed, asOf: isoLocal(asOf), timeZone: TIME_ZONE, groups: [] };
  const plans: Plan[] = [];

  specs.forEach((spec, index) => {
    const rng = new Rng(hashSeed(opts.seed, `group-${index}`));
    const platform: Platform = spec.platform ?? (rng.chance(0.25) ? 'qq' : 'wechat');
    const theme = spec.theme ?? rng.pick(THEMES);
    const group = { id: groupId(rng, platform), name: spec.name ?? groupName(rng, theme, usedNames) };
    const plan = planFor(spec.kind, rng.fork('plan'), spec.size, opts.sizeScale ?? 1);
    const day0 = localMidnight(asOf) - plan.age * DAY;
    const roster = buildRoster({ plan, rng: rng.fork('roster'), pool, platform, day0 });
    const ctx = { rng: rng.fork('chat'), theme, out: [] as SimMessage[] };
    dailyChat(ctx, plan, roster, scale, LEVEL);
    spamAndBursts(ctx, plan, roster, asOf);
    topUpPeak(ctx, plan, roster);
    recalls(ctx);

    // Whole seconds everywhere, so truth computed here equals truth recomputed from the CSVs.
    for (const m of roster.members) {
      m.joinedAt = whole(m.joinedAt);
      if (m.leftAt !== null) m.leftAt = whole(m.leftAt);
    }
    // A last guard: nobody writes before joining or after leaving (replies to a dropped row lose reply_to).
    const out = ctx.out.filter((m) => m.t <= asOf && m.t >= roster.createdAt
      && (!m.sender || (m.sender.joinedAt <= m.t && (m.sender.leftAt === null || m.t <= m.sender.leftAt))));
    for (const m of out) m.t = whole(m.t);
    // Stable sort by time; system rows first within a second (a join precedes the greeting).
    out.sort((a, b) => a.t - b.t || Number(b.type === 'system') - Number(a.type === 'system'));
    const prefix = platform === 'qq' ? `qq${index + 1}` : `wx${index + 1}`;
    out.forEach((m, i) => { m.id = `${prefix}-${String(i + 1).padStart(6, '0')}`; });

    if (opts.truncateDays !== undefined && opts.truncateDays > 0) {
      const cut = cutFor(roster, opts.truncateDays, asOf);
      if (cut === null) return;
      const kept = out.filter((m) => m.t >= cut);
      const g = truncateGroup(group, roster, kept, groupTruth({ groupId: group.id, groupName: group.name }, plan, roster, kept, asOf), cut, asOf);
      messages.push(...g.messages);
      members.push(...g.members);
      plans.push(plan);
      truth.groups.push(g.truth);
      return;
    }
    for (const m of out) messages.push(messageRow(group, m));
    for (const m of roster.members) members.push(memberRow(group.id, m));
    plans.push(plan);
    truth.groups.push(groupTruth({ groupId: group.id, groupName: group.name }, plan, roster, out, asOf));
  });
  return { messages, members, truth, plans };
}
