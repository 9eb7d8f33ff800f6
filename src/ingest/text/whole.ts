import { UserError, HINT_ZH } from '../../core/errors.js';
import { LIMITS, mb } from '../limits.js';
import type { Source } from '../types.js';

/** The whole decoded text, for JSON documents that have no streaming shape; bounded by a limit. */
export async function wholeText(source: Source): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of source.text()) {
    length += chunk.length;
    if (length > LIMITS.maxDocumentChars) {
      throw new UserError(`the file is larger than ${mb(LIMITS.maxDocumentChars)} MB of text, the most this format is read in one piece`, {
        file: source.path, code: 'document-too-large', hint: 'export the chat as JSONL (one record per line) or split it',
        zh: `文件的文本超过 ${mb(LIMITS.maxDocumentChars)} MB，这是这种格式一次能读取的上限`, hintZh: '请导出为 JSONL（每行一条记录），或把文件拆开',
      });
    }
    parts.push(chunk);
  }
  return parts.join('');
}

/** A whole JSON document; a file that is not JSON is a UserError. */
export async function parseWholeJson(source: Source): Promise<unknown> {
  const text = await wholeText(source);
  try { return JSON.parse(text) as unknown; } catch (e) {
    throw new UserError(`not valid JSON: ${(e as Error).message}`, { file: source.path, code: 'bad-json', hint: 'is the export complete (not cut off)?', zh: `不是有效的 JSON：${(e as Error).message}`, hintZh: HINT_ZH.cutOff });
  }
}
