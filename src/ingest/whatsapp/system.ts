/**
 * System lines of WhatsApp exports in English, Chinese (zh-CN, zh-TW), Portuguese and Spanish:
 * the ones that change membership, ownership or the group's name. Wording from formats.md §3.3.
 */
export type SystemLine =
  | { kind: 'join-link'; member: string }
  | { kind: 'added'; by: string; members: string[] }
  | { kind: 'was-added'; member: string }
  | { kind: 'left'; member: string }
  | { kind: 'removed'; by: string; member: string }
  | { kind: 'created'; by: string; name?: string }
  | { kind: 'subject'; by: string; name: string }
  | { kind: 'notice' };

/** Notices nobody sent (encryption, disappearing messages): not messages from a person. */
const NOTICE = /end-to-end encrypt|secured with end-to-end|端到端加密|端對端加密|ponta a ponta|extremo a extremo|disappearing messages|限时消息|限時訊息/i;

const JOIN_LINK = [
  /^(.+?) joined using (?:this group's|this community's|a group|the group's) (?:invite )?link\.?$/,
  /^(.+?) joined from the community\.?$/,
  /^(.+?) entrou usando o link de convite (?:deste|do) grupo\.?$/,
  /^(.+?) se unió (?:usando|mediante|con) el enlace de invitación (?:de este|del) grupo\.?$/,
  /^(.+?)\s*(?:已)?(?:通过|透過|通過)(?:此|本)?群[组組]的?邀[请請][链連][接結]加入/,
];
const ADDED = [/^(.+?) added (.+?)\.?$/, /^(.+?) adicionou (.+?)\.?$/, /^(.+?) (?:añadió|agregó) a (.+?)\.?$/, /^(.+?)\s*(?:已)?添加了\s*(.+?)。?$/, /^(.+?)\s*已新增\s*(.+?)。?$/];
const WAS_ADDED = [/^(.+?) was added\.?$/, /^(.+?) foi adicionado\.?$/];
const LEFT = [/^(.+?) left\.?$/, /^(.+?) saiu\.?$/, /^(.+?) salió(?: del grupo)?\.?$/, /^(.+?)\s*(?:已)?(?:退出了群组|退出群组|已退出群組|離開群組|离开了群组)。?$/];
const REMOVED = [/^(.+?) removed (.+?)\.?$/, /^(.+?) removeu (.+?)\.?$/, /^(.+?) eliminó a (.+?)\.?$/, /^(.+?)\s*(?:已)?移除了?\s*(.+?)。?$/];
const CREATED = [
  /^(.+?) created (?:the )?(?:group|this group)(?: "(.*)")?\.?$/,
  /^(.+?) criou o grupo(?: "(.*)")?\.?$/,
  /^(.+?) creó (?:el|este) grupo(?: "(.*)")?\.?$/,
  /^(.+?)\s*(?:已)?(?:创建了|建立了)(?:此)?群[组組](?:\s*[“"「](.*)[”"」])?。?$/,
];
const SUBJECT = [
  /^(.+?) changed the (?:subject|group name) (?:from "(?:.*)" )?to "(.*)"\.?$/,
  /^(.+?) (?:mudou|alterou) o (?:assunto|nome do grupo) (?:de "(?:.*)" )?para "(.*)"\.?$/,
  /^(.+?) cambió el (?:asunto|nombre del grupo) (?:de "(?:.*)" )?a "(.*)"\.?$/,
  /^(.+?)\s*(?:已)?(?:更改了|将)(?:本)?群[组組](?:名称|主题|名稱)?(?:从\s*[“"](?:.*)[”"]\s*)?(?:更改)?为\s*[“"](.*)[”"]/,
];

/**
 * "Y, Z and W" → three names; also Portuguese "e", Spanish "y", Chinese 、 and 和. WhatsApp puts a
 * space after the comma of a list, so a comma without one belongs to a name ("王,小二").
 */
export function splitNames(list: string): string[] {
  return list.split(/\s*,\s+|\s+(?:and|e|y)\s+|、|和/).map((s) => s.trim()).filter((s) => s !== '');
}

// An actor containing ":" means the line was "Author: text" after all, not a system line.
const ok = (...names: (string | undefined)[]) => names.every((n) => n === undefined || (!n.includes(': ') && n.length <= 80));

function first(patterns: RegExp[], text: string): RegExpExecArray | null {
  for (const p of patterns) { const m = p.exec(text); if (m) return m; }
  return null;
}

export function parseSystem(text: string): SystemLine | null {
  if (NOTICE.test(text)) return { kind: 'notice' };
  let m = first(JOIN_LINK, text);
  if (m && ok(m[1])) return { kind: 'join-link', member: m[1]! };
  m = first(CREATED, text);
  if (m && ok(m[1])) return { kind: 'created', by: m[1]!, ...(m[2] ? { name: m[2] } : {}) };
  m = first(SUBJECT, text);
  if (m && ok(m[1])) return { kind: 'subject', by: m[1]!, name: m[2]! };
  m = first(WAS_ADDED, text);
  if (m && ok(m[1])) return { kind: 'was-added', member: m[1]! };
  m = first(ADDED, text);
  if (m && ok(m[1], m[2])) return { kind: 'added', by: m[1]!, members: splitNames(m[2]!) };
  m = first(REMOVED, text);
  if (m && ok(m[1], m[2])) return { kind: 'removed', by: m[1]!, member: m[2]! };
  m = first(LEFT, text);
  if (m && ok(m[1])) return { kind: 'left', member: m[1]! };
  return null;
}
