import { setMaxListeners } from "node:events";
import { sleep, type Clock } from "../clock";

/**
 * Waits `ms` milliseconds on `clock` (Infinity: until aborted) without blocking the event loop.
 * Resolves true when the time has passed and false when the signal aborted first, so that a
 * closing portal ends every delayed or hanging request at once instead of leaving timers behind.
 */
export function pause(clock: Clock, ms: number, signal: AbortSignal): Promise<boolean> {
  return sleep(clock, ms, signal).then(
    () => true,
    () => false,
  );
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
