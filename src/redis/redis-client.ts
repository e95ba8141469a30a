import Redis, { Cluster, type RedisOptions } from "ioredis";
import type { RedisTarget } from "./redis-url";

/** One server or a master found through Sentinel (a `Redis`), or a Cluster: the same commands. */
export type RedisClient = Redis | Cluster;

export interface RedisClientOptions {
  commandTimeoutMs: number;
  /**
   * The client holds subscriptions. On a Cluster it then keeps one connection per master for sharded
   * pub/sub, and subscribes again by itself wherever a channel's slot moves (a failover).
   */
  subscriber: boolean;
}

/** Reconnect for ever, backing off to one attempt every two seconds. */
const backoff = (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000);

/**
 * An ioredis client for `target` that behaves alike on every topology: a command fails at once while
 * its server is away instead of waiting in a queue, or after `commandTimeoutMs` when it does not
 * answer; the client reconnects in the background for ever, and follows a failover by itself (the
 * sentinels name the new master; a Cluster's slots are read again).
 */
export function createRedisClient(target: RedisTarget, options: RedisClientOptions): RedisClient {
  const perServer: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // ioredis would subscribe again by itself on every reconnect, with a promise nobody handles:
    // when the connection drops again at that moment (Redis flapping), the rejection is unhandled,
    // which ends a node process. The change bus subscribes again itself, handling the outcome.
    autoResubscribe: false,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 2000,
    retryStrategy: backoff,
    // A master demoted to a replica (a failover its clients did not see) refuses writes: reconnect,
    // and be told where the master is now.
    reconnectOnError: (error) => error.message.startsWith("READONLY"),
  };
  switch (target.topology) {
    case "standalone":
      return new Redis(target.url, perServer);
    case "sentinel":
      return new Redis({
        ...perServer,
        sentinels: [...target.sentinels],
        name: target.masterName,
        db: target.db,
        ...credentials(target),
        ...(target.sentinelUsername && { sentinelUsername: target.sentinelUsername }),
        ...(target.sentinelPassword && { sentinelPassword: target.sentinelPassword }),
        sentinelCommandTimeout: options.commandTimeoutMs,
        ...(target.tls && { tls: {}, enableTLSForSentinelMode: true, sentinelTLS: {} }),
      });
    case "cluster":
      return new Cluster([...target.nodes], {
        enableOfflineQueue: false,
        clusterRetryStrategy: backoff,
        // A command for the slots of a master that died is tried again every 100 ms while its
        // replica takes over. Four tries, then it fails and the shared piece falls back to its local
        // version, instead of ioredis's sixteen, which hold it for the whole command timeout; a
        // MOVED or ASK while slots migrate takes one or two.
        maxRedirections: 4,
        shardedSubscribers: options.subscriber,
        redisOptions: {
          ...perServer,
          ...credentials(target),
          ...(target.tls && { tls: {} }),
        },
        // With TLS, the certificates name the seed nodes' host names, not their addresses.
        ...(target.tls && {
          dnsLookup: (address: string, callback: (error: null, address: string) => void) =>
            callback(null, address),
        }),
      });
  }
}

function credentials(target: { username?: string; password?: string }) {
  return {
    ...(target.username && { username: target.username }),
    ...(target.password && { password: target.password }),
  };
}
