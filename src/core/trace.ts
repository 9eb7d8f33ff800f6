import { readFileSync } from 'node:fs';

/**
 * COMMUNITY_AUDIT_TRACE=1: each step of a run prints the seconds since the process started, the
 * CPU seconds of the thread that prints (Linux; worker threads print their own) and the process's
 * resident memory on stderr, to see where the time and the memory of a big run go
 * (docs/performance.md). A thread's CPU time counts only while the thread runs: when other
 * processes share the cores it swings less than wall time (still some: caches are shared).
 */
const on = Boolean(process.env.COMMUNITY_AUDIT_TRACE);

export function trace(step: string): void {
  if (!on) return;
  const cpu = threadCpuSeconds();
  process.stderr.write(`[trace ${process.uptime().toFixed(3)} s${cpu === null ? '' : ` cpu ${cpu.toFixed(2)} s`} ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB] ${step}\n`);
}

/** User + system time of the calling thread, from /proc (clock ticks of 1/100 s); null elsewhere. */
function threadCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
