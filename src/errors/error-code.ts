/**
 * The `extensions.code` values this API returns. Clients branch on these, never on messages.
 * The README's error catalog lists each with its meaning.
 */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  BookingNotFound: "BOOKING_NOT_FOUND",
  ResourcesUnavailable: "RESOURCES_UNAVAILABLE",
  RateLimited: "RATE_LIMITED",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  UpstreamMethodNotFound: "UPSTREAM_METHOD_NOT_FOUND",
  UpstreamUnavailable: "UPSTREAM_UNAVAILABLE",
  UpstreamTimeout: "UPSTREAM_TIMEOUT",
  UpstreamError: "UPSTREAM_ERROR",
  UpstreamUnknownValue: "UPSTREAM_UNKNOWN_VALUE",
  InternalServerError: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
