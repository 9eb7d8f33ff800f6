import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour is decided once, here: --no-color > NO_COLOR / FORCE_COLOR > whether stdout is a TTY.
 * Machine formats never get colour, whatever the terminal.
 */
export function decideChalk(opts: { color: boolean; machine: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): ChalkInstance {
  let level: 0 | 1 | 2 | 3 = 0;
  if (!opts.machine && opts.color) {
    if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') level = 0;
    else if (opts.env.FORCE_COLOR !== undefined && opts.env.FORCE_COLOR !== '0') level = 1;
    else if (opts.isTTY && opts.env.TERM !== 'dumb') level = 2;
  }
  return new Chalk({ level });
}
