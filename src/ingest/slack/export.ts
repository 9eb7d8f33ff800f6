import { UserError, HINT_ZH } from '../../core/errors.js';
import { LIMITS, mb } from '../limits.js';
import type { Folder, Source } from '../types.js';
import { isRecord } from '../shape.js';

/** A conversation of the export: public channel, private group or multi-person DM. */
export interface SlackChannel { id: string; name: string; creator?: string; folder: string }
export interface SlackUser { name: string; bot: boolean }

/** One JSON file of the export as text; each is read whole, so each is bounded. */
export async function readText(source: Source): Promise<string> {
  let s = '';
  for await (const chunk of source.text()) {
    s += chunk;
    if (s.length > LIMITS.maxDocumentChars) throw new UserError(`${source.fileName} is larger than ${mb(LIMITS.maxDocumentChars)} MB of text`, { file: source.path, code: 'document-too-large', zh: `${source.fileName} 的文本超过 ${mb(LIMITS.maxDocumentChars)} MB` });
  }
  return s;
}

/**
 * The folder prefix of the export: "" when at the root, or the one top folder a ZIP wraps it in —
 * only when nothing else is there but hidden files: a folder that holds an export beside other
 * files (a CSV, a LINE export) is not the export; the export inside it is read on its own, as are
 * the others.
 */
export function exportRoot(folder: Folder): string | null {
  if (folder.entries.includes('channels.json')) return '';
  const ch = folder.entries.find((e) => /^[^/]+\/channels\.json$/.test(e));
  if (ch === undefined) return null;
  const top = ch.slice(0, ch.length - 'channels.json'.length);
  return folder.entries.every((e) => e.startsWith(top) || /(^|\/)(\.|__MACOSX\/)/.test(e)) ? top : null;
}

async function jsonEntry(folder: Folder, entry: string): Promise<unknown> {
  if (!folder.entries.includes(entry)) return undefined;
  try { return JSON.parse(await readText(await folder.open(entry))) as unknown; } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${entry} is not valid JSON (${(e as Error).message})`, { file: folder.path, code: 'bad-json', hint: 'is the export complete (not cut off)?', zh: `${entry} 不是有效的 JSON（${(e as Error).message}）`, hintZh: HINT_ZH.cutOff });
  }
}

/** channels.json, groups.json and mpims.json: each lists conversations whose folder is their name. */
export async function readChannels(folder: Folder, root: string): Promise<SlackChannel[]> {
  const out: SlackChannel[] = [];
  for (const file of ['channels.json', 'groups.json', 'mpims.json']) {
    const list = await jsonEntry(folder, root + file);
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isRecord(c) || typeof c.id !== 'string') continue;
      const name = typeof c.name === 'string' ? c.name : c.id;
      const ch: SlackChannel = { id: c.id, name, folder: folder.entries.some((e) => e.startsWith(`${root}${name}/`)) ? name : c.id };
      if (typeof c.creator === 'string' && c.creator) ch.creator = c.creator;
      out.push(ch);
    }
  }
  return out;
}

export async function readUsers(folder: Folder, root: string): Promise<Map<string, SlackUser>> {
  const users = new Map<string, SlackUser>();
  const list = await jsonEntry(folder, `${root}users.json`);
  if (!Array.isArray(list)) return users;
  for (const u of list) {
    if (!isRecord(u) || typeof u.id !== 'string') continue;
    const p = isRecord(u.profile) ? u.profile : {};
    const pick = [p.display_name, u.real_name, p.real_name, u.name].find((x): x is string => typeof x === 'string' && x !== '');
    users.set(u.id, { name: pick ?? u.id, bot: u.is_bot === true });
  }
  return users;
}

/** Slack escapes &, < and > in message text. */
export function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
