import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';

/** Wall time and peak resident memory of one whole child process. */
export interface Sample { wallMs: number; peakRssMb: number }

const TIME = '/usr/bin/time';

/**
 * Runs a command with stdout to /dev/null and measures it. Peak RSS comes from GNU time's
 * "Maximum resident set size" where /usr/bin/time exists, else from polling /proc/<pid>/status
 * (VmHWM), which can miss a short final peak but not a plateau.
 */
export async function measure(cmd: string, args: string[]): Promise<Sample> {
  const useTime = existsSync(TIME);
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  const child = useTime
    ? spawn(TIME, ['-v', cmd, ...args], { stdio: ['ignore', devNull, 'pipe'] })
    : spawn(cmd, args, { stdio: ['ignore', devNull, 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => { stderr += d; });
  let polled = 0;
  const poll = useTime ? null : setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) polled = Math.max(polled, Number(m[1]));
    } catch { /* the process has ended */ }
  }, 20);
  const code = await new Promise<number | null>((res) => child.on('close', res));
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  closeSync(devNull);
  const exit = useTime ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? code) : code;
  if (exit !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${exit}:\n${stderr.slice(-2000)}`);
  const kb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0) : polled;
  return { wallMs, peakRssMb: kb / 1024 };
}

/** The median of several runs, by wall time; peak RSS is the median of its own. */
export async function measureMedian(cmd: string, args: string[], runs: number): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(cmd, args));
  const mid = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
  return { wallMs: mid(samples.map((s) => s.wallMs)), peakRssMb: mid(samples.map((s) => s.peakRssMb)) };
}
