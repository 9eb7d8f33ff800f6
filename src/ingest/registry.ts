import type { IngestAdapter } from './types.js';
import { whatsappText } from './whatsapp/index.js';
import { telegramJson } from './telegram/index.js';
import { discordJson } from './discord/json.js';
import { discordCsv } from './discord/csv.js';
import { slackExport } from './slack/index.js';
import { wechatMemotraceCsv } from './wechat/memotrace-csv.js';
import { wechatMemotraceTxt } from './wechat/memotrace-txt.js';
import { wechatMemotrace2Csv } from './wechat/memotrace2-csv.js';
import { wechatWeflowJson } from './wechat/weflow-json.js';
import { chatlabJson, chatlabJsonl } from './wechat/chatlab-json.js';
import { wechatChatlogCsv } from './wechat/chatlog-csv.js';
import { wechatPywxdumpCsv } from './wechat/pywxdump-csv.js';
import { qqTxt } from './qq/txt.js';
import { qqMht } from './qq/mht.js';
import { qqQceJson } from './qq/qce-json.js';
import { qqQceChunked } from './qq/qce-chunked.js';
import { lineTxt } from './line/index.js';
import { memberListXlsx } from './member-list/xlsx.js';
import { canonicalMessagesCsv } from './canonical/messages.js';
import { canonicalMembersCsv } from './canonical/members.js';

/**
 * Every input format, in one place: detection, `--input-format` choices and `community-audit
 * formats` all come from this list. Adding a platform = one folder under src/ingest + one line here.
 * Order breaks ties in detection scores (earlier wins).
 */
export const adapters = [
  whatsappText,
  telegramJson,
  discordJson,
  discordCsv,
  slackExport,
  wechatMemotraceCsv,
  wechatMemotraceTxt,
  wechatMemotrace2Csv,
  wechatWeflowJson,
  chatlabJson,
  chatlabJsonl,
  wechatChatlogCsv,
  wechatPywxdumpCsv,
  qqTxt,
  qqMht,
  qqQceJson,
  qqQceChunked,
  lineTxt,
  memberListXlsx,
  canonicalMessagesCsv,
  canonicalMembersCsv,
] as const satisfies readonly IngestAdapter[];

export function adapterById(id: string): IngestAdapter | undefined {
  return adapters.find((a) => a.id === id);
}
