import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, messageText, Rng, senderName, wallTime, Writer } from './random.js';

/** The shape of a generated community: groups, their sizes, a year of messages. */
export interface Shape { messages: number; groups: number; seed: number }

const START = Date.UTC(2024, 0, 1);
const SPAN = 365 * 86_400_000;

/** Members per group: a few big groups, many small ones (about 100 k members over 200 groups). */
export function groupSizes(shape: Shape): Int32Array {
  const rng = new Rng(shape.seed * 31 + 7);
  const sizes = new Int32Array(shape.groups);
  for (let g = 0; g < shape.groups; g++) sizes[g] = 30 + Math.floor(1500 * rng.next() ** 2);
  return sizes;
}

export const memberId = (g: number, k: number) => `wxid_${((g * 7919 + k * 104729) % 400_009).toString(36)}${k % 7}`;

/** Write a file through a temporary name, so an interrupted run never leaves a file that looks done. */
export function writeFileOnce(path: string, body: (w: Writer) => void): string {
  if (existsSync(path)) return path;
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  const w = new Writer((s) => { writeSync(fd, s); });
  try { body(w); w.flush(); } finally { closeSync(fd); }
  renameSync(tmp, path);
  return path;
}

const MESSAGES_HEADER = 'message_id,group_id,group_name,timestamp,sender_id,sender_name,type,text,reply_to\n';

/** The rows of the canonical messages CSV, in time order, each with its group. */
function canonicalRows(shape: Shape, sizes: Int32Array, emit: (group: number, row: string) => void): void {
  const rng = new Rng(shape.seed);
  const lastId = new Int32Array(shape.groups).fill(-1);
  const step = SPAN / shape.messages;
  for (let i = 0; i < shape.messages; i++) {
    const g = rng.skewed(shape.groups, 1.5);
    const k = rng.skewed(sizes[g]!, 3);
    const r = rng.next();
    const type = r < 0.9 ? 'text' : r < 0.95 ? 'image' : r < 0.97 ? 'sticker' : r < 0.99 ? 'voice' : 'link';
    const text = type === 'text' ? messageText(rng) : '';
    const reply = lastId[g]! >= 0 && rng.next() < 0.05 ? `m${lastId[g]}` : '';
    lastId[g] = i;
    const t = START + Math.floor(i * step);
    emit(g, `m${i},g${g},${`社群${g}`},${wallTime(t)},${memberId(g, k)},${csvField(senderName(k))},${type},${csvField(text)},${reply}\n`);
  }
}

/**
 * The canonical messages CSV: messages in time order across all groups (as a merged export is),
 * realistic short Chinese and English texts, some quoted fields (commas, quotes, newlines), 5 %
 * replies, a few spammers' repeated ads.
 */
export function generateCanonical(dir: string, shape: Shape): { messages: string; members: string } {
  const base = join(dir, `canonical-n${shape.messages}-g${shape.groups}-s${shape.seed}`);
  const sizes = groupSizes(shape);
  const messages = writeFileOnce(`${base}.csv`, (w) => {
    w.push(MESSAGES_HEADER);
    canonicalRows(shape, sizes, (_, row) => w.push(row));
  });
  const members = writeFileOnce(`${base}-members.csv`, (w) => {
    const rng = new Rng(shape.seed + 1);
    w.push('group_id,member_id,name,role,joined_at\n');
    for (let g = 0; g < shape.groups; g++) {
      for (let k = 0; k < sizes[g]!; k++) {
        const role = k === 0 ? 'owner' : k < 3 ? 'admin' : 'member';
        const joined = START - 30 * 86_400_000 + rng.int(SPAN);
        w.push(`g${g},${memberId(g, k)},${csvField(senderName(k))},${role},${wallTime(joined)}\n`);
      }
    }
  });
  return { messages, members };
}

/**
 * The same messages as generateCanonical as a folder of `files` CSVs (groups dealt round-robin)
 * plus the member list, as a folder of per-group exports.
 */
export function generateCanonicalFolder(dir: string, shape: Shape, files: number): string {
  const folder = join(dir, `canonical-n${shape.messages}-g${shape.groups}-s${shape.seed}-files${files}`);
  if (existsSync(folder)) return folder;
  const { members } = generateCanonical(dir, shape);
  const tmp = `${folder}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const fds = Array.from({ length: files }, (_, i) => openSync(join(tmp, `groups-${String(i).padStart(2, '0')}.csv`), 'w'));
  try {
    const writers = fds.map((fd) => new Writer((s) => { writeSync(fd, s); }));
    for (const w of writers) w.push(MESSAGES_HEADER);
    canonicalRows(shape, groupSizes(shape), (g, row) => writers[g % files]!.push(row));
    for (const w of writers) w.flush();
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  copyFileSync(members, join(tmp, 'members.csv'));
  renameSync(tmp, folder);
  return folder;
}
