import "reflect-metadata";
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { createTransport } from "./transport/transport";
import { sleep, systemClock, type Clock } from "./clock";
import type { Config, PortalConfig } from "./config";
import { createContextFactory, type GatewayContext } from "./context";
import { startDemoPortal, type DemoPortal } from "./demo-portal";
import { ErrorCode } from "./errors/error-code";
import { RequestRefusal } from "./errors/request-refusal";
import { partialErrorsPlugin } from "./errors/partial-errors";
import { createErrorFormatter } from "./errors/to-graphql-error";
import { landingPagePlugin } from "./landing-page";
import { operationLimitsPlugin } from "./limits/operation-limits";
import type { Logger } from "./logger";
import { GatewayMetrics } from "./observability/metrics";
import { operationObserverPlugin } from "./observability/operation-observer";
import { Readiness } from "./observability/readiness";
import { requestScope } from "./observability/request-scope";
import { CallerAuthenticator } from "./security/caller-auth";
import { corsMiddleware } from "./security/cors";
import {
  authenticationGuard,
  batchGuard,
  bodyErrorHandler,
  callerOf,
  sendRefusal,
  tokenLimitGuard,
  type RejectionReason,
} from "./security/http-guards";
import { buildGatewaySchema } from "./subgraph/build-schema";

export interface Gateway {
  /** `http://host:port/graphql` */
  readonly url: string;
  readonly portal: PortalConfig;
  /** The embedded demo portal, when the gateway started one. */
  readonly demoPortal: DemoPortal | undefined;
  /** Undefined with METRICS=off. */
  readonly metrics: GatewayMetrics | undefined;
  /**
   * Graceful shutdown: readiness turns false at once, requests are still served for
   * SHUTDOWN_READINESS_DELAY_MS, then the listener closes and in-flight requests get up to
   * SHUTDOWN_GRACE_MS to finish before their connections are closed.
   */
  shutdown(): Promise<void>;
  /** Stops at once (tests); in-flight requests get the grace period all the same. */
  stop(): Promise<void>;
}

/** A readiness check that takes longer than this fails. */
const READINESS_TIMEOUT_MS = 2000;

export interface GatewayOptions {
  /**
   * What every wait, timeout, deadline and cool-down is measured on, the embedded demo portal's
   * included. Default: the system clock; tests pass one they move themselves.
   */
  clock?: Clock;
}

/** Starts the whole service: the portal (embedded demo, or configured), the schema and HTTP. */
export async function startGateway(
  config: Config,
  logger: Logger,
  options: GatewayOptions = {},
): Promise<Gateway> {
  const clock = options.clock ?? systemClock;
  const demoPortal =
    config.portal.mode === "demo"
      ? await startDemoPortal({
          port: config.portal.port,
          seed: config.portal.seed,
          ...(options.clock && { clock: options.clock }),
        })
      : undefined;
  const portal: PortalConfig = demoPortal
    ? { mode: "webhook", webhookEndpoint: demoPortal.webhookUrl, redactedUrl: demoPortal.origin }
    : (config.portal as PortalConfig);
  const origin = new URL(portal.mode === "oauth" ? portal.restEndpoint : portal.webhookEndpoint)
    .origin;

  const metrics = config.metrics.enabled
    ? new GatewayMetrics({ maxOperationNames: config.metrics.maxOperationNames })
    : undefined;
  metrics?.declareOrigin(origin);
  if (config.redisUrl && config.rateLimit) metrics?.declareSharedRateLimit();
  const metricsObserver = metrics?.upstreamObserver();
  const transport = createTransport({
    timeoutMs: config.upstreamTimeoutMs,
    rateLimit: config.rateLimit,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    localShare: config.rateLimitLocalShare,
    operatingLimitSeconds: config.operatingLimitSeconds,
    folding: config.folding,
    circuitBreaker: config.circuitBreaker,
    ...(options.clock && { clock: options.clock }),
    observer: {
      ...metricsObserver,
      circuitState: (event) => {
        metricsObserver?.circuitState(event);
        logger.warn({ origin: event.origin, state: event.state }, "upstream circuit changed state");
      },
      rateLimitSharing: (event) => {
        metricsObserver?.rateLimitSharing(event);
        if (event.redis === "ready") {
          logger.info("Redis answers: the rate limit is shared between replicas");
        } else {
          logger.warn(
            { localShare: config.rateLimitLocalShare },
            "Redis is unreachable: each replica now models its own share of the portal's rate limit (RATE_LIMIT_LOCAL_SHARE)",
          );
        }
      },
    },
  });
  // The first requests should find the shared rate limit in place; if Redis is not there, the
  // replica starts anyway, on its local share, and keeps trying to reach it.
  await transport.redis?.settled();
  const readiness = new Readiness({
    checks: { portal: () => transport.probe(origin, READINESS_TIMEOUT_MS) },
    // Redis going away degrades the rate limit to a local share; it does not make a replica unready,
    // or one Redis restart would take every replica out of the load balancer at once.
    ...(transport.redis && {
      degradable: { redis: () => Promise.resolve(transport.redis?.state === "ready") },
    }),
    cacheMs: config.readinessCacheMs,
    timeoutMs: READINESS_TIMEOUT_MS,
    clock,
  });
  const authenticator = new CallerAuthenticator(config.auth, portal.mode);
  if (!authenticator.enforced) {
    logger.warn(
      demoPortal
        ? "caller authentication is off: the embedded demo portal holds demo data only"
        : "caller authentication is off (development): set GATEWAY_TOKENS, GATEWAY_JWT_SECRET or ROUTER_SECRET",
    );
  }
  const createContext = createContextFactory(portal, transport, config.requestDeadlineMs, clock);
  const reject = (reason: RejectionReason) => metrics?.recordRejection(reason);

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  // Slow or idle clients cannot hold sockets for ever.
  httpServer.requestTimeout = config.requestDeadlineMs + 10_000;
  httpServer.headersTimeout = Math.min(20_000, httpServer.requestTimeout);

  const apollo = new ApolloServer<GatewayContext>({
    schema: await buildGatewaySchema(),
    logger,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: config.limits.httpBatching.enabled,
    parseOptions: { maxTokens: config.limits.maxTokens },
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter({ hideSuggestions: config.production }),
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: config.shutdown.graceMs,
      }),
      operationLimitsPlugin({
        limits: config.limits,
        federationPublic: config.auth.federationPublic,
        ...(metrics && { onEstimate: (cost) => metrics.recordEstimate(cost.upstreamCommands) }),
      }),
      partialErrorsPlugin(),
      operationObserverPlugin({ logger, metrics }),
      // Federated traces (ftv1) for the router carry timings and paths; error messages are masked.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      config.sandbox
        ? landingPagePlugin({
            production: false,
            headers:
              portal.mode === "oauth"
                ? { Authorization: "Bearer <your Bitrix24 access token>" }
                : config.auth.tokens.length > 0 || config.auth.jwt
                  ? { Authorization: "Bearer <your gateway token>" }
                  : {},
          })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", (_req, res, next) => {
    readiness.report().then((report) => {
      res.status(report.ready ? 200 : 503).json({
        status: report.draining
          ? "draining"
          : !report.ready
            ? "unavailable"
            : report.degraded.length > 0
              ? "degraded"
              : "ready",
        checks: report.checks,
        ...(report.degraded.length > 0 && { degraded: report.degraded }),
      });
    }, next);
  });
  if (metrics) app.get("/metrics", metricsHandler(metrics, config.metrics.token));

  app.use(
    "/graphql",
    requestScope(config.requestDeadlineMs, logger, reject, clock),
    corsMiddleware(config.corsOrigins),
    authenticationGuard(authenticator, reject),
    express.json({ limit: config.limits.maxBodyBytes }),
    bodyErrorHandler(config.limits.maxBodyBytes, reject),
    batchGuard(config.limits.httpBatching, reject),
    tokenLimitGuard(config.limits.maxTokens, reject),
    expressMiddleware(apollo, {
      context: ({ req, res }) => {
        const context = createContext({
          authorization: req.headers.authorization,
          signal: (res.locals.abort as AbortController).signal,
          requestId: res.locals.requestId as string,
          caller: callerOf(res),
          wantsCost: req.headers["x-cost"] === "true",
        });
        res.locals.context = context;
        return Promise.resolve(context);
      },
    }),
  );
  app.use(finalErrorHandler(logger));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/graphql`;
  logger.info(
    { url, portal: portal.mode === "oauth" ? portal.restEndpoint : portal.redactedUrl },
    "gateway listening",
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      readiness.startDraining();
      await apollo.stop();
      await transport.close();
      await demoPortal?.close();
    })();
    return stopping;
  };
  return {
    url,
    portal,
    demoPortal,
    metrics,
    async shutdown() {
      readiness.startDraining();
      logger.info(
        {
          readinessDelayMs: config.shutdown.readinessDelayMs,
          graceMs: config.shutdown.graceMs,
        },
        "draining: readiness is false; in-flight requests may finish",
      );
      if (config.shutdown.readinessDelayMs > 0)
        await sleep(clock, config.shutdown.readinessDelayMs);
      await stop();
    },
    stop,
  };
}

function metricsHandler(metrics: GatewayMetrics, token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : sha256(token);
  return (req, res, next) => {
    if (expected) {
      const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      if (!given || !timingSafeEqual(sha256(given), expected)) {
        res.status(401).setHeader("www-authenticate", "Bearer").end();
        return;
      }
    }
    metrics.render().then(({ contentType, body }) => {
      res.type(contentType).send(body);
    }, next);
  };
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Anything that escaped the handlers: a GraphQL-shaped 500 with no detail, logged with the request id.
 * A response already under way (say a 504 sent while Apollo was still finishing) is left alone.
 */
function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    logger.error({ requestId: res.locals.requestId as unknown, err: error }, "request failed");
    sendRefusal(
      res,
      new RequestRefusal(ErrorCode.InternalServerError, "Internal server error", 500),
    );
  };
}
