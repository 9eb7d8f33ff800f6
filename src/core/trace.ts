import { readFileSync } from 'node:fs';

/**
 * COMMUNITY_AUDIT_TRACE=1: each step of a run prints the seconds since the process started, the
 * CPU seconds of the thread that prints (Linux; worker threads print their own), the process's
 * resident memory and its minor page faults so far (Linux: each first touch of a fresh page; on
 * some VMs one costs ~12 µs) on stderr, to see where the time and the memory of a big run go
 * (docs/performance.md). A thread's CPU time counts only while the thread runs: when other
 * processes share the cores it swings less than wall time (still some: caches are shared).
 */
const on = Boolean(process.env.COMMUNITY_AUDIT_TRACE);

export function trace(step: string): void {
  if (!on) return;
  const thread = procStat('/proc/thread-self/stat'), proc = procStat('/proc/self/stat');
  const cpu = thread && (Number(thread[11]) + Number(thread[12])) / 100, faults = proc && Number(proc[7]);
  process.stderr.write(`[trace ${process.uptime().toFixed(3)} s${cpu === null ? '' : ` cpu ${cpu.toFixed(2)} s`} ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB${faults === null ? '' : ` ${(faults / 1000).toFixed(0)} k faults`}] ${step}\n`);
}

/** The fields after the command name of a /proc stat file (7: minor faults; 11 and 12: user and
 *  system time in ticks of 1/100 s), or null where there is no /proc. */
function procStat(file: string): string[] | null {
  try {
    const stat = readFileSync(file, 'latin1');
    // The command name is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
