import { mkdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, errorLine, good, hashTree, HEADER, report, row, tempDir } from './cli.js';

/**
 * The corpus of broken inputs, generated into a temp folder: each case asserts the exit code, the
 * one `error:` line (file and line) or the warnings and `inputs[].skipped`, and that stdout is
 * empty or valid JSON. At the end, every input still hashes as before: nothing was modified.
 */
const dir = tempDir();
const p = (name: string) => join(dir, name);
const put = (name: string, data: string | Uint8Array) => { writeFileSync(p(name), data); return p(name); };
let before: Record<string, string> = {};

beforeAll(() => {
  put('good.csv', good());
  put('empty.csv', '');
  put('header-only.csv', `${HEADER}\n`);
  put('cut-row.csv', `${good(1)}${row('m9', '2024-03-04 09:0')}`);
  put('cut-quote.csv', `${good(1)}m9,g1,G,2024-03-04 09:05:00,a,A,text,"an unclosed\nquote`);
  put('semicolon.csv', good(2).replaceAll(',', ';'));
  put('tab.csv', good(2).replaceAll(',', '\t'));
  put('no-time.csv', 'message_id,group_id,sender_id,text\nm1,g1,a,hi\n');
  put('dup-col.csv', 'message_id,group_id,timestamp,timestamp,sender_id,text\nm1,g1,2024-03-04 09:00:00,x,a,hi\n');
  put('dates.csv', [HEADER, row('m1', '2024-03-04 09:00:00'), row('m2', 'yesterday'), row('m3', '2023-02-30 10:00:00'), row('m4', '2099-01-01 10:00:00'), row('m5', '2024-03-04 10:00:00')].join('\n'));
  put('WhatsApp Chat with Club.txt', ['3/4/24, 09:00 - Ann: hi', '3/4/24, 09:01 - Bob: hello', '3/4/99, 09:02 - Cat joined using this group\'s invite link', '3/4/99, 09:03 - Cat: hi all', '3/5/24, 10:00 - Ann: bye', ''].join('\n'));
  put('qq.txt', ['消息对象:产品交流群', '', '2024-03-04 8:04:05 地瓜(23333233)', '大家好', '', '2099-03-04 8:05:05 土豆(4444)', '早', '', '2024-03-05 9:00:00 地瓜(23333233)', '好', ''].join('\n'));
  put('dup-ids.csv', [HEADER, row('m1', '2024-03-04 09:00:00'), row('m1', '2024-03-04 09:00:00'), row('m2', '2024-03-04 09:01:00')].join('\n'));
  put('binary.csv', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  put('bad-utf8.csv', Buffer.concat([Buffer.from(good(1)), Buffer.from(row('m2', '2024-03-04 09:05:00', 'x')), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a])]));
  put('tg-cut.json', '{"name":"G","type":"private_supergroup","id":1,"messages":[{"id":1,"type":"message","date_unixtime":"1709542800","from":"A","from_id":"user1","text":"hi","text_entities":[]},{"id":2,"ty');
  put('deep.json', `{"name":"G","type":"private_supergroup","messages":[${'['.repeat(100_000)}`);
  put('many-bad.csv', [HEADER, ...Array.from({ length: 12 }, (_, i) => row(`b${i}`, 'not a date')), row('m1', '2024-03-04 09:00:00')].join('\n'));
  mkdirSync(p('nothing'));
  put('nothing/readme.txt', 'just some notes\n');
  put('nothing/empty.csv', '');
  before = hashTree(dir);
});
afterAll(() => {
  const after = hashTree(dir);
  for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
});

describe('files that stop the run: exit 2, one error line with file (and line), empty stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['an empty file', ['empty.csv'], /^error: .*empty\.csv: the file is empty$/],
    ['a binary file named .csv', ['binary.csv'], /^error: .*binary\.csv: binary data, not a text export/],
    ['a CSV without a timestamp column', ['no-time.csv'], /^error: .*no-time\.csv:1: a CSV whose header this tool does not recognise$/],
    ['a JSON export cut off', ['tg-cut.json'], /^error: .*tg-cut\.json:1: the JSON ends too early \(cut off\?\)$/],
    ['100,000 levels of nesting', ['deep.json', '--input-format', 'telegram-json'], /^error: .*deep\.json: JSON nested deeper than 256 levels$/],
    ['a folder with no exports', ['nothing'], /^error: no chat exports or member lists found in .*nothing$/],
    ['a missing file', ['missing.csv'], /^error: .*missing\.csv: no such file or folder$/],
    ['--strict at the first bad row', ['dates.csv', '--strict'], /^error: .*dates\.csv:3: unreadable timestamp "yesterday"$/],
  ];
  for (const [what, args, line] of cases) {
    it(what, async () => {
      const r = await cli(['analyze', ...args.map((a) => (a.includes('.') || a === 'nothing' ? p(a) : a)), '--format', 'json']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(errorLine(r)).toMatch(line);
      expect(r.stderr).toMatch(/^hint: /m);
    });
  }

  it('a folder with no exports says what it skipped', async () => {
    const r = await cli(['analyze', p('nothing')]);
    expect(r.stderr).toMatch(/hint: skipped 2: .*empty\.csv: the file is empty; .*readme\.txt: not a chat export/);
  });
});

describe('exports made in a format this tool does not read say which to make instead (session 12, public real exports)', () => {
  const TG = '<!DOCTYPE html>\n<html>\n <head>\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n </head>\n <body><div class="page_wrap"><div class="message service" id="message-1">Group created</div></div></body></html>\n';
  const DCE = '==============================================================\nGuild: DefleMask\nChannel: Chat / general\n==============================================================\n\n[5/20/2018 4:10 PM] lombi\nhello\n';
  it('a Telegram Desktop HTML export, given as a file or in its folder (where .html files are otherwise left out)', async () => {
    mkdirSync(p('ChatExport_2025-07-28'), { recursive: true });
    put('ChatExport_2025-07-28/messages.html', TG);
    const file = await cli(['analyze', p('ChatExport_2025-07-28/messages.html')]);
    expect(file.code).toBe(2);
    expect(errorLine(file)).toMatch(/messages\.html: a Telegram Desktop HTML export: this tool reads its JSON export$/);
    expect(file.stderr).toMatch(/hint: .*Machine-readable JSON/);
    const folder = await cli(['analyze', p('ChatExport_2025-07-28')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/hint: skipped 1: .*messages\.html: a Telegram Desktop HTML export/);
    expect(folder.stderr).not.toMatch(/has no files/);
    expect((await cli(['analyze', p('ChatExport_2025-07-28'), '--lang', 'zh'])).stderr).toMatch(/提示：跳过了 1 个：.*messages\.html：这是 Telegram Desktop 的 HTML 导出/);
  });
  it('not when the JSON export lies beside it (Telegram Desktop writes both with Format "Both")', async () => {
    mkdirSync(p('ChatExportBoth'), { recursive: true });
    put('ChatExportBoth/messages.html', TG);
    put('ChatExportBoth/result.json', JSON.stringify({ name: 'G', type: 'private_supergroup', id: 1, messages: [{ id: 1, type: 'message', date: '2024-01-01T10:00:00', date_unixtime: '1704103200', from: 'A', from_id: 'user1', text: 'hi' }] }));
    const r = await cli(['analyze', p('ChatExportBoth'), '--format', 'json', '--strict']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings.filter((w: { code: string }) => w.code === 'skipped-file')).toEqual([]);
  });
  it('a DiscordChatExporter plain-text export', async () => {
    const r = await cli(['analyze', put('Guild - general [253601524398293010].txt', DCE)]);
    expect(errorLine(r)).toMatch(/a DiscordChatExporter HTML or plain-text export: this tool reads its JSON or CSV export$/);
  });
});

describe('rows that are skipped: counted in inputs[].skipped, listed in warnings with file:line', () => {
  const run = async (...names: string[]) => {
    const r = await cli(['analyze', ...names.map(p), '--format', 'json']);
    expect(r.code).toBe(0);
    return report(r);
  };
  const w = (rep: ReturnType<typeof report>) => rep.warnings.map((x) => [x.code, x.line]);

  it('a CSV without a timestamp column, the format forced: an input error at line 1 naming the accepted headers', async () => {
    const r = await cli(['analyze', p('no-time.csv'), '--input-format', 'canonical-csv', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-time\.csv:1.*no timestamp column/);
    expect(r.stderr).toMatch(/hint: accepted headers: timestamp, time/);
  });
  it('a duplicated column is a note, not a skipped row', async () => {
    const rep = await run('dup-col.csv');
    expect(rep.inputs[0]).toMatchObject({ records: 1, skipped: 0 });
  });
  it('a header only: read, nothing in it', async () => {
    const rep = await run('header-only.csv');
    expect(rep.inputs[0]).toMatchObject({ records: 0, skipped: 0 });
  });
  it('a row cut in the middle', async () => {
    const rep = await run('cut-row.csv');
    expect(rep.inputs[0]).toMatchObject({ records: 1, skipped: 1 });
    expect(w(rep)).toEqual([['bad-timestamp', 3]]);
  });
  it('a file cut inside a quoted field', async () => {
    const rep = await run('cut-quote.csv');
    expect(rep.inputs[0]).toMatchObject({ records: 1, skipped: 1 });
    expect(w(rep)).toEqual([['truncated', 3]]);
  });
  it('semicolon and tab delimiters are sniffed', async () => {
    const rep = await run('semicolon.csv', 'tab.csv');
    expect(rep.inputs.map((i) => [i.records, i.skipped])).toEqual([[2, 0], [2, 0]]);
  });
  it('a duplicated column: the first is used, with a warning', async () => {
    const rep = await run('dup-col.csv');
    expect(rep.inputs[0]!.records).toBe(1);
    expect(w(rep)).toEqual([['duplicate-column', 1]]);
  });
  it('unparsable, impossible and future dates are skipped, each with its line', async () => {
    const rep = await run('dates.csv');
    expect(rep.inputs[0]).toMatchObject({ records: 2, skipped: 3 });
    expect(w(rep)).toEqual([['bad-timestamp', 3], ['bad-timestamp', 4], ['future-timestamp', 5]]);
    expect(rep.warnings[2]!.message).toMatch(/dated 2099-01-01, after the time of the run/);
  });
  it('a refused date names its line in the text formats too (messages and joins alike)', async () => {
    const wa = await run('WhatsApp Chat with Club.txt');
    expect(w(wa)).toEqual([['future-timestamp', 3], ['future-timestamp', 4]]);
    const qq = await run('qq.txt');
    expect(w(qq)).toEqual([['future-timestamp', 6]]);
  });
  it('duplicate message ids are counted once', async () => {
    const rep = await run('dup-ids.csv');
    expect(rep.inputs[0]!.records).toBe(3);
    expect(rep.warnings.map((x) => x.code)).toEqual(['duplicates-merged']);
  });
  it('invalid UTF-8 after a valid head: the row is kept, the bad bytes become U+FFFD', async () => {
    const rep = await run('bad-utf8.csv');
    expect(rep.inputs[0]).toMatchObject({ records: 2, skipped: 0 });
  });
  it('many bad rows: the first few with file:line, then a count', async () => {
    const rep = await run('many-bad.csv');
    expect(rep.inputs[0]).toMatchObject({ records: 1, skipped: 12 });
    const listed = rep.warnings.filter((x) => x.line !== null);
    expect(listed.map((x) => x.line)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    expect(rep.warnings.map((x) => x.code)).toEqual(Array(12).fill('bad-timestamp'));
  });
  it('on the terminal: five warnings, then how many more', async () => {
    const r = await cli(['analyze', p('many-bad.csv')], process.cwd(), { tty: true });
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings.slice(0, 5).every((l) => /many-bad\.csv:\d+: unreadable timestamp/.test(l))).toBe(true);
    expect(warnings[5]).toMatch(/more/);
  });
  it('an empty file inside a folder is skipped with a note, the rest is read', async () => {
    mkdirSync(p('mixed'), { recursive: true });
    writeFileSync(p('mixed/a.csv'), good());
    writeFileSync(p('mixed/b.csv'), '');
    const rep = await run('mixed');
    expect(rep.inputs.map((i) => i.records)).toEqual([3]);
    expect(rep.warnings.map((x) => [x.code, x.message])).toEqual([['skipped-file', 'the file is empty']]);
  });
});

describe('--strict in an export folder', () => {
  it('passes a README beside the exports (noted), stops at a data file no reader knows', async () => {
    mkdirSync(p('strict-notes'), { recursive: true });
    writeFileSync(p('strict-notes/chat.csv'), good());
    writeFileSync(p('strict-notes/readme.txt'), 'exported on Monday\n');
    const ok = await cli(['analyze', p('strict-notes'), '--strict', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(report(ok).warnings.map((x) => [x.code, x.file])).toEqual([['skipped-file', p('strict-notes/readme.txt')]]);
    writeFileSync(p('strict-notes/broken.csv'), 'a;b\n1;2\n');
    const stopped = await cli(['analyze', p('strict-notes'), '--strict', '--format', 'json']);
    expect(stopped.code).toBe(2);
    expect(errorLine(stopped)).toMatch(/broken\.csv: not a chat export or member list this tool knows$/);
  });
});

describe('office files beside the exports', () => {
  it('a .pptx (a ZIP inside) is one foreign file, not an archive to open', async () => {
    mkdirSync(p('with-deck'), { recursive: true });
    writeFileSync(p('with-deck/chat.csv'), good());
    writeFileSync(p('with-deck/deck.pptx'), zipSync({ 'ppt/slide1.xml': strToU8('<p/>'), 'ppt/data.csv': strToU8('a,b\n1,2\n') }));
    const r = await cli(['analyze', p('with-deck'), '--strict', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(report(r).warnings.map((x) => [x.code, x.file])).toEqual([['skipped-file', p('with-deck/deck.pptx')]]);
  });
});

describe('--strict and notes about how a file was read', () => {
  it('does not stop at a guessed date order (nothing in the file is wrong)', async () => {
    writeFileSync(p('WhatsApp Chat with Pals.txt'), ['3/4/24, 09:00 - Ann: hi', '3/4/24, 09:01 - Bob: hello', ''].join('\n'));
    const r = await cli(['analyze', p('WhatsApp Chat with Pals.txt'), '--strict', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(report(r).warnings.map((x) => x.code)).toEqual(['ambiguous-date-order']);
  });
});

describe('folders, links and outputs', () => {
  it('symbolic link loops in an input folder are cut', async () => {
    mkdirSync(p('loops/sub'), { recursive: true });
    writeFileSync(p('loops/sub/a.csv'), good());
    symlinkSync('..', p('loops/sub/up'));
    symlinkSync('x', p('loops/y'));
    symlinkSync('y', p('loops/x'));
    const r = await cli(['analyze', p('loops'), '--format', 'json']);
    expect(r.code).toBe(0);
    const rep = report(r);
    expect(rep.inputs.map((i) => i.records)).toEqual([3]);
    expect(rep.warnings.map((x) => x.message)).toEqual(['a broken or looping symbolic link', 'a broken or looping symbolic link']);
  });

  it('an input that is also the --output: refused, the input untouched (hashed after all)', async () => {
    const path = p('good.csv');
    const r = await cli(['analyze', path, '--format', 'json', '--output', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorLine(r)).toMatch(/good\.csv is one of the inputs; refusing to overwrite it/);
  });

  it('an export inside an input folder named as --output: refused', async () => {
    mkdirSync(p('out-inside'));
    writeFileSync(p('out-inside/a.csv'), good());
    writeFileSync(p('out-inside/b.csv'), good());
    const r = await cli(['analyze', p('out-inside'), '--format', 'json', '--output', p('out-inside/b.csv')]);
    expect(r.code).toBe(2);
    expect(errorLine(r)).toMatch(/refusing to overwrite it/);
  });

  it('a report written inside the input folder is not read back as an input', async () => {
    mkdirSync(p('report-inside'));
    writeFileSync(p('report-inside/a.csv'), good());
    const out = p('report-inside/report.json');
    expect((await cli(['analyze', p('report-inside'), '--format', 'json', '--output', out])).code).toBe(0);
    const again = await cli(['analyze', p('report-inside'), '--format', 'json', '--output', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    const rep = await cli(['analyze', p('report-inside'), '--format', 'json']);
    expect(report(rep).inputs.map((i) => i.path)).toEqual([p('report-inside/a.csv')]);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const path = put('locked.csv', good());
    chmodSync(path, 0);
    try {
      const r = await cli(['analyze', path]);
      expect(r.code).toBe(2);
      expect(errorLine(r)).toMatch(/locked\.csv: permission denied$/);
    } finally { chmodSync(path, 0o644); }
  });
});
