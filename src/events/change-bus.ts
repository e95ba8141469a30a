import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import { listen, publish } from "../redis/pub-sub";
import type { RedisConnection } from "../redis/redis-connection";
import type { Change, ChangedEntity, ChangeKindName } from "./change";
import { RelayOutbox } from "./relay-outbox";

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

/** Most replicas whose last relayed change is remembered (a replica is a new one after a restart). */
const MAX_ORIGINS = 1000;

/** What the bus relays between replicas: the change, the replica it came from and its number there. */
interface RelayedChange {
  origin: string;
  /** 1, 2, 3… in the order the origin published; absent from a replica of an older version. */
  sequence?: number;
  change: Change;
}

/**
 * The pub/sub that feeds subscriptions: Bitrix24 events and the gateway's own writes go in, every
 * subscriber on every replica gets them. A change is delivered on its own replica at once, in
 * process, and relayed to the others through a Redis channel when Redis is configured. While Redis is
 * away each replica still delivers what reaches it, and keeps what it could not relay (the latest
 * `MAX_UNRELAYED`) to relay when Redis is back, after `relayGate` (the read cache writing the
 * invalidations it kept meanwhile, so that the other replicas re-read fresh state); if Redis goes
 * away and comes back again before they are all relayed, the gate is passed again first.
 *
 * A replica relays its changes in the order it published them (RelayOutbox), and a receiver delivers
 * each replica's changes once: a relay whose PUBLISH timed out is sent again (Redis may have applied
 * it nonetheless), and a receiver drops a change numbered at or below the last one it delivered from
 * that replica. test/model/change-bus.model.test.ts checks these rules against random interleavings.
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
  private readonly outbox: RelayOutbox<RelayedChange> | undefined;
  /** Per other replica, the number of the last change delivered from it; the longest unheard go first. */
  private readonly lastDelivered = new LRUCache<string, number>({ max: MAX_ORIGINS });

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
    this.outbox = new RelayOutbox({
      connection: relay.publisher,
      send: (message) => publish(relay.publisher, relay.channel, JSON.stringify(message)),
      gate: options.relayGate,
      max: MAX_UNRELAYED,
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
    return {
      change,
      relayed: this.relay({ origin: this.origin, sequence: this.sequence, change }),
    };
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
    return this.outbox?.add(message) ?? Promise.resolve(true);
  }

  private receive(message: string): void {
    const relayed = relayedChangeIn(message);
    // Redis hands a replica its own messages too; those were delivered here already.
    if (!relayed || relayed.origin === this.origin || !this.isNew(relayed)) return;
    this.deliver(relayed.change);
  }

  /** False for a change delivered already: one relayed again after its PUBLISH timed out. */
  private isNew({ origin, sequence }: RelayedChange): boolean {
    if (typeof sequence !== "number" || !Number.isInteger(sequence)) return true;
    // A peek: only a change delivered makes its replica the most recently heard from.
    const last = this.lastDelivered.peek(origin);
    if (last !== undefined && sequence <= last) return false;
    this.lastDelivered.set(origin, sequence);
    return true;
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

/** What another replica relayed, or undefined for a message on the channel that is not one. */
function relayedChangeIn(message: string): RelayedChange | undefined {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  const relayed = value as Partial<RelayedChange> | null;
  return typeof relayed?.origin === "string" && isChange(relayed.change)
    ? (relayed as RelayedChange)
    : undefined;
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
