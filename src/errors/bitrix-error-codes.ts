import { ErrorCode } from "./error-code";

/**
 * Bitrix24 error codes (the `error` string of the envelope) and the GraphQL code each becomes.
 * Codes not listed here become UPSTREAM_ERROR, or UPSTREAM_UNAVAILABLE for HTTP 5xx.
 */
export const BITRIX_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  // booking.get / client.* / externalData.* answer 1021 for a missing booking; booking.update answers 1019.
  "1021": ErrorCode.BookingNotFound,
  "1019": ErrorCode.BookingNotFound,
  // "Required fields: …", "Could not find value for parameter …", "Invalid …".
  "0": ErrorCode.BadUserInput,
  "100": ErrorCode.BadUserInput,
  "422": ErrorCode.BadUserInput,
  // "Empty resource collection": no resources given, unknown ones, or none free in the period.
  "1018": ErrorCode.ResourcesUnavailable,
  QUERY_LIMIT_EXCEEDED: ErrorCode.RateLimited,
  OPERATION_TIME_LIMIT: ErrorCode.RateLimited,
  NO_AUTH_FOUND: ErrorCode.Unauthenticated,
  expired_token: ErrorCode.Unauthenticated,
  invalid_token: ErrorCode.Unauthenticated,
  ACCESS_DENIED: ErrorCode.Forbidden,
  insufficient_scope: ErrorCode.Forbidden,
  INVALID_CREDENTIALS: ErrorCode.Forbidden,
  user_access_error: ErrorCode.Forbidden,
  ERROR_METHOD_NOT_FOUND: ErrorCode.UpstreamMethodNotFound,
  // Failures of the transport rather than of the method.
  MALFORMED_RESPONSE: ErrorCode.UpstreamUnavailable,
  NETWORK_ERROR: ErrorCode.UpstreamUnavailable,
  TIMEOUT: ErrorCode.UpstreamTimeout,
};
