import { checkRateLimit, LeakyBucket } from "../../src/demo-portal/rate-limit";

describe("LeakyBucket", () => {
  it("admits up to burst at once and refuses the next without raising the level", () => {
    const bucket = new LeakyBucket({ burst: 3, perSecond: 2 }, 0);
    expect([1, 2, 3, 4, 5].map(() => bucket.tryAdd(0))).toEqual([true, true, true, false, false]);
    // Two refusals added nothing: half a second drains one request, and exactly one fits.
    expect(bucket.tryAdd(500)).toBe(true);
    expect(bucket.tryAdd(500)).toBe(false);
  });

  it("drains fractionally: 0.6 s at 2 per second frees 1.2 requests", () => {
    const bucket = new LeakyBucket({ burst: 5, perSecond: 2 }, 0);
    for (let index = 0; index < 5; index += 1) bucket.tryAdd(0);
    expect(bucket.tryAdd(400)).toBe(false); // level 4.2 + 1 > 5
    expect(bucket.tryAdd(600)).toBe(true); // level 3.8 + 1 = 4.8
    expect(bucket.tryAdd(600)).toBe(false); // level 4.8 + 1 > 5
  });

  it("never drains below empty, however long it idles", () => {
    const bucket = new LeakyBucket({ burst: 2, perSecond: 1 }, 0);
    expect(bucket.tryAdd(60_000)).toBe(true);
    expect(bucket.tryAdd(60_000)).toBe(true);
    expect(bucket.tryAdd(60_000)).toBe(false);
  });
});

describe("checkRateLimit", () => {
  it("accepts a limit or null", () => {
    expect(checkRateLimit({ burst: 50, perSecond: 2 }, "rateLimit")).toEqual({
      burst: 50,
      perSecond: 2,
    });
    expect(checkRateLimit(null, "rateLimit")).toBeNull();
  });

  it("names the rule and the value", () => {
    expect(() => checkRateLimit({ burst: 0.5, perSecond: 2 }, "rateLimit")).toThrow(
      "rateLimit.burst must be a number of at least 1, got 0.5",
    );
    expect(() => checkRateLimit({ burst: 5, perSecond: 0 }, "rateLimit")).toThrow(
      "rateLimit.perSecond must be a positive number, got 0",
    );
    expect(() => checkRateLimit({ burst: 5, perSecond: 1, drain: 2 }, "rateLimit")).toThrow(
      "rateLimit accepts only burst and perSecond, got drain",
    );
    expect(() => checkRateLimit("50:2", "rateLimit")).toThrow(
      'rateLimit must be {burst, perSecond} or null, got "50:2"',
    );
  });
});
