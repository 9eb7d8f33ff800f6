import type { JoinMethod } from '../../core/model.js';
import { firstFact, names, SELF, who, type Rule, type SystemFact } from '../notices/facts.js';

/**
 * WeChat system notices (type 10000) as facts, from the Chinese and the English clients'
 * wording (formats.md §1.2, after the Wechaty puppets).
 */
const Q = '["“”]?'; // names are usually in ASCII quotes, sometimes not; "“" appears after copy-paste
const invite = (by: string | undefined, members: string[], method: JoinMethod = 'invite'): SystemFact =>
  ({ kind: 'join', members, by, method });

/** Order matters: the "you" forms before the general ones that would also match them. */
const RULES: Rule[] = [
  // zh-CN
  [/^你邀请(.+?)加入了群聊/, (m) => invite(SELF, names(m[1]!))],
  [new RegExp(`^${Q}(.+?)${Q}邀请你和(.+?)加入了群聊`), (m) => invite(who(m[1]!), [SELF, ...names(m[2]!)])],
  [new RegExp(`^${Q}(.+?)${Q}邀请你加入了群聊`), (m) => invite(who(m[1]!), [SELF])],
  [new RegExp(`^${Q}(.+?)${Q}邀请(.+?)加入了群聊`), (m) => invite(who(m[1]!), names(m[2]!))],
  [new RegExp(`^${Q} ?(.+?)${Q}通过扫描你分享的二维码加入群聊`), (m) => invite(SELF, [who(m[1]!)], 'qr')],
  [new RegExp(`^${Q} ?(.+?)${Q}通过扫描${Q}(.+?)${Q}分享的二维码加入群聊`), (m) => invite(who(m[2]!), [who(m[1]!)], 'qr')],
  [new RegExp(`^${Q} ?(.+?)${Q}通过扫描二维码加入群聊`), (m) => invite(undefined, [who(m[1]!)], 'qr')],
  [new RegExp(`^你被${Q}(.+?)${Q}移出(?:了)?群聊`), (m) => ({ kind: 'remove', members: [SELF], by: who(m[1]!) })],
  [new RegExp(`^${Q}(.+?)${Q}将(.+?)移出了群聊`), (m) => ({ kind: 'remove', members: names(m[2]!), by: who(m[1]!) })],
  [new RegExp(`^${Q}(.+?)${Q}(?:已)?退出了?群聊`), (m) => ({ kind: 'leave', member: who(m[1]!) })],
  [new RegExp(`^${Q}(.+?)${Q}修改群名为[“"](.+)[”"]$`), (m) => ({ kind: 'rename', name: m[2]!.trim(), by: who(m[1]!) })],
  [new RegExp(`^${Q}(.+?)${Q} ?撤回了一条消息`), (m) => ({ kind: 'recall', member: who(m[1]!) })],
  [new RegExp(`^${Q}(.+?)${Q}已成为新群主`), (m) => ({ kind: 'owner', member: who(m[1]!) })],
  // English client
  [/^You invited (.+?) to (?:the|a) group chat/i, (m) => invite(SELF, names(m[1]!))],
  [/^(.+?) invited you and (.+?) to (?:the|a) group chat/i, (m) => invite(who(m[1]!), [SELF, ...names(m[2]!)])],
  [/^(.+?) invited you to (?:the|a) group chat/i, (m) => invite(who(m[1]!), [SELF])],
  [/^(.+?) invited (.+?) to (?:the|a) group chat/i, (m) => invite(who(m[1]!), names(m[2]!))],
  [/^" ?(.+?)" joined (?:the )?group chat via the QR code you shared/i, (m) => invite(SELF, [who(m[1]!)], 'qr')],
  [/^" ?(.+?)" joined (?:the )?group chat via the QR code shared by "(.+?)"/i, (m) => invite(who(m[2]!), [who(m[1]!)], 'qr')],
  [/^You were removed from the group chat by "?(.+?)"?\.?$/i, (m) => ({ kind: 'remove', members: [SELF], by: who(m[1]!) })],
  [/^(.+?) removed (.+?) from the group chat/i, (m) => ({ kind: 'remove', members: names(m[2]!), by: who(m[1]!) })],
  [/^(.+?) (?:has )?left the group chat/i, (m) => ({ kind: 'leave', member: who(m[1]!) })],
  [/^(.+?) changed the group name to "(.+)"\.?$/i, (m) => ({ kind: 'rename', name: m[2]!.trim(), by: who(m[1]!) })],
  [/^(.+?) recalled a message/i, (m) => ({ kind: 'recall', member: who(m[1]!) })],
  [/^(.+?) is now the group owner/i, (m) => ({ kind: 'owner', member: who(m[1]!) })],
];

/** The fact a notice states, or null for notices that say nothing about members (pats, tips). */
export function parseSystemLine(text: string): SystemFact | null {
  return firstFact(RULES, text);
}
