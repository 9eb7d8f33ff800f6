import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { GroupMetaEvent, IngestEvent, MembershipEvent, MessageEvent } from '../../src/core/model.js';
import { Zone } from '../../src/core/time.js';
import { pickAdapter } from '../../src/ingest/discover.js';
import { bytesSource, fileSource, headOf } from '../../src/ingest/source.js';
import type { Source } from '../../src/ingest/types.js';
import { groupName, whatsappText } from '../../src/ingest/whatsapp/index.js';

/** Export variants the audit of real-world shapes found read wrongly (iOS, locales, names). */
async function read(source: Source) {
  const events: IngestEvent[] = [];
  const issues: { reason: string; code?: string; line?: number; counts?: boolean }[] = [];
  const ctx = { path: source.path, zone: new Zone('UTC'), reportIssue: (i: (typeof issues)[number]) => issues.push(i), reportProgress: () => {} };
  for await (const e of whatsappText.read(source, ctx)) events.push(e);
  const messages = events.filter((e): e is MessageEvent => e.type === 'message');
  const members = events.filter((e): e is MembershipEvent => e.type === 'membership');
  const group = events.find((e): e is GroupMetaEvent => e.type === 'group');
  return { events, messages, members, group, issues };
}
const text = (path: string, lines: string[]) => bytesSource(path, strToU8(`${lines.join('\n')}\n`));
const iso = (t: number) => new Date(t).toISOString();
const LRM = '\u200E', NNBSP = '\u202F';

const IOS = [
  `[1/5/24, 9:00:07${NNBSP}AM] Book Club: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
  `[1/5/24, 9:01:00${NNBSP}AM] Book Club: ${LRM}Alice created group “Book Club”`,
  `[1/5/24, 9:02:00${NNBSP}AM] Book Club: ${LRM}Alice added Bob and Carol`,
  `[1/13/24, 12:16:00${NNBSP}PM] Book Club: ${LRM}Alice changed this group's icon`,
  `[1/13/24, 12:17:00${NNBSP}PM] Book Club: ${LRM}Alice changed the group description`,
  `[1/13/24, 12:18:00${NNBSP}PM] Book Club: ${LRM}Alice changed the subject to “Readers: 2024”`,
  `[1/13/24, 12:19:00${NNBSP}PM] Book Club: ${LRM}Alice turned the group into something new`,
  `[1/13/24, 12:30:00${NNBSP}PM] Bob: Welcome!`,
  `${LRM}[1/13/24, 1:05:00${NNBSP}PM] Carol: ${LRM}image omitted`,
  `[1/14/24, 12:06:00${NNBSP}AM] Book Club: ${LRM}Carol left`,
];

describe('F1: iOS system lines under the chat name are nobody\'s messages', () => {
  it('learns the chat name from the encryption notice; icon, description and unknown lines make no member', async () => {
    const { messages, members, group, issues } = await read(text('/x/WhatsApp Chat - Book Club/_chat.txt', IOS));
    expect(messages.map((m) => [m.senderId, m.kind])).toEqual([['Alice', 'system'], ['Bob', 'text'], ['Carol', 'image']]);
    expect(messages.every((m) => m.group.id === 'Book Club')).toBe(true);
    expect(members.map((j) => [j.action, j.memberId, j.by])).toEqual([['join', 'Bob', 'Alice'], ['join', 'Carol', 'Alice'], ['leave', 'Carol', undefined]]);
    // Curly quotes around the name: the creator is found.
    expect(group?.roles).toEqual([{ memberId: 'Alice', name: 'Alice', role: 'owner' }]);
    // The one line in a wording nobody knows is noted once; icon and description are not membership.
    expect(issues).toEqual([expect.objectContaining({ code: 'unrecognised-system-lines', line: 7, counts: false })]);
  });

  it('the chat name is nobody\'s even without the LRM, once a membership line stands under it', async () => {
    const lines = IOS.map((l) => l.replaceAll(LRM, ''));
    const { messages } = await read(text('/x/WhatsApp Chat - Book Club/_chat.txt', lines));
    expect(messages.map((m) => m.senderId)).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('a chat with one person: the person\'s own messages under the chat name stay theirs', async () => {
    const { messages } = await read(text('/x/WhatsApp Chat - John/_chat.txt', [
      `[1/5/24, 9:00:07${NNBSP}AM] John: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat can read them.`,
      `[1/5/24, 9:01:00${NNBSP}AM] John: hi there`,
      `[1/5/24, 9:02:00${NNBSP}AM] Me: hello`,
      `[1/5/24, 9:03:00${NNBSP}AM] John: ${LRM}image omitted`,
      `[1/5/24, 9:04:00${NNBSP}AM] John: ${LRM}Missed voice call`,
    ]));
    expect(messages.map((m) => [m.senderId, m.kind])).toEqual([['John', 'text'], ['Me', 'text'], ['John', 'image']]);
  });
});

describe('F2: a _chat.txt outside a ZIP is named from its folder or the chat', () => {
  it('two iOS exports unzipped side by side stay two groups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-wa-ios-'));
    const ids: string[] = [];
    for (const [folder, lines] of [['WhatsApp Chat - Book Club', IOS], ['WhatsApp Chat - Running (1)', ['[03/01/2024, 21:05:00] Tom: run?', '[04/01/2024, 08:00:00] Sue: yes']]] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, '_chat.txt'), `${lines.join('\n')}\n`);
      const { messages } = await read(await fileSource(join(dir, folder, '_chat.txt')));
      ids.push(...new Set(messages.map((m) => m.group.id)));
    }
    expect(ids).toEqual(['Book Club', 'Running']);
  });

  it('a folder without the prefix: the chat name from the encryption notice, else the folder', () => {
    expect(groupName({ path: '/home/me/export3/_chat.txt', fileName: '_chat.txt' }, 'Book Club')).toBe('Book Club');
    expect(groupName({ path: '/home/me/export3/_chat.txt', fileName: '_chat.txt' })).toBe('export3');
    expect(groupName({ path: 'x/Book Club.zip!_chat.txt', fileName: '_chat.txt' }, 'Other')).toBe('Book Club');
    expect(groupName({ path: 'x/Book Club.zip!WhatsApp Chat - Readers/_chat.txt', fileName: '_chat.txt' })).toBe('Readers');
  });
});

describe('F4: a localized word between date and time, localized file names', () => {
  it('reads French Android "31/12/2023 à 21:05" and names the group from "Discussion WhatsApp avec"', async () => {
    const path = '/x/Discussion WhatsApp avec Amis.txt';
    const lines = [
      '31/12/2023 à 21:05 - Les messages et les appels sont chiffrés de bout en bout.',
      '31/12/2023 à 21:06 - Marie: Bonne année !',
      '01/01/2024 à 09:10 - Marie a ajouté Paul et Luc',
      '02/01/2024 à 10:00 - Paul: Salut',
    ];
    expect(pickAdapter(headOf(path, strToU8(lines.join('\n'))))?.adapter.id).toBe('whatsapp-txt');
    const { messages, members, issues } = await read(text(path, lines));
    expect(messages.map((m) => [m.group.id, m.senderId, iso(m.time)])).toEqual([
      ['Amis', 'Marie', '2023-12-31T21:06:00.000Z'], ['Amis', 'Paul', '2024-01-02T10:00:00.000Z'],
    ]);
    expect(members.map((j) => [j.memberId, j.by])).toEqual([['Paul', 'Marie'], ['Luc', 'Marie']]);
    expect(issues).toEqual([]);
  });

  it.each([
    ['31.12.23 um 21:05 - Max: Hallo', '2023-12-31T21:05:00.000Z'],
    ['31/12/2023 a las 21:05 - Ana: Hola', '2023-12-31T21:05:00.000Z'],
    ['31/12/2023 às 21:05 - Ana: Olá', '2023-12-31T21:05:00.000Z'],
    ['31/12/2023 alle 21:05 - Sara: Ciao', '2023-12-31T21:05:00.000Z'],
    ['31.12.2023 klo 21.05 - Aino: Moi', '2023-12-31T21:05:00.000Z'],
  ])('reads "%s"', async (line, time) => {
    const { messages } = await read(text('/x/WhatsApp Chat with G.txt', [line]));
    expect(messages.map((m) => iso(m.time))).toEqual([time]);
  });

  it.each([
    ['Discussion WhatsApp avec Amis.txt', 'Amis'], ['WhatsApp Chat mit Freunde.txt', 'Freunde'],
    ['Chat de WhatsApp con Amigos.txt', 'Amigos'], ['Conversa do WhatsApp com Amigos.txt', 'Amigos'],
    ['Чат WhatsApp с Друзья.txt', 'Друзья'], ['Chat WhatsApp con Amici.txt', 'Amici'],
    ['WhatsApp-chat met Vrienden.txt', 'Vrienden'], ['WhatsApp Chat with Book Club (1).txt', 'Book Club'],
    ['WhatsApp Chat - Book Club (2).zip', 'Book Club'], ['notes.txt', 'notes'],
  ])('names %s "%s"', (fileName, name) => {
    expect(groupName({ path: `/x/${fileName}`, fileName })).toBe(name);
  });
});

describe('F13: joins and leaves in German, French, Italian, Russian, Indonesian and Dutch', () => {
  it.each([
    ['de', ['Max hat Anna und Ben hinzugefügt', 'Lena ist über den Einladungslink dieser Gruppe beigetreten', 'Anna hat die Gruppe verlassen', 'Max hat Ben entfernt', 'Max hat die Gruppe „Freunde“ erstellt']],
    ['fr', ['Max a ajouté Anna et Ben', "Lena a rejoint ce groupe via le lien d'invitation", 'Anna est partie', 'Max a retiré Ben', 'Max a créé le groupe « Amis »']],
    ['it', ['Max ha aggiunto Anna e Ben', "Lena si è unito/a usando il link d'invito di questo gruppo", 'Anna ha abbandonato', 'Max ha rimosso Ben', 'Max ha creato il gruppo "Amici"']],
    ['ru', ['Max добавил(а) Anna и Ben', 'Lena присоединился(-ась) к группе по ссылке-приглашению', 'Anna вышел(а)', 'Max удалил(а) Ben', 'Max создал(а) группу «Друзья»']],
    ['id', ['Max menambahkan Anna dan Ben', 'Lena bergabung menggunakan tautan undangan grup ini', 'Anna keluar', 'Max mengeluarkan Ben', 'Max membuat grup "Teman"']],
    ['nl', ['Max heeft Anna en Ben toegevoegd', 'Lena is lid geworden via de uitnodigingslink van deze groep', 'Anna heeft de groep verlaten', 'Max heeft Ben verwijderd', 'Max heeft groep "Vrienden" aangemaakt']],
  ])('%s', async (_lang, system) => {
    const lines = system.map((l, i) => `0${i + 1}.01.24, 10:00 - ${l}`);
    const { members, group, issues } = await read(text('/x/WhatsApp Chat with G.txt', [...lines, '06.01.24, 10:00 - Anna: x']));
    expect(members.map((j) => [j.action, j.memberId, j.by ?? null, j.method ?? null, iso(j.time).slice(0, 10)])).toEqual([
      ['join', 'Anna', 'Max', 'invite', '2024-01-01'], ['join', 'Ben', 'Max', 'invite', '2024-01-01'],
      ['join', 'Lena', null, 'link', '2024-01-02'], ['leave', 'Anna', null, null, '2024-01-03'], ['remove', 'Ben', 'Max', null, '2024-01-04'],
    ]);
    expect(group?.roles).toEqual([{ memberId: 'Max', name: 'Max', role: 'owner' }]);
    expect(issues).toEqual([]);
  });

  it('counts author-less lines in an unknown wording once, as a note; harmless ones not at all', async () => {
    const { messages, members, issues } = await read(text('/x/WhatsApp Chat with G.txt', [
      '1/5/24, 9:00 AM - Bob: hi', '1/5/24, 9:01 AM - Alice changed this group\'s icon', '1/5/24, 9:02 AM - Ana se ha unido al grupo',
      '1/6/24, 9:03 AM - Ana ha salido del grupo', '1/6/24, 9:04 AM - Bob: bye',
    ]));
    expect([messages.length, members.length]).toEqual([2, 0]);
    expect(issues).toEqual([{ line: 3, code: 'unrecognised-system-lines', counts: false, strict: false, reason: expect.stringMatching(/^2 system lines in a wording/) }]);
  });
});

describe('shapes of real exports found in public repositories (session 12)', () => {
  it('German iOS: "und 5 weitere Personen" is nobody to count; "Du hast den Betreff … geändert" is a rename by the exporter', async () => {
    const { members, messages, issues } = await read(text('/x/_chat.txt', [
      `[07.06.23, 21:10:00] Challenge: ${LRM}Die Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.`,
      `[07.06.23, 21:11:33] Challenge: ${LRM}Norbert hat Christoph, Martin und 5 weitere Personen hinzugefügt. Tippe, um alle zu sehen.`,
      `[07.06.23, 21:12:00] Challenge: ${LRM}Du hast den Betreff von „Burpees“ zu „Burpee- und Laufchallenge“ geändert.`,
      '[07.06.23, 21:13:00] Norbert Gattringer: Willkommen!',
      '[29.01.18, 12:26:03] Norbert hat den Gruppennamen zu "Lauf" geändert.',
    ]));
    expect(members.map((j) => [j.memberId, j.by])).toEqual([['Christoph', 'Norbert'], ['Martin', 'Norbert']]);
    expect(messages.filter((m) => m.kind === 'system').map((m) => m.senderId)).toEqual(expect.arrayContaining(['You', 'Norbert']));
    expect(issues.filter((i) => i.code === 'unrecognised-system-lines')).toEqual([]);
  });

  it('Dutch iOS: the group created under its creator\'s own name, without quotes, makes the creator the owner', async () => {
    const { messages, group } = await read(text('/x/_chat.txt', [
      `[18-09-2025, 15:26:00] Familiedag: ${LRM}Berichten en oproepen zijn end-to-end versleuteld.`,
      '[18-09-2025, 15:26:15] ~ Martine de Jong: ~ Martine de Jong heeft de groep Familiedag gemaakt',
      '[18-09-2025, 15:27:00] Piet: Piet heeft de groep leuk gemaakt', '[18-09-2025, 15:28:00] Anna: Ja!',
    ]));
    expect(group?.roles).toEqual([{ memberId: 'Martine de Jong', name: 'Martine de Jong', role: 'owner' }]);
    expect(messages.filter((m) => m.kind !== 'system').map((m) => m.senderId)).toEqual(['Piet', 'Anna']);
  });

  it('Portugal: "adicionou o seu contacto" is the exporter; the pt-PT encryption notice and "afixou uma mensagem" are no unknown lines', async () => {
    const { members, issues } = await read(text('/x/Conversa do WhatsApp com Cerveja.txt', [
      '12/07/24, 19:40 - As mensagens e chamadas são encriptadas ponto a ponto. Ninguém fora desta conversa pode lê-las.',
      '12/07/24, 19:44 - Ronaldo adicionou o seu contacto', '12/07/24, 19:45 - Ronaldo adicionou José Mourinho',
      '12/07/24, 19:46 - Ronaldo: Bem-vindos', '13/07/24, 07:50 - Ronaldo afixou uma mensagem', '13/07/24, 08:00 - José Mourinho: Olá',
    ]));
    expect(members.map((j) => [j.memberId, j.by])).toEqual([['You', 'Ronaldo'], ['José Mourinho', 'Ronaldo']]);
    expect(issues.map((i) => i.code)).toEqual(['exporter-as-you']);
  });

  it('iOS "and 8 others. Tap to see all.": the unnamed are counted in a note, never as a member', async () => {
    const { members, issues } = await read(text('/x/_chat.txt', [
      `[01/02/24, 10:00:00] Club: ${LRM}Messages and calls are end-to-end encrypted.`,
      `[01/02/24, 10:01:00] Club: ${LRM}Ann added Bob, Cy, and 8 others. Tap to see all.`,
      `[01/02/24, 10:02:00] Club: ${LRM}Ann added Dee and 4 others`, '[01/02/24, 10:03:00] Bob: hi', '[01/02/24, 10:04:00] Cy: hey',
    ]));
    expect(members.map((j) => j.memberId)).toEqual(['Bob', 'Cy', 'Dee']);
    expect(issues.filter((i) => i.code !== 'ambiguous-date-order')).toEqual([expect.objectContaining({ code: 'unnamed-joins', line: 2, counts: false, reason: expect.stringMatching(/^12 people were added without a name/) })]);
  });

  it('a line or two typed above the first header still leave a WhatsApp export, reported as text before the first header', async () => {
    const lines = ['1. Foo', '', '01/04/21 11:04 p. m. - Ana: hola', '01/04/21 11:05 p. m. - Luis: qué tal', '02/04/21 9:00 a. m. - +420 739 534 759 salió del grupo'];
    const path = '/x/Chat de WhatsApp con Beach Volley.txt';
    expect(pickAdapter(headOf(path, strToU8(lines.join('\n'))))?.adapter.id).toBe('whatsapp-txt');
    const { messages, members, issues } = await read(text(path, lines));
    expect(messages).toHaveLength(2);
    expect(members.map((j) => [j.action, j.memberId])).toEqual([['leave', '+420 739 534 759']]);
    expect(issues.map((i) => i.line)).toContain(1);
    // Mostly multi-line messages below a typed title: still an export (second review).
    const long = ['Family chat backup', ...Array.from({ length: 4 }, (_, k) => [`0${k + 1}/05/21 10:00 - Alice: line one`, 'line two', 'line three', 'line four']).flat()];
    expect(pickAdapter(headOf('/x/WhatsApp Chat with Fam.txt', strToU8(long.join('\n'))))?.adapter.id).toBe('whatsapp-txt');
    // Three lines of something else before a header: not an export; nor a README quoting one line near its top (review).
    expect(pickAdapter(headOf('/x/notes.txt', strToU8(['a', 'b', 'c', lines[2]!, lines[3]!].join('\n'))))?.adapter.id).not.toBe('whatsapp-txt');
    const readme = ['# Our club', lines[2]!, 'is how a line of the export looks.', 'Export the chat from the app', 'and drop the file here.', 'Questions go to the board.'];
    expect(pickAdapter(headOf('/x/README.txt', strToU8(readme.join('\n'))))?.adapter.id).not.toBe('whatsapp-txt');
  });
});

describe('F14: "~ Name" of people not in the contacts; F15: "Alice: left" is a message', () => {
  it('strips the "~ " (with a narrow no-break space) from authors and members', async () => {
    const { messages, members } = await read(text('/x/WhatsApp Chat with Club.txt', [
      `1/5/24, 9:00 AM - ~${NNBSP}Alice joined using this group's invite link`, `1/5/24, 9:01 AM - ~${NNBSP}Alice: hi all`,
      `1/5/24, 9:02 AM - Bob added ~${NNBSP}Carol and Dan`, '1/5/24, 9:03 AM - ~ Carol: thanks', '1/6/24, 9:03 AM - Alice: saved as a contact now',
    ]));
    expect(members.map((j) => [j.memberId, j.by ?? null])).toEqual([['Alice', null], ['Carol', 'Bob'], ['Dan', 'Bob']]);
    expect(messages.map((m) => m.senderId)).toEqual(['Alice', 'Carol', 'Alice']);
  });

  it('a message whose whole text is a system word stays the author\'s message', async () => {
    const { messages, members } = await read(text('/x/WhatsApp Chat with X.txt', [
      '1/5/24, 9:00 AM - Alice: left', '1/5/24, 9:01 AM - Bob: Carol was added', '1/5/24, 9:02 AM - Carol: Dan removed Erin', '1/6/24, 9:03 AM - Dan left',
    ]));
    expect(messages.map((m) => [m.senderId, m.text])).toEqual([['Alice', 'left'], ['Bob', 'Carol was added'], ['Carol', 'Dan removed Erin']]);
    expect(members.map((j) => [j.action, j.memberId])).toEqual([['leave', 'Dan']]);
  });
});

describe('whatsapp-txt: the exporter ("You") and system lines under their doer\'s name', () => {
  async function readAs(lines: string[], me?: string[]) {
    const events: IngestEvent[] = [];
    const issues: { reason: string; code?: string; line?: number; counts?: boolean }[] = [];
    const source = text('/x/WhatsApp Chat - Hikers.txt', lines);
    const ctx = { path: source.path, zone: new Zone('UTC'), reportIssue: (i: (typeof issues)[number]) => issues.push(i), reportProgress: () => {}, ...(me ? { me } : {}) };
    for await (const e of whatsappText.read(source, ctx)) events.push(e);
    const messages = events.filter((e): e is MessageEvent => e.type === 'message');
    const members = events.filter((e): e is MembershipEvent => e.type === 'membership');
    const group = events.find((e): e is GroupMetaEvent => e.type === 'group');
    return { messages, members, group, issues };
  }
  // The shape of a 2024 iOS export: some system lines under the chat's name, some under the doer's.
  const NEW = [
    '[14.08.2024, 21:00:10] Hikers: Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
    '[14.08.2024, 21:00:10] Boris: Boris created group “Hikers”',
    '[14.08.2024, 21:00:11] Hikers: Boris added you',
    '[14.08.2024, 21:00:12] Boris: Boris changed this group\'s icon',
    '[14.08.2024, 21:02:00] Boris: hello all',
    '[14.08.2024, 21:03:00] Anna: hi',
    '[15.08.2024, 09:00:00] Hikers: You added Carl',
    '[15.08.2024, 09:00:05] Hikers: Boris added Dora',
    '[15.08.2024, 09:10:00] Carl: thanks, Dora left early',
    '[16.08.2024, 09:10:00] Dora: Dora left',
  ];

  it('a whole system wording under its doer\'s own name is the doer\'s act; an open-ended one stays a message', async () => {
    const { messages, members, group } = await readAs([...NEW,
      '[17.08.2024, 10:00:00] Boris: Boris added new photos to the album', '[17.08.2024, 10:01:00] Anna: Anna removed the spam link',
      '[17.08.2024, 10:02:00] Carl: Carl changed the group settings lol',
    ]);
    expect(group?.roles).toEqual([{ memberId: 'Boris', name: 'Boris', role: 'owner' }]);
    expect(messages.map((m) => [m.senderId, m.text])).toEqual([
      ['Boris', 'hello all'], ['Anna', 'hi'], ['Carl', 'thanks, Dora left early'],
      ['Boris', 'Boris added new photos to the album'], ['Anna', 'Anna removed the spam link'], ['Carl', 'Carl changed the group settings lol'],
    ]);
    expect(members.map((j) => [j.action, j.memberId, j.by ?? null])).toEqual([
      ['join', 'You', 'Boris'], ['join', 'Carl', 'You'], ['join', 'Dora', 'Boris'], ['leave', 'Dora', null],
    ]);
  });

  it('"you" and "You" are one member, the exporter, with a warning naming --me and the first line', async () => {
    const { members, issues } = await readAs(NEW);
    expect(members.filter((j) => j.memberId === 'You' || j.by === 'You')).toHaveLength(2);
    expect(issues).toEqual([expect.objectContaining({ code: 'exporter-as-you', line: 3, counts: false })]);
    // The message holds no member name ("You" would be scrubbed by --anonymize).
    expect(issues[0]!.reason).toMatch(/^2 system lines speak of the person who exported the chat only as "you" .*--me/);
  });

  it('with --me the exporter\'s system lines are the user\'s, and so are their messages', async () => {
    const { messages, members, issues } = await readAs(NEW, ['~ Anna']);
    expect(issues).toEqual([]);
    expect(members.slice(0, 2).map((j) => [j.memberId, j.by])).toEqual([['Anna', 'Boris'], ['Carl', 'Anna']]);
    expect(messages.map((m) => [m.senderId, m.fromSelf ?? false])).toEqual([['Boris', false], ['Anna', true], ['Carl', false]]);
  });

  it('of several --me names, one that writes and is never named by a system line (the exporter never is)', async () => {
    const exporter = async (me: string[], extra: string[] = []) => {
      const r = await readAs([...NEW, ...extra], me);
      return { you: r.members[1]!.by, codes: r.issues.map((i) => i.code) };
    };
    expect(await exporter(['Zed', 'Anna'])).toEqual({ you: 'Anna', codes: [] });
    // Boris and Carl write too, but system lines name them: neither is the one they call "you".
    expect(await exporter(['Boris', 'Anna'])).toEqual({ you: 'Anna', codes: [] });
    expect(await exporter(['Carl', 'Anna'])).toEqual({ you: 'Anna', codes: [] });
    // No name fits but one never named: an exporter who never wrote.
    expect(await exporter(['Boris', 'Zed'])).toEqual({ you: 'Zed', codes: [] });
    // Only names the file names: none is the exporter ("you" stays a member of its own, with the warning).
    expect(await exporter(['Carl'])).toEqual({ you: 'You', codes: ['exporter-as-you'] });
    // A message that only reads like a system line names nobody: Anna stays the exporter.
    expect(await exporter(['Anna'], ['[18.08.2024, 10:00:00] Carl: Anna left the tent open'])).toEqual({ you: 'Anna', codes: [] });
    expect(await exporter(['Anna'], ['[18.08.2024, 10:00:00] Carl: Anna left'])).toEqual({ you: 'Anna', codes: [] });
    expect(await exporter(['Anna'], ['[18.08.2024, 10:00:00] Hikers: Anna left'])).toEqual({ you: 'You', codes: ['exporter-as-you'] });
    // Two fit: the first given, with a note.
    expect(await exporter(['Eve', 'Anna'], ['[18.08.2024, 10:00:00] Eve: hey'])).toEqual({ you: 'Eve', codes: ['me-ambiguous'] });
  });

  it('the exporter in a Chinese export ("你和李四" too); a member called "You" added by someone stays a member', async () => {
    const zh = await readAs(['2024/8/14 21:00 - 你创建了群组“徒步”', '2024/8/14 21:01 - 你添加了张三', '2024/8/14 21:02 - 王五添加了你和李四', '2024/8/14 21:03 - 小安: 大家好'], ['小安']);
    expect(zh.group?.roles).toEqual([{ memberId: '小安', name: '小安', role: 'owner' }]);
    expect(zh.members.map((j) => [j.memberId, j.by])).toEqual([['张三', '小安'], ['小安', '王五'], ['李四', '王五']]);
    const en = await readAs(['1/5/24, 9:00 AM - Alice added You', '1/5/24, 9:01 AM - You: hi', '1/5/24, 9:02 AM - Youssef left'], ['Ann']);
    expect(en.members.map((j) => [j.action, j.memberId])).toEqual([['join', 'You'], ['leave', 'Youssef']]);
  });
});
