import { ErrorCode } from "./error-code";

/**
 * Bitrix24 error codes (the `error` string of the envelope) and the GraphQL code each becomes.
 * Codes not listed here become UPSTREAM_ERROR, or UPSTREAM_UNAVAILABLE for HTTP 5xx.
 * BITRIX_ERROR_RULES refine some of them by method or message.
 */
export const BITRIX_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  // booking.get / client.* / externalData.* answer 1021 for a missing booking; booking.update answers 1019.
  "1021": ErrorCode.BookingNotFound,
  "1019": ErrorCode.BookingNotFound,
  // waitlist.createfrombooking: "booking not found".
  "1037": ErrorCode.BookingNotFound,
  // "Required fields: …", "Could not find value for parameter …", "Invalid …".
  "0": ErrorCode.BadUserInput,
  "100": ErrorCode.BadUserInput,
  "422": ErrorCode.BadUserInput,
  // PERMISSION_DENIED of the booking module.
  "403": ErrorCode.Forbidden,
  // "Empty resource collection": no resources given, unknown ones, or none free in the period.
  "1018": ErrorCode.ResourcesUnavailable,
  // BOOKING_INTERSECTION: the period overlaps another booking of the same resource.
  "1026": ErrorCode.BookingOverlap,
  // resource.get and resource.slots.* answer 1009; resource.update 1007 (resourceType.update's
  // 1007 is a rule below); resource.delete 1008, also when future bookings keep it (rule below).
  "1009": ErrorCode.ResourceNotFound,
  "1007": ErrorCode.ResourceNotFound,
  "1008": ErrorCode.ResourceNotFound,
  // RESOURCE_SLOT: the portal refused the slot ranges.
  "1017": ErrorCode.ResourceSlotsRejected,
  // resourceType.get answers 1013, and resource.add/update for an unknown typeId; resource.add
  // answers 1006 "ResourceType not found" without a typeId; resourceType.delete 1012, also when
  // resources still use the type (rule below).
  "1013": ErrorCode.ResourceTypeNotFound,
  "1006": ErrorCode.ResourceTypeNotFound,
  "1012": ErrorCode.ResourceTypeNotFound,
  // resourceType.add (1010) and .update (1011): "Resource type with code already exists".
  "1010": ErrorCode.ResourceTypeCodeTaken,
  "1011": ErrorCode.ResourceTypeCodeTaken,
  // waitlist.get/update/client.*/externalData.* answer 1040, waitlist.delete 1036;
  // booking.createfromwaitlist 1038, also for unknown resources (rule below).
  "1040": ErrorCode.WaitListItemNotFound,
  "1036": ErrorCode.WaitListItemNotFound,
  "1038": ErrorCode.WaitListItemNotFound,
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
  // Raised by the gateway's own upstream layer.
  RATE_LIMITED: ErrorCode.RateLimited,
  RESULT_UNKNOWN: ErrorCode.UpstreamResultUnknown,
  NOT_EXECUTED: ErrorCode.UpstreamNotExecuted,
  ABORTED: ErrorCode.ClientClosedRequest,
  // The portal's circuit is open after persistent failure: no request was made.
  CIRCUIT_OPEN: ErrorCode.UpstreamUnavailable,
  // Application mode: the installation cannot be used now; `extensions.bitrix.code` says why.
  APPLICATION_NOT_INSTALLED: ErrorCode.ApplicationUnavailable,
  PAYMENT_REQUIRED: ErrorCode.ApplicationUnavailable,
  APPLICATION_REFRESH_REFUSED: ErrorCode.ApplicationUnavailable,
  INSTALLATION_STORE_UNAVAILABLE: ErrorCode.ApplicationUnavailable,
  OAUTH_SERVER_UNAVAILABLE: ErrorCode.ApplicationUnavailable,
  // The GraphQL request's REQUEST_DEADLINE_MS passed before the portal answered.
  DEADLINE_EXCEEDED: ErrorCode.UpstreamTimeout,
};

/**
 * A code whose meaning depends on the method that answered or on the portal's message. The first
 * matching rule wins over BITRIX_ERROR_CODES. Method names compare case-insensitively, as the portal
 * treats them. Messages may be localised on a live portal; without a match the plain code mapping
 * applies.
 */
export interface BitrixErrorRule {
  code: string;
  /** The method that answered, e.g. "booking.v1.resourceType.update". */
  method?: string;
  /** Matched against the portal's `error_description`. */
  description?: RegExp;
  graphQLCode: ErrorCode;
}

export const BITRIX_ERROR_RULES: readonly BitrixErrorRule[] = [
  // 1007 is RESOURCE_UPDATE, and resourceType.update answers it for a missing type too.
  {
    code: "1007",
    method: "booking.v1.resourceType.update",
    graphQLCode: ErrorCode.ResourceTypeNotFound,
  },
  // "The resource can not be deleted. There are future bookings with that resource."
  { code: "1008", description: /can ?not be deleted/i, graphQLCode: ErrorCode.ResourceInUse },
  // "The type can not be deleted. There are resources of  type"
  { code: "1012", description: /can ?not be deleted/i, graphQLCode: ErrorCode.ResourceTypeInUse },
  // "Some resources were not found: …", "Empty resource collection".
  { code: "1038", description: /resource/i, graphQLCode: ErrorCode.ResourcesUnavailable },
];
