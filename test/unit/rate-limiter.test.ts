import { MemoryRateLimiter, reserveInBucket } from "../../src/transport/rate-limiter";

const STANDARD = { burst: 50, perSecond: 2 };

describe("the leaky-bucket model", () => {
  it("lets a burst through at once, then spaces requests by the drain rate", () => {
    let state = { level: 0, at: 0 };
    const waits: number[] = [];
    for (let i = 0; i < 53; i += 1) {
      const step = reserveInBucket(STANDARD, state, 0, 60_000);
      state = step.state;
      waits.push(step.reservation.waitMs);
    }
    expect(waits.slice(0, 50).every((w) => w === 0)).toBe(true);
    expect(waits.slice(50)).toEqual([500, 1000, 1500]);
  });

  it("drains over time", () => {
    const full = { level: 50, at: 0 };
    expect(reserveInBucket(STANDARD, full, 0, 60_000).reservation.waitMs).toBe(500);
    expect(reserveInBucket(STANDARD, full, 500, 60_000).reservation.waitMs).toBe(0);
  });

  it("takes no reservation that would outlast the caller's deadline, and says how long it would be", () => {
    const full = { level: 60, at: 0 };
    const step = reserveInBucket(STANDARD, full, 0, 1_000);
    expect(step.reservation).toEqual({ granted: false, waitMs: 5500 });
    expect(step.state.level).toBe(60);
  });

  it("treats the bucket as full after the portal refused a request", async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(STANDARD, () => now);
    expect(await limiter.reserve("p", 0)).toEqual({ granted: true, waitMs: 0 });
    await limiter.markFull("p");
    expect(await limiter.reserve("p", 10_000)).toEqual({ granted: true, waitMs: 500 });
    now = 10_000;
    expect((await limiter.reserve("p", 10_000)).waitMs).toBe(0);
  });

  it("keeps the reservations already queued past the burst when the portal refuses a request", async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(STANDARD, () => now);
    const waits: number[] = [];
    for (let i = 0; i < 52; i += 1) waits.push((await limiter.reserve("p", 60_000)).waitMs);
    expect(waits.slice(50)).toEqual([500, 1000]);
    // Half a second later one request has drained: the bucket holds 51, more than full, and the
    // refusal must not forget what is queued.
    now += 500;
    await limiter.markFull("p");
    expect(await limiter.reserve("p", 60_000)).toEqual({ granted: true, waitMs: 1000 });
  });

  it("keeps separate buckets for separate portals", async () => {
    const limiter = new MemoryRateLimiter({ burst: 1, perSecond: 1 }, () => 0);
    await limiter.reserve("a", 0);
    expect(await limiter.reserve("b", 0)).toEqual({ granted: true, waitMs: 0 });
    expect(await limiter.reserve("a", 0)).toEqual({ granted: false, waitMs: 1000 });
  });
});
