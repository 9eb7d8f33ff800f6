/** Everything the CLI touches of the outside world, injected so tests can run it in-process. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  now(): number;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
  stderr: NodeJS.WriteStream;
  writeStdout(text: string): Promise<void>;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => Date.now(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns || Number(process.env.COLUMNS) || 120,
    stderr: process.stderr,
    writeStdout: (text) => new Promise((resolve, reject) => {
      // Resolve once flushed, so piping into `head` or a file never loses the end of a report.
      process.stdout.write(text, (err) => (err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve()));
    }),
  };
}
