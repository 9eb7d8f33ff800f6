import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, ROOT } from './helpers.js';

const MISSING = '/nonexistent/community-audit-input';
const EN_ENV = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

beforeAll(() => ensureBuilt(), 120_000);

describe('errors follow the language', () => {
  it('are 错误 / 提示 with the message and hint in Chinese with --lang zh', () => {
    const r = cli(['analyze', MISSING, '--lang', 'zh'], undefined, EN_ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：${MISSING}: 没有这个文件或文件夹\n提示：请检查路径（带空格的名字要加引号）\n`);
    const en = cli(['analyze', MISSING, '--lang', 'en'], undefined, EN_ENV);
    expect(en.stderr).toBe(`error: ${MISSING}: no such file or folder\nhint: check the path (quote names with spaces)\n`);
  });

  it('follow a Chinese locale, and --lang en wins over it', () => {
    const zhEnv = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    expect(cli(['analyze', MISSING], undefined, zhEnv).stderr).toMatch(/^错误：.*没有/);
    expect(cli(['analyze', MISSING, '--lang=en'], undefined, zhEnv).stderr).toMatch(/^error: .*\nhint: /);
  });

  it('keep the values the user gave in the Chinese text of a usage error', () => {
    const r = cli(['analyze', MISSING, '--tz', 'Mars/Olympus', '--lang', 'zh'], undefined, EN_ENV);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('错误：--tz：未知的时区 "Mars/Olympus"');
  });

  it('say what an input issue made fatal by --strict is in Chinese, quoting the English reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-zh-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'group_id,timestamp,sender_id,text\ng1,2024-01-01 10:00:00,u1,hi\ng1,notadate,u1,hi\n');
    const r = cli(['analyze', file, '--strict', '--lang', 'zh'], undefined, EN_ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^错误：${file}:3: 时间无法识别（.*"notadate"）\\n提示：不加 --strict 时会跳过并计数\\n$`));
  });
});

describe('the help follows the language', () => {
  it('is in Chinese with --lang zh or a Chinese locale, in English otherwise', () => {
    const zh = cli(['analyze', '--help', '--lang', 'zh'], undefined, EN_ENV);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法： community-audit analyze/);
    expect(zh.stdout).toMatch(/^选项：$/m);
    expect(zh.stdout).toMatch(/^\s+--strict\s+\p{Script=Han}/mu);
    const localeZh = cli(['--help'], undefined, { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
    expect(localeZh.stdout).toMatch(/^命令：$/m);
    const en = cli(['analyze', '--help'], undefined, EN_ENV);
    expect(en.stdout).toMatch(/^Usage: community-audit analyze/);
    expect(en.stdout).not.toMatch(/\p{Script=Han}/u);
  });
});

describe('--lang before the command name', () => {
  it('applies to the command after it, as it does after the command name', () => {
    const before = cli(['--lang', 'zh', 'formats'], undefined, EN_ENV);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(cli(['formats', '--lang', 'zh'], undefined, EN_ENV).stdout);
    expect(before.stdout).toMatch(/成员标识/);
    const analyze = cli(['--lang=zh', 'analyze', MISSING], undefined, EN_ENV);
    expect(analyze.code).toBe(2);
    expect(analyze.stderr).toMatch(/^错误：.*没有这个文件或文件夹/);
    expect(cli(['--lang', 'zh', 'schema'], undefined, EN_ENV).code).toBe(0);
  });

  it('gives the help in that language, with or without a command', () => {
    expect(cli(['--lang', 'zh', '--help'], undefined, EN_ENV).stdout).toMatch(/^命令：$/m);
    const help = cli(['--lang', 'zh', 'help', 'analyze'], undefined, EN_ENV);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法： community-audit analyze/);
  });

  it('is still checked: an unknown or missing language is a usage error, with or without a command (review)', () => {
    for (const args of [['--lang', 'fr', 'formats'], ['--lang', 'fr', '--help'], ['--lang', '--help']]) {
      const r = cli(args, undefined, EN_ENV);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--lang/);
    }
  });
});

/** Every error raised for the user carries its Chinese text where it is raised. */
describe('every UserError in the source has a Chinese text', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
    }
  };
  walk(join(ROOT, 'src'));
  // The one raise without its own: an input issue under --strict, worded from its code by the CLI.
  const exempt = /^new UserError\(issue\.reason/;
  const raising = files.filter((f) => readFileSync(f, 'utf8').includes('new UserError('));
  it('finds the raises', () => expect(raising.length).toBeGreaterThan(15));
  it.each(raising.map((f) => [f.slice(ROOT.length)]))('%s', (rel) => {
    const src = readFileSync(join(ROOT, rel), 'utf8');
    for (let at = src.indexOf('new UserError('); at >= 0; at = src.indexOf('new UserError(', at + 1)) {
      // The call's text up to its closing parenthesis at depth zero.
      let depth = 0, end = at + 'new UserError'.length;
      for (; end < src.length; end++) {
        const c = src[end];
        if (c === '(' || c === '{' || c === '[') depth++;
        else if (c === ')' || c === '}' || c === ']') { depth--; if (depth === 0) break; }
      }
      const call = src.slice(at, end + 1);
      if (exempt.test(call)) continue;
      expect(call, `${rel}: ${call.slice(0, 90)}`).toMatch(/\bzh\b/);
    }
  });
});

describe('commander\'s own usage errors and help extras in Chinese', () => {
  const zhEnv = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  it('a mistyped command, an unknown option, a bad choice, a missing value', () => {
    expect(cli(['analyse', 'x'], undefined, zhEnv).stderr).toBe('错误：未知的命令 \'analyse\'\n（你是不是想输入 analyze？）\n（加 --help 查看用法）\n');
    expect(cli(['analyze', 'x', '--bogus'], undefined, zhEnv).stderr.split('\n')[0]).toBe('错误：未知的选项 \'--bogus\'');
    expect(cli(['analyze', 'x', '--lang', 'fr'], undefined, zhEnv).stderr.split('\n')[0]).toBe('错误：选项 \'--lang <lang>\' 的值 \'fr\' 无效，可选：en, zh');
    expect(cli(['analyze', 'x', '--tz'], undefined, zhEnv).stderr.split('\n')[0]).toBe('错误：选项 \'--tz <zone>\' 缺少值');
    expect(cli(['analyse', 'x'], undefined, EN_ENV).stderr.split('\n')[0]).toBe('error: unknown command \'analyse\'');
  });
  it('the help says 默认 and 可选, not default and choices', () => {
    const help = cli(['analyze', '--help'], undefined, zhEnv).stdout;
    expect(help).toContain('输出语言（默认：根据 LANG）（可选："en", "zh"）');
    expect(help).not.toMatch(/\((?:default|choices):/);
  });
});

describe('an option value zod refuses, in Chinese', () => {
  it('says what was expected without zod\'s English', () => {
    const r = cli(['analyze', 'fixtures/demo', '--top', 'abc', '--lang', 'zh'], undefined, EN_ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：--top 的值无效：应为数字\n提示：1 到 1000 之间的整数，例如 --top 5\n');
    expect(cli(['analyze', 'fixtures/demo', '--top', '0', '--lang', 'zh'], undefined, EN_ENV).stderr.split('\n')[0]).toBe('错误：--top 的值无效：太小（最小 1）');
  });
});
