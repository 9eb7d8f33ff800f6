/**
 * Who is in a group and when: joins and leaves day by day as the plan's phases say, with the
 * planted people (seed users, spreaders, fake spreaders, distractors) scheduled in. The roster
 * decides the size curve that lifecycle detection sees in members.csv.
 */
import { DAY, HOUR, MINUTE } from './clock.js';
import { joinsAt, segmentAt } from './scenario.js';
import type { PeoplePool, Platform } from './names.js';
import type { Rng } from './prng.js';
import type { Plan, Role, SimMember, Tag } from './types.js';

export interface Roster {
  members: SimMember[];
  owner: SimMember;
  staff: SimMember[];
  bot: SimMember | null;
  /** Members in the group at the end of each day (index = day since creation). */
  sizeByDay: number[];
  createdAt: number;
  day0: number;
}

export interface RosterInput {
  plan: Plan;
  rng: Rng;
  pool: PeoplePool;
  platform: Platform;
  /** UTC instant of local midnight of the creation day. */
  day0: number;
}

type Special = { tag: Tag; spreader?: boolean };

const FOREVER = Number.POSITIVE_INFINITY;

export function buildRoster({ plan, rng, pool, platform, day0 }: RosterInput): Roster {
  const names = new Set<string>();
  const ids = new Set<string>();
  const members: SimMember[] = [];
  const dayStart = (d: number) => day0 + d * DAY;
  const daytime = (d: number) => dayStart(d) + rng.int(8 * 60, 23 * 60 + 30) * MINUTE + rng.int(0, 59) * 1000;

  const add = (tag: Tag, role: Role, joinedAt: number, invitedBy: SimMember | null): SimMember => {
    const p = pool.person(platform, names, ids);
    const via = tag === 'owner' ? 'creator' : invitedBy ? (rng.chance(0.25) ? 'qr' : 'invite') : 'unknown';
    const regularTalk = rng.chance(0.42) ? Math.min(1.5, rng.lognormal(0.25, 1)) : 0;
    const m: SimMember = {
      ...p, role, tag, spreader: false, joinedAt, leftAt: null, invitedBy, via,
      talk: regularTalk, initiative: 1, fadesAt: joinedAt + rng.lognormal(150, 0.8) * DAY,
      inviteWeight: rng.lognormal(0.3, 1), stays: false,
    };
    if (m.talk === 0 && tag === 'regular') m.tag = 'lurker';
    members.push(m);
    return m;
  };

  const createdAt = dayStart(0) + rng.int(9, 21) * HOUR + rng.int(0, 3599) * 1000;
  const owner = add('owner', 'owner', createdAt, null);
  Object.assign(owner, { talk: plan.ownerDriven ? 0 : 0.5, initiative: 1, fadesAt: FOREVER, stays: true, inviteWeight: 0 });
  const staff = [owner];
  for (let i = 0; i < plan.admins; i++) {
    const a = add('admin', 'admin', createdAt + rng.int(1, 72) * HOUR, owner);
    Object.assign(a, { talk: 0.6, initiative: 1.5, fadesAt: FOREVER, stays: true });
    staff.push(a);
  }
  const bot = plan.hasBot ? add('bot', 'bot', createdAt + rng.int(1, 240) * HOUR, owner) : null;
  if (bot) Object.assign(bot, { talk: 0, stays: true, inviteWeight: 0 });

  // Planted people, scheduled onto days of the group's active life.
  const activeEnd = Math.min(plan.age, plan.silentFrom - 1);
  const specials = new Map<number, Special[]>();
  const schedule = (day: number, s: Special) => {
    const list = specials.get(day) ?? [];
    list.push(s);
    specials.set(day, list);
  };
  const growthEnd = Math.max(...plan.segments.filter((s) => s.phase !== 'decline' && s.sub !== 'flat' && s.sub !== 'revival').map((s) => s.endDay));
  for (let i = 0; i < plan.seeds; i++) schedule(rng.int(1, Math.max(2, Math.min(activeEnd - 40, Math.floor(activeEnd * 0.4)))), { tag: 'seed', spreader: i === 0 && rng.chance(0.5) });
  for (let i = 0; i < plan.spreaders; i++) schedule(rng.int(2, Math.max(3, Math.min(growthEnd, plan.age - 31) - 20)), { tag: 'spreader', spreader: true });
  for (let i = 0; i < plan.fakeSpreaders; i++) schedule(rng.int(3, Math.max(4, activeEnd - 45)), { tag: 'fake-spreader' });
  for (let i = 0; i < plan.spammers; i++) {
    // In a zombie group one spammer arrives after the members fell silent: only ads and the owner remain.
    const from = plan.kind === 'zombie' && i === 0 ? plan.silentFrom : 3;
    schedule(rng.int(from, Math.max(from + 1, plan.kind === 'zombie' ? plan.age - 20 : activeEnd - 10)), { tag: 'spammer' });
  }
  for (let i = 0; i < plan.bursts; i++) schedule(rng.int(3, Math.max(4, activeEnd - 10)), { tag: 'burst' });
  for (let i = 0; i < plan.heavyLeavers; i++) if (activeEnd > 130) schedule(rng.int(3, activeEnd - 110), { tag: 'heavy-left' });

  // Invites that planted people make later: day → inviter.
  const invites = new Map<number, SimMember[]>();
  const inviteOn = (day: number, who: SimMember) => {
    const list = invites.get(day) ?? [];
    list.push(who);
    invites.set(day, list);
  };
  const lastInviteDay = Math.max(1, plan.age - 31);

  const placeSpecial = (d: number, s: Special): void => {
    const m = add(s.tag, 'member', daytime(d), rng.chance(0.7) ? owner : null);
    m.inviteWeight = 0;
    if (s.tag === 'seed') {
      Object.assign(m, { talk: rng.range(2.5, 4), initiative: 3, fadesAt: FOREVER, stays: true });
    } else if (s.tag === 'spreader') {
      Object.assign(m, { talk: rng.range(0.8, 1.5), initiative: 1.2, fadesAt: FOREVER, stays: true });
    } else if (s.tag === 'heavy-left') {
      Object.assign(m, { talk: rng.range(2.5, 3.5), initiative: 2.5, fadesAt: FOREVER });
      m.leftAt = daytime(Math.min(d + rng.int(40, 150), activeEnd - 20, plan.age - 20));
    } else if (s.tag === 'fake-spreader') {
      const on = Math.min(d + rng.int(1, 20), lastInviteDay);
      const count = rng.int(10, 30);
      const at = daytime(on);
      for (let k = 0; k < count; k++) {
        const inv = add('fake-invitee', 'member', at + rng.int(0, 180) * MINUTE, m);
        Object.assign(inv, { talk: 0, inviteWeight: 0 });
        if (rng.chance(0.85)) inv.leftAt = inv.joinedAt + Math.min(7 * DAY - HOUR, rng.expo(2 * DAY) + HOUR);
      }
    } else {
      Object.assign(m, { talk: 0 }); // spammer and burst write through their own generators
    }
    m.spreader = s.spreader ?? false;
    if (m.spreader) {
      // 80% of first invitations come within 5 days of joining (Qiu et al. 2016).
      const n = rng.int(5, 12);
      let day = d + rng.int(1, 5);
      for (let k = 0; k < n && day <= lastInviteDay; k++, day += rng.int(1, 9)) inviteOn(day, m);
    } else if (s.tag === 'seed') {
      for (let k = rng.int(1, 3); k > 0; k--) inviteOn(Math.min(d + rng.int(2, 40), lastInviteDay), m);
    }
  };

  const ordinaryInviter = (d: number, alive: SimMember[]): SimMember | null => {
    const r = rng.next();
    const seeding = segmentAt(plan, d).sub === 'seeding';
    if (r < (seeding ? 0.6 : 0.06)) return owner;
    if (r < (seeding ? 0.7 : 0.1)) return staff.length > 1 ? rng.pick(staff.slice(1)) : owner;
    if (r < (seeding ? 0.82 : 0.25)) return null;
    const now = dayStart(d);
    const w = alive.map((m) => {
      const since = now - m.joinedAt;
      return m.role === 'member' ? m.inviteWeight * (since < 5 * DAY ? 3 : since < 30 * DAY ? 1 : 0.25) : 0;
    });
    return w.some((x) => x > 0) ? alive[rng.weighted(w)]! : owner;
  };

  const sizeByDay: number[] = [];
  // Members in the group at the end of the previous day; newcomers are taken from `members` by
  // index once their join time has come (an invitee can join just after midnight).
  let alive: SimMember[] = [];
  let pending: SimMember[] = [];
  let cursor = 0;
  for (let d = 0; d <= plan.age; d++) {
    const end = dayStart(d + 1);
    for (const s of specials.get(d) ?? []) placeSpecial(d, s);
    for (const inviter of invites.get(d) ?? []) {
      if (inviter.leftAt !== null && inviter.leftAt < end) continue;
      const inv = add('regular', 'member', Math.max(daytime(d), inviter.joinedAt + HOUR), inviter);
      // Planted invitees stay and talk: that is what makes their inviter a real spreader.
      Object.assign(inv, { tag: 'regular', talk: rng.range(0.3, 1), stays: rng.chance(inviter.spreader ? 0.92 : 1), inviteWeight: inv.inviteWeight * 2 });
    }
    const n = rng.poisson(joinsAt(plan, d, alive.length));
    for (let k = 0; k < n; k++) add('regular', 'member', daytime(d), ordinaryInviter(d, alive));

    pending.push(...members.slice(cursor));
    cursor = members.length;
    const today = pending.filter((m) => m.joinedAt < end);
    pending = pending.filter((m) => m.joinedAt >= end);
    alive.push(...today);

    const seg = segmentAt(plan, d);
    const shock = plan.shockDay >= 0 && d >= plan.shockDay && d < plan.shockDay + 3 ? rng.range(0.08, 0.15) : 0;
    for (const m of alive) {
      if (m.leftAt !== null || m.stays || m.role !== 'member') continue;
      if (m.tag === 'fake-invitee' || m.tag === 'spammer' || m.tag === 'burst') continue; // their own fate
      const fresh = end - m.joinedAt < 10 * DAY ? 0.008 : 0;
      if (rng.chance(seg.hazard + fresh + shock)) m.leftAt = Math.max(m.joinedAt + HOUR, daytime(d));
    }
    alive = alive.filter((m) => m.leftAt === null || m.leftAt >= end);
    sizeByDay.push(alive.length);
  }
  return { members, owner, staff, bot, sizeByDay, createdAt, day0 };
}
