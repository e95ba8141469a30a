import type { IncomingMessage, ServerResponse } from "node:http";
import type { LimitSettings } from "../config";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";
import { tokenLimitRefusal } from "../limits/token-limit";
import type { Logger } from "../logger";
import type { CallerAuthenticator } from "../security/caller-auth";
import type { RejectionReason } from "../observability/metrics";
import type { ErrorHandler, Handler, HttpRequest } from "./handler-chain";
import { requestState } from "./request-state";

/** Answers in the shape of a GraphQL response, so clients parse every refusal the same way. */
export function sendRefusal(res: ServerResponse, refusal: RequestRefusal): void {
  res.statusCode = refusal.httpStatus;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(refusal.responseBody());
}

/**
 * Anything that escaped the handlers: a GraphQL-shaped 500 with no detail, logged with the request id.
 * A response already under way (say a 504 sent while Apollo was still finishing) is left alone.
 */
export function unhandledError(
  logger: Logger,
  error: unknown,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (res.headersSent) return;
  logger.error(
    { requestId: res.getHeader("x-request-id") ?? req.headers["x-request-id"], err: error },
    "request failed",
  );
  sendRefusal(res, new RequestRefusal(ErrorCode.InternalServerError, "Internal server error", 500));
}

/**
 * Refuses requests without valid caller credentials with 401 UNAUTHENTICATED before they are parsed
 * or reach a resolver. With the landing page on, a browser opening /graphql (a GET with no
 * parameters at all) is let through without a caller: the page holds no data, and with nothing in
 * the URL there is no operation to run, persisted or not.
 */
export function authenticationGuard(
  authenticator: CallerAuthenticator,
  onReject: (reason: RejectionReason) => void,
  landingPage: boolean,
): Handler {
  return (req, res, next) => {
    if (landingPage && isLandingPageRequest(req)) {
      next();
      return;
    }
    authenticator
      .authenticate({
        authorization: req.headers.authorization,
        routerSecret: headerValue(req.headers["x-router-secret"]),
      })
      .then((outcome) => {
        if (outcome.ok) {
          requestState(req).caller = outcome.caller;
          next();
          return;
        }
        onReject("unauthenticated");
        res.setHeader("www-authenticate", 'Bearer realm="bitrix24-booking-gateway"');
        sendRefusal(
          res,
          outcome.status === 503
            ? new RequestRefusal(ErrorCode.UpstreamUnavailable, outcome.message, 503)
            : new RequestRefusal(ErrorCode.Unauthenticated, outcome.message, 401),
        );
      })
      .catch(next);
  };
}

/**
 * A browser navigating to the endpoint: GET, no URL parameters (no query, no persisted query's
 * hash, nothing Apollo could run), and HTML among what it accepts.
 */
function isLandingPageRequest(req: HttpRequest): boolean {
  const url = req.url ?? "";
  const search = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
  return req.method === "GET" && search === "" && (req.headers.accept ?? "").includes("text/html");
}

/** The `query` parameter of a GET request's URL, where GraphQL over HTTP puts the document. */
function queryParameter(req: HttpRequest): string | null {
  const url = req.url ?? "";
  if (!url.includes("?")) return null;
  return new URLSearchParams(url.slice(url.indexOf("?"))).get("query");
}

/** The first value of a header that may come more than once. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** HTTP batching (an array of operations in one body): off unless enabled, and bounded. */
export function batchGuard(
  batching: LimitSettings["httpBatching"],
  onReject: (reason: RejectionReason) => void,
): Handler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (!Array.isArray(body)) {
      next();
      return;
    }
    if (!batching.enabled) {
      onReject("batching_disabled");
      sendRefusal(
        res,
        new RequestRefusal(
          ErrorCode.BatchingDisabled,
          "This gateway does not accept several operations in one HTTP request (HTTP_BATCHING=off)",
          400,
        ),
      );
      return;
    }
    if (body.length > batching.maxOperations) {
      onReject("too_many_operations");
      sendRefusal(
        res,
        new RequestRefusal(
          ErrorCode.TooManyOperations,
          `The request holds ${body.length} operations, more than the limit of ${batching.maxOperations} (HTTP_BATCH_MAX_OPERATIONS)`,
          400,
          { limit: batching.maxOperations, found: body.length },
        ),
      );
      return;
    }
    next();
  };
}

/**
 * Turns body-parser's refusals into GraphQL-shaped answers: 413 for a body over MAX_BODY_BYTES, 400
 * for one that is not JSON. Its own messages may quote the body, so they are not passed on.
 */
export function bodyErrorHandler(
  maxBodyBytes: number,
  onReject: (reason: RejectionReason) => void,
): ErrorHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return;
    const type = (error as { type?: unknown } | null)?.type;
    if (type === "entity.too.large") {
      onReject("body_too_large");
      sendRefusal(
        res,
        new RequestRefusal(
          ErrorCode.PayloadTooLarge,
          `The request body is larger than ${maxBodyBytes} bytes (MAX_BODY_BYTES)`,
          413,
          { limit: maxBodyBytes },
        ),
      );
      return;
    }
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof type === "string" || (typeof status === "number" && status < 500)) {
      onReject("invalid_body");
      sendRefusal(
        res,
        new RequestRefusal(
          ErrorCode.BadRequest,
          type === "entity.parse.failed"
            ? "The request body is not valid JSON"
            : "The request body could not be read (check its content type, charset and encoding)",
          typeof status === "number" && status >= 400 && status < 500 ? status : 400,
        ),
      );
      return;
    }
    next(error);
  };
}

/** Refuses a document with more than MAX_TOKENS tokens; Apollo's own `maxTokens` stays behind it. */
export function tokenLimitGuard(
  maxTokens: number,
  onReject: (reason: RejectionReason) => void,
): Handler {
  return (req, res, next) => {
    const body: unknown = req.body;
    const queries = (Array.isArray(body) ? body : [body ?? { query: queryParameter(req) }])
      .map((operation) => (operation as { query?: unknown } | null)?.query)
      .filter((query): query is string => typeof query === "string");
    for (const query of queries) {
      const refusal = tokenLimitRefusal(query, maxTokens);
      if (!refusal) continue;
      onReject("too_many_tokens");
      sendRefusal(res, refusal);
      return;
    }
    next();
  };
}
