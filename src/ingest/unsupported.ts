import type { FileHead } from './types.js';

/** An export this tool does not read, recognised so that the user is told which one to make instead. */
export interface Unsupported { what: string; hint: string; zh: string; hintZh: string }

const TELEGRAM_HTML: Unsupported = {
  what: 'a Telegram Desktop HTML export: this tool reads its JSON export',
  hint: 'in Telegram Desktop, Export chat history again with Format: "Machine-readable JSON" (result.json)',
  zh: '这是 Telegram Desktop 的 HTML 导出：本工具读取的是它的 JSON 导出',
  hintZh: '在 Telegram Desktop 里重新“导出聊天记录”，格式选“Machine-readable JSON”（得到 result.json）',
};
const DISCORD_OTHER: Unsupported = {
  what: 'a DiscordChatExporter HTML or plain-text export: this tool reads its JSON or CSV export',
  hint: 'export the channel again in DiscordChatExporter with the format JSON (or CSV)',
  zh: '这是 DiscordChatExporter 的 HTML 或纯文本导出：本工具读取的是它的 JSON 或 CSV 导出',
  hintZh: '在 DiscordChatExporter 里用 JSON（或 CSV）格式重新导出这个频道',
};

/**
 * The exports users make most often in a shape this tool does not read: Telegram Desktop's HTML
 * (its default format: `messages.html`, `messages2.html`…, "Exported Data" pages) and
 * DiscordChatExporter's HTML and TXT (its first choices). Found in public repositories (session 12);
 * before, a folder of Telegram HTML read "the folder has no files".
 */
export function unsupportedExport(head: FileHead): Unsupported | null {
  const text = head.text.slice(0, 4096);
  if (/\.html?$/i.test(head.fileName)) {
    if (/^messages\d*\.html?$/i.test(head.fileName) && /<title>Exported Data<\/title>/i.test(text)) return TELEGRAM_HTML;
    if (/DiscordChatExporter|class="(?:preamble|chatlog__)/i.test(text)) return DISCORD_OTHER;
    return null;
  }
  if (/\.txt$/i.test(head.fileName) && /^={20,}\r?\nGuild: .*\r?\nChannel: /.test(text.replace(/^\uFEFF/, ''))) return DISCORD_OTHER;
  return null;
}

/** Whether a file the folder walk leaves out by its type may be one of them (its head is worth a look). */
export function mayBeUnsupportedExport(name: string): boolean {
  return /^messages\.html?$/i.test(name) || /\[\d{15,20}\]\.html?$/i.test(name);
}
