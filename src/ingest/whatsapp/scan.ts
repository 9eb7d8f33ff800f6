import type { Source } from '../types.js';
import { numberedLines as lines } from '../text/lines.js';
import { person } from '../notices/lists.js';
import { cleanLine, DateOrderVote, matchHeader, type DateOrder } from './header.js';
import { ENCRYPTED, namesIn, ownLine, parseSystem } from './system.js';

/** What the first pass learns of a file before its events are read. */
export interface Scan {
  order: DateOrder;
  /** The order was a guess, and it changes some dates. */
  ambiguous: boolean;
  /** The name iOS writes system lines under: the author of the encryption notice, the first line. */
  chatName?: string;
  /**
   * `chatName` is the group's system voice, not a person: a membership line is written under it,
   * or two or more others write (a group; in a chat with one person iOS names the chat after them).
   */
  voice: boolean;
  /** The names among `wanted` that some message stands under, and those a system line names. */
  authors: Set<string>;
  named: Set<string>;
}

export const SEP = /^([^:]{1,80}?):[ ]?(.*)$/;
/** How many headers from the top the encryption notice may come after ("You created this group" first). */
const NOTICE_WITHIN = 5;

/**
 * First pass: the date order of this file, from every header in it, the chat's iOS name, and which
 * of the `wanted` names (the user's, when --me gives several) write in it or are named by a system
 * line (the exporter never is: they are "You" there).
 */
export async function scan(source: Source, wanted: ReadonlySet<string>): Promise<Scan> {
  const vote = new DateOrderVote();
  let headers = 0;
  let chatName: string | undefined;
  let prefix = '';
  let voice = false;
  const authors = new Set<string>(), named = new Set<string>();
  // Authors other than the chat's name (two are enough to call it a group; three kept, as the
  // chat's name may be among them until it is known).
  const others = new Set<string>();
  // The author of every header so far while all are one (iOS writes "You created this group"
  // under the chat's name before the notice); null once two differ or one has none.
  let opening: string | null | undefined;
  for await (const { line } of lines(source.text(), source.path)) {
    const clean = cleanLine(line);
    const h = matchHeader(clean);
    if (!h) continue;
    vote.add(h, clean);
    const sep = SEP.exec(h.rest);
    if (chatName === undefined && headers++ < NOTICE_WITHIN) {
      // The notice names the chat only as the first line, or after lines under that same name:
      // a member who mentions encryption in the first minutes is not the chat.
      const author = sep ? sep[1]! : null;
      opening = opening === undefined || opening === author ? author : null;
      if (sep && opening === author && ENCRYPTED.test(sep[2]!) && !ENCRYPTED.test(sep[1]!)) { chatName = sep[1]!.trim(); prefix = `${sep[1]!}:`; continue; }
    }
    if (!voice && sep && others.size < 3) others.add(sep[1]!.trim());
    if (chatName !== undefined && !voice && h.rest.startsWith(prefix)) {
      const sys = parseSystem(h.rest.slice(prefix.length).trim());
      voice = sys !== null && sys.kind !== 'notice';
    }
    if (wanted.size) {
      // Names as toEvents would read the line: a system line without an author, under the chat's
      // name or under its doer's own; else the author of a message ("Zoe: Ann left" names nobody).
      let sys = parseSystem(h.rest);
      if (!sys && sep) {
        const under = parseSystem(sep[2]!);
        if (under && ((chatName !== undefined && h.rest.startsWith(prefix)) || ownLine(under, person(sep[1]!)))) sys = under;
      }
      if (sys) for (const n of namesIn(sys)) { if (wanted.has(n)) named.add(n); }
      else if (sep && wanted.has(person(sep[1]!))) authors.add(person(sep[1]!));
    }
  }
  const order = vote.decide();
  if (chatName !== undefined) { others.delete(chatName); if (others.size >= 2) voice = true; }
  return { order, ambiguous: vote.ambiguous, voice, authors, named, ...(chatName ? { chatName } : {}) };
}
