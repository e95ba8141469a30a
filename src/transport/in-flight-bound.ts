/** The most requests one identity has on their way to its portal at once. */
export const MAX_REQUESTS_IN_FLIGHT = 8;

/** Weight of the newest latency sample in the running average. */
const LATENCY_WEIGHT = 0.2;

/**
 * How many requests with less than a full batch one identity may have on their way at once. Calls
 * that arrive meanwhile gather into the next batch, so the time a request spends in flight is the time
 * the next batch fills. One such request at a time folds best; more are allowed when the portal's
 * rate limit could take them: at `perSecond` requests per second and a latency of L seconds, ceil(perSecond x L)
 * requests keep its rate in use, so a slow portal is never left idle while calls wait. Without a
 * modelled rate, one at a time.
 */
export class InFlightBound {
  private latencyMs: number | undefined;

  constructor(private readonly perSecond: number | undefined) {}

  /** The time one HTTP request to the portal took. */
  observe(latencyMs: number): void {
    this.latencyMs =
      this.latencyMs === undefined
        ? latencyMs
        : this.latencyMs + LATENCY_WEIGHT * (latencyMs - this.latencyMs);
  }

  get partialBatches(): number {
    if (this.perSecond === undefined || this.latencyMs === undefined) return 1;
    const keepsRateInUse = Math.ceil((this.perSecond * this.latencyMs) / 1000);
    return Math.min(MAX_REQUESTS_IN_FLIGHT, Math.max(1, keepsRateInUse));
  }
}
