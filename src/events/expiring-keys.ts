import type { Clock } from "../clock";
import type { RedisConnection } from "../redis/redis-connection";

/** What a ledger shared between replicas is built from: Redis when configured, and its window. */
export interface LedgerOptions {
  clock: Clock;
  windowSeconds: number;
  redis?: { connection: RedisConnection; keyPrefix: string };
}

/**
 * Numbers by key that lapse after a time, in this process: what a ledger falls back to while Redis
 * is away. Bounded, so that a flood of distinct keys cannot grow it without end.
 */
export class ExpiringCounters {
  private readonly entries = new Map<string, { value: number; expiresAtMs: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 100_000,
  ) {}

  /** The key's value, 0 when unset or lapsed. */
  signed(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    if (entry.expiresAtMs <= this.clock.now()) {
      this.entries.delete(key);
      return 0;
    }
    return entry.value;
  }

  /** Sets the key's value and restarts its lifetime; 0 removes it. */
  setSigned(key: string, value: number, lifetimeMs: number): void {
    this.entries.delete(key);
    if (value !== 0) this.entries.set(key, { value, expiresAtMs: this.clock.now() + lifetimeMs });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}
