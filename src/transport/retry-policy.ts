import { BitrixResultUnknownError, type BitrixError } from "./errors";
import type { FailureKind } from "./failure";

/**
 * When a failed call is sent again. The one rule that protects data: a failure after which the call
 * may have run is retried only for calls that are safe to repeat.
 */
export const RETRY_POLICY = {
  /** Attempts per call, the first included. */
  maxAttempts: 4,
  /** Backoff before retry n (1-based) of an ambiguous failure: up to baseMs * 2^(n-1), full jitter, capped. */
  backoff: { baseMs: 100, maxMs: 2_000 },
  /**
   * Methods whose effect is the same however often they run: reads, and writes that set state. `add`
   * and `createfrom*` create a record per run; `delete` would answer "not found" the second time.
   */
  idempotentMethod: /\.(get|list|update|set|unset)$/i,
} as const;

export function isIdempotent(method: string): boolean {
  return RETRY_POLICY.idempotentMethod.test(method);
}

/**
 * The one predicate: after a failure of `kind`, how long until the call goes again (0: at once), or
 * undefined when it must not. A call the portal refused unrun goes again at once: the rate limiter or
 * the operating-time tracker, told of the refusal, holds it back as long as needed.
 */
export function retryDelayMs(
  call: { method: string; attempts: number },
  kind: FailureKind,
  random: () => number = Math.random,
): number | undefined {
  if (call.attempts >= RETRY_POLICY.maxAttempts) return undefined;
  if (kind === "not-executed") return 0;
  if (kind === "ambiguous" && isIdempotent(call.method)) return backoffMs(call.attempts, random);
  return undefined;
}

/**
 * What a call that will not be sent again fails with. A write that may have run and cannot be repeated
 * is reported as possibly applied, whatever stopped it: a broken connection, or its caller leaving
 * while the request was on its way.
 */
export function finalFailure(
  call: { method: string },
  error: BitrixError,
  mayHaveRun: boolean,
): BitrixError {
  return mayHaveRun && !isIdempotent(call.method)
    ? new BitrixResultUnknownError(call.method, error)
    : error;
}

export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(
    RETRY_POLICY.backoff.maxMs,
    RETRY_POLICY.backoff.baseMs * 2 ** (retry - 1),
  );
  return Math.round(ceiling * random());
}
