import { Waiters } from "./waiters";

/**
 * Counters that let tests see what reached the portal: how many HTTP requests, which methods
 * ran (batch commands included, the batch wrapper itself not), batch sizes, error codes sent,
 * which user made each call, what the limits and injected faults did, and how event deliveries
 * went. New counters can be added as new fields.
 */
export interface DemoPortalStats {
  /** Every HTTP request under /rest/, whatever its outcome. */
  httpRequests: number;
  /** Method executions, counting each command inside a batch; not the `batch` call itself. */
  methodCalls: number;
  callsByMethod: Record<string, number>;
  batchRequests: number;
  /** Number of `cmd` entries of each batch request, in arrival order. */
  batchSizes: number[];
  /** Error codes sent, both as whole responses and inside batch `result_error`. */
  errorsSent: Record<string, number>;
  /** Method executions per authenticated user id (the webhook user or the OAuth token's user). */
  callsByUser: Record<string, number>;
  /** 503 QUERY_LIMIT_EXCEEDED answers: from the rate limiter and from "rate-limit" faults. */
  rateLimited: number;
  /** Hits of injected faults (a fault with `times: 3` that hit three calls counts 3). */
  faultsInjected: number;
  /** Calls refused with OPERATION_TIME_LIMIT, batch commands included. */
  operatingRejected: number;
  /** HTTP status of every answer under /rest/ (a reset connection has none). */
  statusCounts: Record<string, number>;
  /**
   * HTTP requests under /rest/ that arrived and are not yet answered or dropped: waiting on
   * latency or a hang, or running. A gauge of what is happening now, so a reset leaves it alone.
   */
  inFlight: number;
  /** Event deliveries a handler accepted with a 2xx answer. */
  eventsSent: number;
  /**
   * Event deliveries that failed (connection refused, non-2xx answer, timeout) and were dropped:
   * the portal never retries. Every delivery ends up in exactly one of the two counters.
   */
  eventsFailed: number;
  /** Token refreshes the portal's authorization server granted (a new pair issued). */
  oauthRefreshes: number;
  /**
   * Requests to the token endpoint it refused, whatever the reason: wrong client, missing
   * parameters, a used or unknown refresh token, payment required.
   */
  oauthRefreshesRefused: number;
  /**
   * Records in the application's offline event queue now, reserved and error-marked ones
   * included. A gauge, like inFlight, so a reset leaves it alone.
   */
  offlineQueued: number;
}

export class StatsRecorder {
  private httpRequests = 0;
  private methodCalls = 0;
  private batchRequests = 0;
  private batchSizes: number[] = [];
  private readonly callsByMethod = new Map<string, number>();
  private readonly errorsSent = new Map<string, number>();
  private readonly callsByUser = new Map<string, number>();
  private rateLimited = 0;
  private faultsInjected = 0;
  private operatingRejected = 0;
  private readonly statusCounts = new Map<string, number>();
  private inFlight = 0;
  private eventsSent = 0;
  private eventsFailed = 0;
  private oauthRefreshes = 0;
  private oauthRefreshesRefused = 0;
  private offlineQueued = 0;
  private readonly waiters = new Waiters(() => this.snapshot());

  /** A request under /rest/ arrived; every arrival is followed by exactly one recordSettled. */
  recordArrival(): void {
    this.httpRequests += 1;
    this.inFlight += 1;
    this.waiters.changed();
  }

  /** The request was answered or dropped. */
  recordSettled(): void {
    this.inFlight -= 1;
    this.waiters.changed();
  }

  recordMethodCall(method: string, userId: number): void {
    this.methodCalls += 1;
    increment(this.callsByMethod, method);
    increment(this.callsByUser, String(userId));
    this.waiters.changed();
  }

  recordBatch(commandCount: number): void {
    this.batchRequests += 1;
    this.batchSizes.push(commandCount);
    this.waiters.changed();
  }

  recordError(code: string): void {
    increment(this.errorsSent, code);
    this.waiters.changed();
  }

  recordRateLimited(): void {
    this.rateLimited += 1;
    this.waiters.changed();
  }

  recordFault(): void {
    this.faultsInjected += 1;
    this.waiters.changed();
  }

  recordOperatingRejected(): void {
    this.operatingRejected += 1;
    this.waiters.changed();
  }

  recordStatus(status: number): void {
    increment(this.statusCounts, String(status));
    this.waiters.changed();
  }

  recordEventSent(): void {
    this.eventsSent += 1;
    this.waiters.changed();
  }

  recordEventFailed(): void {
    this.eventsFailed += 1;
    this.waiters.changed();
  }

  recordOauthRefresh(granted: boolean): void {
    if (granted) this.oauthRefreshes += 1;
    else this.oauthRefreshesRefused += 1;
    this.waiters.changed();
  }

  setOfflineQueued(size: number): void {
    this.offlineQueued = size;
    this.waiters.changed();
  }

  /** A detached copy: callers may keep or change it without affecting the counters. */
  snapshot(): DemoPortalStats {
    return {
      httpRequests: this.httpRequests,
      methodCalls: this.methodCalls,
      callsByMethod: Object.fromEntries(this.callsByMethod),
      batchRequests: this.batchRequests,
      batchSizes: [...this.batchSizes],
      errorsSent: Object.fromEntries(this.errorsSent),
      callsByUser: Object.fromEntries(this.callsByUser),
      rateLimited: this.rateLimited,
      faultsInjected: this.faultsInjected,
      operatingRejected: this.operatingRejected,
      statusCounts: Object.fromEntries(this.statusCounts),
      inFlight: this.inFlight,
      eventsSent: this.eventsSent,
      eventsFailed: this.eventsFailed,
      oauthRefreshes: this.oauthRefreshes,
      oauthRefreshesRefused: this.oauthRefreshesRefused,
      offlineQueued: this.offlineQueued,
    };
  }

  /** Resolves with a snapshot once `condition` holds; re-checked after every change. */
  waitFor(condition: (stats: DemoPortalStats) => boolean): Promise<DemoPortalStats> {
    return this.waiters.waitFor(condition);
  }

  /** Zeroes the counters; the gauges (inFlight, offlineQueued) stay, as what they measure does. */
  reset(): void {
    this.httpRequests = 0;
    this.methodCalls = 0;
    this.batchRequests = 0;
    this.batchSizes = [];
    this.callsByMethod.clear();
    this.errorsSent.clear();
    this.callsByUser.clear();
    this.rateLimited = 0;
    this.faultsInjected = 0;
    this.operatingRejected = 0;
    this.statusCounts.clear();
    this.eventsSent = 0;
    this.eventsFailed = 0;
    this.oauthRefreshes = 0;
    this.oauthRefreshesRefused = 0;
    this.waiters.changed();
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
