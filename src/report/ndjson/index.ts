import type { Reporter } from '../types.js';

/**
 * Newline-delimited JSON for log and data tools (jq, Loki, BigQuery): one line per group, each
 * the group's object from the JSON report with the run's context first. With --baseline, each
 * line also carries the changes that concern its group.
 */
export const ndjsonReporter = {
  id: 'ndjson',
  title: 'NDJSON: one JSON object per group per line',
  machine: true,
  render(r) {
    return r.groups.map((g) => `${JSON.stringify({
      schemaVersion: r.schemaVersion, generatedAt: r.generatedAt, asOf: r.asOf, timeZone: r.timeZone,
      ...g,
      ...(r.changes ? { changes: r.changes.filter((c) => c.groupId === g.id) } : {}),
    })}\n`).join('');
  },
} satisfies Reporter;
