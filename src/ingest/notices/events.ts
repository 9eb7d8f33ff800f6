import type { GroupInfo, IngestEvent } from '../../core/model.js';
import { SELF, type SystemFact } from './facts.js';

/**
 * Turns a system fact into normalised events: one membership event per member (several invitees
 * in one line give several joins with the same inviter), a recall as a message of kind recall,
 * a rename and a new owner as group events. Names stand in for ids; the dataset resolves them.
 */
export function factEvents(
  fact: SystemFact,
  group: GroupInfo,
  time: number,
  opts: { id?: string; self?: string | undefined; line?: number } = {},
): IngestEvent[] {
  // The line goes on each event, as a message's does, so a refused time names where it is.
  if (opts.line !== undefined) return factEvents(fact, group, time, { ...opts, line: undefined }).map((ev) => (ev.type === 'membership' || ev.type === 'message' ? { ...ev, line: opts.line } : ev));
  // "你" is the exporter: by the name the export marks as theirs, else the user's (--me), else "我".
  const self = opts.self ?? '我';
  const name = (n: string) => (n === SELF ? self : n);
  const sub = (i: number, n: number) => (opts.id === undefined ? undefined : n > 1 ? `${opts.id}#${i}` : opts.id);
  const withId = <T extends object>(ev: T, id: string | undefined): T => (id === undefined ? ev : { ...ev, id });
  switch (fact.kind) {
    case 'join':
      return fact.members.map((m, i) => withId({
        type: 'membership' as const, group, time, action: 'join' as const, memberId: name(m), memberName: name(m),
        method: fact.method, ...(fact.by === undefined ? {} : { by: name(fact.by) }),
      }, sub(i, fact.members.length)));
    case 'remove':
      return fact.members.map((m, i) => withId({
        type: 'membership' as const, group, time, action: 'remove' as const, memberId: name(m), memberName: name(m),
        ...(fact.by === undefined ? {} : { by: name(fact.by) }),
      }, sub(i, fact.members.length)));
    case 'leave':
      return [withId({ type: 'membership' as const, group, time, action: 'leave' as const, memberId: name(fact.member), memberName: name(fact.member) }, opts.id)];
    case 'recall':
      return [withId({ type: 'message' as const, group, time, senderId: name(fact.member), senderName: name(fact.member), kind: 'recall' as const }, opts.id)];
    case 'rename':
      return [{ type: 'group', group: { ...group, name: fact.name } }];
    case 'owner':
      return [{ type: 'group', group, roles: [{ memberId: name(fact.member), name: name(fact.member), role: 'owner' }] }];
  }
}
