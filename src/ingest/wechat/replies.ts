import type { MessageEvent } from '../../core/model.js';

/**
 * Links quote replies to the message they quote when the export has no server ids: the quote
 * names the quoted message's send time and sender wxid, and each row has a local id. Rows may
 * come newest-first (MemoTrace 2025) or oldest-first, so a reply may arrive before or after its
 * target: replies whose target has not been seen yet are held back until it is, or to the end.
 * Memory: one small key per recent message (capped), plus the held-back replies.
 */
const MAX_SEEN = 200_000;
const NONE: MessageEvent[] = [];

export class ReplyLinker {
  /** Recent messages by key, in two generations: when the newer fills up it becomes the older and
   *  the older is dropped whole (deleting the oldest keys one by one cost more than the rest of
   *  reading). Between MAX_SEEN / 2 and MAX_SEEN recent messages are kept. */
  private seen = new Map<string, string>();
  private older = new Map<string, string>();
  private readonly waiting = new Map<string, MessageEvent[]>();

  static key(timeSec: number, sender: string | undefined): string {
    return `${timeSec}|${sender ?? '*'}`;
  }

  private find(key: string): string | undefined {
    return this.seen.get(key) ?? this.older.get(key);
  }

  /** A message that may be quoted; returns held-back replies that quote it, now linked. */
  add(timeSec: number, sender: string, id: string): readonly MessageEvent[] {
    let linked: MessageEvent[] | null = null;
    for (const key of [ReplyLinker.key(timeSec, sender), ReplyLinker.key(timeSec, undefined)]) {
      if (this.find(key) === undefined) this.seen.set(key, id);
      if (this.waiting.size === 0) continue;
      const held = this.waiting.get(key);
      if (held) {
        for (const ev of held) ev.replyTo = id;
        (linked ??= []).push(...held);
        this.waiting.delete(key);
      }
    }
    if (this.seen.size > MAX_SEEN / 2) { this.older = this.seen; this.seen = new Map(); }
    return linked ?? NONE;
  }

  /** A reply: true when linked now (yield it), false when held back until its target shows up. */
  link(ev: MessageEvent, timeSec: number, sender: string | undefined): boolean {
    const key = ReplyLinker.key(timeSec, sender);
    const id = this.find(key);
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
