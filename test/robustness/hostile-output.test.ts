import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCell, safeText } from '../../src/core/sanitize.js';
import { cli, HEADER, tempDir } from './cli.js';

/**
 * Names and messages are untrusted: whatever strangers typed must not drive the terminal, run as a
 * spreadsheet formula, or become markup.
 */
const NASTY = [
  '\u001b[2J\u001b[31mRED',            // clear screen, colour
  '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007', // OSC 8 hyperlink
  '\u001b]0;pwned title\u0007',          // OSC window title
  'gpj\u202e.exe',                        // bidi override
  '\u2066hidden\u2069\u200f',            // isolates and marks
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|"/c calc"!A1', '-2+3', '@SUM(1)',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  'line\nbreak', 'tab\there', 'nul\u0000byte', 'bell\u0007', 'sep\u2028arator',
];
 
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/;

const dir = tempDir();
const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;
const file = join(dir, 'hostile.csv');
// A NUL byte would make the file binary (it is refused as such): it is tested on safeText alone.
const IN_FILE = NASTY.filter((n) => !n.includes('\u0000'));
writeFileSync(file, [HEADER, ...IN_FILE.flatMap((name, i) => [0, 1, 2].map((k) =>
  [`m${i}-${k}`, csvField(`g${i % 3}`), csvField(IN_FILE[(i + 1) % IN_FILE.length]!), `2024-03-0${k + 1} 09:00:00`, csvField(`u${i}`), csvField(name), 'text', csvField(name), ''].join(',')))].join('\n'));

describe('hostile names and messages in every output', () => {
  it('the table on a terminal: no escapes, controls or bidi overrides', async () => {
    const r = await cli(['analyze', file]);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(TERMINAL_UNSAFE);
    expect(r.stderr).not.toMatch(/\u001b/);
  });

  it('a file name with escapes in an error line is cleaned too', async () => {
    const name = join(dir, 'x\u001b[2Jy\u202e.csv');
    writeFileSync(name, '');
    const r = await cli(['analyze', name]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').every((l) => !TERMINAL_UNSAFE.test(l))).toBe(true);
    expect(r.stderr).toMatch(/xy\.csv: the file is empty/);
  });

  it('a warning quoting a hostile cell is cleaned on the terminal and in JSON', async () => {
    const bad = join(dir, 'bad-cell.csv');
    writeFileSync(bad, `${HEADER}\nm1,g1,G,2024-03-04 09:00:00,a,A,text,hi,\nm2,g1,G,\u001b]0;PWNED\u0007\u001b[2J,a,A,text,hi,\n`);
    const r = await cli(['analyze', bad], process.cwd(), { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: .*bad-cell\.csv:3: unreadable timestamp ""$/m);
    expect(r.stderr).not.toMatch(TERMINAL_UNSAFE);
    const j = await cli(['analyze', bad, '--format', 'json']);
    expect(j.stdout).not.toContain('\\u001b');
  });

  it('markdown and JSON carry no ANSI codes', async () => {
    for (const f of ['markdown', 'json']) {
      const r = await cli(['analyze', file, '--format', f]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/\u001b\[/);
    }
  });

  it('CSV: no cell starts a formula', async () => {
    const r = await cli(['analyze', file, '--format', 'csv']);
    expect(r.code).toBe(0);
    // A cell starts after the start of a line, a comma, or an opening quote.
    expect(r.stdout).not.toMatch(/(^|,)"?[=+@]/m);
    expect(r.stdout).not.toMatch(/(^|,)"?-[^\d]/m);
  });

  it('HTML: names are escaped, nothing becomes markup', async () => {
    const r = await cli(['analyze', file, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<script>alert(1)');
    expect(r.stdout).not.toContain('<img src=x');
    expect(r.stdout).not.toMatch(/\u001b/);
  });
});

describe('safeText and safeCell on any string', () => {
  const hostile = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...NASTY, '\u001b', '\u009b', '\u001b]', '\u001b[', '\u0085')), { maxLength: 12 }).map((a) => a.join(''));
  it('safeText leaves nothing a terminal acts on', () => {
    fc.assert(fc.property(hostile, (s) => { expect(safeText(s)).not.toMatch(TERMINAL_UNSAFE); }), { numRuns: 500 });
  });
  it('safeText keeps ordinary text, CJK and emoji as they are', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !TERMINAL_UNSAFE.test(s) && !/[\t\n\r\u0085]/.test(s)), (s) => { expect(safeText(s)).toBe(s); }), { numRuns: 300 });
  });
  it('safeCell never leaves a formula trigger first', () => {
    fc.assert(fc.property(hostile, (s) => { expect(safeCell(safeText(s))).not.toMatch(/^[=+\-@\t\r]/); }), { numRuns: 500 });
  });
});
