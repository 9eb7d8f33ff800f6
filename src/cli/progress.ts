
/** Progress on stderr, only on a TTY and never with --quiet: a long run is never silent, a pipe never noisy. */
export interface Progress {
  update(text: string): void;
  stop(): void;
}

/**
 * Whether the spinner and warnings may go to stderr (house style, rule 6): only for a person at a
 * terminal, never with --quiet, in CI, or when every report is a machine format or goes to a file.
 */
export function stderrChatter(o: { quiet: boolean; machineOnly: boolean; stderrIsTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  const ci = o.env.CI !== undefined && o.env.CI !== '' && o.env.CI !== 'false' && o.env.CI !== '0';
  return o.stderrIsTTY && !o.quiet && !o.machineOnly && !ci;
}

export async function makeProgress(enabled: boolean, stream: NodeJS.WriteStream): Promise<Progress> {
  if (!enabled) return { update: () => {}, stop: () => {} };
  // A terminal that reports no width (some ptys, `script` without a size): ora's redraw would
  // clear lines without end. Plain lines, every few seconds, instead.
  if (!(stream.columns > 0)) return plainProgress(stream);
  // Loaded only for a person at a terminal: a run from cron or into a pipe does not pay its start-up.
  const { default: ora } = await import('ora');
  const spinner = ora({ stream, discardStdin: false }).start();
  let last = 0;
  return {
    update(text) {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      spinner.text = text;
    },
    stop: () => spinner.stop(),
  };
}

function plainProgress(stream: NodeJS.WriteStream): Progress {
  let last = performance.now();
  return {
    update(text) {
      const now = performance.now();
      if (now - last < 2000) return;
      last = now;
      stream.write(`${text}\n`);
    },
    stop: () => {},
  };
}
