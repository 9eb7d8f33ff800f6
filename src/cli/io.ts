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
  // A reader that closes early (`| head -1`) is not an error: stop writing quietly and exit 0.
  // Without a listener the EPIPE 'error' event would crash the process with exit 1.
  let closed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') { closed = true; return; }
    throw err;
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => Date.now(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns || Number(process.env.COLUMNS) || 120,
    stderr: process.stderr,
    writeStdout: (text) => new Promise((resolve, reject) => {
      if (closed) { resolve(); return; }
      // Resolve once flushed, so piping into `head` or a file never loses the end of a report.
      process.stdout.write(text, (err) => {
        if (err && (err as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
        if (err && !closed) reject(err); else resolve();
      });
    }),
  };
}
