import {
  BitrixAbortedError,
  BitrixApiError,
  BitrixCircuitOpenError,
  BitrixMalformedResponseError,
  BitrixNetworkError,
  BitrixRateLimitedError,
  BitrixResultUnknownError,
  BitrixTimeoutError,
  type BitrixError,
} from "../../src/transport/errors";
import { classifyFailure } from "../../src/transport/failure";
import {
  backoffMs,
  finalFailure,
  isIdempotent,
  retryDelayMs,
  RETRY_POLICY,
} from "../../src/transport/retry-policy";

const api = (code: string, status: number, method: string) =>
  new BitrixApiError(code, "", method, status);

/** The delay before the second attempt of `method` after `error`, full jitter at its ceiling. */
const retryAfter = (method: string, error: BitrixError) =>
  retryDelayMs({ method, attempts: 1 }, classifyFailure(error).kind, () => 1);

const ambiguous = [
  (m: string) => new BitrixNetworkError(m, "ECONNRESET"),
  (m: string) => new BitrixTimeoutError(m, 1000),
  (m: string) => new BitrixMalformedResponseError(m, 502, "text/html"),
  (m: string) => api("INTERNAL_SERVER_ERROR", 500, m),
];

describe("retry policy", () => {
  it("sends any method again at once when the portal refused it before running it", () => {
    for (const method of [
      "booking.v1.booking.add",
      "booking.v1.booking.get",
      "booking.v1.waitlist.createfrombooking",
    ]) {
      expect(retryAfter(method, api("QUERY_LIMIT_EXCEEDED", 503, method))).toBe(0);
      expect(retryAfter(method, api("OPERATION_TIME_LIMIT", 429, method))).toBe(0);
    }
  });

  it("sends reads and idempotent writes again, after a backoff, when the call may have run", () => {
    for (const method of [
      "booking.v1.booking.get",
      "booking.v1.booking.list",
      "booking.v1.booking.client.set",
      "booking.v1.booking.client.unset",
      "booking.v1.booking.update",
    ]) {
      for (const make of ambiguous) expect(retryAfter(method, make(method))).toBe(100);
    }
  });

  it("never sends add, createfrom* or delete again after such a failure, and reports them possibly applied", () => {
    for (const method of [
      "booking.v1.booking.add",
      "booking.v1.booking.createfromwaitlist",
      "booking.v1.waitlist.createfrombooking",
      "booking.v1.booking.delete",
    ]) {
      expect(isIdempotent(method)).toBe(false);
      for (const make of ambiguous) {
        const error = make(method);
        expect(retryAfter(method, error)).toBeUndefined();
        expect(finalFailure({ method }, error, true)).toBeInstanceOf(BitrixResultUnknownError);
      }
      // A refusal before the call ran leaves nothing unknown.
      const refused = new BitrixRateLimitedError(method, 2);
      expect(finalFailure({ method }, refused, false)).toBe(refused);
    }
  });

  it("reports a write whose caller left while its request was on its way as possibly applied", () => {
    const aborted = new BitrixAbortedError("booking.v1.booking.add");
    expect(finalFailure({ method: "booking.v1.booking.add" }, aborted, true)).toBeInstanceOf(
      BitrixResultUnknownError,
    );
    expect(finalFailure({ method: "booking.v1.booking.add" }, aborted, false)).toBe(aborted);
    expect(finalFailure({ method: "booking.v1.booking.get" }, aborted, true)).toBe(aborted);
  });

  it("does not send again the portal's answers about the call, nor the gateway's own refusals", () => {
    const method = "booking.v1.booking.get";
    expect(retryAfter(method, api("1021", 400, method))).toBeUndefined();
    expect(retryAfter(method, api("NO_AUTH_FOUND", 401, method))).toBeUndefined();
    expect(retryAfter(method, new BitrixCircuitOpenError(method, 5))).toBeUndefined();
    expect(retryAfter(method, new BitrixRateLimitedError(method, 5))).toBeUndefined();
    expect(retryAfter(method, new BitrixAbortedError(method))).toBeUndefined();
  });

  it("stops after the last attempt", () => {
    const method = "booking.v1.booking.get";
    const kind = classifyFailure(new BitrixNetworkError(method, "ECONNRESET")).kind;
    expect(retryDelayMs({ method, attempts: RETRY_POLICY.maxAttempts - 1 }, kind)).toBeDefined();
    expect(retryDelayMs({ method, attempts: RETRY_POLICY.maxAttempts }, kind)).toBeUndefined();
  });

  it("backs off exponentially with full jitter, capped", () => {
    expect(backoffMs(1, () => 1)).toBe(100);
    expect(backoffMs(3, () => 1)).toBe(400);
    expect(backoffMs(10, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 0)).toBe(0);
  });
});

describe("failure classification", () => {
  const method = "booking.v1.booking.get";

  it("counts transport failures and 5xx against the portal's health, not the rate limit or answers about the call", () => {
    for (const make of ambiguous) expect(classifyFailure(make(method)).portal).toBe("down");
    expect(classifyFailure(api("QUERY_LIMIT_EXCEEDED", 503, method)).portal).toBe("up");
    expect(classifyFailure(api("1021", 400, method)).portal).toBe("up");
    expect(classifyFailure(api("expired_token", 401, method)).portal).toBe("up");
    expect(classifyFailure(new BitrixAbortedError(method)).portal).toBe("unknown");
  });
});
