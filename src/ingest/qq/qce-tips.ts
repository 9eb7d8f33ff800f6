import { SELF, firstFact, who, type Rule, type SystemFact } from '../notices/facts.js';
import { invitees, parseQqSystem } from './system.js';

/**
 * The gray tips (灰条) of QQ NT as qq-chat-exporter words them, as facts. The joins are the texts
 * QCE's parser writes for a member-add tip (qq-chat-export-server/src/parser/simple_parser.rs,
 * `group_member_add_summary`): "X加入了群聊", "A邀请B加入了群聊", "B通过A分享的二维码加入了群聊",
 * and the exporter's own forms with "你"; invitations with history come from an XML tip that reads
 * "A邀请B加入了群聊，并附带了N条聊天记录。". A recall reads "X 撤回了一条消息" (reason in brackets)
 * or "A 撤回了 B 的消息". QQ NT shows no tip when a member leaves; a removal comes out as
 * "群聊更新" (no names). Leave and removal wordings of older clients are read as the 消息管理器's are.
 */
const RULES: Rule[] = [
  // Before the plain join, which would take "A邀请B" or "B通过…二维码" for a name.
  [/^(.+?)邀请(.+?)加入了群聊/, (m) => ({ kind: 'join', members: invitees(m[2]!), by: who(m[1]!), method: 'invite' })],
  [/^(.+?)通过你的二维码加入了群聊/, (m) => ({ kind: 'join', members: [who(m[1]!)], by: SELF, method: 'qr' })],
  [/^(.+?)通过(.+?)分享的二维码加入了群聊/, (m) => ({ kind: 'join', members: [who(m[1]!)], by: who(m[2]!), method: 'qr' })],
  [/^(.+?)加入了群聊/, (m) => ({ kind: 'join', members: [who(m[1]!)], method: 'unknown' })],
  [/^(.+?) 撤回了 (.+?) 的消息/, (m) => ({ kind: 'recall', member: who(m[2]!) })],
  [/^(.+?) ?撤回了一条消息/, (m) => ({ kind: 'recall', member: who(m[1]!) })],
  [/^(.+?)被(.+?)移出了?群聊/, (m) => ({ kind: 'remove', members: [who(m[1]!)], by: who(m[2]!) })],
  [/^(.+?)(?:已)?退出了?群聊/, (m) => ({ kind: 'leave', member: who(m[1]!) })],
];

export function parseQceTip(text: string): SystemFact | null {
  return firstFact(RULES, text) ?? parseQqSystem(text);
}

/**
 * A tip that should have said who joined or left but does not: "群聊更新" (QCE's text for group
 * tips it cannot word, removals among them) and "[4]"-style numbers (what the TypeScript exporter
 * of V5 wrote for every gray tip). Counted, so the report can say joins may be missing.
 */
export function isWordlessTip(text: string): boolean {
  return /^(?:\[\d+\]|群聊更新|系统提示 \(类型: \d+\))$/.test(text.trim());
}
