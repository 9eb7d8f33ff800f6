import type { Dataset } from '../../core/dataset/types.js';
import { ROLES, type JoinMethod, type Role } from '../../core/model.js';
import { joinedBy } from './joins.js';

/** Join methods by their code in MemberColumns.joinMethod; an unknown method is 'unknown'. */
export const JOIN_METHODS = ['invite', 'qr', 'link', 'unknown'] as const satisfies readonly JoinMethod[];

/** Role codes of MemberColumns.role (index in ROLES). */
export const ROLE = Object.freeze(Object.fromEntries(ROLES.map((r, i) => [r, i]))) as { readonly [R in Role]: number };

/**
 * The member fields that the analyses' per-member loops read, as typed arrays by dataset member
 * index; NaN where a time is null, -1 where there is no inviter.
 *
 * Why: a group's members are scattered over the dataset's records, so a loop over `g.members`
 * fetched each record (and each boxed time in it) from memory on its own — about 10 ms a pass at
 * 100 k members, and an analyze makes some twenty such passes. The columns are read once per
 * dataset, in record order. The member records do not change once finalize has built them.
 */
export interface MemberColumns {
  joinedAt: Float64Array;
  leftAt: Float64Array;
  firstMessageAt: Float64Array;
  /** First act of a member known only as an inviter or remover (NaN for everyone else). */
  actedAt: Float64Array;
  /** The join that counts as one (joinedBy): NaN for the group's creator and for unknown joins. */
  joined: Float64Array;
  invitedBy: Int32Array;
  /** An inviter named but not found among the members (the second half of hasInviter). */
  rawInviter: Uint8Array;
  /** Index in JOIN_METHODS. */
  joinMethod: Uint8Array;
  role: Uint8Array;
  listed: Uint8Array;
  /**
   * In before the group's known history: no join time of theirs, in a group where others' join
   * times are known, and listed (a member list with 入群时间, or join notices) or writing in an
   * export that records joins (their join would be on record had it happened within it).
   */
  presentBefore: Uint8Array;
  spammer: Uint8Array;
}

const memo = new WeakMap<Dataset['members'], MemberColumns>();

export function memberColumns(ds: Dataset): MemberColumns {
  const members = ds.members;
  let c = memo.get(members);
  if (c && c.role.length === members.length) return c;
  const n = members.length, time = () => new Float64Array(n);
  c = {
    joinedAt: time(), leftAt: time(), firstMessageAt: time(), actedAt: time(), joined: time(),
    invitedBy: new Int32Array(n), rawInviter: new Uint8Array(n), joinMethod: new Uint8Array(n), role: new Uint8Array(n), listed: new Uint8Array(n), presentBefore: new Uint8Array(n), spammer: new Uint8Array(n),
  };
  const joinsKnown = new Set<number>();
  for (const r of members) if (r.joinedAt !== null && joinedBy(r, Infinity)) joinsKnown.add(r.group);
  // Groups whose export records joins (notices): someone who writes with no join of theirs on
  // record was in before the export began, as a listed member without a join time is.
  const noticed = new Set<number>();
  for (const g of ds.groups) if (g.hasJoinEvents && joinsKnown.has(g.index)) noticed.add(g.index);
  for (let m = 0; m < n; m++) {
    const r = members[m]!;
    c.joinedAt[m] = r.joinedAt ?? NaN;
    c.leftAt[m] = r.leftAt ?? NaN;
    c.firstMessageAt[m] = r.firstMessageAt ?? NaN;
    c.actedAt[m] = r.actedAt ?? NaN;
    c.joined[m] = joinedBy(r, Infinity) ? r.joinedAt : NaN;
    c.invitedBy[m] = r.invitedBy ?? -1;
    c.rawInviter[m] = r.inviterRaw !== null && r.inviterRaw !== r.key && !r.names.includes(r.inviterRaw) ? 1 : 0;
    c.joinMethod[m] = JOIN_METHODS.indexOf(r.joinMethod ?? 'unknown');
    c.role[m] = ROLE[r.role];
    c.listed[m] = r.listed ? 1 : 0;
    c.presentBefore[m] = r.joinedAt === null && (r.listed ? joinsKnown.has(r.group) : noticed.has(r.group) && r.firstMessageAt !== null) ? 1 : 0;
    c.spammer[m] = r.spammer ? 1 : 0;
  }
  memo.set(members, c);
  return c;
}

/** joinedBy (shared/joins.ts) from the columns: a counted join at or before as-of. */
export function joinedByAt(c: MemberColumns, m: number, asOf: number): boolean {
  return c.joined[m]! <= asOf;
}

/** A time column's value as the record has it: null for NaN. */
export function orNull(t: number): number | null {
  return Number.isNaN(t) ? null : t;
}
