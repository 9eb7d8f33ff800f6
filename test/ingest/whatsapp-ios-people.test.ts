import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { GroupMetaEvent, IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { pickAdapter } from '../../src/ingest/discover.js';
import { bytesSource, headOf } from '../../src/ingest/source.js';
import { whatsappText } from '../../src/ingest/whatsapp/index.js';
import { kindOfText } from '../../src/ingest/whatsapp/media.js';
import { parseSystem } from '../../src/ingest/whatsapp/system.js';
import { splitNames } from '../../src/ingest/notices/lists.js';

/**
 * Shapes an audit of 41 public real exports found (session 9): newer iPhone exports file each
 * system line under a person it is about, often without the LRM once copied; wordings in other
 * languages; iOS lists ("A, B, and C", "and 8 others") and hints after a line. Names are made up.
 */
async function read(path: string, lines: string[], me?: string[]) {
  const events: IngestEvent[] = [];
  const issues: { reason: string; code?: string; line?: number }[] = [];
  const source = bytesSource(path, strToU8(`${lines.join('\n')}\n`));
  const ctx = { path, zone: new Zone('UTC'), reportIssue: (i: (typeof issues)[number]) => issues.push(i), reportProgress: () => {}, ...(me ? { me } : {}) };
  for await (const e of whatsappText.read(source, ctx)) events.push(e);
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const members = events.filter((e): e is MembershipEvent => e.type === 'membership');
  const group = events.find((e): e is GroupMetaEvent => e.type === 'group');
  return { messages, members, group, issues, codes: issues.map((i) => i.code) };
}
const LRM = '\u200E';
async function readAll(path: string, lines: string[]) {
  const r = await read(path, lines);
  const events: IngestEvent[] = [];
  const source = bytesSource(path, strToU8(`${lines.join('\n')}\n`));
  const ctx = { path, zone: new Zone('UTC'), reportIssue: () => {}, reportProgress: () => {} };
  for await (const e of whatsappText.read(source, ctx)) events.push(e);
  return { ...r, events };
}
const joins = (members: MembershipEvent[]) => members.map((j) => [j.action, j.memberId, j.by ?? null]);

// A Brazilian iPhone group of 2024: the lines about a person stand under that person's name.
const PT = [
  '[24/01/2024, 10:49:14] Costura 🧵: As mensagens e as ligações são protegidas com a criptografia de ponta a ponta e ficam somente entre você e os participantes desta conversa.',
  '[24/01/2024, 10:49:14] ~ Lia: ~ Lia criou este grupo',
  '[22/03/2024, 13:08:08] Costura 🧵: Você entrou usando o link de convite deste grupo',
  '[22/03/2024, 13:08:09] Costura 🧵: As mensagens temporárias foram ativadas. Todas as novas mensagens desaparecerão desta conversa 90 dias após o envio.',
  '[22/03/2024, 17:06:56] ~ Rita Souza: ~ Rita Souza entrou usando o link de convite deste grupo',
  '[22/03/2024, 19:34:19] +55 51 90000‑1111: ~ Lia adicionou +55 51 90000‑1111. Toque para mudar quem pode adicionar outras pessoas.',
  '[22/03/2024, 20:46:24] ~ Lia: ~ Lia fixou uma mensagem',
  '[23/03/2024, 00:26:02] ~ Nina 2: Bia removeu ~ Nina 2',
  '[23/03/2024, 09:00:00] ~ Rita Souza: bom dia, alguém tem linha azul?',
  '[24/03/2024, 14:33:02] ~ Lia: ~ Lia mudou as configurações deste grupo para permitir que somente admins enviem mensagens ao grupo',
  '[24/03/2024, 14:36:51] +55 54 90000‑2222: Bia removeu +55 54 90000‑2222',
  '[24/03/2024, 14:40:00] +55 51 90000‑1111: Mensagem apagada',
  '[24/03/2024, 15:00:00] ~ Rita Souza: imagem omitida',
];

describe('iOS system lines under the person they are about', () => {
  it('reads joins, adds and removals filed under the added or removed person; nothing of them is a message', async () => {
    const { messages, members, group } = await read('/x/_chat.txt', PT);
    expect(group?.roles).toEqual([{ memberId: 'Lia', name: 'Lia', role: 'owner' }]);
    expect(joins(members)).toEqual([
      ['join', 'You', null], ['join', 'Rita Souza', null], ['join', '+55 51 90000‑1111', 'Lia'],
      ['remove', 'Nina 2', 'Bia'], ['remove', '+55 54 90000‑2222', 'Bia'],
    ]);
    // The pin and the settings line under Lia's own name, the notice under the chat's: no messages.
    expect(messages.map((m) => [m.senderId, m.kind])).toEqual([['Rita Souza', 'text'], ['+55 51 90000‑1111', 'recall'], ['Rita Souza', 'image']]);
  });

  it('finds the LRM after a name that ends in a digit (a phone number, "Nina 2")', async () => {
    const marked = [
      '[1/5/24, 9:00:07] Club: Messages and calls are end-to-end encrypted.', `[1/5/24, 9:00:08] Robin 2: ${LRM}Ann added Carl`,
      `[1/5/24, 9:00:09] Robin 2: ${LRM}Ann changed the group description`, `[1/5/24, 9:00:10] Robin 2: ${LRM}image omitted`, '[1/5/24, 9:01:00] Robin 2: hi',
    ];
    const { messages, members } = await read('/x/_chat.txt', marked);
    expect(joins(members)).toEqual([['join', 'Carl', 'Ann']]);
    // A marked text is a system line (here one that changes no membership); a marked media line is the person's.
    expect(messages.map((m) => [m.senderId, m.kind])).toEqual([['Robin 2', 'image'], ['Robin 2', 'text']]);
  });

  it('a person still writes about others: "Bob: Alice added Carol" and "Bob: Bob added new photos" stay Bob\'s', async () => {
    const { messages, members } = await read('/x/WhatsApp Chat with Friends.txt', [
      '12/01/2024, 10:00 - Bob: Alice added Carol', '12/01/2024, 10:01 - Bob: Bob added new photos',
      '12/01/2024, 10:02 - Carl: Carl was added', '12/01/2024, 10:03 - Dan: Eve removed Dan',
    ]);
    expect(messages.map((m) => m.senderId)).toEqual(['Bob', 'Bob']);
    expect(joins(members)).toEqual([['join', 'Carl', null], ['remove', 'Dan', 'Eve']]);
  });

  it('a name\'s final dot, lost to the line\'s full stop, is the author\'s name', async () => {
    const { members, messages } = await read('/x/_chat.txt', [
      '[10/2/24, 12:09:39] Club: Messages and calls are end-to-end encrypted.',
      '[10/2/24, 12:09:40] ~ Lim.: Ann added ~ Lim.', '[10/2/24, 12:10:00] ~ Lim.: hello',
    ]);
    expect(joins(members)).toEqual([['join', 'Lim.', 'Ann']]);
    expect(messages.map((m) => m.senderId)).toEqual(['Lim.']);
  });
});

describe('the chat\'s own name in a group, without the LRM', () => {
  const GROUP = [
    '[1/3/24, 10:00:00] Los Primos: Los mensajes y las llamadas están cifrados de extremo a extremo.',
    '[1/3/24, 10:00:01] Ana: Ana creó el grupo "Los Primos"',
    '[1/3/24, 10:02:00] Ana: hola',
    '[1/3/24, 10:03:00] Beto: qué tal',
    '[6/3/24, 9:48:59] Los Primos: Ahora eres admin. del grupo.',
    '[6/3/24, 9:50:00] Los Primos: Ana cambió algo nuevo del grupo',
  ];
  it('is nobody\'s once two others write: its lines are system lines, unknown ones noted', async () => {
    const { messages, codes } = await read('/x/_chat.txt', GROUP);
    expect(messages.map((m) => m.senderId)).toEqual(['Ana', 'Beto']);
    expect(codes).toEqual(['unrecognised-system-lines']);
  });
  it('the encryption notice may come after "You created this group"', async () => {
    const { messages, group } = await read('/x/a/_chat.txt', [
      '[3/1/25, 8:00:00] Trip 2026: You created this group', '[3/1/25, 8:00:00] Trip 2026: Messages and calls are end-to-end encrypted.',
      '[3/1/25, 8:01:00] Trip 2026: You added Ann and Ben', '[3/1/25, 9:00:00] Ann: yay', '[3/1/25, 9:01:00] Ben: 🎉',
    ], ['Zoe']);
    expect(group?.roles).toEqual([{ memberId: 'Zoe', name: 'Zoe', role: 'owner' }]);
    expect(messages.map((m) => m.senderId)).toEqual(['Ann', 'Ben']);
  });
  it('in a chat with one person, that person\'s messages under the chat\'s name stay theirs', async () => {
    const { messages } = await read('/x/_chat.txt', [
      '[1/3/24, 10:00:00] John: Messages and calls are end-to-end encrypted.', '[1/3/24, 10:01:00] John: Ahora eres mi amigo', '[1/3/24, 10:02:00] Me: ok',
    ]);
    expect(messages.map((m) => m.senderId)).toEqual(['John', 'Me']);
  });
});

describe('wordings of other languages and of iOS lists', () => {
  it('"you" as the object in German, Dutch, Spanish, Italian; second-person verbs as the doer', async () => {
    for (const [line, by, kind] of [
      ['Leon hat dich hinzugefügt.', 'Leon', 'added'], ['Sam heeft je toegevoegd', 'Sam', 'added'],
      ['Ana te añadió', 'Ana', 'added'], ['Marco ti ha aggiunto', 'Marco', 'added'],
    ] as const) {
      const sys = parseSystem(line);
      expect(sys, line).toMatchObject({ kind, by });
      const { members } = await read('/x/WhatsApp Chat with G.txt', [`12/01/2024, 10:00 - ${line}`]);
      expect(joins(members), line).toEqual([['join', 'You', by]]);
    }
    expect(parseSystem('Du hast Bob hinzugefügt.')).toEqual({ kind: 'added', by: 'You', members: ['Bob'] });
    expect(parseSystem('Du hat Bob hinzugefügt.')).toEqual({ kind: 'added', by: 'Du', members: ['Bob'] });
    expect(parseSystem('Je hebt de groep verlaten')).toEqual({ kind: 'left', member: 'You' });
    expect(parseSystem('Creaste este grupo.')).toEqual({ kind: 'created', by: 'You' });
    expect(parseSystem('You were added')).toEqual({ kind: 'was-added', member: 'You' });
    expect(parseSystem('Você foi adicionado(a)')).toEqual({ kind: 'was-added', member: 'Você' });
    expect(parseSystem('~ Lia criou este grupo')).toEqual({ kind: 'created', by: 'Lia' });
    expect(parseSystem('Piet heeft de groep "Diner" gemaakt')).toEqual({ kind: 'created', by: 'Piet', name: 'Diner' });
  });

  it('iOS lists: the comma before "and", "and N others", fifteen names on a line, the hint after it', () => {
    expect(splitNames('~ Kama, ~ Martha, and ~ Tang~')).toEqual(['Kama', 'Martha', 'Tang~']);
    expect(splitNames('Ann, Ben and 8 others')).toEqual(['Ann', 'Ben']);
    const many = Array.from({ length: 15 }, (_, k) => `Person Number ${k + 1}`);
    expect(parseSystem(`Ann added ${many.slice(0, -1).join(', ')} and ${many.at(-1)}`)).toEqual({ kind: 'added', by: 'Ann', members: many });
    expect(parseSystem('Ann added Bob. Tap to change who can add other members.')).toEqual({ kind: 'added', by: 'Ann', members: ['Bob'] });
    expect(parseSystem('Ann hat Bob hinzugefügt. Tippe, um zu ändern, wer andere Mitglieder hinzufügen kann.')).toEqual({ kind: 'added', by: 'Ann', members: ['Bob'] });
  });

  it('settings, pins and number changes under their doer\'s own name ("~ " and all) are no messages, in several languages', async () => {
    const own = [
      '~ Kate~ changed the group description', 'Kate pinned a message', 'Kate changed their phone number to a new number. Tap to message or add the new number.',
      'Kate hat die Gruppenbeschreibung geändert', 'Kate cambió su número de teléfono.', 'Kate ha fissato un messaggio', 'Kate heeft een bericht vastgezet',
    ];
    const author = (t: string) => (t.startsWith('~ ') ? '~ Kate~' : 'Kate');
    const { messages } = await read('/x/WhatsApp Chat with G.txt', [...own.map((t, k) => `12/01/2024, 10:0${k} - ${author(t)}: ${t}`), '12/01/2024, 11:00 - Kate: Kate changed the group settings lol']);
    expect(messages.map((m) => m.text)).toEqual(['Kate changed the group settings lol']);
  });

  it('a new phone number is the same member ("+91 … changed to +91 …", Android)', async () => {
    const { messages, members } = await read('/x/WhatsApp Chat with G.txt', [
      '12/01/2024, 10:00 - Ann added +91 77000 00001', '12/01/2024, 10:01 - +91 77000 00001: hello',
      '13/01/2024, 09:00 - +91 77000 00001 changed to +91 93000 00002', '13/01/2024, 09:05 - +91 93000 00002: new number, same me',
      '14/01/2024, 09:00 - +91 93000 00002 left',
    ]);
    expect(messages.map((m) => [m.senderId, m.senderName])).toEqual([['+91 77000 00001', '+91 77000 00001'], ['+91 77000 00001', '+91 93000 00002']]);
    expect(joins(members)).toEqual([['join', '+91 77000 00001', 'Ann'], ['leave', '+91 77000 00001', null]]);
    expect(parseSystem('Bob changed to Carl')).toBeNull();
  });

  it('deletion notices and media placeholders of other languages', () => {
    for (const t of ['Diese Nachricht wurde gelöscht.', 'Dit bericht is verwijderd', 'Este mensaje fue eliminado.', 'Questo messaggio è stato eliminato', 'Un admin., Jimmy, eliminó este mensaje.']) expect(kindOfText(t), t).toBe('recall');
    expect(kindOfText('sticker omitido')).toBe('sticker');
    expect(kindOfText('Bild weggelassen')).toBe('image');
    expect(kindOfText('<adjunto: 00000012-PHOTO-2024-03-01-10-00-00.jpg>')).toBe('image');
    expect(kindOfText('Ana eliminó este mensaje porque sí')).toBe('text');
  });

  it('reads an Arabic export, whose date ends in the Arabic comma', async () => {
    const lines = ['[15.02.25، 17:37:30] علي: مرحبا', '[15.02.25، 17:38:00] سارة: أهلا'];
    const head = headOf('/x/_chat.txt', strToU8(`${lines.join('\n')}\n`));
    expect(pickAdapter(head)?.adapter.id).toBe('whatsapp-txt');
    const { messages } = await read('/x/_chat.txt', lines);
    expect(messages.map((m) => [m.senderId, new Date(m.time).toISOString()])).toEqual([['علي', '2025-02-15T17:37:30.000Z'], ['سارة', '2025-02-15T17:38:00.000Z']]);
  });
});

describe('what stays a message (review of the above)', () => {
  it('marked polls, locations and contact cards are the person\'s; a marked call is no message', async () => {
    const { messages, codes } = await read('/x/_chat.txt', [
      '[12/01/2024, 10:00:00] Club: Messages and calls are end-to-end encrypted.',
      `[12/01/2024, 10:05:00] Bob: ${LRM}Location: https://maps.google.com/?q=1.0,2.0`,
      `[12/01/2024, 10:06:00] Bob: ${LRM}Contact card omitted`, `[12/01/2024, 10:07:00] Ann: ${LRM}POLL:`, `${LRM}Where to meet?`,
      `[12/01/2024, 10:08:00] Ann: ${LRM}Voice call, ${LRM}${LRM}28 min • ${LRM}4 joined`,
    ]);
    expect(messages.map((m) => m.senderId)).toEqual(['Bob', 'Bob', 'Ann']);
    // No unknown system line among them (a poll is no membership change to miss).
    expect(codes).not.toContain('unrecognised-system-lines');
  });

  it('a member who mentions encryption in the first lines is no chat name, nor a notice', async () => {
    const { messages } = await read('/x/WhatsApp Chat with Livros.txt', [
      '01/03/2024, 09:00 - As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.',
      '01/03/2024, 09:01 - Ana: Terminei o livro, li de ponta a ponta: nota 10!', '01/03/2024, 09:02 - Bia: que bom',
      '01/03/2024, 09:03 - Caio: legal', '01/03/2024, 09:04 - Ana: alguém quer emprestado?',
    ]);
    expect(messages.map((m) => m.senderId)).toEqual(['Ana', 'Bia', 'Caio', 'Ana']);
  });

  it('the exporter\'s own settings line under their name ("Alam: You turned off disappearing messages") is no message', async () => {
    const { messages } = await read('/x/WhatsApp Chat with Sumaira.txt', ['12/12/21, 4:39 AM - Alam: You turned off disappearing messages. Tap to change.', '12/12/21, 4:40 AM - Alam: ok']);
    expect(messages.map((m) => m.text)).toEqual(['ok']);
  });

  it('you-words only in their language; hints only with their own words; typed sentences stay text', async () => {
    expect(parseSystem('Alice added Te')).toEqual({ kind: 'added', by: 'Alice', members: ['Te'] });
    expect(parseSystem('Alice added Je and Ti')).toEqual({ kind: 'added', by: 'Alice', members: ['Je', 'Ti'] });
    expect(parseSystem('Leon hat dich entfernt.')).toEqual({ kind: 'removed', by: 'Leon', member: 'you' });
    expect(parseSystem('Alice added Dr. Tap Smith')).toEqual({ kind: 'added', by: 'Alice', members: ['Dr. Tap Smith'] });
    expect(parseSystem('Bob was removed by an admin')).toBeNull();
    expect(kindOfText('This message was deleted by mistake lol')).toBe('text');
    const { messages } = await read('/x/WhatsApp Chat with G.txt', ['12/01/2024, 10:00 - Tom: Tom changed the settings so everyone can post, ok?']);
    expect(messages).toHaveLength(1);
  });
});

describe('settings only admins can change: the doer is an admin', () => {
  it('reads the wordings of real exports, and the doer of each', () => {
    const acts: [string, string][] = [
      ["+91 96231 20512 changed this group's settings to allow only admins to edit this group's info", '+91 96231 20512'],
      ["~ soanguwu changed this group's settings to allow only admins to send messages to this group", 'soanguwu'],
      ['Ana changed the settings so only admins can edit the group settings', 'Ana'],
      ['Ana turned on admin approval to join this group', 'Ana'],
      ["You reset this group's invite link", 'You'],
      ['~ Lauren mudou as configurações deste grupo para permitir que somente admins enviem mensagens ao grupo', 'Lauren'],
      ['Roberta Schiavi ativou a autorização de admins para entrar neste grupo', 'Roberta Schiavi'],
      ['Du hast die Gruppeneinstellungen geändert', 'You'],
      ['Ana cambió la configuración del grupo para que solo los admins puedan enviar mensajes', 'Ana'],
    ];
    for (const [line, by] of acts) expect(parseSystem(line), line).toEqual({ kind: 'admin-act', by });
    // A message that only sounds like one: the doer's name would hold ": ".
    expect(parseSystem("Bob: Ana changed this group's settings to allow only admins to post")).toBeNull();
    expect(parseSystem('Ana changed her mind about the settings')).toBeNull();
    // iOS's curly apostrophe; a typed sentence in the wording's shape but its own ending is no act (review).
    expect(parseSystem('Tom changed this group’s settings to allow only admins to send messages to this group')).toEqual({ kind: 'admin-act', by: 'Tom' });
    expect(parseSystem('Tom reset this group’s invite link')).toEqual({ kind: 'admin-act', by: 'Tom' });
    expect(parseSystem('Tom changed the settings so all members can post, ok?')).toBeNull();
    // The same in the other languages: whole wordings only (second review).
    expect(parseSystem('Tom mudou as configurações do grupo para permitir que todos postem, ok?')).toBeNull();
    expect(parseSystem('Tom hat die Gruppeneinstellungen geändert, oder?')).toBeNull();
    expect(parseSystem('Tom 更改了此群组的设置，大家注意')).toBeNull();
    expect(parseSystem('Roberta Schiavi desativou a autorização de admins para entrar neste grupo')).toEqual({ kind: 'admin-act', by: 'Roberta Schiavi' });
    expect(parseSystem('Tom changed the settings so all members can edit the group settings')).toEqual({ kind: 'admin-act', by: 'Tom' });
  });
  it('Android, iOS under the doer and iOS under the chat: an admin role each, the creator stays owner; a typed one stays a message', async () => {
    const { messages, events } = await readAll('/x/_chat.txt', [
      '[1/3/24, 10:00:00] Trip: Messages and calls are end-to-end encrypted.',
      '[1/3/24, 10:00:01] Trip: ' + LRM + 'Ana created group “Trip”',
      '[1/3/24, 10:01:00] Trip: ' + LRM + 'Ana added Bea and Cy',
      '[1/3/24, 10:02:00] Trip: ' + LRM + "Ana changed this group's settings to allow only admins to send messages to this group",
      '[1/3/24, 10:03:00] ~ Bea: ~ Bea changed this group\'s settings to allow all participants to send messages to this group',
      "[1/3/24, 10:04:00] Cy: Dee changed this group's settings to allow only admins to post lol",
      '[1/3/24, 10:05:00] Bea: ok',
    ]);
    const roles = events.flatMap((e) => (e.type === 'group' ? e.roles ?? [] : [])).map((r) => [r.memberId, r.role, r.byAct ?? false]);
    expect(roles).toEqual([['Ana', 'owner', false], ['Ana', 'admin', true], ['Bea', 'admin', true]]);
    expect(messages.map((m) => [m.senderId, m.text])).toEqual([['Cy', "Dee changed this group's settings to allow only admins to post lol"], ['Bea', 'ok']]);
    const android = await readAll('/x/a.txt', [
      '12/03/2024, 10:00 - Messages and calls are end-to-end encrypted.',
      "12/03/2024, 10:01 - Eve changed this group's settings to allow only admins to edit this group's info",
      '12/03/2024, 10:02 - Eve: hi',
    ]);
    expect(android.events.flatMap((e) => (e.type === 'group' ? e.roles ?? [] : []))).toEqual([{ memberId: 'Eve', name: 'Eve', role: 'admin', byAct: true }]);
  });
});
