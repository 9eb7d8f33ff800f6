/**
 * A simulation as the exporters see it: per group, the members (by canonical id, with role, name,
 * join/leave/inviter), the chat rows in time order, and the membership lines parsed back into
 * events (the simulator writes them in WeChat's wording; each exporter re-words them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MemberRow, MessageRow } from '../csv.js';
import type { Truth } from '../truth.js';

export interface ExportMember {
  id: string;
  name: string;
  role: 'owner' | 'admin' | 'member' | 'bot';
  joinedAt: number;
  leftAt: number | null;
  invitedBy: string | null;
}

export type MembershipLine =
  | { kind: 'join'; member: ExportMember; by: ExportMember | null; via: 'invite' | 'qr' | 'unknown' }
  | { kind: 'leave'; member: ExportMember }
  | { kind: 'remove'; member: ExportMember; by: ExportMember };

export interface ExportRow {
  /** Canonical message id (e.g. wx3-000012). */
  id: string;
  t: number;
  /** Null for system rows. */
  sender: ExportMember | null;
  type: string;
  text: string;
  replyTo: ExportRow | null;
  /** For system rows: what the line says, or null when it says nothing about members. */
  event: MembershipLine | null;
}

export interface ExportGroup {
  id: string;
  name: string;
  /** The simulator's platform of the group: QQ groups have numeric ids. */
  platform: 'wechat' | 'qq';
  members: ExportMember[];
  byId: Map<string, ExportMember>;
  owner: ExportMember;
  /** Creation instant (the owner's joined_at). */
  createdAt: number;
  rows: ExportRow[];
}

export interface ExportInput {
  messages: readonly MessageRow[];
  members: readonly MemberRow[];
  truth: Truth;
}

const ms = (iso: string) => Date.parse(iso);

/** The WeChat wording the simulator writes (src/sim/chat.ts, specials.ts). */
const LINES: [RegExp, (m: RegExpExecArray, byName: (n: string) => ExportMember | undefined) => MembershipLine | null][] = [
  [/^"(.+)"邀请"(.+)"加入了群聊$/, (m, f) => join1(f(m[2]!), f(m[1]!), 'invite')],
  [/^"(.+)"通过扫描"(.+)"分享的二维码加入群聊$/, (m, f) => join1(f(m[1]!), f(m[2]!), 'qr')],
  [/^"(.+)"加入了群聊$/, (m, f) => join1(f(m[1]!), undefined, 'unknown')],
  [/^"(.+)"退出了群聊$/, (m, f) => { const who = f(m[1]!); return who ? { kind: 'leave', member: who } : null; }],
  [/^"(.+)"将"(.+)"移出了群聊$/, (m, f) => { const who = f(m[2]!), by = f(m[1]!); return who && by ? { kind: 'remove', member: who, by } : null; }],
];

function join1(member: ExportMember | undefined, by: ExportMember | undefined, via: 'invite' | 'qr' | 'unknown'): MembershipLine | null {
  return member ? { kind: 'join', member, by: by ?? null, via } : null;
}

export function groupsOf(input: ExportInput): ExportGroup[] {
  const groups = new Map<string, ExportGroup>();
  const names = new Map<string, Map<string, ExportMember>>();
  for (const r of input.members) {
    let g = groups.get(r.group_id);
    if (!g) {
      g = { id: r.group_id, name: '', platform: r.group_id.endsWith('@chatroom') ? 'wechat' : 'qq', members: [], byId: new Map(), owner: undefined as unknown as ExportMember, createdAt: 0, rows: [] };
      groups.set(r.group_id, g);
      names.set(r.group_id, new Map());
    }
    const m: ExportMember = {
      id: r.member_id, name: r.name, role: r.role as ExportMember['role'], joinedAt: ms(r.joined_at),
      leftAt: r.left_at ? ms(r.left_at) : null, invitedBy: r.invited_by || null,
    };
    g.members.push(m);
    g.byId.set(m.id, m);
    names.get(r.group_id)!.set(m.name, m);
    if (m.role === 'owner') { g.owner = m; g.createdAt = m.joinedAt; }
  }
  const byMsgId = new Map<string, ExportRow>();
  for (const r of input.messages) {
    const g = groups.get(r.group_id);
    if (!g) throw new Error(`messages.csv: group ${r.group_id} has no members in members.csv`);
    g.name ||= r.group_name;
    const sender = r.sender_id ? g.byId.get(r.sender_id) ?? null : null;
    if (r.sender_id && !sender) throw new Error(`messages.csv: sender ${r.sender_id} of ${r.message_id} is not a member of ${r.group_id}`);
    const row: ExportRow = { id: r.message_id, t: ms(r.timestamp), sender, type: r.type, text: r.text, replyTo: r.reply_to ? byMsgId.get(r.reply_to) ?? null : null, event: null };
    if (r.type === 'system') {
      const byName = (n: string) => names.get(g.id)!.get(n);
      for (const [re, make] of LINES) {
        const m = re.exec(r.text);
        if (m) { row.event = make(m, byName); break; }
      }
    }
    byMsgId.set(row.id, row);
    g.rows.push(row);
  }
  for (const g of groups.values()) {
    g.name ||= g.id;
    // Members the simulator seats before the creation instant have no join line: in a real chat
    // they are the ones added when the group was created, so they get a join at creation.
    const joined = new Set(g.rows.flatMap((r) => (r.event?.kind === 'join' ? [r.event.member] : [])));
    const initial: ExportRow[] = g.members.filter((m) => m.role !== 'owner' && !joined.has(m)).map((m, i) => {
      const by = m.invitedBy ? g.byId.get(m.invitedBy) ?? null : null;
      return { id: `${g.id}#join${i}`, t: Math.max(m.joinedAt, g.createdAt), sender: null, type: 'system', text: '', replyTo: null, event: { kind: 'join', member: m, by, via: by ? 'invite' : 'unknown' } };
    });
    // Stable: the simulator's order (system rows first within a second) is kept; added joins go first.
    g.rows = [...initial, ...g.rows].sort((a, b) => a.t - b.t);
  }
  return [...groups.values()];
}

/** Reads a simulation folder written by `simulate` (messages.csv, members.csv, truth.json). */
export function readSimulation(dir: string): ExportInput {
  const csv = <T>(file: string) => parse(readFileSync(join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true }) as T[];
  return {
    messages: csv<MessageRow>('messages.csv'),
    members: csv<MemberRow>('members.csv'),
    truth: JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth,
  };
}

/** Wall-clock parts of an instant in Asia/Shanghai (UTC+8, no DST), as the exporting PC shows it. */
export function wall(t: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const x = new Date(t + 8 * 3_600_000);
  return { y: x.getUTCFullYear(), mo: x.getUTCMonth() + 1, d: x.getUTCDate(), h: x.getUTCHours(), mi: x.getUTCMinutes(), s: x.getUTCSeconds() };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2024-01-02 03:04:05`, local. */
export function ymdHms(t: number): string {
  const w = wall(t);
  return `${w.y}-${pad2(w.mo)}-${pad2(w.d)} ${pad2(w.h)}:${pad2(w.mi)}:${pad2(w.s)}`;
}

/** A stable number from a string (FNV-1a 32-bit), for ids that a format needs as numbers. */
export function hashNum(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h;
}

/**
 * QQ numbers for the members of a simulation: a QQ group's members keep their numeric ids,
 * WeChat-born members get one derived from their wxid (distinct within the run).
 */
export function qqNumbers(): (m: ExportMember) => string {
  const qqOf = new Map<string, string>();
  const used = new Set<string>();
  return (m) => {
    let n = qqOf.get(m.id);
    if (n === undefined) {
      let v = /^\d+$/.test(m.id) ? Number(m.id) : 100_000 + (hashNum(m.id) % 3_999_000_000);
      while (used.has(String(v)) && !/^\d+$/.test(m.id)) v++;
      n = String(v);
      used.add(n);
      qqOf.set(m.id, n);
    }
    return n;
  };
}

/** What a converter wrote, and how canonical ids read in that format (for comparing reports). */
export interface ExportOutput {
  files: string[];
  /** Canonical group id → the group id the format's adapter reports. */
  groupIds: Map<string, string>;
  /** `${canonical group id}\u0000${canonical member id}` → the member id the adapter reports. */
  memberIds: Map<string, string>;
  /** The exporters' names, as a user gives them with --me: where the files call the exporter "You",
   *  or mark nobody as the exporter (LINE). */
  me?: string[];
}

export const memberKey = (groupId: string, memberId: string) => `${groupId}\u0000${memberId}`;

/**
 * Writes one group's file and records how the format names them: the group by its name (as each
 * exporter names its files) and each member by `memberId` (their name where the format has no ids).
 */
export function writeGroupFile(out: ExportOutput, g: ExportGroup, file: string, text: string, memberId: (m: ExportMember) => string = (m) => m.name): void {
  writeFileSync(file, text);
  out.files.push(file);
  out.groupIds.set(g.id, g.name);
  for (const m of g.members) out.memberIds.set(memberKey(g.id, m.id), memberId(m));
}
