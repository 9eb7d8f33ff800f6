/**
 * COMMUNITY_AUDIT_TRACE=1: each step of a run prints the seconds since the process started and
 * the process's resident memory on stderr (worker threads too), to see where the time and the
 * memory of a big run go (docs/performance.md).
 */
const on = Boolean(process.env.COMMUNITY_AUDIT_TRACE);

export function trace(step: string): void {
  if (on) process.stderr.write(`[trace ${process.uptime().toFixed(3)} s ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB] ${step}\n`);
}
