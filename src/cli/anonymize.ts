import { createHmac } from 'node:crypto';
import { extname } from 'node:path';
import { UserError } from '../core/errors.js';
import type { AuditResult } from '../report/schema.js';

/** A pseudonym: the kind and 10 hex digits of HMAC-SHA256(salt, kind:value) — 40 bits, no clashes in practice. */
const PSEUDONYM = /^(group|member|input)-[0-9a-f]{10}$/;

/** Names the input holds, from the dataset: every group and member, so nothing can slip through. */
export interface KnownNames {
  groups: { id: string; name: string }[];
  /** A member's key (platform id or name) and every display name seen for it. */
  members: { key: string; names: string[] }[];
  /** Other text that names a person: inviters written as text, and the like. */
  others?: string[];
}

/**
 * `--anonymize`: the report with every group, member and file name replaced by a stable pseudonym
 * (`group-…`, `member-…`, `input-….csv`), before any reporter sees it, so every format is covered.
 * The same salt gives the same pseudonyms on every run (reports stay comparable, baselines match);
 * pseudonyms pass through unchanged, so anonymizing twice is harmless.
 *
 * Robust by design rather than by listing fields: every name of the input (`known`, from the
 * dataset) and every name the report carries anywhere is learnt first, then every string of the
 * whole report that is not a code, a date or a number is scrubbed. A new analysis that puts a
 * name in a new place is covered without a change here.
 */
export function anonymize(r: AuditResult, salt: string, known?: KnownNames): AuditResult {
  const a = new Anonymizer(salt);
  for (const g of known?.groups ?? []) a.pseudo('group', g.id, g.name);
  for (const m of known?.members ?? []) a.pseudo('member', m.key, ...m.names);
  for (const o of known?.others ?? []) a.pseudo('member', o);
  for (const g of r.groups) { a.pseudo('group', g.id, g.name); a.learn(g); }
  for (const c of r.changes ?? []) {
    a.pseudo('group', c.groupId, c.groupName);
    if (c.memberId !== null) a.pseudo('member', c.memberId, c.memberName);
  }
  const inputs = r.inputs.map((i) => ({ ...i, path: a.path(i.path) }));
  const warnings = r.warnings.map((w) => ({ ...w, file: w.file === null ? null : a.path(w.file) }));
  const out: AuditResult = {
    ...r,
    inputs,
    // A group's name becomes its id's pseudonym, even when two groups share a name.
    groups: r.groups.map((g) => {
      const id = a.pseudo('group', g.id, g.name);
      return { ...(a.scrubDeep(g) as typeof g), id, name: id };
    }),
    warnings: a.scrubDeep(warnings) as AuditResult['warnings'],
  };
  if (r.changes) {
    out.changes = r.changes.map((c) => {
      const groupId = a.pseudo('group', c.groupId, c.groupName);
      const memberId = c.memberId === null ? null : a.pseudo('member', c.memberId, c.memberName);
      return { ...(a.scrubDeep(c) as typeof c), groupId, groupName: groupId, memberId, memberName: c.memberName === null ? null : memberId };
    });
  }
  return out;
}

/** The pseudonym `anonymize` gives a value under this salt (to map `--group 原名` to it). */
export function pseudonymOf(kind: 'group' | 'member' | 'input', value: string, salt: string): string {
  return PSEUDONYM.test(value) ? value : `${kind}-${createHmac('sha256', salt).update(`${kind}:${value}`).digest('hex').slice(0, 10)}`;
}

/** The salt from --salt, else the config; without one, a usage error that says how to get one. */
export function requireSalt(option: string | undefined, config: string | undefined, randomHex: string): string {
  const salt = option ?? config;
  if (salt && salt.length >= 8) return salt;
  if (salt) throw new UserError('--anonymize: the salt is too short (at least 8 characters)', { zh: '--anonymize：盐（salt）太短，至少要 8 个字符', code: 'usage' });
  throw new UserError('--anonymize needs a secret salt so the pseudonyms stay the same from run to run', {
    hint: `add "salt": "${randomHex}" to community-audit.config.json (keep it private), or pass --salt`, code: 'usage',
    zh: '--anonymize 需要一个保密的盐（salt），每次运行的化名才会一致',
    hintZh: `在 community-audit.config.json 中加入 "salt": "${randomHex}"（请勿外传），或用 --salt 指定`,
  });
}

class Anonymizer {
  /** original text → pseudonym, for scrubbing free text; longest originals are replaced first. */
  private readonly originals = new Map<string, string>();
  private sorted: [string, string][] | null = null;
  constructor(private readonly salt: string) {}

  pseudo(kind: 'group' | 'member' | 'input', value: string, ...aliases: (string | null | undefined)[]): string {
    const p = pseudonymOf(kind, value, this.salt);
    for (const o of [value, ...aliases]) if (o && !PSEUDONYM.test(o) && !this.originals.has(o)) this.remember(o, p);
    return p;
  }

  /** A file path becomes `input-<hash>.<ext>`: folders and file names often carry group or person names. */
  path(p: string): string {
    const ext = extname(p).toLowerCase();
    const base = PSEUDONYM.test(p.slice(0, p.length - ext.length)) ? p : `${this.pseudo('input', p)}${/^\.[a-z0-9]{1,5}$/.test(ext) ? ext : ''}`;
    this.remember(p, base);
    return base;
  }

  /** Learns every member a tree names: `{ memberId, name }` pairs and member-valued keys anywhere (finding values too). */
  learn(v: unknown): void {
    if (Array.isArray(v)) { for (const x of v) this.learn(x); return; }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.memberId === 'string') this.pseudo('member', o.memberId, typeof o.name === 'string' ? o.name : undefined);
    for (const [k, x] of Object.entries(o)) {
      if (typeof x === 'string' && MEMBER_KEY.test(k)) this.pseudo('member', x);
      else if (typeof x === 'string' && k === 'name' && o.memberId === undefined && isFindingValues(o)) this.pseudo('member', x);
      else this.learn(x);
    }
  }

  /** Every string of a tree scrubbed, but codes, enum values and dates, which no name can be. */
  scrubDeep(v: unknown, key = ''): unknown {
    if (typeof v === 'string') {
      if (key === 'memberId') return this.pseudo('member', v);
      return STRUCTURAL_KEY.test(key) || DATE_LIKE.test(v) ? v : this.scrub(v);
    }
    if (Array.isArray(v)) return v.map((x) => this.scrubDeep(x, key));
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out = Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.scrubDeep(x, k)]));
    // A member's name becomes its id's pseudonym, even when two members share a display name.
    if (typeof o.memberId === 'string' && typeof o.name === 'string') out.name = out.memberId;
    return out;
  }

  scrub(s: string): string {
    const exact = this.originals.get(s);
    if (exact) return exact;
    if (PSEUDONYM.test(s)) return s;
    let out = s;
    this.sorted ??= [...this.originals].filter(([x]) => x.length >= 3 || /[^\x00-\x7f]/.test(x)).sort((a, b) => b[0].length - a[0].length);
    // Substrings only for originals long enough not to hit ordinary words and enum values by chance.
    for (const [o, p] of this.sorted) if (out.includes(o)) out = out.split(o).join(p);
    return out;
  }

  private remember(original: string, pseudonym: string): void {
    this.originals.set(original, pseudonym);
    this.sorted = null;
  }
}

/** Finding values: a flat record of scalars (where fission puts a bare `name`). */
function isFindingValues(o: Record<string, unknown>): boolean {
  return Object.values(o).every((x) => x === null || typeof x !== 'object');
}

/** Keys that hold a member's id or name outside a `{ memberId, name }` pair (inviters, cascade roots). */
const MEMBER_KEY = /^(memberName|inviter|inviterId|inviterName|invitedBy|root|rootId|rootName|spreader|spreaderId|senderId|sender|ownerId|owner)$/;
/** Keys whose values are codes of this tool (never data): scrubbing them could only break the contract. */
const STRUCTURAL_KEY = /^(code|severity|status|phase|kind|platform|identity|format|timeZone|source|rosterSource|startSign|from|to|list|role|method|joinMethod|schemaVersion)$/;
const DATE_LIKE = /^\d{4}-\d{2}(-\d{2})?(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
