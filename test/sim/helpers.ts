/** Shared helpers for the simulator tests: parse the generated CSV back, group rows. */
import { parse } from 'csv-parse/sync';
import { MEMBERS_HEADER, MESSAGES_HEADER, toCsv, type MemberRow, type MessageRow } from '../../src/sim/csv.js';
import { simulate, type SimulateResult } from '../../src/sim/simulate.js';

export interface Parsed {
  result: SimulateResult;
  messages: MessageRow[];
  members: MemberRow[];
  asOf: number;
}

const cache = new Map<string, Parsed>();

/** Simulates, writes both CSVs to strings and parses them back, so checks see what a reader sees. */
export function roundTrip(seed: number, groups: number, scale: number): Parsed {
  const key = `${seed}/${groups}/${scale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = simulate({ seed, groups, scale });
  const messages = parse(toCsv(MESSAGES_HEADER, result.messages), { columns: true }) as MessageRow[];
  const members = parse(toCsv(MEMBERS_HEADER, result.members), { columns: true }) as MemberRow[];
  const parsed = { result, messages, members, asOf: Date.parse(result.truth.asOf) };
  cache.set(key, parsed);
  return parsed;
}

export function byGroup<T extends { group_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.group_id) ?? [];
    list.push(r);
    map.set(r.group_id, list);
  }
  return map;
}

/** Ad bait, as spam detection would see it. */
export const looksLikeAd = (text: string): boolean => /微信|VX|加V|https?:\/\/t\.cn|1[3-9]\d{9}/.test(text);

/** Member messages that count as member activity (no staff, bots, system rows, recalls, spammers). */
export function memberActivity(rows: MessageRow[]): MessageRow[] {
  const ads = new Map<string, number>();
  const all = new Map<string, number>();
  for (const r of rows) {
    if (r.role !== 'member' || r.type === 'system') continue;
    all.set(r.sender_id, (all.get(r.sender_id) ?? 0) + 1);
    if (looksLikeAd(r.text)) ads.set(r.sender_id, (ads.get(r.sender_id) ?? 0) + 1);
  }
  const spammer = (id: string) => (ads.get(id) ?? 0) >= 0.5 * (all.get(id) ?? 1);
  return rows.filter((r) => r.role === 'member' && r.type !== 'system' && r.type !== 'recall' && !spammer(r.sender_id));
}

const SHANGHAI = 8 * 3_600_000;
export function slotOfIso(iso: string): number {
  const local = new Date(Date.parse(iso) + SHANGHAI);
  const wd = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return (wd - 1) * 24 + local.getUTCHours();
}
