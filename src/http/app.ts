import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler, type Express } from "express";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { LiveData } from "../events/live-data";
import type { ContextInput, GatewayContext } from "../context";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";
import type { Logger } from "../logger";
import type { GatewayMetrics, RejectionReason } from "../observability/metrics";
import type { Readiness } from "../observability/readiness";
import type { CallerAuthenticator } from "../security/caller-auth";
import { corsMiddleware } from "../security/cors";
import {
  authenticationGuard,
  batchGuard,
  bodyErrorHandler,
  sendRefusal,
  tokenLimitGuard,
} from "./http-guards";
import { eventsRoute } from "./events-route";
import { handlerChain } from "./handler-chain";
import { metricsRoute } from "./metrics-route";
import { readinessRoute } from "./readiness-route";
import { requestScope } from "./request-scope";
import { requestState } from "./request-state";

export interface HttpAppOptions {
  config: Config;
  apollo: ApolloServer<GatewayContext>;
  createContext: (input: ContextInput) => GatewayContext;
  authenticator: CallerAuthenticator;
  readiness: Readiness;
  metrics: GatewayMetrics | undefined;
  logger: Logger;
  clock: Clock;
  /** Bitrix24 event deliveries at POST /bitrix24/events, signed with one of these tokens. */
  events: { live: LiveData; applicationTokens: readonly string[] };
}

/**
 * The HTTP surface: /healthz, /readyz, /metrics, and /graphql behind its guards, in the order a
 * request meets them: request id and deadline, CORS, caller authentication, body, HTTP batching and
 * token limits, then Apollo.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const { config, metrics, logger } = options;
  const reject = (reason: RejectionReason) => metrics?.recordRejection(reason);
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", readinessRoute(options.readiness));
  if (metrics) app.get("/metrics", metricsRoute(metrics, config.metrics.token));
  app.use(
    "/bitrix24/events",
    eventsRoute({
      ...options.events,
      maxBodyBytes: config.events.maxBodyBytes,
    }),
  );
  app.use(
    "/graphql",
    handlerChain([
      requestScope(config.requestDeadlineMs, logger, reject, options.clock),
      corsMiddleware(config.corsOrigins),
      authenticationGuard(options.authenticator, reject),
      express.json({ limit: config.limits.maxBodyBytes }),
      bodyErrorHandler(config.limits.maxBodyBytes, reject),
      batchGuard(config.limits.httpBatching, reject),
      tokenLimitGuard(config.limits.maxTokens, reject),
      expressMiddleware(options.apollo, {
        context: ({ req }) => {
          const state = requestState(req);
          const context = options.createContext({
            authorization: req.headers.authorization,
            signal: state.abort.signal,
            requestId: state.requestId,
            caller: state.caller,
            wantsCost: req.headers["x-cost"] === "true",
            // Apollo Router asks for a subscription over HTTP with the callback protocol.
            transport: (req.body as { extensions?: { subscription?: unknown } } | undefined)
              ?.extensions?.subscription
              ? "callback"
              : "http",
          });
          state.record = context.record;
          return Promise.resolve(context);
        },
      }),
    ]),
  );
  app.use(finalErrorHandler(logger));
  return app;
}

/**
 * Anything that escaped the handlers: a GraphQL-shaped 500 with no detail, logged with the request id.
 * A response already under way (say a 504 sent while Apollo was still finishing) is left alone.
 */
function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return;
    const requestId = req.headers["x-request-id"];
    logger.error(
      { requestId: res.getHeader("x-request-id") ?? requestId, err: error },
      "request failed",
    );
    sendRefusal(
      res,
      new RequestRefusal(ErrorCode.InternalServerError, "Internal server error", 500),
    );
  };
}
