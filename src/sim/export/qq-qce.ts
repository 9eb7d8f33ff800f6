/**
 * qq-chat-exporter (QCE) single-file JSON, as its Rust core (V6) writes it (docs/formats.md, QQ):
 * one `group_<number>_<date>_<time>.json` per group; `metadata`, `chatInfo` (the exporting user as
 * selfUin/selfUid/selfName: the owner, as operators export their own groups), `statistics` on one
 * line each, then `messages`, one per line. A message: NT msgId, `timestamp` in ms, `time` in RFC 3339,
 * `sender {uid, uin, name, nickname, groupCard}`, `type` in words, `content {text, elements,
 * resources, mentions}`, `recalled`, `system`. Joins are gray tips in QQ NT's wording as QCE
 * renders them ("A邀请B加入了群聊", "B通过A分享的二维码加入了群聊", "X加入了群聊", "你…" for the
 * exporter; every fourth invitation the XML form "…，并附带了N条聊天记录。" with its people as
 * items); a removal is the wordless "群聊更新"; QQ NT shows no tip for a leave, so none is written.
 * A recall replaces the message with "<name> 撤回了一条消息", still under its sender. Members who
 * write have a group card (the simulated name) and a nickname of their own, which join tips name
 * them by; silent members only a nickname, the simulated name. UTF-8 without BOM.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashNum, memberKey, qqNumbers, ymdHms, type ExportGroup, type ExportMember, type ExportOutput, type ExportRow } from './model.js';
import { chatContent } from './qq-qce-content.js';

const APP = { name: 'QQChatExporter V6 / https://github.com/shuakami/qq-chat-exporter', copyright: '本软件是免费的开源项目~ 如果您是买来的，请立即退款！如果有帮助到您，欢迎给我点个Star~', version: '6.1.13' };
const SYSTEM_SENDER = { uid: '未知', name: '系统消息' };

const rfc = (t: number) => new Date(t).toISOString();
/** An NT uid: an opaque string per person. */
export const ntUid = (m: ExportMember) => `u_${hashNum(`${m.id}#uid`).toString(36)}${hashNum(`uid#${m.id}`).toString(36)}`;

/** The people of a group as QCE shows them: QQ number, uid, nickname, group card. */
export interface QcePerson { uin: string; uid: string; nickname: string; card?: string }

function peopleOf(g: ExportGroup, qq: (m: ExportMember) => string): Map<ExportMember, QcePerson> {
  const writes = new Set(g.rows.flatMap((r) => (r.sender && r.type !== 'system' ? [r.sender] : [])));
  return new Map(g.members.map((m) => {
    const uin = qq(m);
    return [m, writes.has(m) ? { uin, uid: ntUid(m), nickname: `${m.name}·${uin.slice(-3)}`, card: m.name } : { uin, uid: ntUid(m), nickname: m.name }];
  }));
}

type Tip = { text: string; items: object[]; subType: number; originalData?: object };

/**
 * An invitation that brought chat history along: an XML tip whose `<qq uin="<uid>" jp="<QQ>"/>`
 * the exporter keeps in `originalData`, and names, as for every XML tip, by group card first.
 */
function xmlInvite(row: ExportRow, by: ExportMember, member: ExportMember, person: (m: ExportMember) => QcePerson): Tip {
  const tail = `加入了群聊，并附带了${10 + (hashNum(row.id) % 90)}条聊天记录。`;
  const [a, b] = [person(by), person(member)];
  const shown = (p: QcePerson) => p.card ?? p.nickname;
  const qq = (p: QcePerson) => ({ type: 'qq', text: shown(p), uid: p.uid });
  const xml = `<gtip align="center"><qq uin="${a.uid}" col="3" jp="${a.uin}" /><nor txt="邀请"/><qq uin="${b.uid}" col="3" jp="${b.uin}" /> <nor txt="${tail}"/> </gtip>`;
  return {
    text: `${shown(a)}邀请${shown(b)}${tail}`, subType: 12,
    items: [qq(a), { type: 'nor', text: '邀请', url: '' }, qq(b), { type: 'nor', text: tail, url: '' }],
    originalData: { subElementType: 12, xmlElement: { busiType: '1', busiId: '10145', templId: '10179', xmlStr: xml } },
  };
}

/** The gray tip of a join or removal, from the exporter's point of view; null when QQ shows none. */
function tipOf(row: ExportRow, self: ExportMember, person: (m: ExportMember) => QcePerson): Tip | null {
  const e = row.event;
  if (!e) return null;
  const nick = (m: ExportMember) => person(m).nickname;
  if (e.kind === 'leave') return null;
  if (e.kind === 'remove') return { text: '群聊更新', items: [], subType: 4 };
  if (e.via === 'invite' && e.by) {
    if (e.by !== self && hashNum(row.id) % 4 === 0) return xmlInvite(row, e.by, e.member, person);
    return { text: e.by === self ? `你邀请${nick(e.member)}加入了群聊` : `${nick(e.by)}邀请${nick(e.member)}加入了群聊`, items: [], subType: 4 };
  }
  if (e.via === 'qr' && e.by) return { text: e.by === self ? `${nick(e.member)}通过你的二维码加入了群聊` : `${nick(e.member)}通过${nick(e.by)}分享的二维码加入了群聊`, items: [], subType: 4 };
  return { text: `${nick(e.member)}加入了群聊`, items: [], subType: 4 };
}

export function writeQqQce(groups: readonly ExportGroup[], dir: string): ExportOutput {
  const out: ExportOutput = { files: [], groupIds: new Map(), memberIds: new Map() };
  const qq = qqNumbers();
  mkdirSync(dir, { recursive: true });
  for (const g of groups) {
    const number = /^\d+$/.test(g.id) ? g.id : String(100_000_000 + (hashNum(g.id) % 900_000_000));
    out.groupIds.set(g.id, number);
    for (const m of g.members) out.memberIds.set(memberKey(g.id, m.id), qq(m));
    const people = peopleOf(g, qq);
    const person = (m: ExportMember) => people.get(m)!;
    const sender = (m: ExportMember) => { const p = person(m); return { uid: p.uid, uin: p.uin, name: p.card ?? p.nickname, nickname: p.nickname, ...(p.card ? { groupCard: p.card } : {}) }; };
    const ids = new Map<ExportRow, string>();
    const messages: string[] = [];
    g.rows.forEach((row, i) => {
      const id = `73${String(hashNum(g.id)).padStart(10, '0')}${String(i).padStart(7, '0')}`;
      ids.set(row, id);
      const base = { id, seq: String(i + 1), timestamp: row.t, time: rfc(row.t) };
      const tip = (t: Tip, snd: object, recalled: boolean) => messages.push(JSON.stringify({
        ...base, sender: snd, type: 'system', recalled, system: true,
        content: { text: t.text, html: '', elements: [{ type: 'system', data: { subType: t.subType, text: t.text, summary: t.text, items: t.items, ...(t.originalData ? { originalData: t.originalData } : {}) } }], resources: [], mentions: [] },
      }));
      if (row.type === 'recall') { tip({ text: `${sender(row.sender!).name} 撤回了一条消息`, items: [], subType: 1 }, sender(row.sender!), true); return; }
      if (row.type === 'system') {
        const t = tipOf(row, g.owner, person);
        if (t) tip(t, SYSTEM_SENDER, false);
        return;
      }
      const c = chatContent(row, g.members, person, ids);
      messages.push(JSON.stringify({ ...base, sender: sender(row.sender!), type: c.type, content: c.content, recalled: false, system: false }));
    });
    const owner = person(g.owner);
    const chatInfo = { name: g.name, type: 'group', participantCount: g.members.length, selfUid: owner.uid, selfUin: owner.uin, selfName: owner.nickname };
    const last = g.rows[g.rows.length - 1]?.t ?? g.createdAt;
    const statistics = { totalMessages: messages.length, timeRange: { start: rfc(g.rows[0]?.t ?? g.createdAt), end: rfc(last), durationDays: Math.ceil((last - (g.rows[0]?.t ?? last)) / 86_400_000) } };
    const text = `{\n  "metadata":${JSON.stringify(APP)},\n  "chatInfo":${JSON.stringify(chatInfo)},\n  "statistics":${JSON.stringify(statistics)},\n  "messages":[\n${messages.map((m) => `    ${m}`).join(',\n')}\n  ]\n}\n`;
    const file = join(dir, `group_${number}_${ymdHms(last).replace(/[-:]/g, '').replace(' ', '_')}.json`);
    writeFileSync(file, text);
    out.files.push(file);
  }
  return out;
}
