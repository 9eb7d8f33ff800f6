import { describe, expect, it } from 'vitest';
import { parseSimArgs } from '../../src/sim/cli.js';

describe('simulate CLI arguments', () => {
  it('parses the options with defaults', () => {
    expect(parseSimArgs(['--out', '/tmp/x', '--seed', '3'])).toEqual({ out: '/tmp/x', seed: 3, groups: 40, scale: 1 });
    expect(parseSimArgs(['--out=/tmp/x', '--seed=3', '--groups', '5', '--scale', '0.5'])).toEqual({ out: '/tmp/x', seed: 3, groups: 5, scale: 0.5 });
  });

  it.each([
    [['--seed', '1'], /--out is required/],
    [['--out', 'x'], /--seed is required/],
    [['--out', 'x', '--seed', 'abc'], /--seed must be/],
    [['--out', 'x', '--seed', '1', '--groups', '0'], /--groups must be/],
    [['--out', 'x', '--seed', '1', '--scale', '-1'], /--scale must be/],
    [['--out', 'x', '--seed', '1', '--what'], /unknown argument/],
    [['--out'], /--out needs a value/],
  ])('rejects %j', (argv, message) => {
    const r = parseSimArgs(argv);
    expect('error' in r && r.error).toMatch(message);
  });
});
