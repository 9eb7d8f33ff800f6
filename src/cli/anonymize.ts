import { createHmac } from 'node:crypto';
import { extname } from 'node:path';
import { UserError } from '../core/errors.js';
import type { AuditResult } from '../report/schema.js';

/** A pseudonym: the kind and 10 hex digits of HMAC-SHA256(salt, kind:value) — 40 bits, no clashes in practice. */
const PSEUDONYM = /^(group|member|input)-[0-9a-f]{10}$/;

/**
 * `--anonymize`: the report with every group, member and file name replaced by a stable pseudonym
 * (`group-…`, `member-…`, `input-….csv`), before any reporter sees it, so every format is covered.
 * The same salt gives the same pseudonyms on every run (reports stay comparable, baselines match);
 * pseudonyms pass through unchanged, so anonymizing twice is harmless. Free text that may quote a
 * name (finding messages, warnings) has every known original replaced too.
 */
export function anonymize(r: AuditResult, salt: string): AuditResult {
  const a = new Anonymizer(salt);
  const groups = r.groups.map((g) => {
    const copy = a.walk(g) as typeof g;
    copy.id = a.pseudo('group', g.id, g.name);
    copy.name = copy.id;
    return copy;
  });
  const inputs = r.inputs.map((i) => ({ ...i, path: a.path(i.path) }));
  const warnings = r.warnings.map((w) => ({ ...w, file: w.file === null ? null : a.path(w.file), message: w.message }));
  const changes = r.changes?.map((c) => {
    const groupId = a.pseudo('group', c.groupId, c.groupName);
    const memberId = c.memberId === null ? null : a.pseudo('member', c.memberId, c.memberName);
    return { ...c, groupId, groupName: groupId, memberId, memberName: c.memberName === null ? null : memberId };
  });
  const out: AuditResult = { ...r, inputs, groups: a.scrubDeep(groups) as typeof groups, warnings: warnings.map((w) => ({ ...w, message: a.scrub(w.message) })) };
  if (changes) out.changes = changes;
  return out;
}

/** The salt from --salt, else the config; without one, a usage error that says how to get one. */
export function requireSalt(option: string | undefined, config: string | undefined, randomHex: string): string {
  const salt = option ?? config;
  if (salt && salt.length >= 8) return salt;
  if (salt) throw new UserError('--anonymize: the salt is too short (at least 8 characters)', { code: 'usage' });
  throw new UserError('--anonymize needs a secret salt so the pseudonyms stay the same from run to run', {
    hint: `add "salt": "${randomHex}" to community-audit.config.json (keep it private), or pass --salt`, code: 'usage',
  });
}

class Anonymizer {
  /** original text → pseudonym, for scrubbing free text; longest originals are replaced first. */
  private readonly originals = new Map<string, string>();
  constructor(private readonly salt: string) {}

  pseudo(kind: 'group' | 'member' | 'input', value: string, ...aliases: (string | null | undefined)[]): string {
    if (PSEUDONYM.test(value)) return value;
    const p = `${kind}-${createHmac('sha256', this.salt).update(`${kind}:${value}`).digest('hex').slice(0, 10)}`;
    for (const o of [value, ...aliases]) if (o && !PSEUDONYM.test(o)) this.originals.set(o, p);
    return p;
  }

  /** A file path becomes `input-<hash>.<ext>`: folders and file names often carry group or person names. */
  path(p: string): string {
    const ext = extname(p).toLowerCase();
    const base = PSEUDONYM.test(p.slice(0, p.length - ext.length)) ? p : `${this.pseudo('input', p)}${/^\.[a-z0-9]{1,5}$/.test(ext) ? ext : ''}`;
    this.originals.set(p, base);
    return base;
  }

  /** Replaces member ids and names wherever an object carries them (seed users, spreaders, going quiet, …). */
  walk(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.walk(x));
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const id = typeof o.memberId === 'string' ? this.pseudo('member', o.memberId, typeof o.name === 'string' ? o.name : undefined) : undefined;
    for (const [k, x] of Object.entries(o)) {
      if (id !== undefined && (k === 'memberId' || k === 'name')) out[k] = id;
      else if (typeof x === 'string' && MEMBER_KEY.test(k)) out[k] = this.pseudo('member', x);
      else out[k] = this.walk(x);
    }
    return out;
  }

  /**
   * The strings of every finding (evidence, reasons) in a tree, with known originals replaced:
   * their messages and values may quote a name. Other strings are ids, dates and enum values.
   */
  scrubDeep(v: unknown, inFinding = false): unknown {
    if (typeof v === 'string') return inFinding ? this.scrub(v) : v;
    if (Array.isArray(v)) return v.map((x) => this.scrubDeep(x, inFinding));
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const finding = inFinding || (typeof o.code === 'string' && typeof o.severity === 'string' && 'message' in o);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.scrubDeep(x, finding)]));
  }

  scrub(s: string): string {
    const exact = this.originals.get(s);
    if (exact) return exact;
    let out = s;
    // Substrings only for originals long enough not to hit ordinary words and enum values by chance.
    for (const [o, p] of [...this.originals].filter(([x]) => x.length >= 3 || /[^\x00-\x7f]/.test(x)).sort((a, b) => b[0].length - a[0].length)) {
      if (out.includes(o)) out = out.split(o).join(p);
    }
    return out;
  }
}

/** Keys that hold a member's id or name outside a `{ memberId, name }` pair (inviters, cascade roots). */
const MEMBER_KEY = /^(memberName|inviter|inviterId|inviterName|invitedBy|root|rootId|rootName|spreader|spreaderId|senderId|sender|ownerId|owner)$/;
