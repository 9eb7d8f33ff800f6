/**
 * The first lines of a LINE phone export: `[LINE] Chat history in <group>` (a group) or
 * `[LINE] Chat history with <name>` (one person), `[LINE] <group>的聊天記錄` / `[LINE] 與<name>的聊天記錄`
 * (zh-Hant), `[LINE] <group>的聊天记录` / `[LINE] 与<name>的聊天记录` (zh-Hans), `[LINE] <group>のトーク履歴`
 * / `[LINE] <name>とのトーク履歴` (ja); then `Saved on: 2024/01/03 09:00` (`儲存日期：`, `保存日時：`…)
 * and a blank line. PC exports ("Save chat") have neither: the file name names the chat.
 */

/** The chat a header or file name names, and whether it says the chat is with one person. */
export interface ChatTitle { name: string; oneToOne: boolean }

// One-to-one wordings before the group wordings they end like ("與X的聊天記錄" ends as "X的聊天記錄").
const TITLES: [RegExp, boolean][] = [
  [/^Chat history with (.+)$/i, true], [/^Chat history in (.+)$/i, false],
  [/^[與与](.+)的聊天[記记][錄录]$/, true], [/^(.+)的聊天[記记][錄录]$/, false],
  [/^(.+)とのトーク履歴$/, true], [/^(.+)のトーク履歴$/, false],
  // Thai (session 12, from test data shaped like real files): "in the group" / "with".
  [/^ประวัติการแชทกับ\s*"?(.+?)"?$/, true], [/^ประวัติการแชทในกลุ่ม\s*"?(.+?)"?$/, false],
];
const LINE_MARK = /^\[LINE\]\s*/i;

/** The chat named by `[LINE] …` wording, or null when the words are in no known language. */
function titleOf(words: string): ChatTitle | null {
  for (const [re, oneToOne] of TITLES) {
    const m = re.exec(words.trim());
    if (m && m[1]!.trim() !== '') return { name: m[1]!.trim(), oneToOne };
  }
  return null;
}

/** The chat a header line names (`[LINE] Chat history in X`), or null for no header. */
export function headerTitle(line: string): ChatTitle | null {
  if (!LINE_MARK.test(line)) return null;
  return titleOf(line.replace(LINE_MARK, '')) ?? { name: '', oneToOne: false };
}

/** The chat a file name names: `[LINE] Book Club.txt` → Book Club (without a browser's " (1)"). */
export function fileTitle(fileName: string): ChatTitle {
  const stem = fileName.replace(/\.txt$/i, '').replace(/\s*\(\d{1,3}\)$/, '').replace(LINE_MARK, '').trim();
  return titleOf(stem) ?? { name: stem || fileName, oneToOne: false };
}

/** `Saved on: 2024/01/03 09:00` and its translations, the line after the header. */
export const SAVED_ON = /^(?:(?:Saved on|儲存日期|保存日期|保存日時|บันทึกวันที่)\s*[:：]|บันทึกเมื่อ\s)/i;
