import { fileURLToPath } from 'node:url';
import type { InputIssue } from '../../src/core/errors.js';
import type { IngestEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { pickAdapter } from '../../src/ingest/discover.js';
import { fileHead, fileSource } from '../../src/ingest/source.js';
import type { IngestAdapter } from '../../src/ingest/types.js';

/** Absolute path of a fixture file, from the project root. */
export function fixture(rel: string): string {
  return fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url));
}

/** Runs one adapter over one file and collects its events and reported issues. */
export async function readWith(adapter: IngestAdapter, path: string, tz = 'Asia/Shanghai'): Promise<{ events: IngestEvent[]; issues: Omit<InputIssue, 'file'>[] }> {
  const events: IngestEvent[] = [];
  const issues: Omit<InputIssue, 'file'>[] = [];
  const ctx = { path, zone: new Zone(tz), reportIssue: (i: { line?: number; reason: string; code?: string }) => issues.push({ code: i.code ?? 'bad-row', line: i.line, reason: i.reason }), reportProgress: () => {} };
  for await (const ev of adapter.read(await fileSource(path), ctx)) events.push(ev);
  return { events, issues };
}

/** The id of the adapter that detection picks for a file (as `analyze` would), or '' for none. */
export async function detectedAs(path: string): Promise<string> {
  return pickAdapter(await fileHead(path))?.adapter.id ?? '';
}
