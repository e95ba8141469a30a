import { type Clock } from "../clock";
import { type OperatingUsage } from "./operating-time";

/** The `time` object of every successful response and of each batch `result_time` entry. */
export interface RestTime {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  /** Unix seconds when the oldest operating basket expires; only with the limiter on and usage recorded. */
  operating_reset_at?: number;
  /**
   * Seconds this caller used on this method in the operating-limit window. With the limiter off
   * it is 0: the real server records only calls longer than 0.1 s, which an in-memory portal
   * never makes.
   */
  operating: number;
}

/** Unix time in seconds on the portal's clock, with fractions like PHP's microtime(true). */
export function nowSeconds(clock: Clock): number {
  return clock.now() / 1000;
}

/** Finishes now on `clock`; `usage` is given only while the operating limiter is on. */
export function restTime(
  clock: Clock,
  startedAt: number,
  processing: number,
  usage?: OperatingUsage,
): RestTime {
  const finishedAt = nowSeconds(clock);
  return {
    start: startedAt,
    finish: finishedAt,
    duration: finishedAt - startedAt,
    processing,
    date_start: phpIsoDate(startedAt),
    date_finish: phpIsoDate(finishedAt),
    ...operatingFields(usage),
  };
}

/** The server writes operating_reset_at before operating, and the former only when known. */
function operatingFields(
  usage: OperatingUsage | undefined,
): Pick<RestTime, "operating" | "operating_reset_at"> {
  if (usage === undefined) return { operating: 0 };
  return usage.resetAt === undefined
    ? { operating: usage.operating }
    : { operating_reset_at: usage.resetAt, operating: usage.operating };
}

/**
 * The same time object measured from the request's arrival, so that a plain call's
 * `duration` includes the time it waited (latency, hangs) before running.
 */
export function sinceArrival(time: RestTime, arrivedAt: number): RestTime {
  return {
    ...time,
    start: arrivedAt,
    duration: time.finish - arrivedAt,
    date_start: phpIsoDate(arrivedAt),
  };
}

/** PHP's date('c') on a UTC server: whole seconds and a "+00:00" offset. */
export function phpIsoDate(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}
