import bodyParser from "body-parser";
import type { ApolloServer } from "@apollo/server";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { ContextInput, GatewayContext } from "../context";
import type { Logger } from "../logger";
import type { GatewayMetrics, RejectionReason } from "../observability/metrics";
import type { CallerAuthenticator } from "../security/caller-auth";
import { corsMiddleware } from "../security/cors";
import { TrustedDocumentGate } from "../security/trusted-document-gate";
import { apolloHandler } from "./apollo-handler";
import { handlerChain, type HttpRequest } from "./handler-chain";
import {
  authenticationGuard,
  batchGuard,
  bodyErrorHandler,
  tokenLimitGuard,
  unhandledError,
} from "./http-guards";
import { requestScope } from "./request-scope";
import { requestState } from "./request-state";
import { trustedDocumentsGuard } from "./trusted-documents-guard";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";

export interface GraphqlRouteOptions {
  config: Config;
  apollo: ApolloServer<GatewayContext>;
  createContext: (input: ContextInput) => GatewayContext;
  authenticator: CallerAuthenticator;
  logger: Logger;
  clock: Clock;
  reject: (reason: RejectionReason) => void;
  metrics: GatewayMetrics | undefined;
}

/**
 * /graphql: its guards in the order a request meets them (request id and deadline, CORS, caller
 * authentication, body, HTTP batching, trusted documents and token limits), then Apollo.
 */
export function graphqlRoute(options: GraphqlRouteOptions) {
  const { config, reject } = options;
  return handlerChain(
    [
      requestScope(config.requestDeadlineMs, options.logger, reject, options.clock),
      corsMiddleware(config.corsOrigins),
      authenticationGuard(options.authenticator, reject, config.sandbox),
      bodyParser.json({ limit: config.limits.maxBodyBytes }),
      bodyErrorHandler(config.limits.maxBodyBytes, reject),
      batchGuard(config.limits.httpBatching, reject),
      ...(config.trustedDocuments.mode === "off"
        ? []
        : [trustedDocumentsGuard(trustedGate(options))]),
      tokenLimitGuard(config.limits.maxTokens, reject),
      apolloHandler(options.apollo, (req) => Promise.resolve(contextOf(req, options))),
    ],
    // Apollo answers every request that reaches it; what is left over is an error.
    (error, req, res) =>
      unhandledError(options.logger, error ?? new Error("no handler answered"), req, res),
  );
}

/** Untrusted documents are counted by mode on /metrics (b24gw_untrusted_documents_total). */
function trustedGate(options: GraphqlRouteOptions): TrustedDocumentGate {
  return new TrustedDocumentGate(options.config.trustedDocuments, options.logger, (mode) =>
    options.metrics?.recordUntrustedDocument(mode),
  );
}

function contextOf(req: HttpRequest, options: GraphqlRouteOptions): GatewayContext {
  const state = requestState(req);
  // Only the landing page passes the guard without a caller, and it runs no operation: anything that
  // would is refused here too, so that no path can run an operation unauthenticated.
  if (!state.caller) {
    throw new RequestRefusal(
      ErrorCode.Unauthenticated,
      "Send a credential with the operation",
      401,
    );
  }
  const context = options.createContext({
    authorization: req.headers.authorization,
    signal: state.abort.signal,
    requestId: state.requestId,
    caller: state.caller,
    wantsCost: req.headers["x-cost"] === "true",
    // Apollo Router asks for a subscription over HTTP with the callback protocol.
    transport: (req.body as { extensions?: { subscription?: unknown } } | undefined)?.extensions
      ?.subscription
      ? "callback"
      : "http",
  });
  state.record = context.record;
  return context;
}

/** Whether a request's path is the GraphQL endpoint's, `/graphql` (a trailing slash allowed). */
export function isGraphqlPath(url: string | undefined): boolean {
  const path = (url ?? "").split("?", 1)[0];
  return path === "/graphql" || path === "/graphql/";
}
