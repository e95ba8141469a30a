import { randomUUID } from "node:crypto";
import type { CacheStore } from "../../src/cache/cache-store";
import { MemoryCacheStore } from "../../src/cache/memory-store";
import { ReadCache, type CacheEntry } from "../../src/cache/read-cache";
import { RedisCacheKv } from "../../src/cache/redis-kv";
import { SharedCacheStore } from "../../src/cache/shared-store";
import { systemClock } from "../../src/clock";
import { RedisConnection } from "../../src/redis/redis-connection";
import { ManualClock } from "../helpers/manual-clock";
import { reaches } from "../helpers/redis-state";
import { TcpProxy } from "../helpers/tcp-proxy";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const ENTRY: CacheEntry = {
  kind: "booking",
  key: "booking:14",
  units: ["booking:14", "booking:all"],
};

/** A load the test finishes itself: a read held in flight at an exact point. */
function deferredLoad<T>() {
  let finish!: (value: T) => void;
  let started = false;
  const value = new Promise<T>((resolve) => (finish = resolve));
  return {
    load: () => {
      started = true;
      return value;
    },
    get started() {
      return started;
    },
    finish: (result: T) => finish(result),
  };
}

describe.each([
  [
    "in memory",
    () =>
      Promise.resolve({
        store: new MemoryCacheStore(100, systemClock),
        close: () => Promise.resolve(),
      }),
  ],
  [
    "in Redis",
    async (base: string) => {
      const connection = new RedisConnection(REDIS_URL);
      await connection.settled();
      const store = sharedStore(connection, base);
      await store.settled();
      return { store, close: () => connection.close() };
    },
  ],
])("the read cache %s", (_where, makeStore) => {
  let made: Awaited<ReturnType<typeof makeStore>>;
  let cache: ReadCache;
  const clock = new ManualClock();

  beforeEach(async () => {
    const base = `test-${randomUUID()}:cache:v1:portal:`;
    made = await makeStore(base);
    cache = new ReadCache({ store: made.store, ttlSeconds: 60, base, clock, metrics: undefined });
  });
  afterEach(() => made.close());

  it("never serves a value read before a write once the write has invalidated it", async () => {
    const racing = deferredLoad<string>();
    const read = cache.scope("shared").read(ENTRY, racing.load);
    await until(() => racing.started);
    // The write lands while the read is still on its way, and invalidates.
    await cache.invalidate(["booking:14"]);
    racing.finish("old");
    expect(await read).toBe("old");
    // The old value was stored under the old generation: the next read loads again.
    const fresh = jest.fn(() => Promise.resolve("new"));
    expect(await cache.scope("shared").read(ENTRY, fresh)).toBe("new");
    expect(fresh).toHaveBeenCalledTimes(1);
    // And keeps the new one.
    const again = jest.fn(() => Promise.resolve("never"));
    expect(await cache.scope("shared").read(ENTRY, again)).toBe("new");
    expect(again).not.toHaveBeenCalled();
  });

  it("folds concurrent misses of one key into one load", async () => {
    const first = deferredLoad<string>();
    const second = jest.fn(() => Promise.resolve("second"));
    const a = cache.scope("shared").read(ENTRY, first.load);
    const b = cache.scope("shared").read(ENTRY, second);
    first.finish("first");
    expect(await Promise.all([a, b])).toEqual(["first", "first"]);
    expect(second).not.toHaveBeenCalled();
  });

  it("keeps scopes apart", async () => {
    await cache.scope("user-a").read(ENTRY, () => Promise.resolve("seen by a"));
    const forB = jest.fn(() => Promise.resolve("seen by b"));
    expect(await cache.scope("user-b").read(ENTRY, forB)).toBe("seen by b");
    expect(forB).toHaveBeenCalledTimes(1);
  });
});

describe("the read cache's loads in flight", () => {
  it("stay joinable after an earlier load of the same entry, begun before a change, ends", async () => {
    // In memory, where a read reaches the loads in flight within the turn it starts in.
    const base = `test-${randomUUID()}:cache:v2:portal:`;
    const cache = readCacheOver(new MemoryCacheStore(100, systemClock), base);
    const scope = cache.scope("shared");
    const before = deferredLoad<string>();
    const first = scope.read(ENTRY, before.load);
    await until(() => before.started);
    await cache.invalidate(["booking:14"]);
    const after = deferredLoad<string>();
    const second = scope.read(ENTRY, after.load);
    await until(() => after.started);
    before.finish("before the change");
    expect(await first).toBe("before the change");

    // A third read joins the load begun after the change, still on its way.
    const third = jest.fn(() => Promise.resolve("a load of its own"));
    const joined = scope.read(ENTRY, third);
    await new Promise((resolve) => setImmediate(resolve));
    after.finish("after the change");
    expect(await Promise.all([second, joined])).toEqual(["after the change", "after the change"]);
    expect(third).not.toHaveBeenCalled();
  });
});

describe("generations", () => {
  it("never repeat: an evicted generation cannot make an entry from before a change current again", async () => {
    const connection = new RedisConnection(REDIS_URL);
    await connection.settled();
    const base = `test-${randomUUID()}:cache:v2:portal:`;
    const store = sharedStore(connection, base);
    await store.settled();
    const cache = readCacheOver(store, base);
    try {
      await cache.scope("shared").read(ENTRY, () => Promise.resolve("before the change"));
      await cache.invalidate(["booking:14"]);
      // Redis evicts (or loses, restarting from an old snapshot) the generation key.
      await connection.client.del(`${base}gen:booking:14`);
      const load = jest.fn(() => Promise.resolve("after the change"));
      expect(await cache.scope("shared").read(ENTRY, load)).toBe("after the change");
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      await connection.close();
    }
  });

  it("are bounded in memory, however many records change", async () => {
    const store = new MemoryCacheStore(100, systemClock);
    for (let id = 0; id < 10_000; id += 1) await store.bump([`gen:booking:${id}`]);
    expect(store.generationCount).toBeLessThanOrEqual(400);
  });
});

describe("two replicas' read caches sharing Redis", () => {
  it("make every entry stale when one of them kept more invalidations than it could while Redis was away", async () => {
    const proxy = new TcpProxy(Number(new URL(REDIS_URL).port || 6379));
    const { a, b, connections, close } = await twoReplicas({
      urlOfA: await proxy.listen(),
      maxBacklog: 2,
    });
    try {
      const loadOnB = jest.fn(() => Promise.resolve("read by b"));
      await b.scope("shared").read(ENTRY, loadOnB);
      proxy.cut();
      await reaches(connections[0], "down");
      // Three other records change, one more than A can keep: it forgets which.
      for (const id of [1, 2, 3]) expect(await a.invalidate([`booking:${id}`])).toBe(false);
      proxy.restore();
      await reaches(connections[0], "ready");
      await a.settled();
      // A renewed the epoch instead: B's entry, of none of those records, is read again.
      expect(await b.scope("shared").read(ENTRY, loadOnB)).toBe("read by b");
      expect(loadOnB).toHaveBeenCalledTimes(2);
    } finally {
      await close();
      await proxy.close();
    }
  });

  it("never let a read join a load that began before the other replica's write", async () => {
    const { a, b, close } = await twoReplicas();
    try {
      const before = deferredLoad<string>();
      const first = a.scope("shared").read(ENTRY, before.load);
      await until(() => before.started);
      // B answers a write: the booking changed after A's load began.
      await b.invalidate(["booking:14"]);
      const after = jest.fn(() => Promise.resolve("after the write"));
      const second = a.scope("shared").read(ENTRY, after);
      expect(await second).toBe("after the write");
      before.finish("before the write");
      expect(await first).toBe("before the write");
      expect(after).toHaveBeenCalledTimes(1);
    } finally {
      await close();
    }
  });

  it("let one replica load a missed key while the other waits for its value", async () => {
    const { clock, a, b, close } = await twoReplicas();
    try {
      const onA = deferredLoad<string>();
      const readA = a.scope("shared").read(ENTRY, onA.load);
      await until(() => onA.started);
      const onB = jest.fn(() => Promise.resolve("loaded by b"));
      const readB = b.scope("shared").read(ENTRY, onB);
      // B found A's claim and waits on the clock for A's value.
      await clock.whenPending(1);
      onA.finish("loaded by a");
      expect(await readA).toBe("loaded by a");
      clock.next();
      expect(await readB).toBe("loaded by a");
      expect(onB).not.toHaveBeenCalled();
    } finally {
      await close();
    }
  });
});

/** A read cache over `store`, on a clock of its own that no test moves. */
function readCacheOver(store: CacheStore, base: string): ReadCache {
  return new ReadCache({
    store,
    ttlSeconds: 60,
    base,
    clock: new ManualClock(),
    metrics: undefined,
  });
}

/**
 * Two replicas' read caches on one Redis, under one random key base, on one manual clock. A may
 * reach Redis its own way (`urlOfA`, a proxy the test cuts).
 */
async function twoReplicas(options: { urlOfA?: string; maxBacklog?: number } = {}) {
  const clock = new ManualClock();
  const base = `test-${randomUUID()}:cache:v2:portal:`;
  const connections = [
    new RedisConnection(options.urlOfA ?? REDIS_URL, { probeIntervalMs: 50 }),
    new RedisConnection(REDIS_URL),
  ] as const;
  await Promise.all(connections.map((connection) => connection.settled()));
  const stores = connections.map((connection) => sharedStore(connection, base, options.maxBacklog));
  await Promise.all(stores.map((store) => store.settled()));
  const [a, b] = stores.map(
    (store) => new ReadCache({ store, ttlSeconds: 60, base, clock, metrics: undefined }),
  ) as [ReadCache, ReadCache];
  const close = () => Promise.all(connections.map((connection) => connection.close()));
  return { clock, a, b, connections, close };
}

function sharedStore(
  connection: RedisConnection,
  base: string,
  maxBacklog = 100,
): SharedCacheStore {
  return new SharedCacheStore(new RedisCacheKv(connection), {
    epochKey: `${base}epoch`,
    genTtlSeconds: 600,
    maxBacklog,
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
