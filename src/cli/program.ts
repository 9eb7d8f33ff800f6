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
import type { CliIO } from './io.js';
import { writeAtomic } from './output.js';
import { VERSION } from './version.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** The commander program. Actions record their outcome; main() turns it into an exit code. */
export function buildProgram(io: CliIO, outcome: { value: AnalyzeOutcome }): Command {
  const program = new Command('community-audit')
    .description('Community-health audit of group-chat exports: lifecycle phase, dead groups, self-drive, seed users, fission, monetization windows.\n社群健康诊断：生命周期、死群、自我驱动、种子用户、裂变、变现窗口。')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.writeStdout(s), writeErr: (s) => io.stderr.write(s) });

  program.command('analyze')
    .description('analyse chat exports and member lists (files, folders, ZIPs)')
    .argument('<inputs...>', 'export files or folders (read recursively)')
    .addOption(new Option('-f, --format <formats>', `output format(s), comma-separated: ${FORMAT_IDS.join(', ')}`).default('table'))
    .option('-o, --output <file>', 'write a format to a file (atomically), one per --format', collect)
    .option('--tz <zone>', 'IANA time zone for hours, days and weeks (default: the machine\'s)')
    .option('--as-of <date>', 'analyse as of this date (default: the latest event in the input)')
    .option('--since <date>', 'ignore events before this date')
    .option('--until <date>', 'ignore events after this date')
    .addOption(new Option('--lang <lang>', 'language of the output (default: from LANG)').choices(['en', 'zh']))
    .option('--no-color', 'no colours in the terminal')
    .option('-q, --quiet', 'no progress and no warnings on stderr')
    .option('--strict', 'stop at the first bad row or unreadable file')
    .option('--debug', 'show stack traces')
    .option('-c, --config <file>', `config file (default: ./${CONFIG_FILE} if present)`)
    .option('--top <n>', 'how many seed users, spreaders and slots to list')
    .option('-g, --group <id>', 'show one group in detail (table format)')
    .addOption(new Option('--table <rows>', 'csv: one row per group, or per seed user / spreader / member going quiet').choices(['groups', 'members']))
    .option('--fail-on <conditions>', `exit with code 1 when a group meets one of these (comma-separated): ${CONDITIONS.join(', ')}`)
    .option('--baseline <file>', 'a JSON report of an earlier run: add what changed since then')
    .option('--save-baseline <file>', 'also write the JSON report here (atomically), for the next --baseline')
    .option('--anonymize', 'replace group, member and file names with stable pseudonyms (needs a salt)')
    .option('--salt <secret>', 'the secret that keys --anonymize (default: $COMMUNITY_AUDIT_SALT, else "salt" in the config file)')
    .addOption(new Option('--input-format <id>', 'force the input format instead of detecting it').choices(adapters.map((a) => a.id)))
    .option('--threads <n>', 'threads that may read one big CSV (default: the cores, at most 4; 1: one thread)')
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      outcome.value = await runAnalyze(inputs, opts, io);
    });

  program.command('init')
    .description(`write ${CONFIG_FILE} with every threshold, its default and what it does`)
    .option('--force', 'overwrite an existing config file')
    .action(async (opts: { force?: boolean }) => {
      const path = resolve(io.cwd, CONFIG_FILE);
      if (existsSync(path) && !opts.force) throw new UserError(`${CONFIG_FILE} exists already`, { file: path, hint: 'use --force to overwrite it', zh: `${CONFIG_FILE} 已经存在`, hintZh: '加 --force 覆盖它', code: 'usage' });
      await writeAtomic(path, defaultConfigText());
      io.stderr.write(`wrote ${path}\n`);
    });

  program.command('formats')
    .description('list the export formats this tool reads and what each can show')
    .action(async () => {
      const lines = adapters.map((a) => {
        const c = a.capabilities;
        return `${a.id.padEnd(24)} ${a.title}\n${''.padEnd(24)} members by ${c.identity}; joins: ${c.joins ? 'yes' : 'no'}; replies: ${c.replies ? 'yes' : 'no'}${c.note ? `; ${c.note}` : ''}`;
      });
      await io.writeStdout(`${lines.join('\n')}\n`);
    });

  program.command('schema')
    .description('print the JSON Schema of the report (--format json)')
    .action(async () => {
      const schema = z.toJSONSchema(reportSchema, { io: 'output', unrepresentable: 'any' });
      await io.writeStdout(`${JSON.stringify(schema, null, 2)}\n`);
    });

  return program;
}

export { CommanderError };
