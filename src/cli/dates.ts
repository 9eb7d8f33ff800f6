import { UserError } from '../core/errors.js';
import { parseTimestamp } from '../core/timestamp.js';
import { DAY, Zone } from '../core/time.js';

/**
 * A date option (--as-of, --since, --until) in the report's zone. A bare date means the start of
 * that day for --since, and its end for --as-of and --until ("as of 2016-12-31" includes that day).
 */
export function parseDateOption(raw: string, zone: Zone, option: string, edge: 'start' | 'end'): number {
  const t = parseTimestamp(raw, zone);
  if (Number.isNaN(t)) throw new UserError(`${option}: "${raw}" is not a date`, { hint: 'use YYYY-MM-DD or an ISO date-time such as 2024-06-30T18:00:00+08:00', zh: `${option}："${raw}" 不是日期`, hintZh: '请用 YYYY-MM-DD 或 ISO 日期时间，例如 2024-06-30T18:00:00+08:00', code: 'usage' });
  const dateOnly = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(raw.trim());
  return dateOnly && edge === 'end' ? zone.fromLocal(zone.local(t) + DAY) - 1 : t;
}
