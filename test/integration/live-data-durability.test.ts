import { randomUUID } from "node:crypto";
import { MemoryCacheStore } from "../../src/cache/memory-store";
import { ReadCache } from "../../src/cache/read-cache";
import { RedisCacheKv } from "../../src/cache/redis-kv";
import { SharedCacheStore } from "../../src/cache/shared-store";
import { systemClock } from "../../src/clock";
import type { EventDelivery } from "../../src/events/event-delivery";
import { LiveData } from "../../src/events/live-data";
import { createLogger } from "../../src/logger";
import { RedisConnection } from "../../src/redis/redis-connection";
import { reaches } from "../helpers/redis-state";
import { within } from "../helpers/bounded-wait";
import { TcpProxy } from "../helpers/tcp-proxy";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

/*
 * A delivery is durable (application mode's offline drain confirms its record to the portal only
 * then) when both its invalidation is written where every replica reads and its change is relayed
 * to them. Here the two go over separate connections to a Redis of the test's own, so that each
 * can fail alone.
 */

let redis: RedisServer;
let proxy: TcpProxy;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

afterAll(async () => {
  await redis.stop();
});

function connection(url: string, options: { subscriber?: boolean } = {}): RedisConnection {
  const made = new RedisConnection(url, {
    probeIntervalMs: 50,
    commandTimeoutMs: 5000,
    ...options,
  });
  closers.push(() => made.close());
  return made;
}

/** Where the cache is kept: as CACHE=off, CACHE=memory, or in a Redis. */
type CacheSetting = "off" | "memory" | { redisUrl: string };

/** The store for `cache`, and the connection it writes through when it is in Redis. */
function storeFor(cache: CacheSetting, base: string) {
  if (cache === "off") return { store: undefined, cacheConnection: undefined };
  if (cache === "memory") {
    return { store: new MemoryCacheStore(100, systemClock), cacheConnection: undefined };
  }
  const cacheConnection = connection(cache.redisUrl);
  const store = new SharedCacheStore(new RedisCacheKv(cacheConnection), {
    epochKey: `${base}epoch`,
    genTtlSeconds: 600,
    maxBacklog: 100,
  });
  return { store, cacheConnection };
}

/** Live data whose cache is kept as `cache` says and whose bus publishes through `bus`. */
async function liveData(urls: { cache: CacheSetting; bus: string }) {
  const base = `b24gw:test:${randomUUID()}:`;
  const { store, cacheConnection } = storeFor(urls.cache, base);
  const publisher = connection(urls.bus);
  const cache = new ReadCache({
    store,
    ttlSeconds: 60,
    base,
    clock: systemClock,
    metrics: undefined,
  });
  const live = new LiveData({
    clock: systemClock,
    logger: createLogger("silent"),
    metrics: undefined,
    maxSubscriptionsPerCaller: 10,
    cache,
    redis: {
      publisher,
      subscriber: connection(urls.bus, { subscriber: true }),
      channel: `${base}changes`,
    },
  });
  closers.push(() => live.close());
  await Promise.all([live.settled(), cache.settled()]);
  await Promise.all([
    cacheConnection && reaches(cacheConnection, "ready"),
    reaches(publisher, "ready"),
  ]);
  return { live, cacheConnection };
}

let nextId = 1;
function delivery(): EventDelivery {
  return {
    event: "ONBOOKINGUPDATE",
    entity: "booking",
    kind: "UPDATED",
    id: nextId++,
    ts: 1_700_000_000,
  };
}

beforeEach(() => {
  proxy = new TcpProxy(redis.port);
  closers.push(() => proxy.close());
});

describe("a delivery's durability", () => {
  it("is durable while Redis answers", async () => {
    const { live } = await liveData({ cache: { redisUrl: redis.url }, bus: redis.url });
    expect(await live.receive(delivery())).toBe(true);
  });

  it("is durable once relayed when the cache is off: there is nothing to invalidate", async () => {
    const { live } = await liveData({ cache: "off", bus: redis.url });
    expect(await live.receive(delivery())).toBe(true);
  });

  it("is durable once relayed with a cache in this replica's memory, written at once", async () => {
    const { live } = await liveData({ cache: "memory", bus: redis.url });
    expect(await live.receive(delivery())).toBe(true);
  });

  it("is not durable when its invalidation could not be written, though its change was relayed", async () => {
    const { live } = await liveData({ cache: { redisUrl: await proxy.listen() }, bus: redis.url });
    const cut = proxy.cutOn(1, "multi");
    expect(await live.receive(delivery())).toBe(false);
    await cut;
  });

  it("is not durable while the cache's Redis is away, and durable again once what was kept is written", async () => {
    const { live, cacheConnection } = await liveData({
      cache: { redisUrl: await proxy.listen() },
      bus: redis.url,
    });
    proxy.cut();
    await reaches(cacheConnection!, "down");
    // Kept for when Redis is back, in this replica alone: a crash now would lose it.
    expect(await live.receive(delivery())).toBe(false);
    proxy.restore();
    await within(10_000, "a durable delivery", () => live.receive(delivery()));
  });

  it("is not durable when its change could not be relayed, though its invalidation was written", async () => {
    const { live } = await liveData({ cache: { redisUrl: redis.url }, bus: await proxy.listen() });
    const cut = proxy.cutOn(1, "publish");
    expect(await live.receive(delivery())).toBe(false);
    await cut;
    // Durable again once what was kept is relayed.
    await within(10_000, "a durable delivery", () => live.receive(delivery()));
  });
});
