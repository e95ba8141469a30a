import { setTimeout as pause } from "node:timers/promises";

/**
 * Waits until `condition` holds, checking again every 50 ms, for at most `limitMs`; a condition that
 * throws (a server not answering yet) counts as not holding. For states that come from outside the
 * test's control (a failover), so that a state that never comes fails with its name instead of the
 * test's timeout.
 */
export async function within(
  limitMs: number,
  what: string,
  condition: () => Promise<boolean> | boolean,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (
      await Promise.resolve()
        .then(condition)
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${limitMs} ms`);
    await pause(50);
  }
}
