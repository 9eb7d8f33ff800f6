/**
 * Lists of names as WhatsApp and LINE write them in system lines ("A, B and C"), and a name
 * as they write it.
 */

/**
 * "Y, Z and W" → three names, with `and` the language's word for it (default: English "and",
 * Portuguese "e", Spanish "y"); Chinese 、 always, 和 between spaces, and the last 和 of a list
 * that has a 、 ("A、B和C"): a bare 和 is a common character of names (王和平). WhatsApp puts a
 * space after the comma of a list, so a comma without one belongs to a name ("王,小二").
 */
export function splitNames(list: string, and = 'and|e|y'): string[] {
  // "…and 8 others": people the line does not name (iOS, long lists) are nobody to count (unnamedIn).
  return listParts(list, and).filter((s) => s !== '' && !UNNAMED.test(s));
}

/** How many people a list leaves unnamed ("A, B and 8 others" → 8). */
export function unnamedIn(list: string, and = 'and|e|y'): number {
  let n = 0;
  for (const part of listParts(list, and)) if (UNNAMED.test(part)) n += Number(/\d+/.exec(part)![0]);
  return n;
}

function listParts(list: string, and: string): string[] {
  // "你和李四" / "李四和你": the exporter beside one more name, joined by a bare 和.
  const you = /^(你|您)和(.+)$/.exec(list) ?? /^(.+)和(你|您)$/.exec(list);
  if (you && !list.includes('、')) return [person(you[1]!), person(you[2]!)];
  // iOS puts a comma before the last "and" ("A, B, and C").
  const parts = list.split(new RegExp(`\\s*,\\s+(?:(?:${and})\\s+)?|\\s+(?:${and})\\s+|、|\\s+和\\s+`));
  if (list.includes('、') && parts.length > 1) {
    const last = parts.pop()!, at = last.lastIndexOf('和');
    parts.push(...(at > 0 && at < last.length - 1 ? [last.slice(0, at), last.slice(at + 1)] : [last]));
  }
  return parts.map(person);
}

/**
 * "8 others" as the languages WhatsApp writes in put it at the end of a long list ("5 weitere
 * Personen", "3 autres personnes", "altre 4 persone", "mais 2 pessoas", "ещё 3 участника",
 * "5 personas más"): a number beside a word for "other(s)" or "more", perhaps with a word for
 * people, and nothing else. A contact saved as "Person 2" or "Участник 3" has no such word.
 */
const OTHER = 'others?|more|weitere|autres|altr[ei]|mais|outr[ao]s|otr[ao]s|más|ещё|еще|других|другие|lainnya|anderen|andere|其他|另外';
const PEOPLE = 'people|persons|Personen|personnes|persone|pessoas|personas|участник(?:а|ов)|человека?|orang|personen|人';
const UNNAMED = new RegExp(`^(?:(?:${OTHER})\\s*\\d+|\\d+\\s*(?:${OTHER}))(?:\\s*(?:${PEOPLE}))?$|^\\d+\\s*(?:${PEOPLE})\\s*(?:${OTHER})$`, 'iu');

/** A person's name as WhatsApp writes it, without the "~ " it puts before people not in the contacts. */
export function person(name: string): string {
  return name.trim().replace(/^~[\s\u202F]+/, '');
}
