import type { Finding, FindingValues } from '../../core/findings.js';
import { t } from '../../i18n/index.js';

/** A finding with its English sentence (the `message` readers of the JSON see). */
export function finding(code: string, severity: Finding['severity'], values: FindingValues): Finding {
  return { code, severity, values, message: t('en', `finding.${code}`, values) };
}
