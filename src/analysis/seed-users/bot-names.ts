/**
 * Names that say "bot" by the conventions of the platforms that have handles: Telegram requires a
 * bot's username to end in "bot", and bridges and helpers elsewhere follow suit ("matrixbot" on
 * Gitter relays other people's messages, and drew the replies that made it the first seed user of a
 * real room). Judged on handles and camel-case names only, so that surnames do not count: "Talbot",
 * "Abbot" and "Cabot" have too few letters before "bot"; "Anna Talbot" has a space.
 * 机器人 ("robot") at the end of a name is a bot in Chinese groups.
 */
const HANDLE_BOT = /^[a-z0-9_.-]{4,}bot$/;
const CAMEL_BOT = /^[A-Za-z0-9_]*[a-z0-9]Bot$/;
const SEPARATE_BOT = /(?:^|[\s_\-[(])bot[\])]?$/i;
const ROBOT_ZH = /机器人$/;

export function namedLikeBot(name: string): boolean {
  return HANDLE_BOT.test(name) || CAMEL_BOT.test(name) || SEPARATE_BOT.test(name) || ROBOT_ZH.test(name);
}
