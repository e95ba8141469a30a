/**
 * The `extensions.code` values this API returns. Clients branch on these, never on messages.
 * docs/errors.md, generated from ERROR_CATALOG, lists each with its meaning.
 */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  BookingNotFound: "BOOKING_NOT_FOUND",
  BookingOverlap: "BOOKING_OVERLAP",
  ResourceNotFound: "RESOURCE_NOT_FOUND",
  ResourceInUse: "RESOURCE_IN_USE",
  ResourceSlotsRejected: "RESOURCE_SLOTS_REJECTED",
  ResourceTypeNotFound: "RESOURCE_TYPE_NOT_FOUND",
  ResourceTypeInUse: "RESOURCE_TYPE_IN_USE",
  ResourceTypeCodeTaken: "RESOURCE_TYPE_CODE_TAKEN",
  WaitListItemNotFound: "WAITLIST_ITEM_NOT_FOUND",
  ResourcesUnavailable: "RESOURCES_UNAVAILABLE",
  RateLimited: "RATE_LIMITED",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  UpstreamMethodNotFound: "UPSTREAM_METHOD_NOT_FOUND",
  UpstreamUnavailable: "UPSTREAM_UNAVAILABLE",
  UpstreamTimeout: "UPSTREAM_TIMEOUT",
  UpstreamError: "UPSTREAM_ERROR",
  UpstreamUnknownValue: "UPSTREAM_UNKNOWN_VALUE",
  UpstreamResultUnknown: "UPSTREAM_RESULT_UNKNOWN",
  UpstreamNotExecuted: "UPSTREAM_NOT_EXECUTED",
  ClientClosedRequest: "CLIENT_CLOSED_REQUEST",
  InternalServerError: "INTERNAL_SERVER_ERROR",
  // Refusals of the request itself, before any upstream call (HTTP 4xx).
  BadRequest: "BAD_REQUEST",
  PayloadTooLarge: "PAYLOAD_TOO_LARGE",
  TooManyTokens: "TOO_MANY_TOKENS",
  QueryTooDeep: "QUERY_TOO_DEEP",
  TooManyAliases: "TOO_MANY_ALIASES",
  TooManyDirectives: "TOO_MANY_DIRECTIVES",
  QueryTooCostly: "QUERY_TOO_COSTLY",
  TooManyRepresentations: "TOO_MANY_REPRESENTATIONS",
  BatchingDisabled: "OPERATION_BATCHING_DISABLED",
  TooManyOperations: "TOO_MANY_OPERATIONS",
  /** TRUSTED_DOCUMENTS=enforce: the document is not in the manifest (HTTP 400). */
  DocumentNotTrusted: "DOCUMENT_NOT_TRUSTED",
  /** A caller or connection holds as many subscriptions as it may. */
  TooManySubscriptions: "TOO_MANY_SUBSCRIPTIONS",
  /** A subscription's changed record could not be read, after retries; it was not deleted. */
  ChangedRecordUnavailable: "CHANGED_RECORD_UNAVAILABLE",
  /** Application mode: the installation has no usable token (not installed, unpaid, refused). */
  ApplicationUnavailable: "APPLICATION_UNAVAILABLE",
  /** The whole request passed REQUEST_DEADLINE_MS (HTTP 504). */
  GatewayTimeout: "GATEWAY_TIMEOUT",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
