/**
 * A line changing no membership that newer exports write under its doer's name, after that name
 * ("Boris changed this group's icon"): the wordings themselves, whole, not HARMLESS's fragments
 * ("Bob changed the group settings lol" is Bob's message).
 */
const OWN_HARMLESS = new RegExp('^\\s?(?:' + [
  "changed this group's (?:icon|settings\\b.*)|changed the group description|changed the settings so (?:only admins|all (?:members|participants)) can\\b.*|deleted this group's icon|reset this group's invite link|pinned a message|changed (?:their|his|her) phone number to a new number\\b.*|turned (?:on|off) (?:admin approval|disappearing messages)\\b.*",
  'fixou uma mensagem|mudou as configurações (?:deste|do) grupo\\b.*|(?:ativou|desativou) a (?:autorização|aprovação) de admins?\\b.*|(?:mudou|alterou) a (?:descrição|imagem) (?:deste|do) grupo|apagou a imagem deste grupo|redefiniu o link de convite\\b.*|mudou (?:seu|o seu) número de telefone\\b.*',
  'fijó un mensaje|cambió la configuración (?:de este|del) grupo\\b.*|cambió (?:la descripción|el ícono|el icono|la imagen|la foto) (?:de este|del) grupo|eliminó (?:el ícono|la imagen) de este grupo|restableció el enlace\\b.*|cambió su número de teléfono\\b.*',
  'hat (?:eine Nachricht angeheftet|die Gruppenbeschreibung geändert|das Gruppenbild (?:geändert|gelöscht)|die Gruppeneinstellungen geändert\\b.*|den Einladungslink zurückgesetzt|(?:seine|ihre) Telefonnummer geändert\\b.*)',
  "ha (?:fissato un messaggio|(?:modificato|cambiato) (?:la descrizione|l['’]immagine|l['’]icona) del gruppo|(?:modificato|cambiato) le impostazioni del gruppo\\b.*|cambiato (?:il suo )?numero di telefono\\b.*)",
  "a (?:épinglé un message|modifié (?:la description|l['’]icône|l['’]image) du groupe|modifié les paramètres (?:de ce|du) groupe\\b.*|changé de numéro de téléphone\\b.*)",
  'heeft (?:een bericht vastgezet|de groeps(?:beschrijving|afbeelding) gewijzigd|de groepsinstellingen gewijzigd\\b.*|(?:zijn|haar) telefoonnummer gewijzigd\\b.*)',
  'menyematkan pesan|mengubah (?:deskripsi|ikon) grup(?: ini)?|mengubah (?:setelan|pengaturan) grup\\b.*',
  '更改了(?:此|本)群[组組]的?(?:图标|圖示|描述|设置|設定)|删除了此群组的图标|置顶了一条消息',
].join('|') + ')\\.?$');

/**
 * Whether `text`, under `author`, is such a line: the text names the author as written ("~ " and
 * all), or "You" — some Android exports write the exporter's own acts under their name ("Alam: You
 * turned off disappearing messages. Tap to change.").
 */
export function ownHarmless(text: string, author: string): boolean {
  const t = text.replace(/^~[\s\u202F]+/, '');
  const doer = t.startsWith(author) ? author : t.startsWith('You ') ? 'You' : null;
  return doer !== null && OWN_HARMLESS.test(t.slice(doer.length));
}
