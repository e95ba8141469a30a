import { randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import { listen, publish } from "../redis/pub-sub";
import type { RedisConnection } from "../redis/redis-connection";
import type { Change, ChangedEntity, ChangeKindName } from "./change";

export type ChangeListener = (change: Change) => void;

/** What a publisher says of a change; the bus adds its key and time. */
export interface PublishedChange {
  entity: ChangedEntity;
  kind: ChangeKindName;
  id: number;
  occurredAt: number;
  source: Change["source"];
}

/** Most changes kept for relaying while Redis is away; older ones are dropped first. */
const MAX_UNRELAYED = 1000;

/** What the bus relays between replicas: the change and the replica it came from. */
interface RelayedChange {
  origin: string;
  change: Change;
}

/**
 * The pub/sub that feeds subscriptions: Bitrix24 events and the gateway's own writes go in, every
 * subscriber on every replica gets them. A change is delivered on its own replica at once, in
 * process, and relayed to the others through a Redis channel when Redis is configured. While Redis is
 * away each replica still delivers what reaches it, and keeps what it could not relay (the latest
 * `MAX_UNRELAYED`) to relay when Redis is back, after `relayGate` (the read cache writing the
 * invalidations it kept meanwhile, so that the other replicas re-read fresh state).
 *
 * Written on ioredis directly rather than @graphql-yoga/redis-event-target: that one publishes and
 * subscribes without handling a failed command, which would reject unhandled while Redis is down,
 * and knows no sharded pub/sub, which a Cluster needs (src/redis/pub-sub.ts).
 */
export class ChangeBus {
  private readonly listeners = new Set<ChangeListener>();
  private readonly origin = randomUUID();
  private sequence = 0;
  private readonly firstSubscription: Promise<void>;
  private readonly unrelayed: RelayedChange[] = [];
  private relaying = false;

  constructor(
    private readonly options: {
      clock: Clock;
      /** Two connections: commands, and one held in subscriber mode. Absent: this replica only. */
      redis?: { publisher: RedisConnection; subscriber: RedisConnection; channel: string };
      /** Awaited before changes kept during an outage are relayed. */
      relayGate?: () => Promise<void>;
      onPublished?: (change: Change) => void;
    },
  ) {
    const relay = options.redis;
    if (!relay) {
      this.firstSubscription = Promise.resolve();
      return;
    }
    relay.publisher.onChange((state) => {
      if (state === "ready") void this.relayKept();
    });
    this.firstSubscription = listen(relay.subscriber, relay.channel, (message) =>
      this.receive(message),
    );
  }

  /**
   * Resolves once the first attempt to listen to the other replicas has ended, either way: a
   * replica that starts serving then already hears what the others publish, when Redis is there.
   */
  settled(): Promise<void> {
    return this.firstSubscription;
  }

  /** Delivers a change to every listener here and relays it to the other replicas. */
  publish(what: PublishedChange): Change {
    return this.publishAndRelay(what).change;
  }

  /**
   * The same, and `relayed` says whether the other replicas were sent it now (true also without
   * Redis: there are none), or it is only kept for when Redis is back.
   */
  publishAndRelay(what: PublishedChange): { change: Change; relayed: Promise<boolean> } {
    const change: Change = {
      ...what,
      key: `${this.origin}:${++this.sequence}`,
      publishedAtMs: this.options.clock.now(),
    };
    this.deliver(change);
    this.options.onPublished?.(change);
    return { change, relayed: this.relay({ origin: this.origin, change }) };
  }

  /** Stops relaying; the subscriber connection is this bus's own, so it is closed here. */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.options.redis?.subscriber.close();
  }

  /** Calls `listener` with every change from now on; returns a function that stops it. */
  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private relay(message: RelayedChange): Promise<boolean> {
    const relay = this.options.redis;
    if (!relay) return Promise.resolve(true);
    if (relay.publisher.state !== "ready" || this.unrelayed.length > 0) {
      this.keep(message);
      return Promise.resolve(false);
    }
    return this.send(message).then(
      () => true,
      () => {
        this.keep(message);
        relay.publisher.reportFailure();
        return false;
      },
    );
  }

  private async send(message: RelayedChange): Promise<void> {
    const relay = this.options.redis!;
    await publish(relay.publisher, relay.channel, JSON.stringify(message));
  }

  private keep(message: RelayedChange): void {
    this.unrelayed.push(message);
    if (this.unrelayed.length > MAX_UNRELAYED) this.unrelayed.shift();
  }

  /** Relays, in order, what was kept while Redis was away; stops at the first failure. */
  private async relayKept(): Promise<void> {
    if (this.relaying) return;
    this.relaying = true;
    try {
      const relay = this.options.redis!;
      // After the other listeners of "ready" (the read cache's sync) have started.
      await Promise.resolve();
      await this.options.relayGate?.();
      while (this.unrelayed.length > 0 && relay.publisher.state === "ready") {
        const message = this.unrelayed[0]!;
        try {
          await this.send(message);
        } catch {
          relay.publisher.reportFailure();
          return;
        }
        if (this.unrelayed[0] === message) this.unrelayed.shift();
      }
    } finally {
      this.relaying = false;
    }
  }

  private receive(message: string): void {
    let relayed: RelayedChange;
    try {
      relayed = JSON.parse(message) as RelayedChange;
    } catch {
      return;
    }
    // Redis hands a replica its own messages too; those were delivered here already.
    if (relayed.origin === this.origin || !isChange(relayed.change)) return;
    this.deliver(relayed.change);
  }

  private deliver(change: Change): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // One subscriber's failure must not keep the change from the others.
      }
    }
  }
}

function isChange(value: unknown): value is Change {
  const change = value as Partial<Change> | null;
  return (
    typeof change?.key === "string" &&
    typeof change.entity === "string" &&
    typeof change.kind === "string" &&
    Number.isInteger(change.id) &&
    typeof change.occurredAt === "number" &&
    typeof change.publishedAtMs === "number"
  );
}
