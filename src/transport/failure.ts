import type { BitrixError } from "./errors";
import { PortalCode } from "./protocol";

/**
 * What a failed attempt tells about the call:
 * - "not-executed": the portal refused it before running it, so any method may be sent again;
 * - "ambiguous": it may have run (the connection broke, no answer came, the answer was unreadable
 *   or a 5xx), so only calls that are safe to repeat may be sent again;
 * - "final": an answer about the call itself, or a refusal by this gateway; sending it again would
 *   change nothing.
 */
export type FailureKind = "not-executed" | "ambiguous" | "final";

/** What the same failure tells about the portal, for the circuit breaker. */
export type PortalHealth = "up" | "down" | "unknown";

export interface FailureClass {
  kind: FailureKind;
  portal: PortalHealth;
}

/** Codes this gateway gives calls it never sent or stopped waiting for: they say nothing of the portal. */
const GATEWAY_CODES = new Set([
  "RATE_LIMITED",
  "CIRCUIT_OPEN",
  "ABORTED",
  "DEADLINE_EXCEEDED",
  "INTERNAL",
  // The installed application has no usable token: no request was made (see ApplicationSession).
  "APPLICATION_NOT_INSTALLED",
  "PAYMENT_REQUIRED",
  "APPLICATION_REFRESH_REFUSED",
  "INSTALLATION_STORE_UNAVAILABLE",
  "OAUTH_SERVER_UNAVAILABLE",
]);

/** Transport failures after which the call may or may not have run. */
const AMBIGUOUS_CODES = new Set(["NETWORK_ERROR", "TIMEOUT", "MALFORMED_RESPONSE"]);

/**
 * The one classification of a failed attempt. The retry policy reads `kind`, the circuit breaker
 * reads `portal`, and a write whose outcome may be unknown is reported from `kind` too.
 */
export function classifyFailure(error: BitrixError): FailureClass {
  if (
    error.code === PortalCode.QueryLimitExceeded ||
    error.code === PortalCode.OperationTimeLimit
  ) {
    // The portal answered: it is up, only busy.
    return { kind: "not-executed", portal: "up" };
  }
  if (error.code === "NOT_EXECUTED") return { kind: "not-executed", portal: "up" };
  if (GATEWAY_CODES.has(error.code)) return { kind: "final", portal: "unknown" };
  if (AMBIGUOUS_CODES.has(error.code)) return { kind: "ambiguous", portal: "down" };
  if (error.status !== undefined && error.status >= 500)
    return { kind: "ambiguous", portal: "down" };
  return { kind: "final", portal: "up" };
}
