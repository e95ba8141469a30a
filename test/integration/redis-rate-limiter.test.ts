import { randomUUID } from "node:crypto";
import { RedisRateLimiter } from "../../src/bitrix/redis-rate-limiter";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("the leaky bucket shared through Redis", () => {
  const prefix = `b24gw:test:${randomUUID()}:`;
  const spec = { burst: 50, perSecond: 2 };
  let replicaA: RedisRateLimiter;
  let replicaB: RedisRateLimiter;

  beforeAll(() => {
    replicaA = new RedisRateLimiter(REDIS_URL, spec, prefix);
    replicaB = new RedisRateLimiter(REDIS_URL, spec, prefix);
  });
  afterAll(async () => {
    await replicaA.close();
    await replicaB.close();
  });

  it("makes two replicas draw on one bucket", async () => {
    const reservations = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 === 0 ? replicaA : replicaB).reserve("portal", 60_000),
      ),
    );
    const immediate = reservations.filter((r) => r.granted && r.waitMs === 0).length;
    expect(immediate).toBe(50);
    const waits = reservations.map((r) => r.waitMs).sort((a, b) => a - b);
    // The ten beyond the burst are spaced half a second apart (a few ms of Redis clock drift aside).
    expect(waits[59]).toBeGreaterThanOrEqual(4_900);
    expect(waits[59]).toBeLessThanOrEqual(5_000);
  });

  it("refuses a reservation past the deadline without taking it", async () => {
    const refused = await replicaA.reserve("portal", 100);
    expect(refused.granted).toBe(false);
    const again = await replicaB.reserve("portal", 60_000);
    expect(again.waitMs).toBeLessThanOrEqual(refused.waitMs);
  });

  it("fills the shared bucket when one replica learns the portal refused it", async () => {
    await replicaA.markFull("other-portal");
    const next = await replicaB.reserve("other-portal", 60_000);
    expect(next.waitMs).toBeGreaterThanOrEqual(490);
  });

  it("answers a readiness ping", async () => {
    expect(await replicaA.ping()).toBe(true);
  });
});
