import { firstFact, names, who, type Rule, type SystemFact } from '../notices/facts.js';

/**
 * QQ group notices (sent by 系统消息(10000)/(1000000) in the 消息管理器 export) as the same facts
 * as WeChat's. Wording from formats.md §2.1, which is third-party evidence: lines that match
 * nothing are kept out of the events rather than guessed at.
 */

/** Invitees: QQ lists them with 、 (or ，, or 和 between spaces), or quoted ("A"和"B", split at the
 *  quotes as WeChat's are). Not at ",": QQ nicknames hold commas. */
export function invitees(raw: string): string[] {
  const s = raw.trim();
  if (/^["“]/.test(s) && /["”]$/.test(s)) return names(s);
  return s.split(/\s*[、，]\s*|\s+和\s+/).map(who).filter((n) => n.length > 0);
}

const RULES: Rule[] = [
  [/^(.+?)邀请(.+?)加入(?:了)?本群/, (m) => ({ kind: 'join', members: invitees(m[2]!), by: who(m[1]!), method: 'invite' })],
  // Before the plain join, which would take "X通过扫描Y分享的二维码" for a name.
  [/^(.+?)通过扫描(.+?)分享的二维码加入(?:了)?本群/, (m) => ({ kind: 'join', members: [who(m[1]!)], by: who(m[2]!), method: 'qr' })],
  [/^(.+?)通过扫描二维码加入(?:了)?本群/, (m) => ({ kind: 'join', members: [who(m[1]!)], method: 'qr' })],
  [/^(.+?)(?:已)?加入(?:了)?本群/, (m) => ({ kind: 'join', members: [who(m[1]!)], method: 'unknown' })],
  [/^(.+?)被管理员移出(?:了)?本群/, (m) => ({ kind: 'remove', members: [who(m[1]!)] })],
  [/^(.+?)被(.+?)移出(?:了)?(?:本群|群聊)/, (m) => ({ kind: 'remove', members: [who(m[1]!)], by: who(m[2]!) })],
  [/^(.+?)(?:已)?(?:退出了本群|退出本群|退出了群聊|离开了本群)/, (m) => ({ kind: 'leave', member: who(m[1]!) })],
  [/^(.+?)撤回了一条(?:成员)?消息/, (m) => ({ kind: 'recall', member: who(m[1]!) })],
  [/^(.+?)(?:已)?成为(?:了)?新群主/, (m) => ({ kind: 'owner', member: who(m[1]!) })],
  [/^(.+?)修改了?群名称?为[“"「]?(.+?)[”"」]?$/, (m) => ({ kind: 'rename', name: m[2]!.trim(), by: who(m[1]!) })],
];

export function parseQqSystem(text: string): SystemFact | null {
  return firstFact(RULES, text);
}
