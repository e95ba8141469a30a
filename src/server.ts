import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sleep, systemClock, timeoutSignal, type Clock } from "./clock";
import type { Config, PortalConfig } from "./config";
import { createContextFactory } from "./context";
import { startDemoPortal, type DemoPortal } from "./demo-portal";
import { CACHE_FORMAT_VERSION, ReadCache } from "./cache/read-cache";
import { MemoryCacheStore } from "./cache/memory-store";
import { RedisCacheKv } from "./cache/redis-kv";
import { SharedCacheStore } from "./cache/shared-store";
import { portalKeys, type PortalKeys } from "./redis/portal-keys";
import { LiveData } from "./events/live-data";
import {
  createApplicationRuntime,
  type ApplicationRuntime,
  type ApplicationRuntimeOptions,
} from "./app/application-runtime";
import { createHttpApp, type HttpAppOptions } from "./http/app";
import { createErrorFormatter } from "./errors/to-graphql-error";
import { startWsServer, type WsServer } from "./http/ws-server";
import { TrustedDocumentGate } from "./security/trusted-document-gate";
import type { Logger } from "./logger";
import { CacheMetrics } from "./observability/cache-metrics";
import { LiveMetrics } from "./observability/live-metrics";
import { GatewayMetrics } from "./observability/metrics";
import { Readiness } from "./observability/readiness";
import { upstreamEvents } from "./observability/upstream-events";
import { CallerAuthenticator } from "./security/caller-auth";
import { OAuthTokenVerifier } from "./security/oauth-token-verifier";
import { RedisConnection } from "./redis/redis-connection";
import { startApolloServer } from "./subgraph/apollo-server";
import { buildGatewaySchema } from "./subgraph/build-schema";
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
  const core = await startCore(config, logger, options);
  const { clock, demoPortal, portal, metrics, transport, readiness, verifier, cache, live } = core;
  const application = await startApplication(portal, config, { ...core, logger });
  const createContext = createContextFactory(
    portal,
    transport,
    live,
    cache,
    config.requestDeadlineMs,
    clock,
    verifier && ((token) => verifier.refused(token)),
    application?.identity,
  );
  const { httpServer, apollo, ws } = await startServing({
    config,
    portal,
    cache,
    createContext,
    authenticator: createAuthenticator(config, portal, logger, !!demoPortal, verifier),
    readiness,
    metrics,
    logger,
    clock,
    events: {
      live,
      applicationTokens: eventTokens(config, demoPortal),
      ...(application && { application: application.events }),
    },
    ...(application && { install: application.install }),
  });
  const url = await listen(httpServer, config, logger, portal);
  await connectEvents(url, portal, application, demoPortal);
  const lifecycle = gatewayLifecycle(
    { config, logger, clock, readiness },
    closingOrder(
      { application, live, ws, apollo, transport, demoPortal },
      clock,
      config.shutdown.graceMs,
    ),
  );
  return { url, portal, demoPortal, metrics, ...lifecycle };
}

/**
 * What every mode has: the portal (the embedded one started if asked for), metrics, the transport,
 * readiness, the OAuth-mode token verifier, the read cache and live data, each settled.
 */
async function startCore(config: Config, logger: Logger, options: GatewayOptions) {
  const clock = options.clock ?? systemClock;
  const demoPortal = await startEmbeddedPortal(config, options.clock);
  const portal: PortalConfig = demoPortal
    ? embeddedPortalConfig(config, demoPortal)
    : (config.portal as PortalConfig);
  const origin = portalOrigin(portal);
  const metrics = createMetrics(config, origin);
  const keys = portalKeys(config.redisKeyPrefix, origin, CACHE_FORMAT_VERSION);
  const transport = createTransport({
    ...transportSettings(config),
    redisProbeKey: keys.probe,
    ...(options.clock && { clock: options.clock }),
    observer: upstreamEvents(metrics, logger, config.rateLimitLocalShare),
  });
  // The first requests should find the shared rate limit in place; if Redis is not there, the
  // replica starts anyway, on its local share, and keeps trying to reach it.
  await transport.redis?.settled();
  const readiness = createReadiness(config, transport, origin, clock);
  const verifier = createTokenVerifier(config, portal, transport, clock);
  const cache = createReadCache(config, transport, keys, clock, metrics);
  const live = createLiveData(config, transport, keys, cache, clock, logger, metrics);
  // Serving starts with the shared cache usable (epoch checked), not bypassed.
  await Promise.all([live.settled(), cache.settled()]);
  return { clock, demoPortal, portal, metrics, transport, readiness, verifier, keys, cache, live };
}

/**
 * Application mode: the installation as the store holds it (reported on /readyz), the identity
 * requests call the portal as, and the offline queue's drain (started once the gateway listens).
 */
async function startApplication(
  portal: PortalConfig,
  config: Config,
  parts: Pick<
    ApplicationRuntimeOptions,
    "transport" | "live" | "cache" | "keys" | "clock" | "logger" | "metrics"
  > & { readiness: Readiness },
): Promise<ApplicationRuntime | undefined> {
  if (portal.mode !== "application") return undefined;
  const application = createApplicationRuntime({
    ...parts,
    settings: portal.application,
    restEndpoint: portal.restEndpoint,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    offlineEvents: config.offlineEvents,
  });
  await application.session.load();
  parts.readiness.watch("installation", () => application.session.state);
  return application;
}

/**
 * Once the gateway listens, where events come from: in application mode the drain starts, pushed
 * events go to GATEWAY_PUBLIC_URL (the embedded portal reaches the gateway itself), and the
 * embedded portal installs the gateway as an admin would; otherwise the embedded portal's outgoing
 * webhook points at the events route.
 */
async function connectEvents(
  url: string,
  portal: PortalConfig,
  application: ApplicationRuntime | undefined,
  demoPortal: DemoPortal | undefined,
): Promise<void> {
  const origin = url.replace(/\/graphql$/, "");
  if (!application || portal.mode !== "application") {
    demoPortal?.setEventHandlerUrl(`${origin}/bitrix24/events`);
    return;
  }
  application.start(portal.application.publicUrl ?? (demoPortal ? origin : undefined));
  if (demoPortal) await demoPortal.installApplication(`${origin}/bitrix24/install`);
}

/**
 * GraphQL over HTTP (Apollo, with the HTTP app's routes and guards) and over graphql-ws, on one
 * HTTP server that is not listening yet.
 */
async function startServing(
  parts: Omit<HttpAppOptions, "apollo"> & { portal: PortalConfig; cache: ReadCache },
) {
  const { config } = parts;
  const schema = await buildGatewaySchema();
  const httpServer = createHttpServer(config);
  const formatError = createErrorFormatter({ hideSuggestions: config.production });
  const apollo = await startApolloServer({
    ...parts,
    schema,
    httpServer,
    cacheMaxAgeSeconds: parts.cache.enabled ? parts.cache.ttlSeconds : 0,
    formatError,
  });
  httpServer.on("request", createHttpApp({ ...parts, apollo }));
  const ws = startWsServer({
    httpServer,
    schema,
    authenticator: parts.authenticator,
    createContext: parts.createContext,
    limits: config.limits,
    federationPublic: config.auth.federationPublic,
    ...config.subscriptions,
    formatError,
    introspection: config.introspection,
    maxPayloadBytes: config.limits.maxBodyBytes,
    logger: parts.logger,
    metrics: parts.metrics,
    ...(config.trustedDocuments.mode !== "off" && {
      documentGate: new TrustedDocumentGate(config.trustedDocuments, parts.logger, (mode) =>
        parts.metrics?.recordUntrustedDocument(mode),
      ),
    }),
  });
  return { httpServer, apollo, ws };
}

/** What stops, in order: subscriptions first, each with a `complete` to its client, then sockets. */
function closingOrder(
  parts: {
    application: ApplicationRuntime | undefined;
    live: LiveData;
    ws: WsServer;
    apollo: { stop(): Promise<void> };
    transport: Transport;
    demoPortal: DemoPortal | undefined;
  },
  clock: Clock,
  graceMs: number,
): Array<() => Promise<void> | void> {
  return [
    // The drain feeds live data: it stops first, and gives up its lease for another replica.
    () => parts.application?.close(),
    () => parts.live.close(),
    // Bounded: an operation that does not end in time is cut off with its socket.
    () => {
      const grace = timeoutSignal(clock, graceMs);
      const cutOff = new Promise<void>((resolve) =>
        grace.signal.addEventListener("abort", () => resolve()),
      );
      return Promise.race([parts.ws.drained(), cutOff]).finally(() => grace.dispose());
    },
    () => parts.ws.dispose(),
    () => parts.apollo.stop(),
    () => parts.transport.close(),
    () => parts.demoPortal?.close(),
  ];
}

/**
 * `stop` closes what was started, in order, once; `shutdown` first turns readiness false and keeps
 * serving for SHUTDOWN_READINESS_DELAY_MS, so that load balancers stop sending before the listener
 * closes.
 */
function gatewayLifecycle(
  parts: { config: Config; logger: Logger; clock: Clock; readiness: Readiness },
  closers: Array<() => Promise<void> | void>,
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

/**
 * The embedded portal as the gateway uses it: by default as an installed application, the way that
 * loses no change (pushed events plus the offline queue), its installation kept in memory since the
 * portal's tokens die with the process anyway; or through its incoming webhook.
 */
function embeddedPortalConfig(config: Config, demoPortal: DemoPortal): PortalConfig {
  const as = config.portal.mode === "demo" ? config.portal.as : "webhook";
  if (as === "webhook") {
    return {
      mode: "webhook",
      webhookEndpoint: demoPortal.webhookUrl,
      redactedUrl: demoPortal.origin,
    };
  }
  return {
    mode: "application",
    restEndpoint: `${demoPortal.origin}/rest/`,
    application: {
      clientId: demoPortal.application.clientId,
      clientSecret: demoPortal.application.clientSecret,
      oauthUrl: demoPortal.oauthServerUrl,
      store: { kind: "memory" },
      publicUrl: undefined,
    },
  };
}

function transportSettings(config: Config) {
  return {
    timeoutMs: config.upstreamTimeoutMs,
    rateLimit: config.rateLimit,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    redisCommandTimeoutMs: config.redisCommandTimeoutMs,
    localShare: config.rateLimitLocalShare,
    operatingLimitSeconds: config.operatingLimitSeconds,
    folding: config.folding,
    circuitBreaker: config.circuitBreaker,
  };
}

function portalOrigin(portal: PortalConfig): string {
  return new URL(portal.mode === "webhook" ? portal.webhookEndpoint : portal.restEndpoint).origin;
}

function createMetrics(config: Config, origin: string): GatewayMetrics | undefined {
  if (!config.metrics.enabled) return undefined;
  const metrics = new GatewayMetrics({ maxOperationNames: config.metrics.maxOperationNames });
  metrics.declareOrigin(origin);
  if (config.redisUrl && config.rateLimit) metrics.declareSharedRateLimit();
  return metrics;
}

/**
 * Live data, shared between replicas through Redis when it is configured: the transport's
 * connection for commands, and one more held in subscriber mode for the portal's change channel.
 */
function createLiveData(
  config: Config,
  transport: Transport,
  keys: PortalKeys,
  cache: ReadCache,
  clock: Clock,
  logger: Logger,
  metrics: GatewayMetrics | undefined,
): LiveData {
  const publisher = transport.redis;
  return new LiveData({
    clock,
    logger,
    metrics: metrics && new LiveMetrics(metrics.registry),
    cache,
    maxSubscriptionsPerCaller: config.subscriptions.maxPerCaller,
    ...(publisher &&
      config.redisUrl && {
        redis: {
          publisher,
          subscriber: new RedisConnection(config.redisUrl, {
            subscriber: true,
            commandTimeoutMs: config.redisCommandTimeoutMs,
          }),
          channel: keys.changesChannel,
        },
      }),
  });
}

/**
 * The read cache: in Redis (shared), in memory, or off. Keys carry the portal and a format version,
 * never a secret. CACHE=memory beside REDIS_URL is refused by the config: replicas could not
 * invalidate each other's memory.
 */
function createReadCache(
  config: Config,
  transport: Transport,
  keys: PortalKeys,
  clock: Clock,
  metrics: GatewayMetrics | undefined,
): ReadCache {
  const redis = transport.redis;
  const store =
    config.cache.store === "off"
      ? undefined
      : config.cache.store === "redis" && redis
        ? new SharedCacheStore(new RedisCacheKv(redis), {
            epochKey: `${keys.cacheBase}epoch`,
            genTtlSeconds: config.cache.ttlSeconds * 10,
            maxBacklog: 10_000,
          })
        : new MemoryCacheStore(10_000, clock);
  return new ReadCache({
    store,
    ttlSeconds: config.cache.ttlSeconds,
    base: keys.cacheBase,
    clock,
    metrics: metrics && new CacheMetrics(metrics.registry),
  });
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

/** Event deliveries must carry one of these; the embedded portal signs with its own. */
function eventTokens(config: Config, demoPortal: DemoPortal | undefined): string[] {
  return [...config.events.applicationTokens, ...(demoPortal ? [demoPortal.applicationToken] : [])];
}

/** OAuth mode: what the portal said of each bearer token, so that junk ones cost nothing twice. */
function createTokenVerifier(
  config: Config,
  portal: PortalConfig,
  transport: Transport,
  clock: Clock,
): OAuthTokenVerifier | undefined {
  if (portal.mode !== "oauth") return undefined;
  return new OAuthTokenVerifier({
    transport,
    restEndpoint: portal.restEndpoint,
    clock,
    timeoutMs: config.upstreamTimeoutMs,
  });
}

function createAuthenticator(
  config: Config,
  portal: PortalConfig,
  logger: Logger,
  demo: boolean,
  verifier: OAuthTokenVerifier | undefined,
): CallerAuthenticator {
  const authenticator = new CallerAuthenticator(config.auth, portal.mode, verifier);
  if (!authenticator.enforced) {
    logger.warn(
      demo
        ? "caller authentication is off: the embedded demo portal holds demo data only"
        : "caller authentication is off (development): set GATEWAY_TOKENS, GATEWAY_JWT_SECRET or ROUTER_SECRET",
    );
  }
  return authenticator;
}

/**
 * One HTTP server for /graphql, graphql-ws, the events route and the operational routes. An idle
 * keep-alive connection is closed only after KEEP_ALIVE_TIMEOUT_MS, longer than the routers and load
 * balancers in front keep their pooled connections: were the gateway to close first (node's default
 * is 5 s), a request they send on a connection at that moment fails with "socket hang up" or a 502.
 * The headers timeout stays above it, as node's docs advise, and the request timeout above both, so
 * slow or idle clients still cannot hold sockets for ever.
 */
function createHttpServer(config: Config): http.Server {
  const httpServer = http.createServer();
  httpServer.keepAliveTimeout = config.keepAliveTimeoutMs;
  httpServer.headersTimeout = config.keepAliveTimeoutMs + 1000;
  httpServer.requestTimeout = Math.max(
    config.requestDeadlineMs + 10_000,
    httpServer.headersTimeout + 1000,
  );
  return httpServer;
}

async function listen(
  httpServer: http.Server,
  config: Config,
  logger: Logger,
  portal: PortalConfig,
): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/graphql`;
  logger.info(
    {
      url,
      mode: portal.mode,
      portal: portal.mode === "webhook" ? portal.redactedUrl : portal.restEndpoint,
    },
    "gateway listening",
  );
  return url;
}
