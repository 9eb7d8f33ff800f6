import type { GroupInfo, IngestEvent } from '../../core/model.js';
import type { ReadContext, Source } from '../types.js';
import { UnknownSystemLines } from '../unknown-lines.js';
import { readClock, splitTab, type Separator } from './clock.js';
import { DayReader, type Day } from './dates.js';
import { fileTitle, headerTitle, SAVED_ON, type ChatTitle } from './header.js';
import { kindOfText } from './media.js';
import { isSenderNotice, parseLineSystem, type LineSystem } from './system.js';

/** A message line read, waiting for its continuation lines. */
interface Pending {
  time: number;
  line: number;
  sender: string | null;
  text: string[];
  /** What a PC line was found to be before it was split (a system line is never split). */
  system?: LineSystem;
  /** Minutes after midnight of its day, to tell a message from a time typed inside one (PC). */
  minutes: number;
}

// Marks some editors and exporters put in: not part of a name or a time.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Reads one LINE export line by line: the header, date lines, message lines (tab or space
 * separated, decided by the first) and their continuation lines, into normalised events.
 */
export class LineReader {
  private title: ChatTitle | null = null;
  private groupInfo: GroupInfo | null = null;
  private readonly days = new DayReader();
  private day: Day | null = null;
  /** The line of an impossible date line whose messages are being skipped, or 0. */
  private badDay = 0;
  private sep: Separator | null = null;
  private pending: Pending | null = null;
  /** Continuation lines of a message that was skipped are skipped with it. */
  private skipping = false;
  private started = false;
  /** A date line has been read: the header's lines are behind. */
  private dated = false;
  /** Invitations not yet followed by the invitee's "joined": member → inviter. */
  private readonly invited = new Map<string, string>();
  /** Up to three senders, and whether anyone came or went: a one-to-one chat has neither. */
  private readonly senders = new Set<string>();
  /** Everyone who wrote so far: in a PC file, a line "time name …" with a known name is their message. */
  private readonly writers = new Set<string>();
  private membership = false;
  private readonly unknown = new UnknownSystemLines();
  /** The user's names (--me), and which of them exported this chat: the first of them to write in it. */
  private readonly me: ReadonlySet<string>;
  private you: string | undefined;

  constructor(private readonly source: Pick<Source, 'fileName'>, private readonly ctx: ReadContext) {
    this.me = new Set((ctx.me ?? []).map((n) => n.trim()));
  }

  private get group(): GroupInfo {
    if (!this.groupInfo) {
      const t = this.title && this.title.name !== '' ? this.title : fileTitle(this.source.fileName);
      this.groupInfo = { id: t.name, name: t.name, platform: 'line' };
    }
    return this.groupInfo;
  }

  /** The events that reading line `no` completes. */
  line(raw: string, no: number): IngestEvent[] {
    const line = raw.replace(INVISIBLE, '');
    if (!this.started) {
      if (line.trim() === '') return [];
      this.started = true;
      const title = headerTitle(line.trim());
      if (title) { this.title = title; return []; }
    }
    if (!this.dated && SAVED_ON.test(line)) return [];
    const day = this.days.read(line.trim());
    if (day !== null) {
      const out = this.flush();
      this.skipping = false;
      this.dated = true;
      if (day === 'impossible') {
        this.day = null; this.badDay = no;
        this.ctx.reportIssue({ line: no, reason: `a date line naming no real day: "${line.trim().slice(0, 40)}"`, code: 'bad-timestamp' });
      } else { this.day = day; this.badDay = 0; }
      return out;
    }
    const clock = readClock(line);
    if (clock && (this.sep === null || clock.sep === this.sep) && !this.insideMessage(clock)) {
      const out = this.flush();
      this.sep ??= clock.sep;
      this.start(clock.minutes, clock.sep, clock.rest, no, line);
      return out;
    }
    if (this.pending) this.pending.text.push(line);
    else if (!this.skipping && line.trim() !== '') this.ctx.reportIssue({ line: no, reason: `text that is no date line and no message: "${line.trim().slice(0, 40)}"`, code: 'stray-line' });
    return [];
  }

  /**
   * Whether a line that starts with a time still belongs to the message being read: inside a phone
   * export's quoted message, a time without a sender ("10:00\tbus leaves" of a pasted plan); in a
   * PC export (no quotes), a time earlier than the message's own on the same day ("09:00 大廳 集合"),
   * since messages are in time order.
   */
  private insideMessage(clock: { minutes: number; sep: Separator; rest: string }): boolean {
    const p = this.pending;
    if (!p || p.sender === null) return false;
    if (clock.sep === '\t') return openQuote(p.text) && splitTab(clock.rest).sender === null;
    return clock.minutes < p.minutes;
  }

  private start(minutes: number, sep: Separator, rest: string, no: number, line: string): void {
    this.skipping = true;
    if (!this.day) {
      if (this.badDay) this.ctx.reportIssue({ line: no, reason: `a message under the impossible date of line ${this.badDay}`, code: 'bad-timestamp' });
      else this.ctx.reportIssue({ line: no, reason: 'a message before the first date line', code: 'bad-row' });
      return;
    }
    if (Number.isNaN(minutes)) { this.ctx.reportIssue({ line: no, reason: `a time no clock shows: "${line.slice(0, 40)}"`, code: 'bad-timestamp' }); return; }
    this.skipping = false;
    const wall = Date.UTC(this.day.y, this.day.m - 1, this.day.d) + minutes * 60_000;
    const pending: Pending = { time: this.ctx.zone.fromLocal(wall), line: no, sender: null, text: [], minutes };
    if (sep === '\t') {
      const { sender, text } = splitTab(rest);
      pending.sender = sender; pending.text.push(text);
    } else {
      // A PC line is "time name text", the name ending at the first space; a system line
      // ("Alice joined the group.", "Enson已收回訊息") is one piece: read it whole first.
      // A known writer's name first is their message, whatever it says ("Enson Tom joined the group").
      const space = rest.indexOf(' ');
      const system = space > 0 && this.writers.has(rest.slice(0, space)) ? null : parseLineSystem(rest);
      if (system) pending.system = system;
      else if (space > 0) { pending.sender = rest.slice(0, space); rest = rest.slice(space + 1); }
      pending.text.push(rest);
    }
    this.pending = pending;
  }

  /** The events of the message being read, now that it is complete. */
  private flush(): IngestEvent[] {
    const p = this.pending;
    if (!p) return [];
    this.pending = null;
    const lines = p.text;
    while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
    let text = lines.join('\n');
    // A message of several lines is written in double quotes (and a quote in it doubled).
    if (lines.length > 1 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).replace(/""/g, '"');
    if (p.sender === null) return this.system(p.system ?? parseLineSystem(text), p, text);
    if (isSenderNotice(text)) return [];
    if (this.senders.size < 3) this.senders.add(p.sender);
    this.writers.add(p.sender);
    const kind = kindOfText(text);
    // The user's own messages (--me): LINE marks nobody as the exporter, as 留痕's IsSender does.
    if (this.you === undefined && this.me.has(p.sender)) this.you = p.sender;
    const self = p.sender === this.you ? { fromSelf: true } : {};
    return [{ type: 'message', group: this.group, time: p.time, line: p.line, senderId: p.sender, senderName: p.sender, kind, ...(kind === 'text' && text ? { text } : {}), ...self }];
  }

  private system(sys: LineSystem | null, p: Pending, text: string): IngestEvent[] {
    if (!sys) {
      if (text.trim() !== '') this.unknown.add(p.line);
      return [];
    }
    const base = { type: 'membership' as const, group: this.group, time: p.time, line: p.line };
    const who = (m: string) => ({ memberId: m, memberName: m });
    switch (sys.kind) {
      case 'notice': case 'unsent': return [];
      case 'invited':
        this.membership = true;
        for (const m of sys.members) this.invited.set(m, sys.by);
        return sys.members.map((m) => ({ ...base, action: 'join' as const, ...who(m), by: sys.by, method: 'invite' as const }));
      case 'joined':
        this.membership = true;
        // Accepting an invitation: the join the invitation line already gave.
        if (this.invited.delete(sys.member)) return [];
        return [{ ...base, action: 'join', ...who(sys.member), method: 'link' }];
      case 'left':
        this.membership = true;
        this.invited.delete(sys.member);
        return [{ ...base, action: 'leave', ...who(sys.member) }];
      case 'removed':
        this.membership = true;
        for (const m of sys.members) this.invited.delete(m);
        return sys.members.map((m) => ({ ...base, action: 'remove' as const, ...who(m), ...(sys.by === undefined ? {} : { by: sys.by }) }));
    }
  }

  /** The events left at the end of the file, and its notes. */
  end(): IngestEvent[] {
    const out = this.flush();
    this.unknown.report(this.ctx);
    // "Chat history with X" is a chat with one person, unless it plainly is a group.
    if (this.title?.oneToOne && this.senders.size <= 2 && !this.membership) out.push({ type: 'group', group: { ...this.group, personal: true } });
    return out;
  }
}

/** A message whose text opened a quote (LINE quotes a message of several lines) not closed yet. */
function openQuote(text: readonly string[]): boolean {
  if (!text[0]?.startsWith('"')) return false;
  let quotes = 0;
  for (const line of text) for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 34) quotes++;
  return quotes % 2 === 1;
}
