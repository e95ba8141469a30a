import { setMaxListeners } from "node:events";
import { performance } from "node:perf_hooks";

/**
 * Time as the gateway and the demo portal read it. Everything that waits or expires (rate-limit
 * slots, backoff, timeouts, deadlines, cool-downs, portal latency) goes through one of these, so a
 * test can hand in a clock it moves itself and an outcome never depends on the machine's speed.
 */
export interface Clock {
  /** Unix time in milliseconds, with fractions where the clock has them. */
  now(): number;
  /**
   * Calls `callback` once `ms` have passed; an infinite `ms` never does. Returns a function that
   * cancels the timer.
   */
  setTimer(ms: number, callback: () => void): () => void;
}

/** setTimeout cannot wait longer than this (about 24.8 days); longer waits are as good as never. */
const MAX_TIMER_MS = 2_147_483_647;

export const systemClock: Clock = {
  // The performance clock has sub-millisecond precision and does not step back with NTP.
  now: () => performance.timeOrigin + performance.now(),
  setTimer(ms, callback) {
    if (!Number.isFinite(ms) || ms > MAX_TIMER_MS) return () => undefined;
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/** Resolves after `ms` on `clock`; rejects with the signal's reason if it aborts first. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal!.reason as Error);
    };
    const cancel = clock.setTimer(ms, () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A signal that aborts with a "TimeoutError" DOMException once `ms` have passed on `clock`, like
 * `AbortSignal.timeout`, or with `linked`'s reason as soon as `linked` aborts (one signal for both,
 * where `AbortSignal.any` would make two more and their listeners). `dispose` cancels the timer and
 * lets go of `linked` when the work finished first.
 */
export function timeoutSignal(
  clock: Clock,
  ms: number,
  linked?: AbortSignal,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  // Many calls may share one deadline's signal; Node's "possible leak" warning would be a false alarm.
  setMaxListeners(0, controller.signal);
  const onLinkedAbort = () => controller.abort(linked?.reason);
  if (linked?.aborted) onLinkedAbort();
  else linked?.addEventListener("abort", onLinkedAbort, { once: true });
  const cancel = clock.setTimer(ms, () =>
    controller.abort(new DOMException(`timed out after ${ms} ms`, "TimeoutError")),
  );
  return {
    signal: controller.signal,
    dispose() {
      cancel();
      linked?.removeEventListener("abort", onLinkedAbort);
    },
  };
}
