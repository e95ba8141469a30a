import type { EventDelivery } from "./event-delivery";
import { ExpiringCounters, type LedgerOptions } from "./expiring-keys";

/**
 * Which deliveries were seen already, across replicas: Bitrix24 may deliver one event twice, and
 * each replica behind a load balancer may get one copy. The first to record a delivery in Redis
 * publishes it. While Redis is away each replica remembers only its own.
 */
export class DeliveryLedger {
  private readonly local: ExpiringCounters;

  constructor(private readonly options: LedgerOptions) {
    this.local = new ExpiringCounters(options.clock);
  }

  /** Whether this is the first time `delivery` (same event, ID and ts) is seen. */
  async firstTime(delivery: EventDelivery): Promise<boolean> {
    const key = `event:${delivery.event}:${delivery.id}:${delivery.ts}`;
    const seenHere = this.local.signed(key) > 0;
    this.local.setSigned(key, 1, this.options.windowSeconds * 1000);
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
