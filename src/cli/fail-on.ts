import { UserError } from '../core/errors.js';
import { t, type Lang } from '../i18n/index.js';
import type { AuditResult } from '../report/schema.js';
import { CONDITION_FIELD, CONDITIONS, conditionEvidence, conditionsOf, type Condition } from '../report/shared/narrative.js';
import { safeText } from '../core/sanitize.js';

/** `--fail-on dead,at-risk,…` parsed; unknown names are a usage error listing the valid ones. */
export function parseFailOn(value: string | undefined): Condition[] {
  if (value === undefined) return [];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(CONDITIONS as readonly string[]).includes(n)) throw new UserError(`--fail-on: unknown condition "${n}"`, { hint: `any of ${CONDITIONS.join(', ')}, comma-separated`, zh: `--fail-on：未知的条件 "${n}"`, hintZh: `可选：${CONDITIONS.join(', ')}，用逗号分隔`, code: 'usage' });
  }
  return [...new Set(names)] as Condition[];
}

export interface FailOnResult {
  /** How many (group, condition) pairs were met: the exit code is 1 when above zero. */
  met: number;
  /** One line per met condition, and one per condition the report cannot answer. */
  lines: string[];
}

/** Checks the report against the conditions; the lines name the group and the reason. */
export function evaluateFailOn(r: AuditResult, conditions: Condition[], lang: Lang): FailOnResult {
  const lines: string[] = [];
  let met = 0;
  for (const c of conditions) {
    const field = CONDITION_FIELD[c];
    if (r.groups.length && !r.groups.some((g) => (g as Record<string, unknown>)[field] !== undefined)) {
      lines.push(t(lang, 'failOn.unknown', { condition: c, field }));
      continue;
    }
    for (const g of r.groups) {
      if (!conditionsOf(g).includes(c)) continue;
      met++;
      const why = conditionEvidence(lang, g, c, r.timeZone);
      lines.push(t(lang, 'failOn.met', { condition: c, group: safeText(g.name), id: safeText(g.id), reason: why ? ` — ${safeText(why)}` : '' }));
    }
  }
  return { met, lines };
}
