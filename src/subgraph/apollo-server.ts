import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { Config, PortalConfig } from "../config";
import type { GatewayContext } from "../context";
import { partialErrorsPlugin } from "../errors/partial-errors";
import type { ErrorFormatter } from "../errors/to-graphql-error";
import { graphiqlLandingPagePlugin } from "../explorer/graphiql-page";
import { landingPagePlugin } from "../landing-page";
import { operationLimitsPlugin } from "../limits/operation-limits";
import type { Logger } from "../logger";
import type { GatewayMetrics } from "../observability/metrics";
import { operationObserverPlugin } from "../observability/operation-observer";
import type { GraphQLSchema } from "graphql";
import type { CallerAuthenticator } from "../security/caller-auth";
import { cachePolicyPlugin } from "./cache-policy";
import { federatedTracesPlugin } from "./federated-traces";
import { subscriptionCallbackPlugin } from "./subscription-callback";

/**
 * Apollo Server over the subgraph schema, with the gateway's limits, errors and observers, and
 * Apollo's HTTP callback protocol for subscriptions through Apollo Router; started.
 */
export async function startApolloServer(options: {
  schema: GraphQLSchema;
  config: Config;
  portal: PortalConfig;
  httpServer: Server;
  logger: Logger;
  metrics: GatewayMetrics | undefined;
  /** How long the gateway itself may serve a read from its cache; 0 with the cache off. */
  cacheMaxAgeSeconds: number;
  /** Shared with graphql-ws, so that both transports show clients the same errors. */
  formatError: ErrorFormatter;
  authenticator: CallerAuthenticator;
}): Promise<ApolloServer<GatewayContext>> {
  const { config, metrics, logger } = options;
  const apollo = new ApolloServer<GatewayContext>({
    schema: options.schema,
    logger,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: config.limits.httpBatching.enabled,
    // Behind the HTTP guard that refuses long documents with TOO_MANY_TOKENS, in case one slips by.
    parseOptions: { maxTokens: config.limits.maxTokens },
    stopOnTerminationSignals: false,
    formatError: options.formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer: options.httpServer,
        stopGracePeriodMillis: config.shutdown.graceMs,
      }),
      operationLimitsPlugin({
        limits: config.limits,
        federationPublic: config.auth.federationPublic,
        ...(metrics && { onEstimate: (cost) => metrics.recordEstimate(cost.upstreamCommands) }),
      }),
      partialErrorsPlugin(),
      // Hints for routers and browsers that agree with the gateway's own cache: never longer than
      // its entries have left, and private for any authenticated caller.
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin({ maxAgeSeconds: options.cacheMaxAgeSeconds }),
      subscriptionCallbackPlugin({
        logger,
        allowedOrigins: config.callbackOrigins,
        admitSubscriber: (caller, authorization) =>
          options.authenticator.admitSubscriber(caller, authorization),
      }),
      operationObserverPlugin({ logger, metrics }),
      federatedTracesPlugin(),
      config.explorer === "graphiql"
        ? graphiqlLandingPagePlugin({ headers: sandboxHeaders(config, options.portal) })
        : config.explorer === "sandbox"
          ? landingPagePlugin({
              production: false,
              headers: sandboxHeaders(config, options.portal),
            })
          : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}

/** The Authorization header Sandbox starts with, so that a newcomer sees what to send. */
function sandboxHeaders(config: Config, portal: PortalConfig): Record<string, string> {
  if (portal.mode === "oauth") return { Authorization: "Bearer <your Bitrix24 access token>" };
  if (config.auth.tokens.length > 0 || config.auth.jwt) {
    return { Authorization: "Bearer <your gateway token>" };
  }
  return {};
}
