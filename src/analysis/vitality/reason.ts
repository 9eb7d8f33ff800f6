import type { Finding, FindingValues } from '../../core/findings.js';
import { t } from '../../i18n/index.js';

/** A finding whose `message` is the English text of `finding.<code>` (src/i18n/en.ts). */
export function reason(code: string, severity: Finding['severity'], values: FindingValues): Finding {
  return { code, severity, values, message: t('en', `finding.${code}`, values) };
}
