import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { analyses } from '../analysis/registry.js';
import { UserError } from '../core/errors.js';

export const CONFIG_FILE = 'community-audit.config.json';

/** The config file: thresholds per analysis (from each analysis's optionsSchema) and a few defaults. */
export function configSchema() {
  const perAnalysis = Object.fromEntries(analyses.map((a) => [a.key, (a.optionsSchema as z.ZodType).prefault({} as never)]));
  return z.object({
    $schema: z.string().optional(),
    top: z.number().int().min(1).max(1000).default(10).describe('how many seed users, spreaders and slots to list'),
    timeZone: z.string().optional().describe('IANA time zone for hours and days, e.g. Asia/Shanghai (default: the machine\'s)'),
    lang: z.enum(['en', 'zh']).optional().describe('language of the terminal and documents (default: from LANG)'),
    me: z.array(z.string().trim().min(1)).optional().describe('your display names in the exports: who WhatsApp\'s "You" is (see --me)'),
    salt: z.string().optional().describe('secret that keys the pseudonyms of --anonymize; keep it to get the same pseudonyms every run'),
    analyses: z.object(perAnalysis).prefault({} as never),
  }).strict();
}

export type Config = z.output<ReturnType<typeof configSchema>>;

/** JSON with // and /* *\/ comments (what `init` writes), comments outside strings removed. */
export function stripJsonComments(text: string): string {
  let out = '', inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') { out += text[++i] ?? ''; continue; }
      if (c === '"') inString = false;
      continue;
    }
    if (c === '"') { inString = true; out += c; continue; }
    if (c === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') i++; out += '\n'; continue; }
    if (c === '/' && text[i + 1] === '*') {
      // Keep the comment's newlines, so positions in the result are on the file's lines.
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
      continue;
    }
    out += c;
  }
  // Trailing commas go, replaced by a space so that positions stay put.
  return out.replace(/,(\s*[}\]])/g, ' $1');
}

/** The config from --config, else ./community-audit.config.json, else the defaults. */
export async function loadConfig(path: string | undefined, cwd: string): Promise<{ config: Config; path: string | null }> {
  const file = path ? resolve(cwd, path) : resolve(cwd, CONFIG_FILE);
  if (!path && !existsSync(file)) return { config: configSchema().parse({}), path: null };
  let text: string;
  try { text = await readFile(file, 'utf8'); } catch (e) {
    throw new UserError(`cannot read the config file (${(e as NodeJS.ErrnoException).code})`, { file, zh: `无法读取配置文件（${(e as NodeJS.ErrnoException).code}）`, code: 'config' });
  }
  let raw: unknown;
  const json = stripJsonComments(text.replace(/^\uFEFF/, ''));
  try { raw = JSON.parse(json); } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? json.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new UserError(`the config file is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, { file, line, hint: 'community-audit init writes a valid one', zh: `配置文件不是有效的 JSON：${message.replace(/ in JSON at position \d+.*$/, '')}`, hintZh: 'community-audit init 可以生成一个有效的配置文件', code: 'config' });
  }
  const parsed = configSchema().safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new UserError(`config ${first.path.join('.') || '(top)'}: ${first.message}`, { file, hint: 'community-audit init writes one with every setting and its default', zh: `配置项 ${first.path.join('.') || '（顶层）'} 有误：${first.message}`, hintZh: 'community-audit init 可以生成一个列出所有设置及默认值的配置文件', code: 'config' });
  }
  return { config: parsed.data, path: file };
}

/** The text `init` writes: every setting with its default and a comment saying what it does. */
export function defaultConfigText(): string {
  const defaults = configSchema().parse({});
  const lines = ['// community-audit configuration. Every value here is the default; change what you need.', '{'];
  lines.push('  // how many seed users, spreaders and slots to list', `  "top": ${defaults.top},`);
  lines.push('  // IANA time zone for hours and days, e.g. "Asia/Shanghai" (default: the machine\'s zone)', '  // "timeZone": "Asia/Shanghai",');
  lines.push('  // your display names in the exports: who WhatsApp\'s "You" in system lines is (see --me)', '  // "me": ["Your Name"],');
  lines.push('  // secret that keys --anonymize pseudonyms (same salt → same pseudonyms every run)', '  // "salt": "change-me",');
  lines.push('  "analyses": {');
  const entries = analyses.map((a) => {
    const shape = (a.optionsSchema as z.ZodObject).shape as Record<string, z.ZodType>;
    const values = (defaults.analyses as Record<string, Record<string, unknown>>)[a.key] ?? {};
    const body = Object.keys(shape).map((k) => {
      const desc = shape[k]!.description;
      return `${desc ? `      // ${desc}\n` : ''}      ${JSON.stringify(k)}: ${JSON.stringify(values[k])}`;
    }).join(',\n');
    return `    // ${a.title}\n    ${JSON.stringify(a.key)}: {\n${body}\n    }`;
  });
  lines.push(entries.join(',\n'), '  }', '}', '');
  return lines.join('\n');
}
