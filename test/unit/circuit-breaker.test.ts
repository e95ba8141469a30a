import { CircuitBreaker, type CircuitState } from "../../src/transport/circuit-breaker";

const ORIGIN = "https://portal.example";

function breaker(threshold = 3, cooldownMs = 1000) {
  let now = 0;
  const changes: CircuitState[] = [];
  const instance = new CircuitBreaker(
    { threshold, cooldownMs, onStateChange: (_origin, state) => changes.push(state) },
    () => now,
  );
  // The state as the breaker last announced it; "closed" until it announces anything.
  const state = () => changes[changes.length - 1] ?? "closed";
  return { instance, changes, state, advance: (ms: number) => (now += ms) };
}

describe("circuit breaker", () => {
  it("opens after `threshold` consecutive failures and refuses until the cool-down passes", () => {
    const { instance, changes, state, advance } = breaker();
    for (let i = 0; i < 2; i += 1) {
      expect(instance.acquire(ORIGIN).allowed).toBe(true);
      instance.failed(ORIGIN);
    }
    expect(state()).toBe("closed");
    instance.acquire(ORIGIN);
    instance.failed(ORIGIN);
    expect(state()).toBe("open");
    advance(400);
    expect(instance.acquire(ORIGIN)).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(changes).toEqual(["open"]);
  });

  it("a success resets the count", () => {
    const { instance, state } = breaker();
    instance.failed(ORIGIN);
    instance.failed(ORIGIN);
    instance.succeeded(ORIGIN);
    instance.failed(ORIGIN);
    instance.failed(ORIGIN);
    expect(state()).toBe("closed");
  });

  it("lets exactly one probe through after the cool-down; its success closes the circuit", () => {
    const { instance, changes, state, advance } = breaker();
    for (let i = 0; i < 3; i += 1) instance.failed(ORIGIN);
    advance(1000);
    expect(instance.isRejecting(ORIGIN).allowed).toBe(true);
    expect(instance.acquire(ORIGIN).allowed).toBe(true);
    expect(state()).toBe("half-open");
    expect(instance.acquire(ORIGIN).allowed).toBe(false);
    instance.succeeded(ORIGIN);
    expect(state()).toBe("closed");
    expect(instance.acquire(ORIGIN).allowed).toBe(true);
    expect(changes).toEqual(["open", "half-open", "closed"]);
  });

  it("a failed probe opens the circuit for another cool-down", () => {
    const { instance, state, advance } = breaker();
    for (let i = 0; i < 3; i += 1) instance.failed(ORIGIN);
    advance(1000);
    instance.acquire(ORIGIN);
    instance.failed(ORIGIN);
    expect(state()).toBe("open");
    expect(instance.acquire(ORIGIN)).toEqual({ allowed: false, retryAfterMs: 1000 });
  });

  it("a probe that ends without a verdict lets the next request probe", () => {
    const { instance, advance } = breaker();
    for (let i = 0; i < 3; i += 1) instance.failed(ORIGIN);
    advance(1000);
    instance.acquire(ORIGIN);
    instance.settledWithoutVerdict(ORIGIN);
    expect(instance.acquire(ORIGIN).allowed).toBe(true);
  });

  it("keeps origins apart, and threshold 0 turns it off", () => {
    const { instance } = breaker();
    for (let i = 0; i < 3; i += 1) instance.failed(ORIGIN);
    expect(instance.acquire("https://other.example").allowed).toBe(true);
    const off = breaker(0).instance;
    for (let i = 0; i < 10; i += 1) off.failed(ORIGIN);
    expect(off.acquire(ORIGIN).allowed).toBe(true);
  });

  it("reports an outcome by what it says of the portal: up closes, down counts, unknown neither", () => {
    const { instance, changes, state, advance } = breaker(2);
    instance.report(ORIGIN, "down");
    instance.report(ORIGIN, "unknown");
    expect(state()).toBe("closed");
    instance.report(ORIGIN, "down");
    expect(state()).toBe("open");
    advance(1000);
    // A probe whose outcome says nothing of the portal lets the next request probe, in the same
    // half-open circuit.
    instance.acquire(ORIGIN);
    instance.report(ORIGIN, "unknown");
    expect(instance.acquire(ORIGIN).allowed).toBe(true);
    instance.report(ORIGIN, "up");
    expect(changes).toEqual(["open", "half-open", "closed"]);
  });
});
