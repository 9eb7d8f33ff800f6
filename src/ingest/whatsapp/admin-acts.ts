/**
 * Acts only the group's admins (the owner among them) can do: changing who may send messages, edit
 * the group's info or join without approval, and resetting the invite link. Seen in real exports
 * ("+91 96231 20512 changed this group's settings to allow only admins to edit this group's info",
 * "~ Lauren mudou as configurações deste grupo para permitir que somente admins enviem mensagens ao
 * grupo", "Roberta ativou a autorização de admins para entrar neste grupo"). The doer is staff.
 */
export const ADMIN_ACT = [
  /^(.+?) changed this group['’]s settings(?: to allow (?:only admins|all (?:participants|members)) to (?:send messages to this group|edit this group['’]s info|add (?:other )?(?:members|participants)(?: to this group)?))?\.?$/,
  /^(.+?) changed the settings so (?:only admins|all (?:members|participants)) can (?:edit the group settings|send messages(?: to this group)?|add (?:other )?(?:members|participants))\.?$/,
  /^(.+?) turned (?:on|off) admin approval(?: to join this group)?\.?$/,
  /^(.+?) reset this group['’]s invite link\.?$/,
  // Portuguese as real exports write it ("…deste grupo para permitir que somente admins enviem
  // mensagens ao grupo", "…ativou a autorização de admins para entrar neste grupo").
  /^(.+?) mudou as configurações (?:deste|do) grupo(?: para permitir que (?:somente|apenas|só) (?:os )?admins|(?: para permitir que)? todos os (?:membros|participantes))?\b[^,?!]*\.?$/,
  /^(.+?) (?:ativou|desativou) a (?:autorização|aprovação) de admins?(?: para entrar (?:neste|no) grupo)?\.?$/,
  /^(.+?) redefiniu o link de convite(?: (?:deste|do) grupo)?\.?$/,
  // The other languages, whole wordings only (not seen in real exports yet): a typed sentence that
  // goes on ("…, oder?", "…，大家注意") is a message.
  /^(.+?) cambió la configuración (?:de este|del) grupo(?: para (?:que|permitir que) (?:solo|sólo|todos)\b[^,?!]*)?\.?$/,
  /^(.+?) restableció el enlace de invitación(?: de este grupo)?\.?$/,
  /^(.+?) ha(?:st|t) (?:die Gruppeneinstellungen geändert|den Einladungslink zurückgesetzt)\.?$/,
  /^(.+?) (?:ha|hai) (?:modificato|cambiato) le impostazioni del gruppo\.?$/,
  /^(.+?) (?:a|avez) modifié les paramètres (?:de ce|du) groupe\.?$/,
  /^(.+?) (?:heeft|hebt) de groepsinstellingen gewijzigd\.?$/,
  /^(.+?) mengubah (?:setelan|pengaturan) grup(?: ini)?\.?$/,
  /^(.+?)\s*(?:已)?更改了(?:此|本)群[组組]的?(?:设置|設定)。?$/,
];
/** Words of ADMIN_ACT that KEYWORD's membership words do not hold. */
export const ADMIN_ACT_KEYWORD = 'turned|reset|ativou|redefiniu|restableció|geändert|zurückgesetzt|impostazioni|paramètres|groepsinstellingen|mengubah';
