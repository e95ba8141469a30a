import {
  CircuitBreaker,
  isAvailabilityFailure,
  type CircuitState,
} from "../../src/bitrix/circuit-breaker";
import {
  BitrixApiError,
  BitrixMalformedResponseError,
  BitrixNetworkError,
  BitrixTimeoutError,
} from "../../src/bitrix/errors";

const ORIGIN = "https://portal.example";

function breaker(threshold = 3, cooldownMs = 1000) {
  let now = 0;
  const changes: CircuitState[] = [];
  const instance = new CircuitBreaker(
    { threshold, cooldownMs, onStateChange: (_origin, state) => changes.push(state) },
    () => now,
  );
  return { instance, changes, advance: (ms: number) => (now += ms) };
}

describe("circuit breaker", () => {
  it("opens after `threshold` consecutive failures and refuses until the cool-down passes", () => {
    const { instance, changes, advance } = breaker();
    for (let i = 0; i < 2; i += 1) {
      expect(instance.acquire(ORIGIN).allowed).toBe(true);
      instance.failed(ORIGIN);
    }
    expect(instance.state(ORIGIN)).toBe("closed");
    instance.acquire(ORIGIN);
    instance.failed(ORIGIN);
    expect(instance.state(ORIGIN)).toBe("open");
    advance(400);
    expect(instance.acquire(ORIGIN)).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(changes).toEqual(["open"]);
  });

  it("a success resets the count", () => {
    const { instance } = breaker();
    instance.failed(ORIGIN);
    instance.failed(ORIGIN);
    instance.succeeded(ORIGIN);
    instance.failed(ORIGIN);
    instance.failed(ORIGIN);
    expect(instance.state(ORIGIN)).toBe("closed");
  });

  it("lets exactly one probe through after the cool-down; its success closes the circuit", () => {
    const { instance, changes, advance } = breaker();
    for (let i = 0; i < 3; i += 1) instance.failed(ORIGIN);
    advance(1000);
    expect(instance.isRejecting(ORIGIN).allowed).toBe(true);
    expect(instance.acquire(ORIGIN).allowed).toBe(true);
    expect(instance.state(ORIGIN)).toBe("half-open");
    expect(instance.acquire(ORIGIN).allowed).toBe(false);
    instance.succeeded(ORIGIN);
    expect(instance.state(ORIGIN)).toBe("closed");
    expect(instance.acquire(ORIGIN).allowed).toBe(true);
    expect(changes).toEqual(["open", "half-open", "closed"]);
  });

  it("a failed probe opens the circuit for another cool-down", () => {
    const { instance, advance } = breaker();
    for (let i = 0; i < 3; i += 1) instance.failed(ORIGIN);
    advance(1000);
    instance.acquire(ORIGIN);
    instance.failed(ORIGIN);
    expect(instance.state(ORIGIN)).toBe("open");
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

  it("counts transport failures and 5xx, not the rate limit or answers about the call", () => {
    const method = "booking.v1.booking.get";
    expect(isAvailabilityFailure(new BitrixNetworkError(method, "ECONNRESET"))).toBe(true);
    expect(isAvailabilityFailure(new BitrixTimeoutError(method, 100))).toBe(true);
    expect(isAvailabilityFailure(new BitrixMalformedResponseError(method, 200, "text/html"))).toBe(
      true,
    );
    expect(
      isAvailabilityFailure(new BitrixApiError("INTERNAL_SERVER_ERROR", "", method, 500)),
    ).toBe(true);
    expect(isAvailabilityFailure(new BitrixApiError("QUERY_LIMIT_EXCEEDED", "", method, 503))).toBe(
      false,
    );
    expect(isAvailabilityFailure(new BitrixApiError("1021", "", method, 400))).toBe(false);
    expect(isAvailabilityFailure(new BitrixApiError("expired_token", "", method, 401))).toBe(false);
  });
});
