/**
 * Facts of the Bitrix24 REST protocol that more than one layer relies on, in one place (see the
 * wire-protocol notes). The transport and the typed booking.v1 APIs both import them from here.
 */

/** The most commands Bitrix24 runs in one `batch`; the 51st and later are refused. */
export const MAX_BATCH_COMMANDS = 50;

/** booking.v1 lists answer pages of exactly this many rows and never send `next`. */
export const PAGE_SIZE = 50;

/** Error codes the transport acts on; every other code is the portal's answer about the call. */
export const PortalCode = {
  /** 503: the portal's request-rate bucket is full; the call did not run. */
  QueryLimitExceeded: "QUERY_LIMIT_EXCEEDED",
  /** 429: the method used up its operating-time budget; the call did not run. */
  OperationTimeLimit: "OPERATION_TIME_LIMIT",
} as const;

/**
 * HTTP status the portal gives an error when the same call is made on its own. Inside a batch every
 * error arrives with the batch's 200, so the status is restored from this table; codes not listed
 * are business errors, answered with 400.
 */
export const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  [PortalCode.QueryLimitExceeded]: 503,
  [PortalCode.OperationTimeLimit]: 429,
  NO_AUTH_FOUND: 401,
  expired_token: 401,
  invalid_token: 401,
  ACCESS_DENIED: 403,
  insufficient_scope: 403,
  INVALID_CREDENTIALS: 403,
  user_access_error: 403,
  ERROR_METHOD_NOT_FOUND: 404,
  INTERNAL_SERVER_ERROR: 500,
};
