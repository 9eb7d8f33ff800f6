import { UserError } from '../core/errors.js';
import { readHeadBytes } from './decode.js';
import { adapters } from './registry.js';
import { headOf, isBinary } from './source.js';
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

/**
 * For an HTML file the folder walk leaves out by its type: whether it is one of them, with no
 * export beside it that is read (Telegram Desktop can write HTML and JSON together, "result.json"
 * next to "messages.html"; a DiscordChatExporter HTML may lie beside its JSON or CSV): only then is
 * it worth a word. Reads the head of `messages.html` and of DiscordChatExporter's `… [id].html` only.
 */
export async function unsupportedInFolder(path: string, name: string, siblings: readonly string[]): Promise<Unsupported | null> {
  if (!/^messages\.html?$/i.test(name) && !/\[\d{15,20}\]\.html?$/i.test(name)) return null;
  if (siblings.some((s) => /\.(?:json|csv)$/i.test(s))) return null;
  const bytes = await readHeadBytes(path).catch(() => null);
  return bytes ? unsupportedExport(headOf(path, bytes)) : null;
}

/** The error for a file given by name that no reader takes: what it is, if it can be told, and what was tried. */
export function notAnExport(path: string, head: FileHead, forced?: string): UserError {
  if (forced) return new UserError(`unknown --input-format "${forced}"`, { hint: 'community-audit formats lists them', zh: `未知的 --input-format "${forced}"`, hintZh: 'community-audit formats 列出了所有格式', code: 'usage' });
  const tried = adapters.map((a) => a.id).join(', ');
  const known = unsupportedExport(head);
  if (known) return new UserError(known.what, { file: path, hint: known.hint, zh: known.zh, hintZh: known.hintZh, code: 'unknown-format' });
  if (isBinary(head.bytes)) {
    return new UserError('binary data, not a text export (whatever its name says)', { file: path, hint: `formats tried: ${tried}`, zh: '这是二进制数据，不是文本导出（无论文件名是什么）', hintZh: `尝试过的格式：${tried}`, code: 'unknown-format' });
  }
  const first = head.text.split('\n', 1)[0]!.replace(/\r$/, '');
  if (/\.(csv|tsv)$/i.test(head.fileName) && first.trim() !== '') {
    return new UserError('a CSV whose header this tool does not recognise', {
      file: path, line: 1, code: 'unknown-format',
      hint: `a messages CSV needs a time column (timestamp/时间), a sender (sender_id/sender_name/发送者) and text or type; a member list needs member_id or name; the header is: ${first.slice(0, 120)}`,
      zh: '无法识别这个 CSV 的表头',
      hintZh: `消息 CSV 需要时间列（timestamp/时间）、发送者列（sender_id/sender_name/发送者）以及内容或类型列；成员名单需要 member_id 或昵称列。这个文件的表头是：${first.slice(0, 120)}`,
    });
  }
  return new UserError('not a chat export or member list this tool can read', { file: path, hint: `formats tried: ${tried}; force one with --input-format`, zh: '不是本工具能读取的聊天导出或成员名单', hintZh: `尝试过的格式：${tried}；可以用 --input-format 指定一种`, code: 'unknown-format' });
}
