import { z } from 'zod';
import { trace } from '../core/trace.js';
import { isUserError, UserError } from '../core/errors.js';
import { safeText } from '../core/sanitize.js';
import { issueText, labelled, langFromEnv, type Lang } from '../i18n/index.js';
import { EXIT, exitCode } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { buildProgram, CommanderError } from './program.js';

// Imports are evaluated before this line: every module of the CLI is loaded by now.
trace('cli modules loaded');

// A run parses each schema (options, config, analysis thresholds) once: zod's JIT, which compiles
// an object's parser with new Function on its first parse, costs more at start-up than it saves.
z.config({ jitless: true });

/**
 * The entry point: runs the program and returns the exit code (never calls process.exit, so
 * piped output is flushed). User errors become one `error:` line; bugs show their stack.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const outcome = { value: { conditionsMet: 0 } };
  const debug = argv.includes('--debug');
  const lang = errorLang(argv, io.env);
  try {
    await buildProgram(io, outcome, lang).parseAsync(langAfterCommand(argv));
    return exitCode(outcome.value);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0; usage errors were already printed.
      return e.exitCode === 0 ? EXIT.ok : EXIT.userError;
    }
    if (isUserError(e)) {
      // File names, ZIP entry names and quoted cells come from the data: never raw to the terminal.
      const where = e.details.file ? `${safeText(e.details.file)}${e.details.line ? `:${e.details.line}` : ''}: ` : '';
      const zh = lang === 'zh';
      // An input issue made fatal by --strict has no Chinese text of its own: its code gives one.
      const text = zh ? e.details.zh ?? issueText(lang, e.details.code ?? '', e.message) : e.message;
      io.stderr.write(`${labelled(lang, 'error.prefix', `${where}${safeText(text)}`)}\n`);
      const hint = (zh && e.details.hintZh) || e.details.hint;
      if (hint) io.stderr.write(`${labelled(lang, 'error.hint', safeText(hint))}\n`);
      if (debug) io.stderr.write(`${e.stack}\n`);
      return exitCode({ error: 'user', conditionsMet: 0 });
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'EPIPE') return EXIT.ok;
    if (err?.code === 'EACCES' || err?.code === 'ENOSPC' || err?.code === 'EISDIR' || err?.code === 'EROFS') {
      io.stderr.write(`${labelled(lang, 'error.prefix', `${err.path ? `${safeText(err.path)}: ` : ''}${systemError(lang, err.code)}`)}\n`);
      if (debug) io.stderr.write(`${safeLines(err.stack ?? '')}\n`);
      return EXIT.userError;
    }
    io.stderr.write(`error: unexpected error (a bug): ${safeText(err?.message ?? String(e))}\nplease report it with this output:\n${safeLines(err?.stack ?? '')}\n`);
    return exitCode({ error: 'bug', conditionsMet: 0 });
  }
}

/**
 * The language of the error prefixes (`error:` / `错误：`): --lang as typed, else the locale. An
 * error can come before the options and the config file are read, so the config's `lang` is not
 * consulted.
 */
function errorLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  // The last one, as commander takes the last of a repeated option.
  const i = argv.findLastIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i] === '--lang' ? argv[i + 1] : argv[i]!.slice('--lang='.length);
  return value === 'zh' || value === 'en' ? value : langFromEnv(env);
}

const LANGS = new Set(['en', 'zh']);

/**
 * `community-audit --lang zh analyze …` as users type it: --lang belongs to each command (analyze
 * reads it with its other options), so one typed before the command name is moved after it, or
 * dropped before `help` or no command (errorLang has read it, and the help is built in it). Only
 * the options before the first word that is not an option are looked at.
 */
export function langAfterCommand(argv: string[]): string[] {
  const moved: string[] = [];
  const rest = argv.slice(0, 2);
  let i = 2;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : null;
    if (value === null) { rest.push(a); continue; }
    // Checked here: before --help commander would not look at it (review).
    if (!LANGS.has(value ?? '')) {
      const shown = value === undefined || value.startsWith('-') ? '' : ` "${value}"`;
      throw new UserError(`--lang: expected en or zh, got${shown || ' nothing'}`, { zh: `--lang：应为 en 或 zh，${shown ? `而不是${shown}` : '但没有给出'}`, code: 'usage' });
    }
    moved.push(...(a === '--lang' ? [a, argv[++i]!] : [a]));
  }
  if (moved.length === 0) return argv;
  // `help` takes no options: the help is already built in that language.
  if (i >= argv.length || argv[i] === 'help') return [...rest, ...argv.slice(i)];
  return [...rest, argv[i]!, ...moved, ...argv.slice(i + 1)];
}

/** What a failed write or read of the system says, in words. */
function systemError(lang: Lang, code: string | undefined): string {
  if (code === 'ENOSPC') return lang === 'zh' ? '磁盘空间不足' : 'no space left on the device';
  if (code === 'EISDIR') return lang === 'zh' ? '这是一个文件夹' : 'is a folder';
  if (code === 'EROFS') return lang === 'zh' ? '只读文件系统' : 'read-only file system';
  return lang === 'zh' ? '没有权限' : 'permission denied';
}

/** Sanitised line by line, so a stack keeps its shape. */
function safeLines(s: string): string {
  return s.split('\n').map(safeText).join('\n');
}
