import {
  ApplicationUnavailableCode,
  ApplicationUnavailableError,
} from "../../src/app/application-errors";
import {
  BitrixAbortedError,
  BitrixApiError,
  BitrixCircuitOpenError,
  BitrixDeadlineError,
  BitrixError,
  BitrixRateLimitedError,
} from "../../src/transport/errors";
import { classifyFailure } from "../../src/transport/failure";

const METHOD = "booking.v1.booking.get";

/**
 * The circuit breaker reads `portal` from the classification: a failure the gateway made itself
 * (a call it never sent, or stopped waiting for) must neither count against the portal nor count
 * as the portal answering, which would close a circuit that is probing. The errors are the ones the
 * gateway raises, so that a new one is classified here as it is in use.
 */
describe("a failure the gateway made itself", () => {
  it.each<[string, BitrixError]>([
    [
      "a call that would wait past the deadline for the rate limit",
      new BitrixRateLimitedError(METHOD, 3),
    ],
    ["a call refused while the circuit is open", new BitrixCircuitOpenError(METHOD, 10)],
    ["a call its caller cancelled", new BitrixAbortedError(METHOD)],
    ["a call the request's deadline overtook", new BitrixDeadlineError(METHOD)],
    ["a fault inside the gateway", new BitrixError("INTERNAL", "a bug", METHOD, undefined)],
    ...Object.values(ApplicationUnavailableCode).map((code): [string, BitrixError] => [
      `an installed application without a usable token (${code})`,
      new ApplicationUnavailableError(code, METHOD),
    ]),
  ])("(%s) is final and says nothing of the portal", (_what, error) => {
    expect(classifyFailure(error)).toEqual({ kind: "final", portal: "unknown" });
  });

  it("differs from the portal's answer about the call, which says the portal is up", () => {
    expect(classifyFailure(new BitrixApiError("1021", "Booking not found", METHOD, 400))).toEqual({
      kind: "final",
      portal: "up",
    });
  });
});
