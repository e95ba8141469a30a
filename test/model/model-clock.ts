import type { Scheduler } from "fast-check";
import type { Clock } from "../../src/clock";

/**
 * A clock whose timers are steps of the fast-check scheduler: a retry or a wait for another replica
 * fires whenever the scheduler says, interleaved with everything else. Time reads as a counter of
 * fired timers, so it never reaches a cache TTL.
 */
export function schedulerClock(scheduler: Scheduler): Clock {
  let now = 0;
  return {
    now: () => now,
    setTimer(ms, callback) {
      let cancelled = false;
      void scheduler.schedule(Promise.resolve(), `timer ${ms} ms`).then(() => {
        now += 1;
        if (!cancelled) callback();
      });
      return () => {
        cancelled = true;
      };
    },
  };
}
