import ora, { type Ora } from 'ora';

/** Progress on stderr, only on a TTY and never with --quiet: a long run is never silent, a pipe never noisy. */
export interface Progress {
  update(text: string): void;
  stop(): void;
}

export function makeProgress(enabled: boolean, stream: NodeJS.WriteStream): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const spinner: Ora = ora({ stream, discardStdin: false }).start();
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
