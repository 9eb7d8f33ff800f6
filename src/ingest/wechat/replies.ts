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
 * messages of one second: a message costs a lookup of a number per table, where string keys
 * built per message (number to text, concatenation, hashing) took a fifth of a 留痕 file's run.
 */
class BySecond<V> {
  /** Per second: sender, value, sender, value, … (an array of exactly that size: `push` would
   *  make room for 19, and up to MAX_SEEN seconds are kept). */
  private readonly bySecond = new Map<number, (string | V)[]>();
  size = 0;

  bucket(second: number): (string | V)[] | undefined {
    return this.bySecond.get(second);
  }

  get(second: number, sender: string): V | undefined {
    return valueIn<V>(this.bySecond.get(second), sender);
  }

  /** Keys not there yet: `pairs` is sender, value, …, appended to what `bucket` (the second's
   *  entries as `bucket` gave them) holds. */
  add(second: number, bucket: (string | V)[] | undefined, pairs: (string | V)[]): void {
    if (pairs.length === 0) return;
    this.bySecond.set(second, bucket ? [...bucket, ...pairs] : pairs);
    this.size += pairs.length / 2;
  }

  /** The value, removed. */
  take(second: number, sender: string): V | undefined {
    const a = this.bySecond.get(second);
    const i = indexIn(a, sender);
    if (i < 0) return undefined;
    const v = a![i + 1] as V;
    if (a!.length === 2) this.bySecond.delete(second); else a!.splice(i, 2);
    this.size--;
    return v;
  }

  *values(): IterableIterator<V> {
    for (const a of this.bySecond.values()) for (let i = 1; i < a.length; i += 2) yield a[i] as V;
  }
}

function indexIn(bucket: readonly unknown[] | undefined, sender: string): number {
  if (bucket) for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === sender) return i;
  return -1;
}

function valueIn<V>(bucket: readonly unknown[] | undefined, sender: string): V | undefined {
  const i = indexIn(bucket, sender);
  return i < 0 ? undefined : (bucket![i + 1] as V);
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
    // Its (second, sender) and (second, any sender) keys, each kept for the first message that
    // has it: the second's entries of each table are looked up once for both.
    const seen = this.seen.bucket(timeSec), older = this.older.bucket(timeSec);
    const isNew = (who: string) => indexIn(seen, who) < 0 && indexIn(older, who) < 0;
    const pairs: string[] = [];
    if (isNew(sender)) pairs.push(sender, id);
    if (sender !== ANY && isNew(ANY)) pairs.push(ANY, id);
    this.seen.add(timeSec, seen, pairs);
    let linked: MessageEvent[] | null = null;
    if (this.waiting.size > 0) {
      for (const who of sender === ANY ? [ANY] : [sender, ANY]) {
        const held = this.waiting.take(timeSec, who);
        if (!held) continue;
        for (const ev of held.events) ev.replyTo = id;
        (linked ??= []).push(...held.events);
      }
    }
    if (this.seen.size > this.maxSeen / 2) { this.older = this.seen; this.seen = new BySecond(); }
    return linked ?? NONE;
  }

  /** A reply: true when linked now (yield it), false when held back until its target shows up. */
  link(ev: MessageEvent, timeSec: number, sender: string | undefined): boolean {
    const who = sender ?? ANY;
    const id = this.find(timeSec, who);
    if (id !== undefined) { ev.replyTo = id; return true; }
    const bucket = this.waiting.bucket(timeSec), held = valueIn<Held>(bucket, who);
    if (held) held.events.push(ev); else this.waiting.add(timeSec, bucket, [who, { order: this.waited++, events: [ev] }]);
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
