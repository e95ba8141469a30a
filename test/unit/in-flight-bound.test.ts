import { InFlightBound, MAX_REQUESTS_IN_FLIGHT } from "../../src/transport/in-flight-bound";

describe("the bound on partial requests in flight", () => {
  it("is one without a modelled rate, or before any latency is known", () => {
    const unmodelled = new InFlightBound(undefined);
    unmodelled.observe(5000);
    expect(unmodelled.partialBatches).toBe(1);
    expect(new InFlightBound(2).partialBatches).toBe(1);
  });

  it("keeps the rate in use: ceil(rate x latency), the latency a running average weighting the newest 0.2", () => {
    const bound = new InFlightBound(2);
    bound.observe(1000);
    expect(bound.partialBatches).toBe(2);
    // 1000 + 0.2 x (6000 - 1000) = 2000 ms: 4 requests at 2 per second.
    bound.observe(6000);
    expect(bound.partialBatches).toBe(4);
    // 2000 + 0.2 x (1000 - 2000) = 1800 ms: 3.6, so 4.
    bound.observe(1000);
    expect(bound.partialBatches).toBe(4);
    // A fast answer: 1800 + 0.2 x (100 - 1800) = 1460 ms: 2.92, so 3.
    bound.observe(100);
    expect(bound.partialBatches).toBe(3);
  });

  it("is at most MAX_REQUESTS_IN_FLIGHT however slow the portal", () => {
    const bound = new InFlightBound(2);
    bound.observe(60_000);
    expect(bound.partialBatches).toBe(MAX_REQUESTS_IN_FLIGHT);
  });
});
