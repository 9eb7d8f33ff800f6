/**
 * COMMUNITY_AUDIT_TRACE=1: each step of a run prints the seconds since the process started on
 * stderr (worker threads too), to see where the time of a big run goes (docs/performance.md).
 */
const on = Boolean(process.env.COMMUNITY_AUDIT_TRACE);

export function trace(step: string): void {
  if (on) process.stderr.write(`[trace ${process.uptime().toFixed(3)} s] ${step}\n`);
}
