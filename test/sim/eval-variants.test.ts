import { describe, expect, it } from 'vitest';
import { offsetHours, parseEvalArgs, shiftSlots, variantLabel, type EvalArgs } from '../../src/sim/eval-cli.js';
import { simulate } from '../../src/sim/simulate.js';

describe('eval variants', () => {
  it('parses the data-shape flags', () => {
    const a = parseEvalArgs(['--events-only', '--truncate-days', '45', '--scale=0.3', '--tz', 'UTC']) as EvalArgs;
    expect([a.eventsOnly, a.truncateDays, a.scale, a.tz]).toEqual([true, 45, 0.3, 'UTC']);
    expect(variantLabel(a)).toContain('first 45 days cut');
    expect(parseEvalArgs(['--messages-only', '--events-only'])).toHaveProperty('error');
    expect(parseEvalArgs(['--tz', 'Mars/Olympus'])).toHaveProperty('error');
    expect(parseEvalArgs(['--truncate-days', '-1'])).toHaveProperty('error');
  });

  it('moves report slots from the report zone into the planted zone', () => {
    expect(offsetHours('Asia/Shanghai', Date.UTC(2025, 5, 30))).toBe(8);
    expect(offsetHours('UTC', 0)).toBe(0);
    // Sunday 20h UTC is Monday 04h in Shanghai.
    expect(shiftSlots([{ weekday: 7, hour: 20, score: 1 }], 8)).toEqual([{ weekday: 1, hour: 4, score: 1 }]);
    expect(shiftSlots([{ weekday: 1, hour: 3, score: 1 }], -8)).toEqual([{ weekday: 7, hour: 19, score: 1 }]);
    expect(shiftSlots([{ weekday: 1, hour: 3, score: 1 }], 2.5)).toBeNull();
  });

  it('cuts the first days of every group, and truth starts at the cut', () => {
    const full = simulate({ seed: 7, groups: 10 });
    const cut = simulate({ seed: 7, groups: 10, truncateDays: 30 });
    expect(cut.truth.groups.length).toBeLessThanOrEqual(full.truth.groups.length);
    for (const t of cut.truth.groups) {
      const before = full.truth.groups.find((g) => g.groupId === t.groupId)!;
      expect(Date.parse(t.createdAt) - Date.parse(before.createdAt)).toBeGreaterThan(29 * 86_400_000);
      expect(t.timeline[0]!.start).toBe(t.createdAt);
      expect(t.phase).toBe(before.phase);
      const rows = cut.messages.filter((m) => m.group_id === t.groupId);
      expect(rows.every((m) => Date.parse(m.timestamp) >= Date.parse(t.createdAt))).toBe(true);
      const members = cut.members.filter((m) => m.group_id === t.groupId);
      // Members who joined before the cut are listed without a join time (the export does not know it).
      expect(members.some((m) => m.joined_at === '')).toBe(true);
    }
  });

  it('scales group sizes without changing the default', () => {
    const one = simulate({ seed: 3, groups: 5 });
    expect(simulate({ seed: 3, groups: 5, sizeScale: 1 }).messages).toEqual(one.messages);
    const small = simulate({ seed: 3, groups: 5, sizeScale: 0.3 });
    expect(small.members.length).toBeLessThan(one.members.length * 0.5);
  });
});
