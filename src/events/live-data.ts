import { unitsOfChange } from "../services/cache-entries";
import type { ReadCache } from "../cache/read-cache";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { LiveMetrics } from "../observability/live-metrics";
import type { RedisConnection } from "../redis/redis-connection";
import type { Services } from "../services/services";
import type { Change, ChangeAnnouncer, ChangeNotice } from "./change";
import { ChangeBus } from "./change-bus";
import type { EventDelivery } from "./event-delivery";
import { filteredChanges, type LiveFeed } from "./live-feed";
import { LiveReads } from "./live-reads";
import { SubscriptionCaps } from "./subscription-caps";

export interface LiveDataOptions {
  clock: Clock;
  logger: Logger;
  metrics: LiveMetrics | undefined;
  maxSubscriptionsPerCaller: number;
  /** What a change makes stale there is invalidated before the change is published. */
  cache: ReadCache;
  /** Shared between replicas: the bus, on a channel scoped to the portal. Absent: this replica alone. */
  redis?: { publisher: RedisConnection; subscriber: RedisConnection; channel: string };
}

/**
 * Everything live in one place: Bitrix24 event deliveries and the gateway's own writes become
 * changes on the bus, each after what it made stale is invalidated; subscribers get them filtered,
 * with the record's current state read once per change and identity, and only when that state is
 * not the one they were last sent.
 */
export class LiveData {
  readonly announcer: ChangeAnnouncer;
  private readonly bus: ChangeBus;
  private readonly reads: LiveReads;
  private readonly caps: SubscriptionCaps;
  /** How to end each subscription held now, for a clean shutdown. */
  private readonly active = new Set<() => void>();

  /** Metrics of live data, when metrics are on. */
  get metrics(): LiveMetrics | undefined {
    return this.options.metrics;
  }

  constructor(private readonly options: LiveDataOptions) {
    const { clock, redis, metrics, cache } = options;
    this.bus = new ChangeBus({
      clock,
      ...(redis && { redis }),
      relayGate: () => cache.settled(),
      onPublished: (change) => metrics?.recordPublished(change.source),
    });
    this.reads = new LiveReads({
      clock,
      onOutcome: (outcome) => metrics?.recordChangeRead(outcome),
    });
    this.caps = new SubscriptionCaps(options.maxSubscriptionsPerCaller);
    this.announcer = { announce: (notice) => this.announce(notice) };
  }

  /**
   * An authenticated delivery. Every delivery invalidates what it names, repeated or not: whether a
   * change is worth a message is decided by content, per subscriber identity, after the re-read.
   * Resolves once the invalidation is written (or kept for when Redis is back) and the change is
   * published; never rejects. Resolves true when it is durable: the invalidation written where every
   * replica reads and the change relayed to them (the offline drain confirms a record only then);
   * false when either is only kept for when Redis is back.
   */
  async receive(delivery: EventDelivery): Promise<boolean> {
    const { metrics, logger } = this.options;
    try {
      const invalidated = await this.options.cache.invalidate(
        unitsOfChange(delivery.entity, delivery.kind, delivery.id),
      );
      const { relayed } = this.bus.publishAndRelay({
        entity: delivery.entity,
        kind: delivery.kind,
        id: delivery.id,
        occurredAt: delivery.ts,
        source: "portal",
      });
      metrics?.recordEvent("published");
      return (await relayed) && invalidated;
    } catch (error) {
      logger.error({ err: error, event: delivery.event }, "event delivery could not be published");
      return false;
    }
  }

  /**
   * A subscriber's view: `identityKey` names whose permissions the reads use, `caller` whose
   * subscription cap is charged, `services` reads the portal as that identity.
   */
  feed(subscriber: {
    identityKey: string;
    /** Computed only when a subscription starts: plain queries never need it. */
    caller: () => string;
    transport: string;
    services: () => Services;
  }): LiveFeed {
    const { metrics, clock } = this.options;
    const decide = (change: Change) => {
      metrics?.recordDeliveryLag(clock.now() - change.publishedAtMs);
      return this.reads.decide(change, subscriber.identityKey, () =>
        readRecord(subscriber.services(), change),
      );
    };
    return {
      changes: (entity, filter) => {
        // Checked when the subscription starts, so that a refusal reaches the client as an error.
        const caller = subscriber.caller();
        this.caps.check(caller);
        return filteredChanges((listener) => this.bus.listen(listener), entity, filter, decide, {
          started: (end) => {
            const release = this.caps.acquire(caller);
            this.active.add(end);
            metrics?.subscriptionStarted(subscriber.transport);
            return () => {
              release();
              this.active.delete(end);
              metrics?.subscriptionEnded(subscriber.transport);
            };
          },
        });
      },
    };
  }

  /** Resolves once the replica listens to the others (or knows Redis is not there). */
  settled(): Promise<void> {
    return this.bus.settled();
  }

  /**
   * Ends every subscription, so that each transport tells its client the subscription is complete
   * (graphql-ws sends `complete`, the callback protocol `complete`), and stops listening to Redis.
   */
  async close(): Promise<void> {
    for (const end of [...this.active]) end();
    this.reads.close();
    await this.bus.close();
  }

  /** A write through the gateway, already invalidated: published at once. */
  private announce(notice: ChangeNotice): void {
    const occurredAt = Math.floor(this.options.clock.now() / 1000);
    this.bus.publish({ ...notice, occurredAt, source: "gateway" });
  }
}

function readRecord(services: Services, change: Change): Promise<unknown> {
  const reads: Record<Change["entity"], (id: number) => Promise<unknown>> = {
    booking: (id) => services.bookings.get(id),
    resource: (id) => services.resources.get(id),
    resourceType: (id) => services.resourceTypes.get(id),
    waitListItem: (id) => services.waitList.get(id),
  };
  return reads[change.entity](change.id);
}
