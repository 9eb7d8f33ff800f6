/**
 * Simulation → real-format exports, so the pipeline can be judged on what users really hand in.
 * `exportSimulation(result, format, dir)` writes the files and returns how canonical group and
 * member ids read in that format (for comparing reports with truth and with the canonical run).
 */
import { groupsOf, type ExportInput, type ExportOutput } from './model.js';
import { writeLine } from './line.js';
import { writeQq } from './qq.js';
import { writeQqQce } from './qq-qce.js';
import { writeTelegram } from './telegram.js';
import { writeWechatMemotrace } from './wechat.js';
import { writeWhatsApp } from './whatsapp.js';

export const EXPORT_FORMATS = ['wechat-memotrace-csv', 'whatsapp-txt', 'whatsapp-txt-zh', 'whatsapp-txt-by-owner', 'whatsapp-txt-ios', 'telegram-json', 'qq-txt', 'qq-qce-json', 'line-txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type { ExportInput, ExportOutput };
export { memberKey, readSimulation } from './model.js';

export function exportSimulation(result: ExportInput, format: ExportFormat, dir: string): ExportOutput {
  const groups = groupsOf(result);
  switch (format) {
    case 'wechat-memotrace-csv': return writeWechatMemotrace(groups, dir);
    case 'whatsapp-txt': return writeWhatsApp(groups, dir, 'en');
    case 'whatsapp-txt-zh': return writeWhatsApp(groups, dir, 'zh');
    case 'whatsapp-txt-by-owner': return writeWhatsApp(groups, dir, 'en', true);
    case 'whatsapp-txt-ios': return writeWhatsApp(groups, dir, 'en', false, true);
    case 'telegram-json': return writeTelegram(groups, dir);
    case 'qq-txt': return writeQq(groups, dir);
    case 'qq-qce-json': return writeQqQce(groups, dir);
    case 'line-txt': return writeLine(groups, dir);
  }
}
