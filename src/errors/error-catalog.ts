import { ErrorCode } from "./error-code";

export interface ErrorMeaning {
  /** What a client should understand, and do. */
  meaning: string;
  /** For refusals of the whole request: its HTTP status. Field errors come with 200. */
  httpStatus?: number;
  /** Where the code comes from when not from a Bitrix24 error code (those are derived). */
  source?: string;
}

/**
 * What each `extensions.code` means. A Record over ErrorCode, so a new code without a meaning does
 * not compile; docs/errors.md is generated from this and from the Bitrix24 code mapping.
 */
export const ERROR_CATALOG: Readonly<Record<ErrorCode, ErrorMeaning>> = {
  [ErrorCode.BadUserInput]: {
    meaning:
      "The request broke a rule checked before any upstream call (`extensions.field` names the field), or the portal rejected a parameter",
    source: "the gateway's own validation",
  },
  [ErrorCode.BookingNotFound]: { meaning: "No booking with that id" },
  [ErrorCode.BookingOverlap]: {
    meaning: "The booking intersects another one of the same resource",
  },
  [ErrorCode.ResourceNotFound]: { meaning: "No resource with that id" },
  [ErrorCode.ResourceInUse]: { meaning: "The resource has future bookings and cannot be deleted" },
  [ErrorCode.ResourceSlotsRejected]: { meaning: "The portal refused the slot ranges" },
  [ErrorCode.ResourceTypeNotFound]: { meaning: "No resource type with that id" },
  [ErrorCode.ResourceTypeInUse]: { meaning: "Resources still use the type" },
  [ErrorCode.ResourceTypeCodeTaken]: { meaning: "Another resource type has that `code`" },
  [ErrorCode.WaitListItemNotFound]: { meaning: "No waitlist item with that id" },
  [ErrorCode.ResourcesUnavailable]: {
    meaning: "No resources given, unknown ones, or none free in the period",
  },
  [ErrorCode.RateLimited]: {
    meaning:
      "Waiting for the portal's limit would pass the request deadline; `extensions.retryAfter` (seconds) says when to try again",
  },
  [ErrorCode.Unauthenticated]: {
    meaning: "Missing, wrong or expired credentials (HTTP 401 when the caller's own are refused)",
  },
  [ErrorCode.Forbidden]: {
    meaning:
      "The credentials may not do this (HTTP 403 for `_service`/`_entities` asked by a caller other than the router)",
  },
  [ErrorCode.UpstreamMethodNotFound]: {
    meaning: "The portal lacks the method (booking module missing or too old)",
  },
  [ErrorCode.UpstreamUnavailable]: {
    meaning:
      "The portal could not be reached or answered nonsense (any 5xx too); with `CIRCUIT_OPEN` no request was made and `retryAfter` says when one will be tried",
  },
  [ErrorCode.UpstreamTimeout]: {
    meaning: "No answer within `BITRIX24_TIMEOUT_MS`, or `REQUEST_DEADLINE_MS` passed first",
  },
  [ErrorCode.UpstreamError]: {
    meaning: "An upstream error this catalog does not name; `extensions.bitrix` has it",
    source: "any other Bitrix24 code",
  },
  [ErrorCode.UpstreamUnknownValue]: {
    meaning:
      "The portal sent a value outside this API's enums (a client type, template type, weekday, external-data kind): a list leaves that item out, a single field fails alone",
    source: "the gateway's mapping of portal values",
  },
  [ErrorCode.UpstreamResultUnknown]: {
    meaning:
      "An `add`, `createfrom*` or `delete` failed after it may have reached the portal (timeout, dropped connection, 5xx, or its caller left). It may have been applied; it was **not** repeated, so nothing is created twice. Check before retrying",
  },
  [ErrorCode.UpstreamNotExecuted]: {
    meaning:
      "A call of a write-then-read sequence that did not run because the call before it failed",
  },
  [ErrorCode.ClientClosedRequest]: {
    meaning: "The GraphQL client went away; its queued calls were dropped",
  },
  [ErrorCode.InternalServerError]: {
    meaning:
      "A fault in the gateway itself; masked, with no stack trace, logged with the request id",
  },
  [ErrorCode.BadRequest]: {
    meaning: "The body is not JSON (it is never echoed)",
    httpStatus: 400,
  },
  [ErrorCode.PayloadTooLarge]: {
    meaning: "The body is larger than `MAX_BODY_BYTES`",
    httpStatus: 413,
  },
  [ErrorCode.TooManyTokens]: {
    meaning: "The document has more than `MAX_TOKENS` tokens",
    httpStatus: 400,
  },
  [ErrorCode.QueryTooDeep]: { meaning: "Fields nest deeper than `MAX_DEPTH`", httpStatus: 400 },
  [ErrorCode.TooManyAliases]: { meaning: "More aliases than `MAX_ALIASES`", httpStatus: 400 },
  [ErrorCode.TooManyDirectives]: {
    meaning: "More directives than `MAX_DIRECTIVES`",
    httpStatus: 400,
  },
  [ErrorCode.QueryTooCostly]: {
    meaning:
      "The operation would cost more Bitrix24 commands than `MAX_UPSTREAM_COMMANDS`; `extensions.cost` says how many",
    httpStatus: 400,
  },
  [ErrorCode.TooManyRepresentations]: {
    meaning: "One `_entities` field asks for more than `MAX_ENTITY_REPRESENTATIONS`",
    httpStatus: 400,
  },
  [ErrorCode.ChangedRecordUnavailable]: {
    meaning:
      "A subscription message's record (`booking`, …) could not be read, even after retries: it is null here, but the record was not deleted (`kind` says what happened; `extensions.cause` is the last failure's code); read it again with a query",
    source: "subscriptions",
  },
  [ErrorCode.TooManySubscriptions]: {
    meaning:
      "A new subscription past `MAX_SUBSCRIPTIONS_PER_CONNECTION` on one graphql-ws connection, or past `MAX_SUBSCRIPTIONS_PER_CALLER` for one credential (in OAuth mode one verified user)",
    httpStatus: 429,
  },
  [ErrorCode.BatchingDisabled]: {
    meaning: "An array of operations in one HTTP request, with `HTTP_BATCHING=off`",
    httpStatus: 400,
  },
  [ErrorCode.TooManyOperations]: {
    meaning: "More operations in one HTTP request than `HTTP_BATCH_MAX_OPERATIONS`",
    httpStatus: 400,
  },
  [ErrorCode.DocumentNotTrusted]: {
    meaning:
      "With `TRUSTED_DOCUMENTS=enforce`, the operation's document (its text's sha256, or the id sent alone) is not in `TRUSTED_DOCUMENTS_FILE`; in any mode, a `documentId` that names no document there. Refused before parsing; nothing ran",
    httpStatus: 400,
  },
  [ErrorCode.ApplicationUnavailable]: {
    meaning:
      "Application mode: the installation has no usable token; `extensions.bitrix.code` says why: APPLICATION_NOT_INSTALLED (install handler not called yet), PAYMENT_REQUIRED, APPLICATION_REFRESH_REFUSED (install again), INSTALLATION_STORE_UNAVAILABLE or OAUTH_SERVER_UNAVAILABLE (tried again at the next call). No request was made; /readyz shows the state",
    source: "the gateway's installation (see docs/live-data.md)",
  },
  [ErrorCode.GatewayTimeout]: {
    meaning: "The response was still not under way 1 s after `REQUEST_DEADLINE_MS`",
    httpStatus: 504,
  },
};
