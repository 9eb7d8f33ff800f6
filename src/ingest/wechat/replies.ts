import type { MessageEvent } from '../../core/model.js';

/**
 * Links quote replies to the message they quote when the export has no server ids: the quote
 * names the quoted message's send time and sender wxid, and each row has a local id. Rows may
 * come newest-first (MemoTrace 2025) or oldest-first, so a reply may arrive before or after its
 * target: replies whose target has not been seen yet are held back until it is, or to the end.
 * Memory: one small key per recent message (capped), plus the held-back replies.
 */
const MAX_SEEN = 200_000;

export class ReplyLinker {
  private readonly seen = new Map<string, string>();
  private readonly waiting = new Map<string, MessageEvent[]>();

  static key(timeSec: number, sender: string | undefined): string {
    return `${timeSec}|${sender ?? '*'}`;
  }

  /** A message that may be quoted; returns held-back replies that quote it, now linked. */
  add(timeSec: number, sender: string, id: string): MessageEvent[] {
    const linked: MessageEvent[] = [];
    for (const key of [ReplyLinker.key(timeSec, sender), ReplyLinker.key(timeSec, undefined)]) {
      if (!this.seen.has(key)) this.seen.set(key, id);
      const held = this.waiting.get(key);
      if (held) {
        for (const ev of held) ev.replyTo = id;
        linked.push(...held);
        this.waiting.delete(key);
      }
    }
    if (this.seen.size > MAX_SEEN) {
      // Drop the oldest insertions: quotes are nearly always of recent messages.
      const it = this.seen.keys();
      for (let i = 0; i < MAX_SEEN / 10; i++) this.seen.delete(it.next().value as string);
    }
    return linked;
  }

  /** A reply: true when linked now (yield it), false when held back until its target shows up. */
  link(ev: MessageEvent, timeSec: number, sender: string | undefined): boolean {
    const key = ReplyLinker.key(timeSec, sender);
    const id = this.seen.get(key);
    if (id !== undefined) { ev.replyTo = id; return true; }
    const held = this.waiting.get(key);
    if (held) held.push(ev); else this.waiting.set(key, [ev]);
    return false;
  }

  /** Replies whose quoted message is not in the file (older than the export): unlinked. */
  rest(): MessageEvent[] {
    const out = [...this.waiting.values()].flat();
    this.waiting.clear();
    return out;
  }
}
