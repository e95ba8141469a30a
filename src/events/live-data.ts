import { unitsOfChange } from "../services/cache-entries";
import type { ReadCache } from "../cache/read-cache";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { LiveMetrics } from "../observability/live-metrics";
import type { RedisConnection } from "../redis/redis-connection";
import type { Services } from "../services/services";
import type { Change, ChangeAnnouncer, ChangeNotice } from "./change";
import { ChangeBus } from "./change-bus";
import { DeliveryLedger } from "./delivery-ledger";
import { EchoLedger } from "./echo-ledger";
import type { EventDelivery } from "./event-delivery";
import { filteredChanges, type LiveFeed } from "./live-feed";
import { LiveReads } from "./live-reads";
import { SubscriptionCaps } from "./subscription-caps";

export interface LiveDataOptions {
  clock: Clock;
  logger: Logger;
  metrics: LiveMetrics | undefined;
  echoWindowSeconds: number;
  dedupeWindowSeconds: number;
  maxSubscriptionsPerCaller: number;
  /** What an event makes stale there is dropped before subscribers read it. */
  cache?: ReadCache;
  /** Shared between replicas: dedupe, echoes and the bus. Absent: this replica alone. */
  redis?: { publisher: RedisConnection; subscriber: RedisConnection; keyPrefix: string };
}

/**
 * Everything live in one place: Bitrix24 event deliveries and the gateway's own writes become
 * changes on the bus; subscribers get them filtered, with the record's current state read once per
 * change and identity.
 */
export class LiveData {
  readonly announcer: ChangeAnnouncer;
  private readonly bus: ChangeBus;
  private readonly deliveries: DeliveryLedger;
  private readonly echoes: EchoLedger;
  private readonly reads = new LiveReads();
  private readonly caps: SubscriptionCaps;
  /** How to end each subscription held now, for a clean shutdown. */
  private readonly active = new Set<() => void>();

  /** Metrics of live data, when metrics are on. */
  get metrics(): LiveMetrics | undefined {
    return this.options.metrics;
  }

  constructor(private readonly options: LiveDataOptions) {
    const { clock, redis, metrics } = options;
    const shared = redis && { connection: redis.publisher, keyPrefix: redis.keyPrefix };
    this.bus = new ChangeBus({
      clock,
      ...(redis && {
        redis: {
          publisher: redis.publisher,
          subscriber: redis.subscriber,
          channel: `${redis.keyPrefix}changes`,
        },
      }),
      onPublished: (change) => metrics?.recordPublished(change.source),
    });
    this.deliveries = new DeliveryLedger({
      clock,
      windowSeconds: options.dedupeWindowSeconds,
      ...(shared && { redis: shared }),
    });
    this.echoes = new EchoLedger({
      clock,
      windowSeconds: options.echoWindowSeconds,
      ...(shared && { redis: shared }),
    });
    this.caps = new SubscriptionCaps(options.maxSubscriptionsPerCaller);
    this.announcer = { announce: (notice) => this.announce(notice) };
  }

  /**
   * An authenticated delivery: published unless it repeats one seen before or echoes a write made
   * through the gateway. Never rejects: the handler has already answered Bitrix24.
   */
  async receive(delivery: EventDelivery): Promise<void> {
    const { metrics, logger } = this.options;
    try {
      if (!(await this.deliveries.firstTime(delivery))) {
        metrics?.recordEvent("deduplicated");
        return;
      }
      await this.options.cache?.invalidate(
        unitsOfChange(delivery.entity, delivery.kind, delivery.id),
      );
      if (!(await this.echoes.firstReport("portal", delivery))) {
        metrics?.recordEvent("echo");
        return;
      }
      this.bus.publish({
        entity: delivery.entity,
        kind: delivery.kind,
        id: delivery.id,
        occurredAt: delivery.ts,
        source: "portal",
      });
      metrics?.recordEvent("published");
    } catch (error) {
      logger.error({ err: error, event: delivery.event }, "event delivery could not be published");
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
    return {
      changes: (entity, filter) => {
        // Checked when the subscription starts, so that a refusal reaches the client as an error.
        const caller = subscriber.caller();
        this.caps.check(caller);
        return filteredChanges((listener) => this.bus.listen(listener), entity, filter, {
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
      current: <T>(change: Change) => {
        metrics?.recordDeliveryLag(clock.now() - change.publishedAtMs);
        if (change.kind === "DELETED") return Promise.resolve(null);
        return this.reads.read(change, subscriber.identityKey, () =>
          readRecord<T>(subscriber.services(), change),
        );
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
    await this.bus.close();
  }

  /** A write through the gateway: published at once, unless Bitrix24's event for it came first. */
  private announce(notice: ChangeNotice): void {
    const occurredAt = Math.floor(this.options.clock.now() / 1000);
    this.echoes.firstReport("gateway", notice).then(
      (first) => {
        if (first) this.bus.publish({ ...notice, occurredAt, source: "gateway" });
      },
      (error: unknown) => this.options.logger.error({ err: error }, "a change was not published"),
    );
  }
}

function readRecord<T>(services: Services, change: Change): Promise<T> {
  const reads: Record<Change["entity"], (id: number) => Promise<unknown>> = {
    booking: (id) => services.bookings.get(id),
    resource: (id) => services.resources.get(id),
    resourceType: (id) => services.resourceTypes.get(id),
    waitListItem: (id) => services.waitList.get(id),
  };
  return reads[change.entity](change.id) as Promise<T>;
}
