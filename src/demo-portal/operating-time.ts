import { showValue } from "./show-value";
/** The operating-time limit: seconds of processing a caller may spend on one method per window. */
export interface OperatingLimit {
  limitSeconds: number;
  /** Length of the sliding window. Default 600 (the server's 10 one-minute baskets). */
  windowSeconds?: number;
}

export type ResolvedOperatingLimit = Required<OperatingLimit>;

/** What goes into a `time` object: seconds used, and when the oldest basket expires (if any). */
export interface OperatingUsage {
  operating: number;
  resetAt?: number;
}

export const DEFAULT_OPERATING_WINDOW_SECONDS = 600;

/** The server (and limits.md) splits the window into 10 baskets. */
const BASKETS_PER_WINDOW = 10;

interface Basket {
  /** Unix seconds of the basket's first charge: the whole basket expires one window later. */
  openedAt: number;
  /** Kept in milliseconds so that sums of whole-millisecond costs stay exact. */
  milliseconds: number;
}

/**
 * Processing time per (caller, method) key, in baskets the way limits.md describes them: a
 * basket opens with its first charge, collects charges for a tenth of the window, and leaves
 * the sum one window after it opened. A key is blocked while its sum is at or above the limit;
 * the call that crosses the limit still runs, only the next one is refused. The ledger reads
 * no clock itself: every `now` is Unix seconds from the portal's clock.
 */
export class OperatingLedger {
  private readonly baskets = new Map<string, Basket[]>();

  constructor(readonly limit: ResolvedOperatingLimit) {}

  usage(key: string, now: number): OperatingUsage {
    const baskets = this.live(key, now);
    const oldest = baskets[0];
    const milliseconds = baskets.reduce((sum, basket) => sum + basket.milliseconds, 0);
    return oldest === undefined
      ? { operating: milliseconds / 1000 }
      : {
          operating: milliseconds / 1000,
          // Rounded up, so that a client waiting until reset_at really finds the basket gone.
          resetAt: Math.ceil(oldest.openedAt + this.limit.windowSeconds),
        };
  }

  isExhausted(key: string, now: number): boolean {
    return this.usage(key, now).operating >= this.limit.limitSeconds;
  }

  /** Records `milliseconds` of processing; zero-cost calls leave no basket behind. */
  charge(key: string, milliseconds: number, now: number): void {
    if (milliseconds <= 0) return;
    const baskets = this.live(key, now);
    const newest = baskets[baskets.length - 1];
    const basketSeconds = this.limit.windowSeconds / BASKETS_PER_WINDOW;
    if (newest !== undefined && now - newest.openedAt < basketSeconds) {
      newest.milliseconds += milliseconds;
    } else {
      baskets.push({ openedAt: now, milliseconds });
      this.baskets.set(key, baskets);
    }
  }

  /** The key's baskets still inside the window; expired ones are dropped for good. */
  private live(key: string, now: number): Basket[] {
    const baskets = this.baskets.get(key) ?? [];
    const firstLive = baskets.findIndex(
      (basket) => basket.openedAt + this.limit.windowSeconds > now,
    );
    const kept = firstLive === -1 ? [] : baskets.slice(firstLive);
    if (kept.length === 0) this.baskets.delete(key);
    else if (kept.length !== baskets.length) this.baskets.set(key, kept);
    return kept;
  }
}

/** Validates an operating limit from options or a control request; null means "off". */
export function checkOperatingLimit(value: unknown, name: string): ResolvedOperatingLimit | null {
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(
      `${name} must be {limitSeconds, windowSeconds?} or null, got ${showValue(value)}`,
    );
  }
  const { limitSeconds, windowSeconds, ...rest } = value as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length > 0) {
    throw new TypeError(
      `${name} accepts only limitSeconds and windowSeconds, got ${unknownKeys.join(", ")}`,
    );
  }
  if (typeof limitSeconds !== "number" || !Number.isFinite(limitSeconds) || limitSeconds <= 0) {
    throw new TypeError(
      `${name}.limitSeconds must be a positive number, got ${showValue(limitSeconds)}`,
    );
  }
  const window = windowSeconds ?? DEFAULT_OPERATING_WINDOW_SECONDS;
  if (typeof window !== "number" || !Number.isFinite(window) || window <= 0) {
    throw new TypeError(
      `${name}.windowSeconds must be a positive number, got ${showValue(windowSeconds)}`,
    );
  }
  return { limitSeconds, windowSeconds: window };
}
