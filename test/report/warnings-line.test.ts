import { describe, expect, it } from 'vitest';
import { tableReporter } from '../../src/report/table/index.js';
import type { AuditResult } from '../../src/report/schema.js';
import { ctx, frozen } from './helpers.js';

/** The frozen report with these warnings, and nothing skipped in any input unless `skipped`. */
function withWarnings(codes: string[], skipped = 0): AuditResult {
  const r = frozen();
  r.inputs = r.inputs.map((i, n) => ({ ...i, skipped: n === 0 ? skipped : 0 }));
  r.warnings = codes.map((code) => ({ code, message: code, file: null, line: null }));
  return r;
}
const warningLine = (r: AuditResult, lang: 'en' | 'zh' = 'en') => tableReporter.render(r, ctx(lang)).split('\n').find((l) => /warning|警告/.test(l));

describe('the warnings line of the table', () => {
  it('does not claim skips when only duplicates were merged or characters replaced', () => {
    expect(warningLine(withWarnings(['duplicates-merged']))).toBe('1 warning; see --format json for details');
    expect(warningLine(withWarnings(['duplicates-merged', 'invalid-encoding']), 'zh')).toBe('2 条警告，详见 --format json');
  });

  it('says rows or files were skipped when an input skipped rows', () => {
    expect(warningLine(withWarnings(['bad-timestamp', 'duplicates-merged'], 1))).toBe('2 warnings (skipped rows or files); see --format json for the list');
  });

  it('says so when a file was skipped (it is in no input\'s count)', () => {
    expect(warningLine(withWarnings(['skipped-file']), 'zh')).toBe('1 条警告（跳过的行或文件），详见 --format json');
  });

  it('is absent without warnings', () => {
    expect(warningLine(withWarnings([]))).toBeUndefined();
  });
});
