import { BitrixApiError, BitrixError } from "../../src/transport/errors";
import { classifyFailure } from "../../src/transport/failure";

const METHOD = "booking.v1.booking.get";

/**
 * The circuit breaker reads `portal` from the classification: a failure the gateway made itself
 * (a call it never sent, or stopped waiting for) must neither count against the portal nor count
 * as the portal answering, which would close a circuit that is probing.
 */
describe("a failure the gateway made itself", () => {
  it.each([
    "RATE_LIMITED",
    "CIRCUIT_OPEN",
    "ABORTED",
    "DEADLINE_EXCEEDED",
    "INTERNAL",
    "APPLICATION_NOT_INSTALLED",
    "PAYMENT_REQUIRED",
    "APPLICATION_REFRESH_REFUSED",
    "INSTALLATION_STORE_UNAVAILABLE",
    "OAUTH_SERVER_UNAVAILABLE",
  ])("(%s) is final and says nothing of the portal", (code) => {
    expect(classifyFailure(new BitrixError(code, "", METHOD, undefined))).toEqual({
      kind: "final",
      portal: "unknown",
    });
  });

  it("differs from the portal's answer about the call, which says the portal is up", () => {
    expect(classifyFailure(new BitrixApiError("1021", "Booking not found", METHOD, 400))).toEqual({
      kind: "final",
      portal: "up",
    });
  });
});
