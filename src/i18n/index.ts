import { en } from './en.js';
import { zh } from './zh.js';
import type { Finding } from '../core/findings.js';

export type Lang = 'en' | 'zh';
export type MessageKey = keyof typeof en;
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** The language from --lang, else LC_ALL / LC_MESSAGES / LANG (zh_CN.UTF-8 → zh), else English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(v) ? 'zh' : 'en';
}

/** A message with {placeholders} filled in. Unknown keys fall back to English, then the key. */
export function t(lang: Lang, key: string, values: Record<string, unknown> = {}): string {
  const template = dictionaries[lang][key as MessageKey] ?? en[key as MessageKey] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => format(values[k]));
}

function format(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(v < 1 && v > -1 ? 2 : 1);
  if (v === null || v === undefined) return '–';
  return String(v);
}

/** A finding as a sentence: its code is the message key (prefix "finding."). */
export function findingText(lang: Lang, f: Finding): string {
  const key = `finding.${f.code}`;
  return key in en ? t(lang, key, f.values) : f.message;
}
