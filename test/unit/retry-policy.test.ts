import {
  BitrixApiError,
  BitrixMalformedResponseError,
  BitrixNetworkError,
  BitrixTimeoutError,
} from "../../src/bitrix/errors";
import { backoffMs, isIdempotent, mayRetry } from "../../src/bitrix/retry-policy";

const api = (code: string, status: number, method: string) =>
  new BitrixApiError(code, "", method, status);

describe("retry policy", () => {
  it("retries any method the portal refused before running it", () => {
    for (const method of [
      "booking.v1.booking.add",
      "booking.v1.booking.get",
      "booking.v1.waitlist.createfrombooking",
    ]) {
      expect(mayRetry(method, api("QUERY_LIMIT_EXCEEDED", 503, method))).toBe(true);
      expect(mayRetry(method, api("OPERATION_TIME_LIMIT", 429, method))).toBe(true);
    }
  });

  it("retries reads and idempotent writes after failures that may have run the call", () => {
    const ambiguous = [
      (m: string) => new BitrixNetworkError(m, "ECONNRESET"),
      (m: string) => new BitrixTimeoutError(m, 1000),
      (m: string) => new BitrixMalformedResponseError(m, 502, "text/html"),
      (m: string) => api("INTERNAL_SERVER_ERROR", 500, m),
    ];
    for (const method of [
      "booking.v1.booking.get",
      "booking.v1.booking.list",
      "booking.v1.booking.client.set",
      "booking.v1.booking.client.unset",
      "booking.v1.booking.update",
    ]) {
      for (const make of ambiguous) expect(mayRetry(method, make(method))).toBe(true);
    }
  });

  it("never resends add, createfrom* or delete after such a failure", () => {
    for (const method of [
      "booking.v1.booking.add",
      "booking.v1.booking.createfromwaitlist",
      "booking.v1.waitlist.createfrombooking",
      "booking.v1.booking.delete",
    ]) {
      expect(isIdempotent(method)).toBe(false);
      expect(mayRetry(method, new BitrixNetworkError(method, "ECONNRESET"))).toBe(false);
      expect(mayRetry(method, new BitrixTimeoutError(method, 1000))).toBe(false);
    }
  });

  it("does not retry the portal's answers about the call itself", () => {
    expect(mayRetry("booking.v1.booking.get", api("1021", 400, "booking.v1.booking.get"))).toBe(
      false,
    );
    expect(
      mayRetry("booking.v1.booking.get", api("NO_AUTH_FOUND", 401, "booking.v1.booking.get")),
    ).toBe(false);
  });

  it("backs off exponentially with full jitter, capped", () => {
    expect(backoffMs(1, () => 1)).toBe(100);
    expect(backoffMs(3, () => 1)).toBe(400);
    expect(backoffMs(10, () => 1)).toBe(2000);
    expect(backoffMs(3, () => 0)).toBe(0);
  });
});
