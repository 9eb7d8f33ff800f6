import type { GroupInfo, IngestEvent, MessageEvent } from '../../core/model.js';
import { shape } from '../shape.js';
import type { ReadContext } from '../types.js';
import { factEvents } from '../notices/events.js';
import { SELF } from '../notices/facts.js';
import { contentOf, isRecalled, isSystem, kindOf, mentionsOf, messageId, QCE_FIELDS, replyOf, senderOf, timeOf, tipPeople, type QceMessage } from './qce-message.js';
import { QcePeople, type QceSelf } from './qce-people.js';
import { isWordlessTip, parseQceTip } from './qce-tips.js';

/** What chatInfo says of a chat (name, "group" / "private" / "temp", the exporting user). */
export interface QceChatInfo extends QceSelf { name?: string; type?: string }

/** A membership event waiting for the end of the chat, with the uids its tip named people by. */
interface Pending { ev: IngestEvent; tipUids: Map<string, string> }

/**
 * Reads the messages of one chat of a QCE export into events, whatever the file layout (one JSON
 * document, or a manifest with JSONL chunks). Chat messages go out at once; joins, leaves and
 * removals, which name people by display name, wait for `end()` so that every name the chat
 * showed can key them.
 */
export class QceChat {
  private readonly people: QcePeople;
  private readonly pending: Pending[] = [];
  private wordless = 0;
  private firstWordless: number | undefined;
  private n = 0;

  constructor(readonly group: GroupInfo, info: QceChatInfo, private readonly ctx: ReadContext) {
    this.people = new QcePeople(info, ctx.me);
  }

  /** The events of one raw message (`line`: where it starts in its file, for issues). */
  message(raw: unknown, line: number | undefined, where = ''): IngestEvent[] {
    this.n++;
    const at = line === undefined ? {} : { line };
    const m = shape(raw, QCE_FIELDS);
    if (!m) { this.ctx.reportIssue({ ...at, reason: `${where}message #${this.n} is not an object`, code: 'bad-row' }); return []; }
    const id = messageId(m);
    const time = timeOf(m, this.ctx.zone);
    if (Number.isNaN(time)) { this.ctx.reportIssue({ ...at, reason: `${where}message ${id ?? `#${this.n}`}: no readable timestamp`, code: 'bad-timestamp' }); return []; }
    const sender = senderOf(m);
    const key = this.people.note(sender);
    if (isSystem(m)) return this.tip(m, key, time, id, line);
    if (key === undefined) { this.ctx.reportIssue({ ...at, reason: `${where}message ${id ?? `#${this.n}`}: no sender`, code: 'no-sender' }); return []; }
    // A recalled message that is still a message (V4 marks the original) is the sender's recall.
    const ev: MessageEvent = { type: 'message', group: this.group, time, senderId: key, kind: isRecalled(m) ? 'recall' : kindOf(m), ...at };
    if (sender.name !== undefined) ev.senderName = sender.name;
    if (id !== undefined) ev.id = id;
    if (key === this.people.selfKey) ev.fromSelf = true;
    if (ev.kind === 'recall') return [ev];
    const reply = replyOf(m);
    if (reply !== undefined) ev.replyTo = reply;
    // V5 puts the quoted message before the reply ("[回复 A: quoted]\n…"): not this sender's words.
    let text = reply === undefined ? contentOf(m).text : contentOf(m).text.replace(/^\[回复[^\n]*\]\n/, '');
    const mentions: string[] = [];
    for (const x of mentionsOf(m)) {
      const to = x.uin ?? (x.uid === undefined ? undefined : this.people.byUid(x.uid));
      if (to === undefined) continue; // left in the text as "@name", which the dataset matches by name
      mentions.push(to);
      // The same person is in the text as "@name": once is enough.
      if (x.name !== undefined) text = text.replace(`@${x.name}`, '');
    }
    if (mentions.length) ev.mentions = mentions;
    if (text.trim() !== '') ev.text = text;
    return [ev];
  }

  /** A gray tip: a recall by its sender, or a join, leave or removal held for the end. */
  private tip(m: QceMessage, key: string | undefined, time: number, id: string | undefined, line: number | undefined): IngestEvent[] {
    const at = line === undefined ? {} : { line };
    // QCE keeps the recalled message's own sender on its recall tip.
    if (isRecalled(m) && key !== undefined) {
      return [{ type: 'message', group: this.group, time, senderId: key, kind: 'recall', ...at, ...(id === undefined ? {} : { id }) }];
    }
    const text = contentOf(m).text;
    const fact = parseQceTip(text);
    if (!fact) {
      if (isWordlessTip(text)) { this.wordless++; this.firstWordless ??= line; }
      return [];
    }
    const { uids: tipUids, uins } = tipPeople(m);
    const shown = new Map([...tipUids].map(([name, uid]) => [uid, name]));
    for (const [uid, uin] of uins) this.people.learn(uid, uin, shown.get(uid));
    const events = factEvents(fact, this.group, time, { ...(id === undefined ? {} : { id }), self: SELF, ...at });
    // A recall of someone seen before is keyed now; memberships wait for every name of the chat.
    if (fact.kind === 'recall' || fact.kind === 'rename' || fact.kind === 'owner') return events.map((ev) => this.people.keyed(ev, tipUids));
    for (const ev of events) this.pending.push({ ev, tipUids });
    return [];
  }

  /** The held membership events, keyed; and a note when tips said nothing readable. */
  end(): IngestEvent[] {
    const n = this.wordless;
    if (n > 0) {
      this.ctx.reportIssue({
        ...(this.firstWordless === undefined ? {} : { line: this.firstWordless }),
        reason: `${n} gray tip${n === 1 ? '' : 's'} of "${this.group.name ?? this.group.id}" ${n === 1 ? 'has' : 'have'} no wording ("群聊更新", or a number such as "[4]", which the TypeScript exporter wrote for every gray tip): joins or removals among them are missing`,
        code: 'unrecognised-system-lines', counts: false, strict: false,
      });
    }
    return this.pending.map((p) => this.people.keyed(p.ev, p.tipUids));
  }
}
