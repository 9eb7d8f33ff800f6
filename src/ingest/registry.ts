import type { IngestAdapter } from './types.js';
import { canonicalMessagesCsv } from './canonical/messages.js';
import { canonicalMembersCsv } from './canonical/members.js';

/**
 * Every input format, in one place: detection, `--input-format` choices and `community-audit
 * formats` all come from this list. Adding a platform = one folder under src/ingest + one line here.
 * Order breaks ties in detection scores (earlier wins).
 */
export const adapters = [
  canonicalMessagesCsv,
  canonicalMembersCsv,
] as const satisfies readonly IngestAdapter[];

export function adapterById(id: string): IngestAdapter | undefined {
  return adapters.find((a) => a.id === id);
}
