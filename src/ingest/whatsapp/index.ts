import type { GroupInfo, IngestEvent, MessageEvent } from '../../core/model.js';
import type { IngestAdapter, ReadContext } from '../types.js';
import { UnknownSystemLines } from '../unknown-lines.js';
import { cleanLine, matchHeader, wallTime } from './header.js';
import { numberedLines as lines } from '../text/lines.js';
import { kindOfText } from './media.js';
import { ownHarmless } from './own-harmless.js';
import { harmless, isYou, ownLine, parseSystem, spelledAs } from './system.js';
import { person } from '../notices/lists.js';
import { groupName } from './names.js';
import { scan, SEP } from './scan.js';

export { groupName };

/** Non-empty lines above the first header that still leave a file a WhatsApp export. */
const STRAY_LINES_ON_TOP = 2;
/** …when at least this many headers follow (a README quotes one; multi-line messages make the share low). */
const MIN_HEADERS_BELOW_STRAY = 3;

/** What reading a file keeps across its lines besides the message being assembled. */
interface State {
  /** The name system lines are written under (iOS), and whether it is known to be nobody's. */
  voiceName: string;
  voice: boolean;
  /** Author-less system lines in a wording no pattern knows. */
  unknown: UnknownSystemLines;
  /** Who "You" in a system line is: the user's name (--me) when one fits, else the member "You". */
  you: string;
  youByMe: boolean;
  /** A new phone number → the member it belongs to (their first number): "X changed to Y". */
  alias: Map<string, string>;
  /** System lines that name the exporter "You", and the first of them. */
  youLines: number;
  firstYou: number;
  /** People added without their names ("and 8 others"), and the first line that did. */
  unnamed: number;
  firstUnnamed: number;
}

interface Pending { time: number; line: number; author: string | null; text: string; lrm: boolean }

export const whatsappText = {
  id: 'whatsapp-txt',
  title: 'WhatsApp "Export chat" text (_chat.txt, WhatsApp Chat with X.txt; Android and iOS, any locale)',
  platform: 'whatsapp',
  capabilities: {
    identity: 'names', joins: true, replies: false,
    note: 'members are display names (or phone numbers); joins by link, added by (inviter), left, removed, the creator and admins (whoever changed the group settings) from system lines in English, Chinese, Portuguese, Spanish, German, French, Italian, Russian, Indonesian and Dutch; the export has no reply links',
  },
  kind: () => 'messages',
  detect(head) {
    const sample = head.text.split('\n').map((l) => cleanLine(l.replace(/\r$/, ''))).filter((l) => l.trim() !== '').slice(0, 30);
    if (sample.length === 0) return 0;
    const hits = sample.filter((l) => matchHeader(l) !== null).length;
    // A line or two typed above the export (a title, a note: seen in a real file) is reported by
    // the reader as text before the first header, when the rest is an export; a README quoting
    // one WhatsApp line near its top is not one (review).
    const firstHeader = sample.findIndex((l) => matchHeader(l) !== null);
    const share = hits / sample.length;
    if (hits === 0 || firstHeader > STRAY_LINES_ON_TOP || (firstHeader > 0 && hits < MIN_HEADERS_BELOW_STRAY)) return 0;
    const named = /WhatsApp|^_chat\.txt$/i.test(head.fileName) ? 0.05 : 0;
    return (share >= 0.5 ? 0.9 : 0.6) + named - (firstHeader > 0 ? 0.1 : 0);
  },
  async *read(source, ctx) {
    const me = (ctx.me ?? []).map(person).filter((n) => n !== '');
    const { order, ambiguous, chatName, voice, authors, named } = await scan(source, new Set(me));
    if (ambiguous) {
      ctx.reportIssue({
        reason: `the dates could be day/month or month/day and nothing in the file tells which; read as ${order === 'dmy' ? 'day/month' : 'month/day'}`,
        code: 'ambiguous-date-order', counts: false, strict: false,
      });
    }
    const name = groupName(source, chatName);
    const group: GroupInfo = { id: name, name, platform: 'whatsapp' };
    // The exporter is never named by a system line (they are "You" there): of the user's names, the
    // first that writes in this chat and is never named, else the first never named (an exporter
    // who never wrote); none: the member "You", with the warning.
    const fits = me.filter((n) => !named.has(n)), writers = fits.filter((n) => authors.has(n));
    const you = writers[0] ?? fits[0];
    if (writers.length > 1) {
      ctx.reportIssue({
        reason: `--me: ${writers.map((n) => `"${n}"`).join(', ')} all write in this chat and no system line names them; the exporter is taken to be "${you}", the first given`,
        code: 'me-ambiguous', counts: false, strict: false,
      });
    }
    const state: State = { voiceName: chatName ?? name, voice, unknown: new UnknownSystemLines(), alias: new Map(), you: you ?? 'You', youByMe: you !== undefined, youLines: 0, firstYou: 0, unnamed: 0, firstUnnamed: 0 };
    let pending: Pending | null = null;
    for await (const { line: raw, no } of lines(source.text(), source.path)) {
      const line = cleanLine(raw);
      const h = matchHeader(line);
      if (!h) {
        if (pending) pending.text += `\n${raw.replace(/[\u200E\u200F]/g, '')}`;
        else if (line.trim() !== '') ctx.reportIssue({ line: no, reason: 'text before the first message header', code: 'bad-row' });
        continue;
      }
      if (pending) yield* toEvents(pending, group, state, ctx);
      const wall = wallTime(h, order);
      if (Number.isNaN(wall)) { pending = null; ctx.reportIssue({ line: no, reason: `impossible date in "${line.slice(0, 40)}"`, code: 'bad-timestamp' }); continue; }
      // iOS puts system lines under the chat's name with an LRM before the text: remember it.
      const sep = SEP.exec(h.rest);
      const sys = parseSystem(h.rest);
      const author = sys && sys.kind !== 'notice' ? null : sep ? person(sep[1]!) : null;
      const text = author === null ? h.rest : sep![2]!;
      pending = { time: ctx.zone.fromLocal(wall), line: no, author, text, lrm: author !== null && marked(raw, line.length - text.length) };
    }
    if (pending) yield* toEvents(pending, group, state, ctx);
    state.unknown.report(ctx);
    if (state.unnamed > 0) {
      ctx.reportIssue({
        line: state.firstUnnamed,
        reason: `${state.unnamed} ${state.unnamed === 1 ? 'person was' : 'people were'} added without a name ("and 8 others": iOS names only the first few; the first on this line): not in the roster, joins or invitations, which may be short by as many`,
        code: 'unnamed-joins', counts: false, strict: false,
      });
    }
    if (state.youLines > 0 && !state.youByMe) {
      ctx.reportIssue({
        line: state.firstYou,
        reason: `${state.youLines} system line${state.youLines === 1 ? ' speaks' : 's speak'} of the person who exported the chat only as "you" (the first on this line): read as one member, apart from the messages under that person's name; give the name with --me to join them${me.length ? ` (each name given with --me is named by a system line here, so none is the exporter)` : ''}`,
        code: 'exporter-as-you', counts: false, strict: false,
      });
    }
  },
} satisfies IngestAdapter;

/**
 * Whether the text of a line, at `at` in its cleaned form, starts with the LRM iOS puts before
 * system lines (and media): found in the raw line, whose marks cleanLine removed, whatever the
 * author's name ends with.
 */
function marked(raw: string, at: number): boolean {
  let kept = 0, i = 0;
  for (; i < raw.length && kept < at; i++) if (!/[\u200E\u200F\u202A-\u202E]/.test(raw[i]!)) kept++;
  for (; i < raw.length && /[\u200E\u200F\u202A-\u202E]/.test(raw[i]!); i++) if (raw[i] === '\u200E') return true;
  return false;
}

function toEvents(p: Pending, group: GroupInfo, state: State, ctx: ReadContext): IngestEvent[] {
  // A line under a person's name is only a system line when WhatsApp marked it so (iOS), it is
  // under the chat's own name, or it is a notice; otherwise "Bob: Alice added Carol" stays Bob's message.
  let sys = parseSystem(p.text);
  const fromChat = p.author !== null && (p.author === state.voiceName || p.author === group.name);
  // Newer exports write system lines under a person they are about ("Boris: Boris created group
  // “X”", "Kaz: Kaz was added"): see ownLine.
  const own = p.author !== null && sys !== null && ownLine(sys, p.author);
  if (own) sys = spelledAs(sys!, p.author!);
  const trusted = p.author === null || p.lrm || fromChat || own;
  const base = { type: 'membership' as const, group, time: p.time, line: p.line };
  // A notice too only where WhatsApp wrote it: "de ponta a ponta" is also an everyday idiom.
  if (sys && trusted) {
    // "You" / "you" (and their words in other languages) is the exporter: one member, by --me's name if given.
    const who = (n: string, doer = true) => {
      if (!isYou(n, doer)) return n;
      if (state.youLines++ === 0) state.firstYou = p.line;
      return state.you;
    };
    // A person whose number changed stays one member: their later number is keyed as the first.
    const key = (n: string) => state.alias.get(n) ?? n;
    switch (sys.kind) {
      case 'notice': return [];
      case 'number-changed': state.alias.set(sys.to, key(sys.from)); return [];
      case 'join-link': { const m = who(sys.member); return [{ ...base, action: 'join', memberId: key(m), memberName: m, method: 'link' }]; }
      case 'was-added': { const m = who(sys.member); return [{ ...base, action: 'join', memberId: key(m), memberName: m, method: 'invite' }]; }
      case 'added': {
        if (sys.unnamed && state.unnamed === 0) state.firstUnnamed = p.line;
        state.unnamed += sys.unnamed ?? 0;
        const by = key(who(sys.by));
        return sys.members.map((m) => who(m, false)).map((m) => ({ ...base, action: 'join' as const, memberId: key(m), memberName: m, by, method: 'invite' as const }));
      }
      case 'left': { const m = who(sys.member); return [{ ...base, action: 'leave', memberId: key(m), memberName: m }]; }
      case 'removed': { const m = who(sys.member, false); return [{ ...base, action: 'remove', memberId: key(m), memberName: m, by: key(who(sys.by)) }]; }
      case 'created': { const by = who(sys.by); return [{ type: 'group', group, roles: [{ memberId: key(by), name: by, role: 'owner' }] }]; }
      // Only an admin (or the owner) can: admin unless a role is stated otherwise (the creator stays owner).
      case 'admin-act': { const by = who(sys.by); return [{ type: 'group', group, roles: [{ memberId: key(by), name: by, role: 'admin', byAct: true }] }]; }
      case 'subject': { const by = who(sys.by); return [{ type: 'message', group, time: p.time, line: p.line, senderId: key(by), senderName: by, kind: 'system' }]; }
    }
  }
  // A line without an author that no pattern knows (icon changed, number changed…): nobody spoke.
  if (p.author === null) { unknownLine(p, state); return []; }
  if (p.author === '') { ctx.reportIssue({ line: p.line, reason: 'message without an author', code: 'no-sender' }); return []; }
  // Under the doer's own name, a line that changes no membership ("Boris: Boris changed this group's icon").
  if (ownHarmless(p.text, p.author)) return [];
  const kind = kindOfText(p.text);
  // iOS writes every system line under the chat's name ("Book Club: ‎Alice changed this group's
  // icon"), with an LRM before the text. The name is nobody's when a membership line is written
  // under it too; otherwise (a chat with one person, whose name iOS also uses) only a text with the
  // LRM is a system line: media lines carry one as well, and are the person's.
  if (p.author === state.voiceName && kind === 'text' && (state.voice || p.lrm)) { unknownLine(p, state); return []; }
  // Newer iOS exports file system lines under a person they are about, marked the same way: a
  // marked text that changes no membership is no message ("Robin 2: ‎Ann changed the group
  // description"). Polls, locations and contact cards are marked too, and are the person's.
  if (p.lrm && kind === 'text' && harmless(p.text)) return [];
  const ev: MessageEvent = { type: 'message', group, time: p.time, line: p.line, senderId: state.alias.get(p.author) ?? p.author, senderName: p.author, kind };
  if (p.text) ev.text = p.text;
  // The user's own messages (--me), as exporters that mark them do (留痕's IsSender).
  if (state.youByMe && p.author === state.you) ev.fromSelf = true;
  return [ev];
}

/** Count a system line no pattern knows, unless it changes no membership anyway (icon, description…). */
function unknownLine(p: Pending, state: State): void {
  if (!harmless(p.text)) state.unknown.add(p.line);
}
