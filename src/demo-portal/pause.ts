import { setMaxListeners } from "node:events";

/**
 * Waits `ms` milliseconds (Infinity: until aborted) without blocking the event loop.
 * Resolves true when the time has passed and false when the signal aborted first, so that a
 * closing portal ends every delayed or hanging request at once instead of leaving timers behind.
 */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    if (Number.isFinite(ms)) {
      timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve(true);
      }, ms);
    }
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The signal a portal aborts when it closes. Many requests may wait on it at once, so Node's
 * "possible memory leak" warning (more than 10 listeners) would be a false alarm.
 */
export function createClosingController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
