import type { EventDelivery } from "./event-delivery";
import type { LRUCache } from "lru-cache";
import { localLedger, type LedgerOptions } from "./local-ledger";

/**
 * Which deliveries were seen already, across replicas: Bitrix24 may deliver one event twice, and
 * each replica behind a load balancer may get one copy. The first to record a delivery in Redis
 * publishes it. While Redis is away each replica remembers only its own.
 */
export class DeliveryLedger {
  private readonly local: LRUCache<string, number>;

  constructor(private readonly options: LedgerOptions) {
    this.local = localLedger(options);
  }

  /** Whether this is the first time `delivery` (same event, ID and ts) is seen. */
  async firstTime(delivery: EventDelivery): Promise<boolean> {
    const key = `event:${delivery.event}:${delivery.id}:${delivery.ts}`;
    const seenHere = this.local.has(key);
    this.local.set(key, 1);
    const redis = this.options.redis;
    if (!redis || redis.connection.state !== "ready") return !seenHere;
    try {
      const set = await redis.connection.client.set(
        `${redis.keyPrefix}${key}`,
        "1",
        "EX",
        this.options.windowSeconds,
        "NX",
      );
      return set === "OK" && !seenHere;
    } catch {
      redis.connection.reportFailure();
      return !seenHere;
    }
  }
}
