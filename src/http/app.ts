import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServer } from "@apollo/server";
import express, { type ErrorRequestHandler } from "express";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { LiveData } from "../events/live-data";
import type { ContextInput, GatewayContext } from "../context";
import type { Logger } from "../logger";
import type { GatewayMetrics, RejectionReason } from "../observability/metrics";
import type { Readiness } from "../observability/readiness";
import type { CallerAuthenticator } from "../security/caller-auth";
import type { ApplicationEvents, InstallHandling } from "../app/application-runtime";
import { EXPLORER_PATH, explorerBundleFolder } from "../explorer/graphiql-page";
import { eventsRoute } from "./events-route";
import { installRoute } from "./install-route";
import { graphqlRoute, isGraphqlPath } from "./graphql-route";
import { unhandledError } from "./http-guards";
import { metricsRoute } from "./metrics-route";
import { readinessRoute } from "./readiness-route";

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
  events: { live: LiveData; applicationTokens: readonly string[]; application?: ApplicationEvents };
  /** Application mode: Bitrix24's install call at POST /bitrix24/install. */
  install?: InstallHandling;
}

/**
 * The HTTP surface: /graphql behind its guards (see graphqlRoute), and through express the
 * operational routes /healthz, /readyz, /metrics and Bitrix24's /bitrix24/events. GraphQL requests
 * go to their route directly: they are nearly all the traffic, and need none of express.
 */
export function createHttpApp(
  options: HttpAppOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, metrics, logger } = options;
  const reject = (reason: RejectionReason) => metrics?.recordRejection(reason);
  const graphql = graphqlRoute({ ...options, reject });
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", readinessRoute(options.readiness));
  if (config.explorer === "graphiql")
    app.use(EXPLORER_PATH, express.static(explorerBundleFolder()));
  if (metrics) app.get("/metrics", metricsRoute(metrics, config.metrics.token));
  app.use(
    "/bitrix24/events",
    eventsRoute({
      ...options.events,
      maxBodyBytes: config.events.maxBodyBytes,
    }),
  );
  if (options.install) {
    app.use(
      "/bitrix24/install",
      installRoute({
        ...options.install,
        maxBodyBytes: config.events.maxBodyBytes,
        clock: options.clock,
        logger,
      }),
    );
  }
  app.use(finalErrorHandler(logger));
  return (req, res) => {
    if (isGraphqlPath(req.url)) graphql(req, res);
    else app(req, res);
  };
}

function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => unhandledError(logger, error, req, res);
}
