import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/read.js';

const LINE = /^\[trace (\d+\.\d{3}) s(?: cpu (\d+\.\d{2}) s)? (\d+) MB(?: (\d+) k faults)?\] (.+)$/;

describe('COMMUNITY_AUDIT_TRACE', () => {
  it('prints each step with its wall time, the thread\'s CPU time (Linux), memory and page faults, in order', () => {
    const r = runCli(['analyze', fixture('demo'), '--format', 'json', '--tz', 'Asia/Shanghai'], { env: { COMMUNITY_AUDIT_TRACE: '1' } });
    expect(r.code).toBe(0);
    JSON.parse(r.stdout); // the trace goes to stderr only
    const lines = r.stderr.trimEnd().split('\n').map((l) => LINE.exec(l));
    expect(lines.every((m) => m !== null)).toBe(true);
    const steps = lines.map((m) => m![5]);
    expect(steps[0]).toBe('cli modules loaded');
    expect(steps).toContain('dataset finalized');
    expect(steps).toContain('analyses done');
    const wall = lines.map((m) => Number(m![1]));
    expect(wall).toEqual([...wall].sort((a, b) => a - b));
    if (process.platform === 'linux') {
      const cpu = lines.map((m) => Number(m![2]));
      expect(cpu.every((c) => Number.isFinite(c) && c > 0)).toBe(true);
      expect(cpu).toEqual([...cpu].sort((a, b) => a - b));
      // One thread's CPU time cannot run ahead of the wall clock by more than a tick.
      for (let k = 0; k < cpu.length; k++) expect(cpu[k]!).toBeLessThanOrEqual(wall[k]! + 0.02);
      // The process's faults only ever grow, and starting Node alone takes a thousand or more.
      const faults = lines.map((m) => Number(m![4]));
      expect(faults[0]).toBeGreaterThan(0);
      expect(faults).toEqual([...faults].sort((a, b) => a - b));
    }
  });

  it('prints nothing without the variable', () => {
    const r = runCli(['analyze', fixture('demo'), '--format', 'json', '--tz', 'Asia/Shanghai']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('[trace');
  });
});
