import type { BitrixError } from "./errors";

/**
 * When an upstream failure may be retried. The one rule that protects data: a failure that may have
 * happened after the portal applied the call is retried only for calls that are safe to repeat.
 */
export const RETRY_POLICY = {
  /** Attempts per call, the first included. */
  maxAttempts: 4,
  /** Backoff before attempt n (1-based retry): up to baseMs * 2^(n-1), with full jitter, capped. */
  backoff: { baseMs: 100, maxMs: 2_000 },
  /** The portal refused these before running the call, so repeating any method is safe. */
  notExecutedCodes: new Set(["QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT"]),
  /** These may have been applied: network errors, timeouts, 5xx and unreadable answers. */
  ambiguousCodes: new Set(["NETWORK_ERROR", "TIMEOUT", "MALFORMED_RESPONSE"]),
  /**
   * Methods whose effect is the same however often they run: reads, and writes that set state. `add`
   * and `createfrom*` create a record per run; `delete` would answer "not found" the second time.
   */
  idempotentMethod: /\.(get|list|update|set|unset)$/i,
} as const;

export type FailureKind = "not-executed" | "ambiguous" | "final";

export function classifyFailure(error: BitrixError): FailureKind {
  if (RETRY_POLICY.notExecutedCodes.has(error.code)) return "not-executed";
  if (RETRY_POLICY.ambiguousCodes.has(error.code)) return "ambiguous";
  if (error.status !== undefined && error.status >= 500) return "ambiguous";
  return "final";
}

export function isIdempotent(method: string): boolean {
  return RETRY_POLICY.idempotentMethod.test(method);
}

/** The one predicate: may this failed call be sent again? */
export function mayRetry(method: string, error: BitrixError): boolean {
  const kind = classifyFailure(error);
  return kind === "not-executed" || (kind === "ambiguous" && isIdempotent(method));
}

export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(
    RETRY_POLICY.backoff.maxMs,
    RETRY_POLICY.backoff.baseMs * 2 ** (retry - 1),
  );
  return Math.round(ceiling * random());
}
