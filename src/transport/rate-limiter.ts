/**
 * A client-side model of the portal's request limit, a leaky bucket: each HTTP request adds one, the
 * level drains at `perSecond`, and a request that would lift it above `burst` is refused by the portal
 * with 503 QUERY_LIMIT_EXCEEDED. The model hands out reservations instead: a request learns how long to
 * wait until it fits, so requests queue in order and the portal never has to refuse them.
 */
export interface LeakyBucketSpec {
  burst: number;
  perSecond: number;
}

export const RATE_LIMIT_PRESETS: Readonly<Record<"standard" | "enterprise", LeakyBucketSpec>> = {
  standard: { burst: 50, perSecond: 2 },
  enterprise: { burst: 250, perSecond: 5 },
};

export type Reservation = { granted: true; waitMs: number } | { granted: false; waitMs: number };

export interface RateLimiter {
  /**
   * Reserves room for one request to the portal named by `bucket`. A reservation that would wait
   * longer than `maxWaitMs` is not taken, and says how long it would have waited.
   */
  reserve(bucket: string, maxWaitMs: number): Promise<Reservation>;
  /** The portal refused a request after all (another app shares its limit): treat the bucket as full. */
  markFull(bucket: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The arithmetic shared by the in-memory and the Redis bucket (the Redis script mirrors it). `level`
 * counts requests in the bucket, reservations included, so it can exceed `burst` while requests wait.
 */
export function reserveInBucket(
  spec: LeakyBucketSpec,
  state: { level: number; at: number },
  now: number,
  maxWaitMs: number,
): { state: { level: number; at: number }; reservation: Reservation } {
  const drained = Math.max(0, state.level - ((now - state.at) / 1000) * spec.perSecond);
  const level = drained + 1;
  const waitMs = Math.max(0, Math.ceil(((level - spec.burst) / spec.perSecond) * 1000));
  if (waitMs > maxWaitMs) {
    return { state: { level: drained, at: now }, reservation: { granted: false, waitMs } };
  }
  return { state: { level, at: now }, reservation: { granted: true, waitMs } };
}

/** One replica's own bucket: right when a single gateway process talks to the portal. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(
    private readonly spec: LeakyBucketSpec,
    private readonly now: () => number = Date.now,
  ) {}

  reserve(bucket: string, maxWaitMs: number): Promise<Reservation> {
    const current = this.buckets.get(bucket) ?? { level: 0, at: this.now() };
    const { state, reservation } = reserveInBucket(this.spec, current, this.now(), maxWaitMs);
    this.buckets.set(bucket, state);
    return Promise.resolve(reservation);
  }

  markFull(bucket: string): Promise<void> {
    const current = this.buckets.get(bucket);
    const now = this.now();
    const drained = current
      ? Math.max(0, current.level - ((now - current.at) / 1000) * this.spec.perSecond)
      : 0;
    this.buckets.set(bucket, { level: Math.max(drained, this.spec.burst), at: now });
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** No model at all: every request goes out at once (for portals without a limit, and benchmarks). */
export class UnlimitedRateLimiter implements RateLimiter {
  reserve(): Promise<Reservation> {
    return Promise.resolve({ granted: true, waitMs: 0 });
  }
  markFull(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
