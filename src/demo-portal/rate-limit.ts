import { showValue } from "./show-value";
/** The request-rate limit of a portal: at most `burst` requests at once, refilled `perSecond`. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/**
 * Bitrix24's request counter as a leaky bucket: every admitted request adds 1, the level drains
 * continuously by `perSecond` (fractions included), and a request that would lift the level
 * above `burst` is refused without adding anything, so a rejected client is not punished twice.
 * The bucket reads no clock itself: its owner passes the time in, in milliseconds.
 */
export class LeakyBucket {
  private level = 0;
  private levelAt: number;

  /** `now` is when the bucket starts empty. */
  constructor(
    readonly limit: RateLimit,
    now: number,
  ) {
    this.levelAt = now;
  }

  /** True when the request fits. */
  tryAdd(now: number): boolean {
    const elapsedSeconds = Math.max(0, now - this.levelAt) / 1000;
    this.level = Math.max(0, this.level - elapsedSeconds * this.limit.perSecond);
    this.levelAt = now;
    if (this.level + 1 > this.limit.burst) return false;
    this.level += 1;
    return true;
  }
}

/** Validates a rate limit from options or a control request; null means "off". */
export function checkRateLimit(value: unknown, name: string): RateLimit | null {
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${name} must be {burst, perSecond} or null, got ${showValue(value)}`);
  }
  const { burst, perSecond, ...rest } = value as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length > 0) {
    throw new TypeError(`${name} accepts only burst and perSecond, got ${unknownKeys.join(", ")}`);
  }
  // Below 1 not even a single request would ever fit in the bucket.
  if (typeof burst !== "number" || !Number.isFinite(burst) || burst < 1) {
    throw new TypeError(`${name}.burst must be a number of at least 1, got ${showValue(burst)}`);
  }
  if (typeof perSecond !== "number" || !Number.isFinite(perSecond) || perSecond <= 0) {
    throw new TypeError(`${name}.perSecond must be a positive number, got ${showValue(perSecond)}`);
  }
  return { burst, perSecond };
}
