/**
 * Small datasets built in code for analysis tests. Everything goes through the real DatasetBuilder
 * and finalize, so flags (human, member, staff, spam, convStart), inferred answers and spammers are
 * set exactly as they are for real exports.
 *
 *   const ds = dataset({
 *     members: [{ id: 'boss', role: 'owner' }, { id: 'ann', joinedAt: day(0) }],
 *     messages: [msg('boss', day(0, 9), 'hello'), msg('ann', day(0, 9, 2), 'hi!')],
 *   });
 *   const ctx = ctxFor(ds, day(30));
 */
import { DatasetBuilder } from '../../src/core/dataset/builder.js';
import type { Dataset } from '../../src/core/dataset/types.js';
import type { GroupInfo, IngestEvent, JoinMethod, MessageKind, Role } from '../../src/core/model.js';
import { DAY, Zone } from '../../src/core/time.js';
import { computeSeries, type GroupSeries } from '../../src/analysis/shared/series.js';
import type { AnalysisContext } from '../../src/analysis/types.js';

/** Monday 2024-01-01 00:00 UTC: day 0 of every test dataset. */
export const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000, MINUTE = 60_000;

/** UTC ms of day `d` (from T0) at hour h, minute m. */
export function day(d: number, h = 0, m = 0): number {
  return T0 + d * DAY + h * HOUR + m * MINUTE;
}

export interface MemberSpec {
  id: string;
  name?: string;
  role?: Role;
  joinedAt?: number;
  leftAt?: number;
  invitedBy?: string;
  joinMethod?: JoinMethod;
}

export interface MsgSpec {
  from: string;
  at: number;
  text?: string;
  kind?: MessageKind;
  /** Id of the message replied to (give the target an `id`). */
  replyTo?: string;
  id?: string;
  mentions?: string[];
  role?: Role;
}

export interface EventSpec {
  at: number;
  action: 'join' | 'leave' | 'remove';
  member: string;
  by?: string;
  method?: JoinMethod;
}

export interface DatasetSpec {
  /** A member list (sets hasMemberList); omit for a chat export without one. */
  members?: MemberSpec[];
  messages?: MsgSpec[];
  /** Joins and leaves seen in the chat (sets hasJoinEvents). */
  events?: EventSpec[];
  /** Roles stated by system lines, without a member list (e.g. the owner of a chat-only export). */
  roles?: Record<string, Role>;
  group?: Partial<GroupInfo>;
}

/** A message spec; `text` defaults to something unique so no two messages look like a repeated ad. */
let counter = 0;
export function msg(from: string, at: number, text?: string, extra: Omit<MsgSpec, 'from' | 'at' | 'text'> = {}): MsgSpec {
  return { from, at, text: text ?? `message number ${++counter} from ${from}`, ...extra };
}

/** One group's dataset, or several groups' when given several specs. */
export function dataset(spec: DatasetSpec | DatasetSpec[], tz = 'UTC'): Dataset {
  const b = new DatasetBuilder();
  const specs = Array.isArray(spec) ? spec : [spec];
  specs.forEach((s, i) => { for (const ev of events(s, i)) b.add(ev, 0); });
  return b.finish(tz);
}

function events(s: DatasetSpec, i: number): IngestEvent[] {
  const group: GroupInfo = { id: s.group?.id ?? `g${i + 1}`, name: s.group?.name ?? `Group ${i + 1}`, platform: s.group?.platform ?? 'wechat', ...(s.group?.personal ? { personal: true } : {}) };
  const out: IngestEvent[] = [];
  if (s.roles) out.push({ type: 'group', group, roles: Object.entries(s.roles).map(([memberId, role]) => ({ memberId, role })) });
  for (const m of s.members ?? []) {
    out.push({
      type: 'member', group, memberId: m.id, name: m.name ?? m.id, role: m.role ?? 'member',
      ...(m.joinedAt !== undefined && { joinedAt: m.joinedAt }), ...(m.leftAt !== undefined && { leftAt: m.leftAt }),
      ...(m.invitedBy !== undefined && { invitedBy: m.invitedBy }), ...(m.joinMethod !== undefined && { joinMethod: m.joinMethod }),
    });
  }
  for (const e of s.events ?? []) {
    out.push({ type: 'membership', group, time: e.at, action: e.action, memberId: e.member, memberName: e.member, ...(e.by !== undefined && { by: e.by }), ...(e.method !== undefined && { method: e.method }) });
  }
  for (const m of s.messages ?? []) {
    out.push({
      type: 'message', group, time: m.at, senderId: m.from, senderName: m.from, kind: m.kind ?? 'text',
      ...(m.text !== undefined && { text: m.text }), ...(m.id !== undefined && { id: m.id }),
      ...(m.replyTo !== undefined && { replyTo: m.replyTo }), ...(m.mentions !== undefined && { mentions: m.mentions }),
      ...(m.role !== undefined && { senderRole: m.role }),
    });
  }
  return out;
}

/** An AnalysisContext like the report builder's: series computed once per group. */
export function ctxFor(ds: Dataset, asOf: number, tz = 'UTC', top = 10): AnalysisContext {
  const zone = new Zone(tz);
  const cache = new Map<number, GroupSeries>();
  return {
    dataset: ds, asOf, zone, top,
    series: (g) => cache.get(g.index) ?? cache.set(g.index, computeSeries(ds, g, asOf, zone)).get(g.index)!,
  };
}

/** Member index by key in group `g` (default the first group). */
export function memberIndex(ds: Dataset, key: string, g = 0): number {
  const idx = ds.groups[g]!.members.find((m) => ds.members[m]!.key === key);
  if (idx === undefined) throw new Error(`no member ${key} in group ${g}`);
  return idx;
}

/**
 * Everyday chatter: each of `who` posts `perDay` messages on each day in [from, to), spread over
 * the afternoon, each one a few minutes after the previous (so they answer each other).
 */
export function chatter(who: string[], from: number, to: number, perDay = 1, startHour = 14): MsgSpec[] {
  const out: MsgSpec[] = [];
  for (let d = from; d < to; d++) {
    let minute = 0;
    for (let k = 0; k < perDay; k++) for (const w of who) out.push(msg(w, day(d, startHour, (minute += 3))));
  }
  return out;
}
