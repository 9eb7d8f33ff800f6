import { resolve } from 'node:path';
import type { Source } from '../types.js';

/**
 * "WhatsApp Chat with X" in the languages WhatsApp names its exports in (and the macOS/iOS folder
 * or ZIP "WhatsApp Chat - X").
 */
const EXPORT_NAME = [
  /^WhatsApp[ -]Chat (?:with|-|mit|met|con|com|avec|dengan|med|z|s|с) (.+)$/i,
  /^Discussion WhatsApp avec (.+)$/i,
  /^Chat (?:de |di |do )?WhatsApp (?:con|com|dengan|with|mit|met) (.+)$/i,
  /^Conversa (?:do|de|no) WhatsApp com (.+)$/i,
  /^Чат WhatsApp с (.+)$/i,
  /^(.+) ile WhatsApp Sohbeti$/i,
  /^[与與](.+)的 ?WhatsApp ?(?:聊天|對話|对话)$/,
];

/** A file, folder or archive name without its extension and the " (1)" a browser adds to a second download. */
function bare(name: string): string {
  return name.replace(/\.(txt|zip)$/i, '').replace(/\s*\(\d{1,3}\)$/, '');
}

/** The chat's name in an export's file, folder or archive name, if it is named like one. */
function exportName(name: string): string | null {
  const b = bare(name);
  for (const re of EXPORT_NAME) {
    const m = re.exec(b);
    if (m) return m[1]!.trim();
  }
  return null;
}

/**
 * The chat's name: from the export's file name; for an iOS `_chat.txt`, from the folder or ZIP it
 * came in ("WhatsApp Chat - X/_chat.txt", "x.zip!_chat.txt"), else from the chat's name in the file
 * (`chatName`, under which iOS writes the encryption notice), else from the bare folder name: two
 * chats unzipped side by side never become one group "_chat".
 */
export function groupName(source: Pick<Source, 'path' | 'fileName'>, chatName?: string): string {
  const own = exportName(source.fileName);
  if (own) return own;
  if (source.fileName.toLowerCase() === '_chat.txt') {
    const zipped = source.path.includes('!');
    const parent = (zipped ? source.path : resolve(source.path)).split(/[\\/!]/).slice(-2, -1)[0] ?? '';
    const named = exportName(parent);
    if (named) return named;
    // The ZIP was named by its user (or kept WhatsApp's name): its name, as before; a folder may be anything.
    if (zipped && /\.zip$/i.test(parent) && bare(parent) !== '') return bare(parent);
    if (chatName) return chatName;
    if (bare(parent) !== '') return bare(parent);
  }
  return bare(source.fileName);
}
