/**
 * The wordings of WhatsApp's membership, creation and rename lines, in every language the reader
 * knows (see system.ts, which reads a line with them). Anchored and whole, so that a person's
 * message that only contains such words stays a message.
 */

// Quotes around a group's name: straight, curly (iOS), German „…“, French « … ».
export const Q = '\\s?[“"„«]\\s?(.*?)\\s?[”"“»]';
export const q = (re: string) => new RegExp(re.replace(/Q/g, Q));

export const JOIN_LINK = [
  /^(.+?) joined using (?:this group's|this community's|a group|the group's) (?:invite )?link\.?$/,
  /^(.+?) joined from the community\.?$/,
  /^(.+?) entrou usando o link de convite (?:deste|do) grupo\.?$/,
  /^(.+?) se unió (?:usando|mediante|con) el enlace de invitación (?:de este|del) grupo\.?$/,
  /^(.+?)\s*(?:已)?(?:通过|透過|通過)(?:此|本)?群[组組]的?邀[请請][链連][接結]加入/,
  /^(.+?) ist (?:über|mit) (?:den|dem) Einladungslink (?:dieser|der) Gruppe beigetreten\.?$/,
  /^(.+?) a rejoint (?:ce|le) groupe (?:via|avec|en utilisant|grâce au) (?:le )?lien d['’]invitation.*$/,
  /^(.+?) (?:si è unit|è entrat)[oa](?:\/a|\(a\))? .*link d['’]invito.*$/,
  /^(.+?) (?:присоединил|вступил)\S* .*ссылк.*$/,
  /^(.+?) bergabung (?:menggunakan|melalui|dengan) tautan undangan.*$/,
  /^(.+?) (?:is lid geworden|neemt deel|heeft zich aangesloten|is toegetreden) via .*uitnodigingslink.*$/,
];
/** "By added X, Y and Z", with the word for "and" in the language of the pattern. */
export const ADDED: [RegExp, string][] = [
  [/^(.+?) added (.+?)\.?$/, 'and'], [/^(.+?) adicionou (.+?)\.?$/, 'e'], [/^(.+?) (?:añadió|agregó) a (.+?)\.?$/, 'y'],
  [/^(.+?)\s*(?:已)?添加了\s*(.+?)。?$/, '和'], [/^(.+?)\s*已新增\s*(.+?)。?$/, '和'],
  [/^(.+?) ha(?:st|t) (?!(?:die|das|den|dem|der) )(.+?) hinzugefügt\.?$/, 'und'],
  [/^(.+?) (?:a|avez) ajouté (?!(?:le|la|les|l['’]) )(.+?)\.?$/, 'et'],
  [/^(.+?) (?:ha|hai) aggiunto (?!(?:il|lo|la|le|gli|l['’]) )(.+?)\.?$/, 'e'],
  [/^(.+?) добавил(?:а|и|\(а\))? (.+?)\.?$/, 'и'],
  [/^(.+?) menambahkan (.+?)\.?$/, 'dan'],
  [/^(.+?) (?:heeft|hebt) (?!(?:de|het) )(.+?) toegevoegd\.?$/, 'en'],
  // The exporter as the object, before the verb: "Ana te añadió", "Marco ti ha aggiunto".
  [/^(.+?) (te) (?:añadió|agregó)\.?$/, 'y'], [/^(.+?) (ti) ha aggiunto\.?$/, 'e'],
];
export const WAS_ADDED = [
  /^(.+?) was added\.?$/, /^(You) were added\.?$/, /^(.+?) foi adicionad[oa](?:\(a\))?\.?$/, /^(.+?) wurde hinzugefügt\.?$/, /^(.+?) a été ajouté(?:e|\(e\))?\.?$/,
  /^(.+?) è stat[oa](?:\/a)? aggiunt[oa](?:\/a)?\.?$/, /^(.+?) (?:был|была|был\(а\)) добавлен(?:а|\(а\))?\.?$/,
  /^(.+?) ditambahkan\.?$/, /^(.+?) is toegevoegd\.?$/,
];
export const LEFT = [
  /^(.+?) left\.?$/, /^(.+?) saiu\.?$/, /^(.+?) salió(?: del grupo)?\.?$/, /^(.+?)\s*(?:已)?(?:退出了群组|退出群组|已退出群組|離開群組|离开了群组)。?$/,
  /^(.+?) (?:hat|hast) die Gruppe verlassen\.?$/, /^(.+?) (?:est parti(?:e|\(e\))?|a quitté le groupe|avez quitté le groupe)\.?$/,
  /^(.+?) (?:ha abbandonato(?: il gruppo)?|hai abbandonato(?: il gruppo)?|è uscit[oa](?:\/a)?)\.?$/,
  /^(.+?) (?:вышел|вышла|вышли|вышел\(а\)|покинул(?:а|и|\(а\))? группу)\.?$/,
  /^(.+?) keluar\.?$/, /^(.+?) (?:heeft|hebt) de groep verlaten\.?$/,
];
export const REMOVED = [
  /^(.+?)(?<! was) removed (?!by\b)(.+?)\.?$/, /^(.+?) removeu (.+?)\.?$/, /^(.+?) eliminó a (.+?)\.?$/, /^(.+?)\s*(?:已)?移除了?\s*(.+?)。?$/,
  /^(.+?) ha(?:st|t) (?!(?:die|das|den|dem|der) )(.+?) entfernt\.?$/,
  /^(.+?) (?:a|avez) retiré (?!(?:le|la|les|l['’]) )(.+?)\.?$/,
  /^(.+?) (?:ha|hai) rimosso (?!(?:il|lo|la|le|gli|l['’]) )(.+?)\.?$/,
  /^(.+?) удалил(?:а|и|\(а\))? (?!(?:это|эту|этот|фото|описание) )(.+?)\.?$/,
  /^(.+?) mengeluarkan (.+?)\.?$/,
  /^(.+?) (?:heeft|hebt) (?!(?:de|het) )(.+?) verwijderd\.?$/,
];
export const CREATED = [
  q('^(.+?) created (?:the )?(?:group|this group)(?: Q)?\\.?$'),
  q('^(.+?) criou (?:o|este) grupo(?: Q)?\\.?$'),
  q('^(.+?) creó (?:el|este) grupo(?: Q)?\\.?$'),
  /^(.+?)\s*(?:已)?(?:创建了|建立了)(?:此)?群[组組](?:\s*[“"「](.*)[”"」])?。?$/,
  q('^(.+?) ha(?:st|t) (?:die )?Gruppe(?: Q)? erstellt\\.?$'),
  q('^(.+?) (?:a|avez) créé (?:le )?groupe(?: Q)?\\.?$'),
  q('^(.+?) (?:ha|hai) creato (?:il )?gruppo(?: Q)?\\.?$'),
  q('^(.+?) создал(?:а|и|\\(а\\))? группу(?: Q)?\\.?$'),
  q('^(.+?) membuat grup(?: Q)?\\.?$'),
  q('^(.+?) (?:heeft|hebt) (?:de )?groep(?: Q)? (?:aangemaakt|gemaakt)\\.?$'),
  // Dutch iOS names the group without quotes ("~ Martine heeft de groep Familiedag gemaakt", a real
  // export); a name, not a lower-case word: "Piet: Piet heeft de groep leuk gemaakt" is a message.
  /^(.+?) (?:heeft|hebt) de groep (\P{Ll}.*?) (?:aangemaakt|gemaakt)\.?$/u,
];
/**
 * Lines whose verb alone says the exporter did it, without a word for "you" ("Creaste este grupo",
 * "Du hast die Gruppe verlassen", "Je hebt Ann toegevoegd"): the doer is read as "You". German "Du"
 * and Dutch "Je" are given names too, so only with the second-person verb ("Du hat…" is a member's).
 */
export const YOU_CREATED = q('^(?:Tú |Usted )?[Cc]reaste (?:el|este) grupo(?: Q)?\\.?$');
export const SECOND_PERSON = /^(?:Du hast|Je hebt|Jij hebt) /;

export const SUBJECT = [
  q('^(.+?) changed the (?:subject|group name) (?:from Q )?to Q\\.?$'),
  q('^(.+?) (?:mudou|alterou) o (?:assunto|nome do grupo) (?:de Q )?para Q\\.?$'),
  q('^(.+?) cambió el (?:asunto|nombre del grupo) (?:de Q )?a Q\\.?$'),
  /^(.+?)\s*(?:已)?(?:更改了|将)(?:本)?群[组組](?:名称|主题|名稱)?(?:从\s*[“"](?:.*)[”"]\s*)?(?:更改)?为\s*[“"](.*)[”"]/,
  q('^(.+?) ha(?:st|t) den (?:Betreff|Gruppennamen) (?:von Q )?(?:zu|in) Q geändert\\.?$'),
];
