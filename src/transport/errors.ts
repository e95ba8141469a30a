/**
 * Failures of an upstream Bitrix24 call. Every failure the client can produce is one of these classes,
 * so the GraphQL layer has a single place to translate them. None of them ever carries the webhook
 * secret or an OAuth token: descriptions from the portal are scrubbed and raw causes are kept
 * non-enumerable, so serialising an error (logs, JSON) cannot leak a credential.
 */
export class BitrixError extends Error {
  override readonly name: string = "BitrixError";

  constructor(
    /** The Bitrix24 error code as the portal sent it, always a string ("1021", "QUERY_LIMIT_EXCEEDED"). */
    readonly code: string,
    /** The portal's `error_description`, or a description of the transport failure. */
    readonly description: string,
    /** The REST method that failed, e.g. "booking.v1.booking.get". */
    readonly method: string,
    /** The HTTP status of the response; undefined when no response arrived. */
    readonly status: number | undefined,
    cause?: unknown,
  ) {
    super(`${method}: ${code}${description ? ` (${description})` : ""}`);
    if (cause !== undefined) {
      Object.defineProperty(this, "cause", { value: cause, enumerable: false });
    }
  }

  /** The same failure attributed to another method: a call that a `batch` request carried. */
  forMethod(method: string): this {
    if (method === this.method) return this;
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    return Object.assign(copy, this, {
      method,
      message: this.message.replace(`${this.method}:`, `${method}:`),
    });
  }
}

/** The portal answered with an error envelope `{error, error_description}`. */
export class BitrixApiError extends BitrixError {
  override readonly name = "BitrixApiError";
}

/** The portal answered, but not with a Bitrix24 JSON envelope (an HTML page from a proxy, say). */
export class BitrixMalformedResponseError extends BitrixError {
  override readonly name = "BitrixMalformedResponseError";

  constructor(method: string, status: number, contentType: string | undefined) {
    super(
      "MALFORMED_RESPONSE",
      `expected a Bitrix24 JSON envelope, got HTTP ${status} with content type ${contentType ?? "none"}`,
      method,
      status,
    );
  }
}

/** No answer arrived within the per-call timeout. The call may still have run on the portal. */
export class BitrixTimeoutError extends BitrixError {
  override readonly name = "BitrixTimeoutError";

  constructor(method: string, timeoutMs: number, cause?: unknown) {
    super("TIMEOUT", `no answer within ${timeoutMs} ms`, method, undefined, cause);
  }
}

/** The connection failed or was reset. The call may or may not have run on the portal. */
export class BitrixNetworkError extends BitrixError {
  override readonly name = "BitrixNetworkError";

  constructor(method: string, networkCode: string, cause?: unknown) {
    super("NETWORK_ERROR", `connection failed (${networkCode})`, method, undefined, cause);
  }
}

/** The caller gave up (client disconnected) before the call finished. */
export class BitrixAbortedError extends BitrixError {
  override readonly name = "BitrixAbortedError";

  constructor(method: string) {
    super("ABORTED", "the request was cancelled by its caller", method, undefined);
  }
}

/**
 * A write that cannot be repeated safely (`add`, `createfrom*`) failed in a way that leaves its outcome
 * unknown: the portal may or may not have applied it. It is never resent, so it is never applied twice.
 */
export class BitrixResultUnknownError extends BitrixError {
  override readonly name = "BitrixResultUnknownError";

  constructor(method: string, cause: BitrixError) {
    super(
      "RESULT_UNKNOWN",
      `the call failed with ${cause.code} after it may have reached the portal; it may have been applied, and was not repeated`,
      method,
      cause.status,
      cause,
    );
  }
}

/** Waiting for the portal's rate limit would take longer than the caller's deadline allows. */
export class BitrixRateLimitedError extends BitrixError {
  override readonly name = "BitrixRateLimitedError";

  constructor(
    method: string,
    /** Seconds after which the call would fit into the portal's limit. */
    readonly retryAfterSeconds: number,
  ) {
    super(
      "RATE_LIMITED",
      `the portal's rate limit would delay this call ${retryAfterSeconds} s, past the request deadline`,
      method,
      undefined,
    );
  }
}

/** A command of a halting batch that did not run because an earlier command failed. */
export class BitrixNotExecutedError extends BitrixError {
  override readonly name = "BitrixNotExecutedError";

  constructor(method: string) {
    super(
      "NOT_EXECUTED",
      "not run, because an earlier call of the same sequence failed",
      method,
      undefined,
    );
  }
}

/**
 * The portal failed persistently (network errors, timeouts, 5xx), so its circuit is open: calls fail
 * at once, without a request, until a probe after the cool-down succeeds.
 */
export class BitrixCircuitOpenError extends BitrixError {
  override readonly name = "BitrixCircuitOpenError";

  constructor(
    method: string,
    /** Seconds until the circuit lets a probe request through. */
    readonly retryAfterSeconds: number,
  ) {
    super(
      "CIRCUIT_OPEN",
      `the portal failed repeatedly; calls fail fast for ${retryAfterSeconds} s before a probe`,
      method,
      undefined,
    );
  }
}

/** The GraphQL request's deadline (REQUEST_DEADLINE_MS) passed before the call was answered. */
export class BitrixDeadlineError extends BitrixError {
  override readonly name = "BitrixDeadlineError";

  constructor(method: string) {
    super(
      "DEADLINE_EXCEEDED",
      "the request's deadline passed before the portal answered",
      method,
      undefined,
    );
  }
}

/** The abort reason a request's signal carries when its deadline passes. */
export class RequestDeadlineExceeded extends Error {
  override readonly name = "RequestDeadlineExceeded";

  constructor() {
    super("the request deadline passed");
  }
}

/** The error for a call whose caller's signal fired: its deadline passed, or it went away. */
export function abortErrorFor(method: string, signal: AbortSignal | undefined): BitrixError {
  return signal?.reason instanceof RequestDeadlineExceeded
    ? new BitrixDeadlineError(method)
    : new BitrixAbortedError(method);
}
