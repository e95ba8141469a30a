import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import type { RedisConnection } from "../redis/redis-connection";

/** What a ledger shared between replicas is built from: Redis when configured, and its window. */
export interface LedgerOptions {
  clock: Clock;
  windowSeconds: number;
  redis?: { connection: RedisConnection; keyPrefix: string };
}

/**
 * A ledger's numbers in this process, each lapsing `windowSeconds` after it was last set (on the
 * ledger's clock): what it falls back to while Redis is away. Bounded, so that a flood of distinct
 * keys cannot grow it without end.
 */
export function localLedger(options: LedgerOptions): LRUCache<string, number> {
  return new LRUCache<string, number>({
    // A bound counted by maxSize, not `max`: with `max`, lru-cache allocates room for all 100,000
    // entries up front (about 4 MB per ledger), whether a delivery ever comes or not.
    maxSize: 100_000,
    sizeCalculation: () => 1,
    ttl: Math.max(1, options.windowSeconds * 1000),
    // Read the clock on every check: tests move it themselves.
    ttlResolution: 0,
    perf: { now: () => options.clock.now() },
  });
}
