import type { ApplicationSettings } from "../config";
import type { Clock } from "../clock";
import type { ReadCache } from "../cache/read-cache";
import type { LiveData } from "../events/live-data";
import type { Logger } from "../logger";
import { ApplicationMetrics } from "../observability/application-metrics";
import type { GatewayMetrics } from "../observability/metrics";
import type { PortalKeys } from "../redis/portal-keys";
import { BitrixApiError } from "../transport/errors";
import type { ApplicationIdentity } from "../transport/identity";
import type { Transport } from "../transport/transport";
import { ApplicationSession } from "./application-session";
import { LocalDrainLease, RedisDrainLease, type DrainLease } from "./drain-lease";
import { FileInstallationStore } from "./file-installation-store";
import type { InstallationStore } from "./installation-store";
import { MemoryInstallationStore } from "./memory-installation-store";
import { OAuthServer } from "./oauth-server";
import { OfflineDrain } from "./offline-drain";
import { PostgresInstallationStore } from "./postgres-installation-store";

/** How long one round of drain calls may wait for the portal, in all. */
const DRAIN_CALL_DEADLINE_MS = 30_000;

export interface ApplicationRuntimeOptions {
  settings: ApplicationSettings;
  /** The portal's REST endpoint, `https://portal/rest/`. */
  restEndpoint: string;
  transport: Transport;
  live: LiveData;
  cache: ReadCache;
  keys: PortalKeys;
  clock: Clock;
  logger: Logger;
  metrics: GatewayMetrics | undefined;
  upstreamTimeoutMs: number;
  offlineEvents: { pollSeconds: number; signalMinSeconds: number };
}

/** The gateway as an installed application: the events that are not booking changes. */
export interface ApplicationEvents {
  /** The installed application's token; deliveries may carry it too. */
  applicationToken(): string | undefined;
  /** ONAPPUNINSTALL: the tokens are removed and the drain stops. */
  uninstalled(applicationToken: string): Promise<void>;
  /** ONOFFLINEEVENT: the offline queue has new records. */
  signalled(): void;
}

/** What the install route needs: see src/http/install-route.ts. */
export interface InstallHandling {
  session: ApplicationSession;
  /** The configured portal's REST endpoint: the tokens are for it, whatever the call says. */
  restEndpoint: string;
  /** Whether the portal accepts the token as this application's; a forged install call fails here. */
  verify: (accessToken: string) => Promise<boolean>;
  /** After the installation is stored: bind the events, drain. */
  installed: () => void;
}

/**
 * The gateway as a Bitrix24 application, assembled: the installation and its tokens (the session),
 * the identity every request calls the portal as, the offline queue's drain, and what the HTTP
 * routes need of them.
 */
export interface ApplicationRuntime {
  readonly identity: ApplicationIdentity;
  readonly session: ApplicationSession;
  readonly drain: OfflineDrain;
  /** For POST /bitrix24/events: the installation's token, uninstall, the drain signal. */
  readonly events: ApplicationEvents;
  /** For POST /bitrix24/install. */
  readonly install: InstallHandling;
  /** Starts draining; `publicUrl` is where the portal pushes events (undefined: poll-only). */
  start(publicUrl: string | undefined): void;
  close(): Promise<void>;
}

export function createApplicationRuntime(options: ApplicationRuntimeOptions): ApplicationRuntime {
  const { settings, transport, clock, logger, restEndpoint } = options;
  const metrics = options.metrics && new ApplicationMetrics(options.metrics.registry);
  const store = createStore(settings, new URL(restEndpoint).origin);
  const oauth = new OAuthServer({
    url: settings.oauthUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    timeoutMs: options.upstreamTimeoutMs,
  });
  const session = new ApplicationSession({
    store,
    oauth,
    clock,
    logger,
    onRefresh: (outcome) => metrics?.recordRefresh(outcome),
    onChange: (state) => metrics?.setState(state),
  });
  const identity: ApplicationIdentity = {
    kind: "application",
    endpoint: restEndpoint,
    tokens: session,
  };
  let publicUrl: string | undefined;
  const pollMs = options.offlineEvents.pollSeconds * 1000;
  const drain: OfflineDrain = new OfflineDrain({
    clock,
    logger,
    metrics,
    upstream: (signal) =>
      transport.upstream(identity, { signal, deadline: clock.now() + DRAIN_CALL_DEADLINE_MS }),
    installed: async () => (await session.refreshState()) === "valid",
    receive: (delivery) => options.live.receive(delivery),
    ready: () => options.cache.settled(),
    lease: createLease(options, pollMs),
    bindings: () => ({
      handlerUrl: publicUrl && `${publicUrl}/bitrix24/events`,
      signalMinSeconds: options.offlineEvents.signalMinSeconds,
    }),
    pollMs,
    tickMs: tickOf(pollMs),
  });
  // Whatever was missed while this replica could not reach Redis is in the queue.
  const stopWatchingRedis = transport.redis?.onChange((state) => {
    if (state === "ready") void drain.trigger("reconnect");
  });
  const verify = async (accessToken: string): Promise<boolean> => {
    const upstream = transport.upstream(
      { kind: "oauth", endpoint: restEndpoint, accessToken },
      { deadline: clock.now() + DRAIN_CALL_DEADLINE_MS },
    );
    try {
      // Only an application may ask; the answer also says whether clear=0 works on this plan.
      const answer = await upstream.call("feature.get", { CODE: "rest_offline_extended" });
      if ((answer.result as { value?: unknown } | undefined)?.value !== "Y") {
        logger.warn(
          "application: the portal's plan lacks rest_offline_extended; offline events may be lost if a drain fails",
        );
      }
      return true;
    } catch (error) {
      if (error instanceof BitrixApiError && error.status === 401) return false;
      throw error;
    }
  };
  return {
    identity,
    session,
    drain,
    events: {
      applicationToken: () => session.applicationToken,
      uninstalled: async (applicationToken) => {
        await session.uninstall(applicationToken);
      },
      signalled: () => void drain.trigger("signal"),
    },
    install: {
      session,
      restEndpoint,
      verify,
      installed: () => drain.installationChanged(),
    },
    start(url) {
      publicUrl = url?.replace(/\/$/, "");
      drain.start();
    },
    async close() {
      stopWatchingRedis?.();
      await drain.close();
      await oauth.close();
      await store.close();
    },
  };
}

function createStore(settings: ApplicationSettings, portal: string): InstallationStore {
  const store = settings.store;
  if (store.kind === "postgres") {
    return new PostgresInstallationStore({ connectionString: store.url, portal });
  }
  if (store.kind === "file") return new FileInstallationStore(store.path);
  return new MemoryInstallationStore();
}

/** With Redis, one replica drains at a time; without, this one is alone. */
function createLease(options: ApplicationRuntimeOptions, pollMs: number): DrainLease {
  const redis = options.transport.redis;
  if (!redis) return new LocalDrainLease();
  // Renewed at each tick; a holder that died is replaced within four ticks, under one poll interval.
  return new RedisDrainLease(redis, options.keys.drainLease, tickOf(pollMs) * 3);
}

/** A quarter of the poll interval, and at most 2 s, so that a signal reaches the holder soon. */
function tickOf(pollMs: number): number {
  return Math.max(100, Math.min(2000, pollMs / 4));
}
