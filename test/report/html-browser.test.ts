import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlReporter } from '../../src/report/html/index.js';
import { ctx, frozen } from './helpers.js';

/** Debian's chromium (installed by .ci/run); the test is skipped, visibly, where it is absent. */
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);

function chromium(args: string[]) {
  const profile = mkdtempSync(join(tmpdir(), 'ca-chromium-'));
  try {
    return spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

describe.skipIf(!CHROMIUM)(`the HTML report in a real browser (${CHROMIUM ?? 'chromium not installed: skipped'})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ca-html-'));
  // A collector placed before the page's CSP (which would block it) records errors into the DOM.
  const collector = `<script>window.__errors=[];window.addEventListener('error',function(e){__errors.push(String(e.message||e.type))},true);var ce=console.error;console.error=function(){__errors.push([].join.call(arguments,' '));ce.apply(console,arguments)};document.addEventListener('securitypolicyviolation',function(e){__errors.push('csp '+e.violatedDirective)});window.addEventListener('load',function(){document.documentElement.setAttribute('data-errors',JSON.stringify(__errors));document.documentElement.setAttribute('data-svgs',String(document.querySelectorAll('svg.chart').length))})</script>`;

  it.each(['en', 'zh'] as const)('renders without errors, with its charts (%s)', (lang) => {
    const html = htmlReporter.render(frozen(), ctx(lang)).replace('<head>', `<head>${collector}`);
    const file = join(dir, `report.${lang}.html`);
    writeFileSync(file, html);
    const run = chromium(['--virtual-time-budget=3000', '--dump-dom', `file://${file}`]);
    expect(run.status, run.stderr).toBe(0);
    const dom = run.stdout;
    expect(dom).toMatch(/data-errors="\[\]"/);
    expect(dom).toMatch(/data-svgs="15"/);
    expect(dom).not.toContain('<script>alert(1)');
    expect((dom.match(/<rect class="bar"/g) ?? []).length).toBeGreaterThan(50);
  });

  it('takes a phone-sized screenshot', () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, htmlReporter.render(frozen(), ctx('zh')));
    const png = join(dir, 'phone.png');
    const run = chromium(['--hide-scrollbars', '--window-size=412,2200', `--screenshot=${png}`, `file://${file}`]);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });
});
