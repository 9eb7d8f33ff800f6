import { epochMs } from '../shape.js';
import type { GroupInfo, IngestEvent, MessageEvent } from '../../core/model.js';
import { parseTimestamp } from '../../core/timestamp.js';
import { cell, csvRowBatches, sniffDelimiter } from '../csv/rows.js';
import type { IngestAdapter, ReadContext, Source } from '../types.js';
import { factEvents } from '../notices/events.js';
import { wechatKind } from './kinds.js';
import { ReplyLinker } from './replies.js';
import { OneToOne } from './one-to-one.js';
import { parseSystemLine } from './system.js';
import { cleanName, fileStem } from '../text/names.js';
import { firstLine } from '../text/lines.js';
import { appmsgType, looksLikeXml, quoteOf, systemText } from './xml.js';

/**
 * 留痕/MemoTrace (WeChatMsg) CSV: `<remark>_utf8.csv`, 12 fixed columns, BOM, rows newest-first in
 * recent versions (the dataset sorts). Sender wxid per row; system notices (10000) carry joins
 * with inviters by display name. There is no chatroom id, so the group is the file name, and no
 * server id, so quote replies are linked by the quoted message's time and sender.
 */
const COLUMNS = ['localId', 'TalkerId', 'Type', 'SubType', 'IsSender', 'CreateTime', 'Status', 'StrContent', 'StrTime', 'Remark', 'NickName', 'Sender'];
type Col = 'localId' | 'TalkerId' | 'Type' | 'SubType' | 'IsSender' | 'CreateTime' | 'StrContent' | 'StrTime' | 'Remark' | 'NickName' | 'Sender';

export function memotraceHeaderScore(text: string): number {
  // Excel re-saves it with ";" (European locales) or as "Unicode text" (UTF-16, tabs).
  const line = firstLine(text);
  const fields = line.split(sniffDelimiter(line)).map((f) => f.trim().replace(/^"|"$/g, ''));
  if (fields.join(',') === COLUMNS.join(',')) return 0.95;
  const has = (c: string) => fields.includes(c);
  return has('StrContent') && has('CreateTime') && has('Type') && has('Sender') ? 0.85 : 0;
}

export const wechatMemotraceCsv = {
  id: 'wechat-memotrace-csv',
  title: 'WeChat 留痕/MemoTrace (WeChatMsg) CSV (*_utf8.csv)',
  platform: 'wechat',
  capabilities: {
    identity: 'ids', joins: true, replies: true,
    note: 'senders by wxid; joins, inviters, removals and recalls from system notices, by display name; group = file name; quote replies linked by time and sender',
  },
  kind: () => 'messages',
  detect: (head) => (head.text ? memotraceHeaderScore(head.text) : 0),
  async *read(source, ctx) {
    for await (const batch of readBatches(source, ctx)) yield* batch;
  },
  readBatches,
} satisfies IngestAdapter;

/** The events of a 留痕 CSV, a decoded chunk's rows at a time (one await per batch, not per event). */
async function* readBatches(source: Source, ctx: ReadContext): AsyncGenerator<IngestEvent[]> {
  const stem = fileStem(source.fileName);
  const groups = new Map<string, GroupInfo>();
  const linker = new ReplyLinker();
  let col: Partial<Record<Col, number>> = {};
  let self: string | undefined;
  const groupOf = (talker: string | undefined): GroupInfo => {
    const key = talker ?? '';
    let g = groups.get(key);
    if (!g) {
      // "CSV_ALL" files hold several chats: the first keeps the file name, later ones add the talker id.
      g = { id: groups.size === 0 ? stem : `${stem}#${key}`, name: stem, platform: 'wechat' };
      groups.set(key, g);
    }
    return g;
  };
  const oneToOne = new OneToOne(source.path);
  for await (const batch of csvRowBatches(source, ctx)) {
    if ('header' in batch) {
      col = {};
      for (const c of COLUMNS) { const i = batch.header.indexOf(c); if (i >= 0) col[c as Col] = i; }
      if (col.Type === undefined || (col.CreateTime === undefined && col.StrTime === undefined)) ctx.reportIssue({ line: 1, reason: 'not a MemoTrace header (no Type or CreateTime)', code: 'missing-column' });
      continue;
    }
    const out: IngestEvent[] = [];
    for (const row of batch) {
      const f = row.fields;
      if (row.truncated) { ctx.reportIssue({ line: row.line, reason: 'the file ends inside a quoted field (truncated?)', code: 'truncated' }); continue; }
      // Epoch seconds; milliseconds from tools that rewrite the file (beyond 1e11 s is year 5138).
      const rawCreated = Number(cell(f, col.CreateTime));
      const ms = rawCreated > 1e11;
      const created = ms ? Math.floor(rawCreated / 1000) : rawCreated;
      const time = created > 0 ? epochMs(rawCreated, ms ? 'ms' : 's') : parseTimestamp(cell(f, col.StrTime) ?? '', ctx.zone);
      if (Number.isNaN(time)) { ctx.reportIssue({ line: row.line, reason: 'no readable CreateTime or StrTime', code: 'bad-timestamp' }); continue; }
      const type = Number(cell(f, col.Type)), sub = Number(cell(f, col.SubType) ?? 0);
      const content = col.StrContent === undefined ? '' : (f[col.StrContent] ?? '');
      const id = cell(f, col.localId);
      const group = groupOf(cell(f, col.TalkerId));
      if (type === 10000 || type === 10002) {
        const fact = parseSystemLine(systemText(content));
        if (fact) out.push(...factEvents(fact, group, time, { id, self: self ?? ctx.me?.[0], line: row.line }));
        oneToOne.notice(group, content, fact !== null && fact.kind !== 'recall');
        continue;
      }
      // The exporter's remark for the person is how they know them; notices name them by nickname.
      const nick = cleanName(cell(f, col.NickName) ?? '');
      const name = cleanName(cell(f, col.Remark) ?? '') || nick;
      const senderId = cell(f, col.Sender) ?? name;
      if (!senderId) { ctx.reportIssue({ line: row.line, reason: 'no sender', code: 'no-sender' }); continue; }
      const fromSelf = cell(f, col.IsSender) === '1';
      if (fromSelf && name) self = name;
      oneToOne.message(group, senderId, content);
      const ev: MessageEvent = { type: 'message', group, time, senderId, kind: wechatKind(type, sub), line: row.line };
      if (fromSelf) ev.fromSelf = true;
      if (name) ev.senderName = name;
      if (nick && nick !== name) ev.senderAlias = nick;
      if (id !== undefined) ev.id = id;
      let held = false;
      if (type === 49 && (sub === 57 || appmsgType(content) === 57)) {
        const q = quoteOf(content);
        ev.kind = 'text';
        if (q?.title) ev.text = q.title;
        if (q?.createTime !== undefined) held = !linker.link(ev, q.createTime, q.sender);
      } else if (type === 1 && !looksLikeXml(content) && content.trim()) {
        ev.text = content;
      }
      if (!held) out.push(ev);
      if (id !== undefined && created > 0) { const linked = linker.add(created, senderId, id); if (linked.length) out.push(...linked); }
    }
    if (out.length) yield out;
  }
  // Quotes of messages older than the export stay unlinked: still messages.
  const rest = linker.rest();
  if (rest.length) yield rest;
  const personal = oneToOne.chats(groups.values());
  if (personal.length) yield personal.map((g) => ({ type: 'group', group: { ...g, personal: true } }));
}
