import type { MessageEvent } from '../../core/model.js';

/**
 * Links quote replies to the message they quote when the export has no server ids: the quote
 * names the quoted message's send time and sender wxid, and each row has a local id. Rows may
 * come newest-first (MemoTrace 2025) or oldest-first, so a reply may arrive before or after its
 * target: replies whose target has not been seen yet are held back until it is, or to the end.
 * Memory: one small entry per recent message (capped), plus the held-back replies.
 */
const MAX_SEEN = 200_000;
const NONE: MessageEvent[] = [];
/** The sender of a quote that names none: any message of that second. (A sender id '*' is the
 *  same key, as it always was when keys were strings `${second}|${sender ?? '*'}`.) */
const ANY = '*';

/**
 * Values by (second, sender). Keyed by the second (a number) and then by sender within the few
 * messages of one second: a message costs two lookups of a number, where string keys built per
 * message (number to text, concatenation, hashing) took a fifth of a 留痕 file's whole run.
 */
class BySecond<V> {
  /** Per second: sender, value, sender, value, … */
  private readonly bySecond = new Map<number, (string | V)[]>();
  size = 0;

  get(second: number, sender: string): V | undefined {
    const a = this.bySecond.get(second);
    if (a) for (let i = 0; i < a.length; i += 2) if (a[i] === sender) return a[i + 1] as V;
    return undefined;
  }

  /** A key not there yet. */
  add(second: number, sender: string, value: V): void {
    const a = this.bySecond.get(second);
    // A new array of the exact size: push would grow the array to room for 19 (a second of a
    // big file holds one or two messages, kept for up to MAX_SEEN messages).
    this.bySecond.set(second, a ? [...a, sender, value] : [sender, value]);
    this.size++;
  }

  /** The value, removed. */
  take(second: number, sender: string): V | undefined {
    const a = this.bySecond.get(second);
    if (!a) return undefined;
    for (let i = 0; i < a.length; i += 2) {
      if (a[i] !== sender) continue;
      const v = a[i + 1] as V;
      if (a.length === 2) this.bySecond.delete(second); else a.splice(i, 2);
      this.size--;
      return v;
    }
    return undefined;
  }

  *values(): IterableIterator<V> {
    for (const a of this.bySecond.values()) for (let i = 1; i < a.length; i += 2) yield a[i] as V;
  }
}

/** Replies held back for one quoted (second, sender), and when that key was first waited on. */
interface Held { order: number; events: MessageEvent[] }

export class ReplyLinker {
  /** Recent messages' ids, in two generations: when the newer fills up it becomes the older and
   *  the older is dropped whole (deleting the oldest one by one cost more than the rest of
   *  reading). Between MAX_SEEN / 2 and MAX_SEEN recent keys are kept. */
  private seen = new BySecond<string>();
  private older = new BySecond<string>();
  private waiting = new BySecond<Held>();
  private waited = 0;

  /** `maxSeen`: how many recent keys are kept at most (tests use a few). */
  constructor(private readonly maxSeen = MAX_SEEN) {}

  private find(second: number, sender: string): string | undefined {
    return this.seen.get(second, sender) ?? this.older.get(second, sender);
  }

  /** A message that may be quoted; returns held-back replies that quote it, now linked. */
  add(timeSec: number, sender: string, id: string): readonly MessageEvent[] {
    let linked = this.addKey(timeSec, sender, id, null);
    linked = this.addKey(timeSec, ANY, id, linked);
    if (this.seen.size > this.maxSeen / 2) { this.older = this.seen; this.seen = new BySecond(); }
    return linked ?? NONE;
  }

  private addKey(second: number, sender: string, id: string, linked: MessageEvent[] | null): MessageEvent[] | null {
    if (this.find(second, sender) === undefined) this.seen.add(second, sender, id);
    if (this.waiting.size === 0) return linked;
    const held = this.waiting.take(second, sender);
    if (!held) return linked;
    for (const ev of held.events) ev.replyTo = id;
    (linked ??= []).push(...held.events);
    return linked;
  }

  /** A reply: true when linked now (yield it), false when held back until its target shows up. */
  link(ev: MessageEvent, timeSec: number, sender: string | undefined): boolean {
    const who = sender ?? ANY;
    const id = this.find(timeSec, who);
    if (id !== undefined) { ev.replyTo = id; return true; }
    const held = this.waiting.get(timeSec, who);
    if (held) held.events.push(ev); else this.waiting.add(timeSec, who, { order: this.waited++, events: [ev] });
    return false;
  }

  /** Replies whose quoted message is not in the file (older than the export): unlinked, in the
   *  order their keys were first waited on. */
  rest(): MessageEvent[] {
    const held = [...this.waiting.values()].sort((a, b) => a.order - b.order);
    this.waiting = new BySecond();
    return held.flatMap((h) => h.events);
  }
}
