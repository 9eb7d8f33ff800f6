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
  const cpu = threadCpuSeconds(), faults = procStat('/proc/self/stat', 7);
  process.stderr.write(`[trace ${process.uptime().toFixed(3)} s${cpu === null ? '' : ` cpu ${cpu.toFixed(2)} s`} ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB${faults === null ? '' : ` ${(faults / 1000).toFixed(0)} k faults`}] ${step}\n`);
}

/** User + system time of the calling thread, from /proc (clock ticks of 1/100 s); null elsewhere. */
function threadCpuSeconds(): number | null {
  const user = procStat('/proc/thread-self/stat', 11), system = procStat('/proc/thread-self/stat', 12);
  return user === null || system === null ? null : (user + system) / 100;
}

/** Field `i` after the command name of a /proc stat file (7: minor faults; 11, 12: user and
 *  system ticks), or null where there is no /proc. */
function procStat(file: string, i: number): number | null {
  try {
    const stat = readFileSync(file, 'latin1');
    // Fields after the command name, which is in parentheses and may hold spaces.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[i]);
  } catch {
    return null;
  }
}
