import type { JoinMethod } from '../../core/model.js';
import { cleanName } from '../text/names.js';

/**
 * System notices as facts, for the exports whose notices name people by display name (WeChat, QQ
 * and the formats that copy their wording). Names are display names at that moment: the notices
 * carry no ids. "你"/"You" is the exporting user, returned as SELF for the adapter to replace with
 * whatever it knows about the exporter.
 */
export const SELF = '\u0000self';

export type SystemFact =
  | { kind: 'join'; members: string[]; by?: string; method: JoinMethod }
  | { kind: 'leave'; member: string }
  | { kind: 'remove'; members: string[]; by?: string }
  | { kind: 'rename'; name: string; by?: string }
  | { kind: 'recall'; member: string }
  | { kind: 'owner'; member: string };

export type Rule = [RegExp, (m: RegExpExecArray) => SystemFact];

/** The fact of the first rule that matches (order matters: specific wordings first). */
export function firstFact(rules: readonly Rule[], text: string): SystemFact | null {
  const s = text.trim();
  for (const [re, make] of rules) {
    const m = re.exec(s);
    if (m) return make(m);
  }
  return null;
}

/** One name, unquoted; "你"/"You" is the exporter. */
export function who(raw: string): string {
  // Only an enclosing pair of quotes is removed: a name may itself end in one (老"K").
  const c = cleanName(raw);
  const n = (/^["“「][^"“”「」]*["”」]$/.test(c) ? c.slice(1, -1) : c).trim();
  return n === '你' || n.toLowerCase() === 'you' ? SELF : n;
}

/** A list of names: "A"、"B", "A"和"B", A、B, A 和 B, "A", "B", A, B and C. Quoted lists split
 *  only at quotes. Unquoted, 和 splits only between spaces: it is a common character of names. */
export function names(raw: string): string[] {
  const s = raw.trim();
  const quoted = /^["“]/.test(s) && /["”]$/.test(s);
  const parts = quoted
    ? s.slice(1, -1).split(/["”]\s*(?:、|,|，|和| and )\s*["“]/)
    : s.split(/\s*(?:、|，|,| and )\s*|\s+和\s+/);
  return parts.map(who).filter((n) => n.length > 0);
}
