/**
 * Names that say "bot" by the conventions of the platforms that have handles: Telegram requires a
 * bot's username to end in "bot", and bridges and helpers elsewhere follow suit ("matrixbot" on
 * Gitter relays other people's messages, and drew the replies that made it the first seed user of a
 * real room). Judged on handles and camel-case names only, so that surnames do not count: "Talbot",
 * "Abbot" and "Cabot" have too few letters before "bot"; "Anna Talbot" has a space.
 * In Chinese groups, 机器人 (robot), 助手 and 小助理 (assistant) and 客服 (service) name bots and the
 * operator's staff accounts, never seed users.
 */
const HANDLE_BOT = /^[a-z0-9_.-]{4,}bot$/;
const CAMEL_BOT = /^[A-Za-z0-9_]*[a-z0-9]Bot$/;
// Lower case only, or bracketed: "Bot" is a Dutch surname ("Ben Bot").
const SEPARATE_BOT = /(?:^|[\s_-])bot$|[[(](?:bot|BOT|Bot)[\])]$|^(?:bot|BOT|Bot)$/;
// 助手 / 小助理 (assistant), 客服 (customer service), 机器人 (robot): a bot, or an operator's staff
// account; either way no seed user (the simulators' unmarked 群助手小Q posting the daily notice).
const ROBOT_ZH = /机器人|助手|小助理|客服/;

// What every name above contains: one test for the many names that are none of them (the four
// tests cost ~30 ms over the members of a 2 M-message run).
const MAYBE = /bot|Bot|BOT|机器人|助手|小助理|客服/;

export function namedLikeBot(name: string): boolean {
  return MAYBE.test(name) && (HANDLE_BOT.test(name) || CAMEL_BOT.test(name) || SEPARATE_BOT.test(name) || ROBOT_ZH.test(name));
}
