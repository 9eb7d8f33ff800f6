import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { adapters } from '../ingest/registry.js';
import { FORMAT_IDS } from '../report/formats.js';
import { reportSchema } from '../report/schema.js';
import { CONDITIONS } from '../report/shared/narrative.js';
import { runAnalyze, type AnalyzeOutcome } from './analyze.js';
import { CONFIG_FILE, defaultConfigText } from './config.js';
import type { Lang } from '../i18n/index.js';
import type { CliIO } from './io.js';
import { writeAtomic } from './output.js';
import { VERSION } from './version.js';
import { zhCommanderError, zhHelpExtras } from './commander-zh.js';

/** Commander's help headings in Chinese. */
const HELP_TITLES_ZH: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** The commander program. Actions record their outcome; main() turns it into an exit code. */
export function buildProgram(io: CliIO, outcome: { value: AnalyzeOutcome }, lang: Lang = 'en'): Command {
  // The help in the user's language (--lang, else the locale): the option names stay as they are.
  const h = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  // Every command takes --lang. Only analyze reads it from its options (with the config file's
  // `lang`); the others were built in the language main() read from argv, so they only accept it.
  const langOption = () => new Option('--lang <lang>', h('language of the output (default: from LANG)', '输出语言（默认：根据 LANG）')).choices(['en', 'zh']);
  const program = new Command('community-audit')
    .description('Community-health audit of group-chat exports: lifecycle phase, dead groups, self-drive, seed users, fission, monetization windows.\n社群健康诊断：生命周期、死群、自我驱动、种子用户、裂变、变现窗口。')
    .version(VERSION, '-V, --version', h('output the version number', '显示版本号'))
    .helpOption('-h, --help', h('display help for command', '显示帮助'))
    .helpCommand('help [command]', h('display help for command', '显示命令的帮助'))
    .configureHelp({
      styleTitle: (title) => (lang === 'zh' ? HELP_TITLES_ZH[title] ?? title : title),
      styleOptionDescription: (text) => (lang === 'zh' ? zhHelpExtras(text) : text),
      styleArgumentDescription: (text) => (lang === 'zh' ? zhHelpExtras(text) : text),
    })
    .showHelpAfterError(h('(add --help for usage)', '（加 --help 查看用法）'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.writeStdout(s), writeErr: (s) => io.stderr.write(lang === 'zh' ? zhCommanderError(s) : s) });

  program.command('analyze')
    .description(h('analyse chat exports and member lists (files, folders, ZIPs)', '分析聊天导出和成员名单（文件、文件夹、ZIP）'))
    .argument('<inputs...>', h('export files or folders (read recursively)', '导出文件或文件夹（递归读取）'))
    .addOption(new Option('-f, --format <formats>', h(`output format(s), comma-separated: ${FORMAT_IDS.join(', ')}`, `输出格式，可用逗号分隔多个：${FORMAT_IDS.join(', ')}`)).default('table'))
    .option('-o, --output <file>', h('write a format to a file (atomically), one per --format', '把输出写入文件（原子写入），每个 --format 一个'), collect)
    .option('--tz <zone>', h('IANA time zone for hours, days and weeks (default: the machine\'s)', '计算小时、日、周所用的 IANA 时区（默认：本机时区）'))
    .option('--as-of <date>', h('analyse as of this date (default: the latest event in the input)', '以这一天为“现在”进行分析（默认：输入中最晚的事件）'))
    .option('--since <date>', h('ignore events before this date', '忽略这一天之前的事件'))
    .option('--until <date>', h('ignore events after this date', '忽略这一天之后的事件'))
    .addOption(langOption())
    .option('--no-color', h('no colours in the terminal', '终端输出不带颜色'))
    .option('-q, --quiet', h('no progress and no warnings on stderr', 'stderr 上不显示进度和警告'))
    .option('--strict', h('stop at the first bad row or unreadable file', '遇到第一处坏行或无法读取的文件就停止'))
    .option('--debug', h('show stack traces', '显示调用栈'))
    .option('-c, --config <file>', h(`config file (default: ./${CONFIG_FILE} if present)`, `配置文件（默认：当前目录下的 ${CONFIG_FILE}，如果存在）`))
    .option('--top <n>', h('how many seed users, spreaders and slots to list', '列出多少个种子用户、裂变传播者和时段'))
    .option('-g, --group <id>', h('show one group in detail (table format)', '显示一个群的详情（表格格式）'))
    .addOption(new Option('--table <rows>', h('csv: one row per group, or per seed user / spreader / member going quiet', 'csv：每个群一行，或每个种子用户 / 传播者 / 沉默成员一行')).choices(['groups', 'members']))
    .option('--fail-on <conditions>', h(`exit with code 1 when a group meets one of these (comma-separated): ${CONDITIONS.join(', ')}`, `有群满足其中任一条件时以退出码 1 结束（逗号分隔）：${CONDITIONS.join(', ')}`))
    .option('--baseline <file>', h('a JSON report of an earlier run: add what changed since then', '上一次运行的 JSON 报告：加上此后的变化'))
    .option('--save-baseline <file>', h('also write the JSON report here (atomically), for the next --baseline', '同时把 JSON 报告写到这里（原子写入），供下次 --baseline 使用'))
    .option('--anonymize', h('replace group, member and file names with stable pseudonyms (needs a salt)', '用稳定的化名替换群名、成员名和文件名（需要盐 salt）'))
    .option('--salt <secret>', h('the secret that keys --anonymize (default: $COMMUNITY_AUDIT_SALT, else "salt" in the config file)', '--anonymize 使用的密钥（默认：$COMMUNITY_AUDIT_SALT，否则取配置文件中的 "salt"）'))
    .addOption(new Option('--input-format <id>', h('force the input format instead of detecting it', '指定输入格式，不自动识别')).choices(adapters.map((a) => a.id)))
    .option('--me <name>', h('your display name in the exports, once per name: system lines call you "You" (WhatsApp) or "you" in Chinese (QQ, WeChat) — who added whom, who created the group; with it they are yours', '你在导出中的显示名（每个名字写一次）：系统消息（谁拉了谁、谁建的群）里把你称为 "You"（WhatsApp）或 "你"（QQ、微信），给出名字后这些记录会算到你名下'), collect)
    .option('--threads <n>', h('threads that read the inputs: parts of one big CSV, or many inputs side by side (default: the cores, at most 4; 1: one thread)', '读取输入的线程数：一个大 CSV 的各部分，或同时读多个输入（默认：CPU 核数，最多 4；1：单线程）'))
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      outcome.value = await runAnalyze(inputs, opts, io);
    });

  program.command('init')
    .description(h(`write ${CONFIG_FILE} with every threshold, its default and what it does`, `写出 ${CONFIG_FILE}，列出每个阈值、默认值及其作用`))
    .option('--force', h('overwrite an existing config file', '覆盖已有的配置文件'))
    .addOption(langOption())
    .action(async (opts: { force?: boolean }) => {
      const path = resolve(io.cwd, CONFIG_FILE);
      if (existsSync(path) && !opts.force) throw new UserError(`${CONFIG_FILE} exists already`, { file: path, hint: 'use --force to overwrite it', zh: `${CONFIG_FILE} 已经存在`, hintZh: '加 --force 覆盖它', code: 'usage' });
      await writeAtomic(path, defaultConfigText());
      io.stderr.write(`${h(`wrote ${path}`, `已写入 ${path}`)}\n`);
    });

  program.command('formats')
    .description(h('list the export formats this tool reads and what each can show', '列出本工具能读取的导出格式及各自能分析的内容'))
    .addOption(langOption())
    .action(async () => {
      // Titles and notes name exporters and their fields, which stay as they are; the verdict words are translated.
      const yes = (b: boolean) => (b ? h('yes', '有') : h('no', '无'));
      const lines = adapters.map((a) => {
        const c = a.capabilities;
        const by = c.identity === 'ids' ? h('ids', '平台 id') : h('names', '显示名');
        const facts = lang === 'zh' ? `成员标识：${by}；入群记录：${yes(c.joins)}；回复：${yes(c.replies)}` : `members by ${by}; joins: ${yes(c.joins)}; replies: ${yes(c.replies)}`;
        return `${a.id.padEnd(24)} ${a.title}\n${''.padEnd(24)} ${facts}${c.note ? `${h('; ', '；')}${c.note}` : ''}`;
      });
      await io.writeStdout(`${lines.join('\n')}\n`);
    });

  program.command('schema')
    .description(h('print the JSON Schema of the report (--format json)', '打印报告（--format json）的 JSON Schema'))
    .addOption(langOption())
    .action(async () => {
      const schema = z.toJSONSchema(reportSchema, { io: 'output', unrepresentable: 'any' });
      await io.writeStdout(`${JSON.stringify(schema, null, 2)}\n`);
    });

  return program;
}

export { CommanderError };
