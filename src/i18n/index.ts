import { en } from './en.js';
import { zh } from './zh.js';
import type { Finding } from '../core/findings.js';
import { localDate, ISO_DATE_TIME } from '../report/shared/dates.js';

export type Lang = 'en' | 'zh';
export type MessageKey = keyof typeof en;
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh };

/** The language from --lang, else LC_ALL / LC_MESSAGES / LANG (zh_CN.UTF-8 → zh), else English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(v) ? 'zh' : 'en';
}

/** True when `key` has a text (in English at least). */
export function hasText(key: string): boolean {
  return key in en;
}

/** A message with {placeholders} filled in. Unknown keys fall back to English, then the key. */
export function t(lang: Lang, key: string, values: Record<string, unknown> = {}): string {
  const template = dictionaries[lang][key as MessageKey] ?? en[key as MessageKey] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => format(values[k]));
}

/**
 * A stderr line with its translated label: `error: …`, `warning: …`, `hint: …` — or in Chinese
 * `错误：…` with the full-width colon. `key` is the label's message key (e.g. `error.prefix`).
 */
export function labelled(lang: Lang, key: string, text: string): string {
  return `${t(lang, key)}${lang === 'zh' ? '：' : ': '}${text}`;
}

/**
 * A warning or a --strict error about the input, for the terminal: the English reason as it is
 * (it is also the JSON's `message`), or in Chinese what the code means followed by that reason
 * (which quotes the offending value, so it is kept).
 */
export function issueText(lang: Lang, code: string, reason: string): string {
  const what = lang === 'zh' ? (zh as Record<string, string | undefined>)[`issue.${code}`] : undefined;
  if (what === undefined) return reason;
  const more = /^(\d+) more like this$/.exec(reason);
  if (more) return t('zh', 'issue.more', { what, n: Number(more[1]) });
  return `${what}（${reason}）`;
}

/** A count with its noun: "1 group", "3 groups" (Chinese has no plural: both keys may be equal). */
export function plural(lang: Lang, n: number, key: string): string {
  return t(lang, n === 1 ? `${key}.one` : `${key}.other`, { n });
}

function format(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(v < 1 && v > -1 ? 2 : 1);
  if (v === null || v === undefined) return '–';
  return String(v);
}

/** Values that are shares of something (0.47 → 47%), by key; some keys are shares only in one finding. */
const SHARE_KEYS = new Set(['ratio', 'share', 'rate30', 'invitedShare', 'lateRatio', 'threshold', 'declineActivity']);
const SHARE_KEYS_OF: Record<string, string[]> = { 'fission-k': ['stayed'], 'fission-k-viral': ['stayed'] };
/** Values that are internal codes, and the message prefix that names them in words. */
const CODE_KEYS: Record<string, string> = { source: 'source', status: 'deadAs', phase: 'phase' };
/** Values whose sign decides the wording: below zero, the `<key>.falling` text says "fell by". */
const SIGNED_KEYS = ['ratio', 'rate30', 'net30'];

/**
 * A finding as a sentence: its code is the message key (prefix "finding."). Values are put in
 * words for people: instants as local dates in the report's zone, shares as percentages, codes
 * translated; a falling quantity picks the "fell by" variant of the text when there is one.
 */
export function findingText(lang: Lang, f: Finding, timeZone = 'UTC'): string {
  const key = `finding.${f.code}`;
  if (!hasText(key)) return f.message;
  const raw = f.values as Record<string, unknown>;
  const falling = SIGNED_KEYS.some((k) => typeof raw[k] === 'number' && (raw[k] as number) < 0) && hasText(`${key}.falling`);
  // A share left out (nothing to take it of: a roster empty a month ago, a peak of 0) has its own
  // wording where there is one, not "–% of it".
  const unshared = ['ratio', 'rate30'].some((k) => k in raw && raw[k] === null) && hasText(`${key}.noShare`);
  const shares = new Set([...SHARE_KEYS, ...(SHARE_KEYS_OF[f.code] ?? [])]);
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    values[k] = readable(lang, k, v, shares, timeZone);
    if (typeof v === 'number' && v < 0) values[`${k}Abs`] = readable(lang, k, -v, shares, timeZone);
  }
  return t(lang, unshared ? `${key}.noShare` : falling ? `${key}.falling` : key, values);
}

function readable(lang: Lang, k: string, v: unknown, shares: Set<string>, timeZone: string): unknown {
  if (typeof v === 'number' && shares.has(k)) return percentOf(v);
  if (typeof v !== 'string') return v;
  if (ISO_DATE_TIME.test(v)) return localDate(v, timeZone);
  const prefix = CODE_KEYS[k];
  return prefix && hasText(`${prefix}.${v}`) ? t(lang, `${prefix}.${v}`) : v;
}

function percentOf(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–';
}
