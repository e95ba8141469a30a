import { performance } from "node:perf_hooks";

/** The `time` object of every successful response and of each batch `result_time` entry. */
export interface RestTime {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  /**
   * Seconds this method used in the operating-limit window. The real server records only calls
   * longer than 0.1 s, so for an in-memory portal 0 is the faithful value.
   */
  operating: number;
}

/** Unix time in seconds with sub-millisecond precision, like PHP's microtime(true). */
export function nowSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

export function restTime(startedAt: number, processing: number): RestTime {
  const finishedAt = nowSeconds();
  return {
    start: startedAt,
    finish: finishedAt,
    duration: finishedAt - startedAt,
    processing,
    date_start: phpIsoDate(startedAt),
    date_finish: phpIsoDate(finishedAt),
    operating: 0,
  };
}

/** PHP's date('c') on a UTC server: whole seconds and a "+00:00" offset. */
function phpIsoDate(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}
