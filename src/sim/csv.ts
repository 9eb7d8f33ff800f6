/** RFC 4180 CSV output for the two canonical files. */
import { isoLocal } from './clock.js';
import type { SimMember, SimMessage } from './types.js';

export const MESSAGES_HEADER = ['message_id', 'group_id', 'group_name', 'timestamp', 'sender_id', 'sender_name', 'role', 'type', 'text', 'reply_to'] as const;
export const MEMBERS_HEADER = ['group_id', 'member_id', 'name', 'role', 'joined_at', 'left_at', 'invited_by'] as const;

/** One row of messages.csv, fields named as the header says. */
export type MessageRow = Record<(typeof MESSAGES_HEADER)[number], string>;
/** One row of members.csv. */
export type MemberRow = Record<(typeof MEMBERS_HEADER)[number], string>;

/** Quotes a field when it holds a comma, quote, CR or LF; quotes inside are doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function line<K extends string>(header: readonly K[], row: Record<K, string>): string {
  return header.map((h) => csvField(row[h])).join(',') + '\n';
}

export function toCsv<K extends string>(header: readonly K[], rows: readonly Record<K, string>[]): string {
  const parts = [header.join(',') + '\n'];
  for (const r of rows) parts.push(line(header, r));
  return parts.join('');
}

export function messageRow(group: { id: string; name: string }, m: SimMessage): MessageRow {
  return {
    message_id: m.id,
    group_id: group.id,
    group_name: group.name,
    timestamp: isoLocal(m.t),
    sender_id: m.sender?.id ?? '',
    sender_name: m.sender?.name ?? '',
    role: m.sender?.role ?? '',
    type: m.type,
    text: m.text,
    reply_to: m.replyTo?.id ?? '',
  };
}

export function memberRow(groupId: string, m: SimMember): MemberRow {
  return {
    group_id: groupId,
    member_id: m.id,
    name: m.name,
    role: m.role,
    joined_at: isoLocal(m.joinedAt),
    left_at: m.leftAt === null ? '' : isoLocal(m.leftAt),
    invited_by: m.invitedBy?.id ?? '',
  };
}
