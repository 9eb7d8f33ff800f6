import { person, splitNames, unnamedIn } from '../notices/lists.js';
import { ADMIN_ACT, ADMIN_ACT_KEYWORD } from './admin-acts.js';
import { JOIN_LINK, ADDED, WAS_ADDED, LEFT, REMOVED, CREATED, YOU_CREATED, SECOND_PERSON, SUBJECT } from './wordings.js';

/**
 * System lines of WhatsApp exports in English, Chinese (zh-CN, zh-TW), Portuguese, Spanish, German,
 * French, Italian, Russian, Indonesian and Dutch: the ones that change membership, ownership or the
 * group's name. Wording from formats.md §3.3 and the exports of each locale.
 */
export type SystemLine =
  | { kind: 'join-link'; member: string }
  | { kind: 'added'; by: string; members: string[]; unnamed?: number }
  | { kind: 'was-added'; member: string }
  | { kind: 'left'; member: string }
  | { kind: 'removed'; by: string; member: string }
  | { kind: 'created'; by: string; name?: string }
  | { kind: 'subject'; by: string; name: string }
  | { kind: 'number-changed'; from: string; to: string }
  | { kind: 'admin-act'; by: string }
  | { kind: 'notice' };

/** The end-to-end encryption notice, the first line of every export (iOS: under the chat's name). */
export const ENCRYPTED = /end-to-end[ -](?:encrypt|versleuteld)|secured with end-to-end|端到端加密|端對端加密|ponta a ponta|ponto a ponto|extremo a extremo|Ende-zu-Ende|de bout en bout|crittografat|сквозн|ujung ke ujung|terenkripsi|eind-tot-eind/i;
/** Notices nobody sent (encryption, disappearing messages): not messages from a person. */
const NOTICE = new RegExp(`${ENCRYPTED.source}|disappearing messages|限时消息|限時訊息|mensagens temporárias|mensajes temporales|selbstlöschende Nachrichten|messaggi effimeri|messages éphémères|verdwijnende berichten|pesan sementara|исчезающие сообщения`, 'i');

/**
 * A word every pattern of wordings.ts holds: a line without one is no system line, and most lines (the
 * messages) are turned away by this one test instead of sixty.
 */
const KEYWORD = new RegExp([
  NOTICE.source,
  'joined|added|left|removed|created|changed|entrou|adicion|saiu|removeu|criou|mudou|alterou|unió|añadió|agregó|salió|eliminó|creó|cambió',
  '加入|添加|新增|退出|離開|离开|移除|创建|建立|群组|群組',
  'beigetreten|hinzugefügt|verlassen|entfernt|erstellt|geändert|rejoint|ajouté|parti|quitté|retiré|créé',
  'unit|entrat|aggiunt|abbandonato|uscit|rimosso|creato|присоединил|вступил|добавил|добавлен|вышл|вышел|покинул|удалил|создал',
  'bergabung|menambahkan|ditambahkan|keluar|mengeluarkan|membuat|uitnodigingslink|toegevoegd|verlaten|verwijderd|aangemaakt|gemaakt|creaste|añadió|agregó|aggiunto',
  ADMIN_ACT_KEYWORD,
].join('|'), 'i');

/** System lines that change no membership (icon, description, security codes, admins…): not "unknown". */
const HARMLESS = /now an admin|admin\.? del grupo|ein\*?e? Admin\b|agora é admin|ora sei amministratore|est maintenant admin|sekarang admin|(?:voice|video) call\b|group(?:'s)? (?:icon|description|settings)|changed (?:this group's|the group) |deleted this group's icon|reset this group's invite link|security code|phone number|changed to \+?\d|now an admin|no longer an admin|pinned a message|afixou uma mensagem|fixou uma mensagem|missed (?:voice|video|group) call|message timer|waiting for this message|this message was deleted|you deleted this message|turned (?:on|off)|Gruppenbild|Gruppenbeschreibung|ha(?:st|t) den (?:Betreff|Gruppennamen)|le nom du groupe|le sujet|il nome del gruppo|l['’]oggetto|название группы|тему группы|nama grup|subjek grup|de groepsnaam|het onderwerp|Sicherheitsnummer|Sicherheitscode|description du groupe|icône|code de sécurité|descrizione del gruppo|icona|codice di sicurezza|описани|изображени|код безопасности|kode keamanan|deskripsi grup|ikon grup|groepsafbeelding|groepsbeschrijving|beveiligingscode|ícone|descrição do grupo|código de segurança|descripción del grupo|código de seguridad|群组图标|群組圖示|群组描述|群組描述|安全码|安全碼|管理员|管理員/i;

/** Whether an author-less line no pattern knows is one that changes no membership anyway. */
export function harmless(text: string): boolean {
  return NOTICE.test(text) || HARMLESS.test(text);
}

/**
 * The word a system line uses for the person who exported the chat ("You added Carl", "Boris
 * added you", "你添加了…", "Você adicionou…", "Vous avez ajouté…", "Вы добавили…"). Their own
 * messages stand under their display name, which the file never ties to this word. Words that are
 * also given names in some countries ("Anda", "Je", "Du") are left out here: a member of that name
 * would become the exporter. German "Du" and Dutch "Je" count with their second-person verb
 * (SECOND_PERSON), and the object words of some languages by the line's language (YOU_OBJECT).
 */
const YOU = /^(?:你|您|você|vous|вы|вас)$/i;
/**
 * The word for "you" as the object, by the word for "and" of the pattern that read the line (so by
 * its language: "Alice added Te" in English is a member called Te): German "dich", Dutch "je"/
 * "jou", Spanish "te", Italian "ti" (the last two come from their own patterns).
 */
// Portuguese (Portugal) "Ronaldo adicionou o seu contacto" (a real export): "you", by the same pattern as Italian's "ti".
const YOU_OBJECT: Record<string, RegExp> = { und: /^dich$/i, en: /^(?:je|jou)$/i, y: /^te$/, e: /^(?:ti|o (?:seu|teu) contacto)$/i };
const youObject = (name: string, and: string) => (YOU_OBJECT[and]?.test(name) ? 'you' : name);

/**
 * Whether `name`, as a system line has it, is the exporter. English writes "You" as the doer
 * ("You added Bob", "You left") and "you" otherwise ("Alice added you"): a member called "You" (a
 * surname) added by someone stays a member.
 */
export function isYou(name: string, doer: boolean): boolean {
  return name === (doer ? 'You' : 'you') || YOU.test(name);
}

/**
 * The doer of a system line whose wording is whole and anchored, so that written under the doer's
 * own name it is still that act: creating the group, renaming it, joining by link, leaving. Not
 * "added"/"removed", whose object runs to the end of the line: "Acme Store: Acme Store added new
 * products" is a message.
 */
export function ownActor(sys: SystemLine): string | undefined {
  switch (sys.kind) {
    case 'created': case 'subject': case 'admin-act': return sys.by;
    case 'join-link': case 'left': return sys.member;
    default: return undefined;
  }
}

/**
 * Whether a system line written under `author` is still the act it reads as. Newer iOS exports file
 * each system line under a person it is about: the doer of a whole wording (see ownActor), or the
 * person added or removed ("+55 51 9…: Lauren adicionou +55 51 9…", "Marta: Chai removeu Marta",
 * "Kaz: Kaz was added"). A person does not write that someone added or removed them as a message.
 */
export function ownLine(sys: SystemLine, author: string): boolean {
  const actor = ownActor(sys);
  if (actor !== undefined && sameName(actor, author)) return true;
  switch (sys.kind) {
    case 'added': return sys.members.some((m) => sameName(m, author));
    case 'removed': case 'was-added': return sameName(sys.member, author);
    case 'number-changed': return sameName(sys.from, author) || sameName(sys.to, author);
    default: return false;
  }
}

/**
 * The same person, as a system line and a message header write them: a name's final dot ("Lim.")
 * is lost to the line's own full stop ("… added Lim.").
 */
export function sameName(inLine: string, author: string): boolean {
  return inLine === author || (author.endsWith('.') && inLine === author.slice(0, -1));
}

/** The line with the names that are `author` (see sameName) written as the author's header writes it. */
export function spelledAs(sys: SystemLine, author: string): SystemLine {
  const as = (n: string) => (sameName(n, author) ? author : n);
  switch (sys.kind) {
    case 'added': return { ...sys, by: as(sys.by), members: sys.members.map(as) };
    case 'removed': return { ...sys, by: as(sys.by), member: as(sys.member) };
    case 'created': case 'subject': case 'admin-act': return { ...sys, by: as(sys.by) };
    case 'join-link': case 'was-added': case 'left': return { ...sys, member: as(sys.member) };
    default: return sys;
  }
}

/** Everyone a system line names. */
export function namesIn(sys: SystemLine): string[] {
  switch (sys.kind) {
    case 'added': return [sys.by, ...sys.members];
    case 'removed': return [sys.by, sys.member];
    case 'created': case 'subject': case 'admin-act': return [sys.by];
    case 'join-link': case 'was-added': case 'left': return [sys.member];
    default: return [];
  }
}

/**
 * What iOS appends to some system lines, a hint to the reader ("… added Bob. Tap to change who can
 * add other members.", "Toque para…", "Tippe, um…"): not part of the names.
 */
const HINT = /\.\s+(?:Tap to|Toque para|Toca para|Tippe,? um|Tocca per|Appuyez pour|Tik om|Ketuk untuk|Нажмите,? чтобы|点按|輕觸|轻触)\b.*$/u;

// An actor containing ": " or ending in ":" means the line was "Author: text" after all, not a
// system line ("Alice: left" is Alice's message).
const ok = (...names: (string | undefined)[]) => names.every((n) => n === undefined || (!n.includes(': ') && !n.endsWith(':') && n.length <= 80));

function first(patterns: RegExp[], text: string): RegExpExecArray | null {
  for (const p of patterns) { const m = p.exec(text); if (m) return m; }
  return null;
}

export function parseSystem(line: string): SystemLine | null {
  if (!KEYWORD.test(line)) return null;
  if (NOTICE.test(line)) return { kind: 'notice' };
  const sys = parseWording(line.replace(HINT, ''));
  // "Du hast Bob hinzugefügt": the second-person verb makes the doer the exporter.
  if (sys && SECOND_PERSON.test(line)) {
    if ((sys.kind === 'added' || sys.kind === 'removed' || sys.kind === 'created' || sys.kind === 'subject' || sys.kind === 'admin-act') && /^(?:Du|Je|Jij)$/.test(sys.by)) return { ...sys, by: 'You' };
    if (sys.kind === 'left' && /^(?:Du|Je|Jij)$/.test(sys.member)) return { ...sys, member: 'You' };
  }
  return sys;
}

/** "+91 77095 42783 changed to +91 93569 73438" (Android): one person, a new number. Both must read as numbers. */
const NUMBER_CHANGED = /^(\+[\d\s\u2011()-]{6,}?) (?:changed to|mudou para|cambió a|a changé pour|ha cambiato in|wechselte zu|berubah ke|изменил(?:а)? номер на) (\+[\d\s\u2011()-]{6,}?)\.?$/;

function parseWording(text: string): SystemLine | null {
  const changed = NUMBER_CHANGED.exec(text);
  if (changed) return { kind: 'number-changed', from: changed[1]!.trim(), to: changed[2]!.trim() };
  const you = YOU_CREATED.exec(text);
  if (you) return { kind: 'created', by: 'You', ...(you[1] ? { name: you[1] } : {}) };
  let m = first(JOIN_LINK, text);
  if (m && ok(m[1])) return { kind: 'join-link', member: person(m[1]!) };
  m = first(CREATED, text);
  if (m && ok(m[1])) return { kind: 'created', by: person(m[1]!), ...(m[2] ? { name: m[2] } : {}) };
  m = first(SUBJECT, text);
  if (m && ok(m[1])) return { kind: 'subject', by: person(m[1]!), name: m[m.length - 1]! };
  m = first(WAS_ADDED, text);
  if (m && ok(m[1])) return { kind: 'was-added', member: person(m[1]!) };
  for (const [re, and] of ADDED) {
    m = re.exec(text);
    if (!m) continue;
    const members = splitNames(m[2]!, and).map((n) => youObject(n, and));
    // Each name checked, not the list: iOS lists fifteen people on one line.
    if (members.length && ok(m[1], ...members)) {
      // "…and 8 others" (iOS): people the line does not name, counted for a note.
      const unnamed = unnamedIn(m[2]!, and);
      return { kind: 'added', by: person(m[1]!), members, ...(unnamed > 0 ? { unnamed } : {}) };
    }
  }
  m = first(REMOVED, text);
  if (m && ok(m[1], m[2])) return { kind: 'removed', by: person(m[1]!), member: youObject(person(m[2]!), / entfernt\.?$/.test(text) ? 'und' : / verwijderd\.?$/.test(text) ? 'en' : '') };
  m = first(LEFT, text);
  if (m && ok(m[1])) return { kind: 'left', member: person(m[1]!) };
  m = first(ADMIN_ACT, text);
  if (m && ok(m[1])) return { kind: 'admin-act', by: person(m[1]!) };
  return null;
}
