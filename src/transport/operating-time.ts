import type { BitrixTime } from "./envelope";

/**
 * The portal's second limit: seconds of processing per (caller, method) in a 10-minute window, reported
 * back as `time.operating` and `time.operating_reset_at`. Past the limit the method answers 429
 * OPERATION_TIME_LIMIT until the reset. This tracker keeps the last report per caller and method and
 * holds back only that method: first slowing it as it nears the limit, then pausing it until the reset.
 */
export interface OperatingTimeOptions {
  /** The portal's limit in seconds (480 on cloud portals per the docs' worked example). */
  limitSeconds: number;
  /** From this share of the limit on, calls of the method are delayed. */
  slowFromShare?: number;
  /** Longest delay while slowing, in milliseconds. */
  maxSlowDelayMs?: number;
}

interface MethodUsage {
  operating: number;
  /** Unix milliseconds. */
  resetAt: number | undefined;
  /** Unix milliseconds until which the method is paused after a 429. */
  blockedUntil: number;
}

export class OperatingTimeTracker {
  private readonly usage = new Map<string, MethodUsage>();
  private readonly slowFrom: number;
  private readonly maxSlowDelayMs: number;

  constructor(
    private readonly options: OperatingTimeOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.slowFrom = options.slowFromShare ?? 0.8;
    this.maxSlowDelayMs = options.maxSlowDelayMs ?? 5_000;
  }

  /** Records what the portal reported for one call of `method`. */
  record(caller: string, method: string, time: BitrixTime | undefined): void {
    if (!time || typeof time.operating !== "number") return;
    const key = `${caller} ${method.toLowerCase()}`;
    const previous = this.usage.get(key);
    this.usage.set(key, {
      operating: time.operating,
      resetAt:
        typeof time.operating_reset_at === "number" ? time.operating_reset_at * 1000 : undefined,
      blockedUntil: previous?.blockedUntil ?? 0,
    });
  }

  /** The portal answered OPERATION_TIME_LIMIT: pause the method until the reset (or 10 s if unknown). */
  block(caller: string, method: string): void {
    const key = `${caller} ${method.toLowerCase()}`;
    const usage = this.usage.get(key) ?? {
      operating: this.options.limitSeconds,
      resetAt: undefined,
      blockedUntil: 0,
    };
    const until =
      usage.resetAt && usage.resetAt > this.now() ? usage.resetAt + 1_000 : this.now() + 10_000;
    this.usage.set(key, { ...usage, blockedUntil: until });
  }

  /** How long a call of these methods should wait before it is sent. */
  delayMs(caller: string, methods: Iterable<string>): number {
    let delay = 0;
    for (const method of methods)
      delay = Math.max(delay, this.delayOf(`${caller} ${method.toLowerCase()}`));
    return delay;
  }

  private delayOf(key: string): number {
    const usage = this.usage.get(key);
    if (!usage) return 0;
    const now = this.now();
    if (usage.blockedUntil > now) return usage.blockedUntil - now;
    if (usage.resetAt !== undefined && usage.resetAt <= now) return 0;
    const share = usage.operating / this.options.limitSeconds;
    if (share < this.slowFrom) return 0;
    if (usage.operating >= this.options.limitSeconds - 5) {
      return usage.resetAt !== undefined ? usage.resetAt - now + 1_000 : this.maxSlowDelayMs;
    }
    // Between the threshold and the limit the delay grows linearly, spreading the remaining budget.
    return Math.round(((share - this.slowFrom) / (1 - this.slowFrom)) * this.maxSlowDelayMs);
  }
}
