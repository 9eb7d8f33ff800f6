import { safeText } from '../../core/sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from the data for HTML text and attribute values: controls stripped, markup escaped. */
export function h(s: string): string {
  return safeText(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
