import type { LoadReport } from "./failover-load";

/**
 * Prints how a failover under load went, the figures docs/redis.md quotes, when FAILOVER_FIGURES is
 * set; tests stay silent otherwise. Times are counted from the moment the master was killed.
 */
export function reportFailover(
  topology: string,
  times: { killedAt: number; failedOverAt: number },
  report: LoadReport,
): void {
  if (!process.env.FAILOVER_FIGURES) return;
  const window = (replica: "a" | "b") => {
    const degraded = report.degraded[replica];
    if (!degraded) return "never";
    return `${degraded.from - times.killedAt}–${degraded.to - times.killedAt} ms`;
  };
  console.log(
    `${topology}: failed over ${times.failedOverAt - times.killedAt} ms after the kill; ` +
      `${report.operations} operations, ${report.errors.length} errors, slowest ${report.slowestMs} ms; ` +
      `on the local share: replica A ${window("a")}, replica B ${window("b")}`,
  );
}
