import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/run.js';
import { buildReport } from '../../src/report/build.js';

/** Inputs that end long before the as-of (the latest event of all inputs) are named: perhaps only older exports. */
async function warningsOf(files: Record<string, string>, asOf?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'ca-early-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { dataset, inputs, issues } = await ingest({ inputs: Object.keys(files).map((f) => join(dir, f)), timeZone: 'UTC' });
  const report = buildReport(dataset, inputs, issues, { asOf: asOf ?? dataset.lastEventAt, timeZone: 'UTC', generatedAt: 0, version: 'test', top: 10, options: {}, asOfGiven: asOf !== undefined });
  return report.warnings.filter((w) => w.code === 'input-ends-early').map((w) => [w.file?.split('/').pop() ?? null, w.message]);
}

const csv = (rows: [string, string, string][]) => `group_id,timestamp,sender_id,text\n${rows.map((r) => r.join(',')).join('\n')}\n`;

describe('inputs that end long before the as-of', () => {
  it('names an export whose every group fell silent over 30 days before the latest event of all inputs', async () => {
    const w = await warningsOf({
      'old.csv': csv([['a', '2024-01-01T10:00:00Z', 'x'], ['a', '2024-01-02T10:00:00Z', 'y']]),
      'new.csv': csv([['b', '2024-03-01T10:00:00Z', 'x'], ['b', '2024-03-02T10:00:00Z', 'y']]),
    });
    expect(w).toEqual([['old.csv', 'the input ends 60 days before the as-of 2024-03-02: if it was exported then, its groups look dead only because of that; analyse it on its own or give --as-of']]);
  });
  it('names a chat export that a member list beside it outruns (its latest join sets the as-of; second review)', async () => {
    const w = await warningsOf({
      'a.csv': csv([['g', '2024-03-01T10:00:00Z', 'x'], ['g', '2024-03-30T10:00:00Z', 'y']]),
      'members.csv': 'group_id,member_id,joined_at\ng,z,2024-06-20T10:00:00Z\n',
    });
    expect(w.map(([file]) => file)).toEqual(['a.csv']);
  });
  it('says nothing of a single export, or when the user gave the as-of (review: it told them to do what they had done)', async () => {
    expect(await warningsOf({ 'old.csv': csv([['a', '2024-01-01T10:00:00Z', 'x']]) }, Date.UTC(2024, 5, 1))).toEqual([]);
    expect(await warningsOf({
      'old.csv': csv([['a', '2024-01-01T10:00:00Z', 'x']]),
      'new.csv': csv([['b', '2024-03-01T10:00:00Z', 'y']]),
    }, Date.UTC(2024, 2, 2))).toEqual([]);
  });
  it('says nothing when a group of the same export is alive (the export is recent; its silent group is dead), or within 30 days', async () => {
    expect(await warningsOf({
      'both.csv': csv([['a', '2024-01-01T10:00:00Z', 'x'], ['b', '2024-03-01T10:00:00Z', 'x'], ['b', '2024-03-02T10:00:00Z', 'y']]),
    })).toEqual([]);
    expect(await warningsOf({
      'old.csv': csv([['a', '2024-02-10T10:00:00Z', 'x']]),
      'new.csv': csv([['b', '2024-03-02T10:00:00Z', 'y']]),
    })).toEqual([]);
  });
});
