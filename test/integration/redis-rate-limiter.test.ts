import { randomUUID } from "node:crypto";
import { RedisConnection } from "../../src/redis/redis-connection";
import { MemoryRateLimiter, type RateLimiter } from "../../src/transport/rate-limiter";
import { RedisRateLimiter } from "../../src/transport/redis-rate-limiter";
import { SharedRateLimiter } from "../../src/transport/shared-rate-limiter";
import { ManualClock } from "../helpers/manual-clock";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("the leaky bucket shared through Redis", () => {
  const spec = { burst: 50, perSecond: 2 };
  let clock: ManualClock;
  let connections: RedisConnection[];
  let replicaA: RedisRateLimiter;
  let replicaB: RedisRateLimiter;

  // Each replica has its own connection; each test its own keys and a clock that stands still, so
  // the bucket drains only when the test moves the clock: the figures below are exact, however slow
  // Redis answers.
  beforeEach(async () => {
    const prefix = `b24gw:test:${randomUUID()}:`;
    clock = new ManualClock();
    connections = [await connect(), await connect()];
    const keyOf = (bucket: string) => `${prefix}${bucket}`;
    replicaA = new RedisRateLimiter(connections[0]!.client, spec, keyOf, () => clock.now());
    replicaB = new RedisRateLimiter(connections[1]!.client, spec, keyOf, () => clock.now());
  });
  afterEach(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
  });

  it("makes two replicas draw on one bucket", async () => {
    const reservations = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 === 0 ? replicaA : replicaB).reserve("portal", 60_000),
      ),
    );
    expect(reservations.every((r) => r.granted)).toBe(true);
    const waits = reservations.map((r) => r.waitMs).sort((a, b) => a - b);
    // The burst goes at once; the ten beyond it are spaced half a second apart.
    expect(waits.slice(0, 50)).toEqual(Array(50).fill(0));
    expect(waits.slice(50)).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
  });

  it("drains at the modelled rate as time passes", async () => {
    for (let i = 0; i < 50; i += 1) await replicaA.reserve("portal", 60_000);
    expect(await replicaB.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 500 });
    clock.advance(1500);
    // 1.5 s drained 3 requests: the reserved one and two more fit at once.
    expect(await replicaA.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 0 });
    expect(await replicaB.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 0 });
    expect(await replicaA.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 500 });
  });

  it("refuses a reservation past the deadline without taking it", async () => {
    for (let i = 0; i < 50; i += 1) await replicaA.reserve("portal", 60_000);
    const refused = await replicaA.reserve("portal", 100);
    expect(refused).toEqual({ granted: false, waitMs: 500 });
    // Had the refused one been taken, this one would wait a whole second.
    expect(await replicaB.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 500 });
  });

  it("fills the shared bucket when one replica learns the portal refused it", async () => {
    await replicaA.markFull("other-portal");
    expect(await replicaB.reserve("other-portal", 60_000)).toEqual({
      granted: true,
      waitMs: 500,
    });
  });

  it("judges the bucket by the Redis server's clock when no clock is given", async () => {
    // One request per 1,000 s: however long the calls below take, the drain stays far below one.
    const prefix = `b24gw:test:${randomUUID()}:`;
    const slow = new RedisRateLimiter(
      connections[0]!.client,
      { burst: 2, perSecond: 0.001 },
      (bucket) => `${prefix}${bucket}`,
    );
    expect((await slow.reserve("portal", 0)).granted).toBe(true);
    expect((await slow.reserve("portal", 0)).granted).toBe(true);
    const third = await slow.reserve("portal", 0);
    expect(third.granted).toBe(false);
    expect(third.waitMs).toBeGreaterThan(900_000);
    expect(third.waitMs).toBeLessThanOrEqual(1_000_000);
  });
});

describe("the shared limit with its local fall-back", () => {
  const spec = { burst: 50, perSecond: 2 };
  let clock: ManualClock;
  let connection: RedisConnection;
  let keyOf: (bucket: string) => string;

  beforeEach(async () => {
    const prefix = `b24gw:test:${randomUUID()}:`;
    keyOf = (bucket) => `${prefix}${bucket}`;
    clock = new ManualClock();
    connection = await connect();
  });
  afterEach(() => connection.close());

  /** A shared limiter that counts the calls it gets and fails them all. */
  const failing = () => {
    const calls: string[] = [];
    const limiter: RateLimiter = {
      reserve: () => {
        calls.push("reserve");
        return Promise.reject(new Error("the script failed"));
      },
      markFull: () => {
        calls.push("markFull");
        return Promise.reject(new Error("the script failed"));
      },
      close: () => Promise.resolve(),
    };
    return { limiter, calls };
  };

  it("fills the shared bucket and the local one when the portal refused a request while Redis answers", async () => {
    const now = () => clock.now();
    const shared = new RedisRateLimiter(connection.client, spec, keyOf, now);
    const local = new MemoryRateLimiter(spec, now);
    const limiter = new SharedRateLimiter(shared, local, connection);
    expect(limiter.sharing).toBe("shared");
    await limiter.markFull("portal");
    // Another replica's view of the shared bucket, and this replica's fall-back: both full.
    const otherReplica = new RedisRateLimiter(connection.client, spec, keyOf, now);
    expect(await otherReplica.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 500 });
    expect(await local.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 500 });
  });

  it("fills only the local bucket while Redis is away, without trying Redis", async () => {
    const away = new RedisConnection("redis://127.0.0.1:1", { commandTimeoutMs: 200 });
    try {
      const shared = failing();
      const local = new MemoryRateLimiter(spec, () => clock.now());
      const limiter = new SharedRateLimiter(shared.limiter, local, away);
      expect(limiter.sharing).toBe("local");
      await limiter.markFull("portal");
      expect(await limiter.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 500 });
      expect(shared.calls).toEqual([]);
    } finally {
      await away.close();
    }
  });

  it("falls back to its local share when a shared command fails, and reports Redis down", async () => {
    const shared = failing();
    const local = new MemoryRateLimiter(spec, () => clock.now());
    const limiter = new SharedRateLimiter(shared.limiter, local, connection);
    await expect(limiter.markFull("portal")).resolves.toBeUndefined();
    expect(shared.calls).toEqual(["markFull"]);
    expect(limiter.sharing).toBe("local");
    expect(await limiter.reserve("portal", 60_000)).toEqual({ granted: true, waitMs: 500 });
    expect(shared.calls).toEqual(["markFull"]);
  });
});

/** A connection that has answered Redis's first round trip. */
async function connect(): Promise<RedisConnection> {
  const connection = new RedisConnection(REDIS_URL);
  if (connection.state !== "ready") {
    await new Promise<void>((resolve) => {
      const stop = connection.onChange((state) => {
        if (state === "ready") {
          stop();
          resolve();
        }
      });
    });
  }
  return connection;
}
