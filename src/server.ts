import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sleep, systemClock, type Clock } from "./clock";
import type { Config, PortalConfig } from "./config";
import { createContextFactory } from "./context";
import { startDemoPortal, type DemoPortal } from "./demo-portal";
import { createHttpApp } from "./http/app";
import type { Logger } from "./logger";
import { GatewayMetrics } from "./observability/metrics";
import { Readiness } from "./observability/readiness";
import { upstreamEvents } from "./observability/upstream-events";
import { CallerAuthenticator } from "./security/caller-auth";
import { startApolloServer } from "./subgraph/apollo-server";
import { createTransport, type Transport } from "./transport/transport";

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

export interface GatewayOptions {
  /**
   * What every wait, timeout, deadline and cool-down is measured on, the embedded demo portal's
   * included. Default: the system clock; tests pass one they move themselves.
   */
  clock?: Clock;
}

/** A readiness check that takes longer than this fails. */
const READINESS_TIMEOUT_MS = 2000;

/**
 * The composition root: the portal, metrics, the transport to the portal, readiness, Apollo and the
 * HTTP app, each built by its own factory, then listening.
 */
export async function startGateway(
  config: Config,
  logger: Logger,
  options: GatewayOptions = {},
): Promise<Gateway> {
  const clock = options.clock ?? systemClock;
  const demoPortal = await startEmbeddedPortal(config, options.clock);
  const portal: PortalConfig = demoPortal
    ? { mode: "webhook", webhookEndpoint: demoPortal.webhookUrl, redactedUrl: demoPortal.origin }
    : (config.portal as PortalConfig);
  const origin = portalOrigin(portal);
  const metrics = createMetrics(config, origin);
  const transport = createTransport({
    ...transportSettings(config),
    ...(options.clock && { clock: options.clock }),
    observer: upstreamEvents(metrics, logger, config.rateLimitLocalShare),
  });
  // The first requests should find the shared rate limit in place; if Redis is not there, the
  // replica starts anyway, on its local share, and keeps trying to reach it.
  await transport.redis?.settled();
  const readiness = createReadiness(config, transport, origin, clock);
  const authenticator = createAuthenticator(config, portal, logger, demoPortal !== undefined);

  const httpServer = createHttpServer(config);
  const apollo = await startApolloServer({ config, portal, httpServer, logger, metrics });
  const createContext = createContextFactory(portal, transport, config.requestDeadlineMs, clock);
  const app = createHttpApp({
    config,
    apollo,
    createContext,
    authenticator,
    readiness,
    metrics,
    logger,
    clock,
  });
  httpServer.on("request", app);
  const url = await listen(httpServer, config, logger, portal);
  const lifecycle = gatewayLifecycle({ config, logger, clock, readiness }, [
    () => apollo.stop(),
    () => transport.close(),
    () => demoPortal?.close(),
  ]);
  return { url, portal, demoPortal, metrics, ...lifecycle };
}

/**
 * `stop` closes what was started, in order, once; `shutdown` first turns readiness false and keeps
 * serving for SHUTDOWN_READINESS_DELAY_MS, so that load balancers stop sending before the listener
 * closes.
 */
function gatewayLifecycle(
  parts: { config: Config; logger: Logger; clock: Clock; readiness: Readiness },
  closers: Array<() => Promise<void> | undefined>,
): { stop(): Promise<void>; shutdown(): Promise<void> } {
  const { config, logger, clock, readiness } = parts;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      readiness.startDraining();
      for (const close of closers) await close();
    })();
    return stopping;
  };
  const shutdown = async () => {
    readiness.startDraining();
    logger.info(
      { readinessDelayMs: config.shutdown.readinessDelayMs, graceMs: config.shutdown.graceMs },
      "draining: readiness is false; in-flight requests may finish",
    );
    if (config.shutdown.readinessDelayMs > 0) await sleep(clock, config.shutdown.readinessDelayMs);
    await stop();
  };
  return { stop, shutdown };
}

function startEmbeddedPortal(
  config: Config,
  clock: Clock | undefined,
): Promise<DemoPortal | undefined> {
  if (config.portal.mode !== "demo") return Promise.resolve(undefined);
  return startDemoPortal({
    port: config.portal.port,
    seed: config.portal.seed,
    ...(clock && { clock }),
  });
}

function transportSettings(config: Config) {
  return {
    timeoutMs: config.upstreamTimeoutMs,
    rateLimit: config.rateLimit,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    localShare: config.rateLimitLocalShare,
    operatingLimitSeconds: config.operatingLimitSeconds,
    folding: config.folding,
    circuitBreaker: config.circuitBreaker,
  };
}

function portalOrigin(portal: PortalConfig): string {
  return new URL(portal.mode === "oauth" ? portal.restEndpoint : portal.webhookEndpoint).origin;
}

function createMetrics(config: Config, origin: string): GatewayMetrics | undefined {
  if (!config.metrics.enabled) return undefined;
  const metrics = new GatewayMetrics({ maxOperationNames: config.metrics.maxOperationNames });
  metrics.declareOrigin(origin);
  if (config.redisUrl && config.rateLimit) metrics.declareSharedRateLimit();
  return metrics;
}

function createReadiness(
  config: Config,
  transport: Transport,
  origin: string,
  clock: Clock,
): Readiness {
  return new Readiness({
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
}

function createAuthenticator(
  config: Config,
  portal: PortalConfig,
  logger: Logger,
  demo: boolean,
): CallerAuthenticator {
  const authenticator = new CallerAuthenticator(config.auth, portal.mode);
  if (!authenticator.enforced) {
    logger.warn(
      demo
        ? "caller authentication is off: the embedded demo portal holds demo data only"
        : "caller authentication is off (development): set GATEWAY_TOKENS, GATEWAY_JWT_SECRET or ROUTER_SECRET",
    );
  }
  return authenticator;
}

function createHttpServer(config: Config): http.Server {
  const httpServer = http.createServer();
  // Slow or idle clients cannot hold sockets for ever.
  httpServer.requestTimeout = config.requestDeadlineMs + 10_000;
  httpServer.headersTimeout = Math.min(20_000, httpServer.requestTimeout);
  return httpServer;
}

async function listen(
  httpServer: http.Server,
  config: Config,
  logger: Logger,
  portal: PortalConfig,
): Promise<string> {
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/graphql`;
  logger.info(
    { url, portal: portal.mode === "oauth" ? portal.restEndpoint : portal.redactedUrl },
    "gateway listening",
  );
  return url;
}
