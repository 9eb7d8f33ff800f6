import { UserError } from '../../src/core/errors.js';
import { MESSAGE_KINDS, ROLES, type IngestEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { bytesSource } from '../../src/ingest/source.js';
import type { Folder, IngestAdapter } from '../../src/ingest/types.js';
import { isFolderAdapter } from '../../src/ingest/types.js';

export interface ReadOutcome {
  events: IngestEvent[];
  issues: { line?: number; reason: string; code?: string }[];
  /** A UserError the adapter threw: the clean way to refuse a whole file. */
  error?: UserError;
}

function ctxFor(path: string, issues: ReadOutcome['issues']) {
  return { path, zone: new Zone('UTC'), reportIssue: (i: ReadOutcome['issues'][number]) => { issues.push(i); }, reportProgress: () => {} };
}

/** Runs an adapter over bytes; only a UserError is an acceptable way to fail (anything else rethrows). */
export async function readBytes(adapter: IngestAdapter, name: string, data: Uint8Array): Promise<ReadOutcome> {
  const events: IngestEvent[] = [];
  const issues: ReadOutcome['issues'] = [];
  try {
    for await (const ev of adapter.read(bytesSource(name, data), ctxFor(name, issues))) events.push(ev);
  } catch (e) {
    if (e instanceof UserError) return { events, issues, error: e };
    throw e;
  }
  return { events, issues };
}

/** Runs a folder adapter over in-memory entries. */
export async function readFolderOf(adapter: IngestAdapter, files: Record<string, Uint8Array>): Promise<ReadOutcome> {
  if (!isFolderAdapter(adapter)) throw new Error(`${adapter.id} is not a folder adapter`);
  const folder: Folder = { path: 'mem', entries: Object.keys(files).sort(), open: async (e) => bytesSource(`mem!${e}`, files[e] ?? new Uint8Array()) };
  const events: IngestEvent[] = [];
  const issues: ReadOutcome['issues'] = [];
  try {
    for await (const ev of adapter.readFolder(folder, ctxFor('mem', issues))) events.push(ev);
  } catch (e) {
    if (e instanceof UserError) return { events, issues, error: e };
    throw e;
  }
  return { events, issues };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const fail = (why: string, ev: IngestEvent): never => { throw new Error(`malformed event (${why}): ${JSON.stringify(ev).slice(0, 300)}`); };
const okTime = (t: unknown) => typeof t === 'number' && Number.isFinite(t);

/** What the dataset may assume of every event an adapter yields. */
export function checkEvent(ev: IngestEvent): void {
  if (typeof ev.group.id !== 'string') fail('group id', ev);
  if (ev.type === 'message') {
    if (!okTime(ev.time)) fail('time', ev);
    if (typeof ev.senderId !== 'string' || ev.senderId === '') fail('sender', ev);
    if (!(MESSAGE_KINDS as readonly string[]).includes(ev.kind)) fail('kind', ev);
    if (ev.senderRole !== undefined && !(ROLES as readonly string[]).includes(ev.senderRole)) fail('role', ev);
  } else if (ev.type === 'membership') {
    if (!okTime(ev.time)) fail('time', ev);
    if (typeof ev.memberId !== 'string' || ev.memberId === '') fail('member', ev);
  } else if (ev.type === 'member') {
    if (typeof ev.memberId !== 'string' || ev.memberId === '') fail('member', ev);
    if (ev.role !== undefined && !(ROLES as readonly string[]).includes(ev.role)) fail('role', ev);
  }
}
