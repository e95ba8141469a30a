import { type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { installApplication, uninstallApplication } from "./application-lifecycle";
import { checkFault } from "./fault-check";
import { type DemoPortalFault } from "./faults";
import { type DemoPortalLimits, type DemoPortalLimitsUpdate } from "./portal-limits";
import {
  checkEventHandlerUrl,
  resolvePortalOptions,
  type DemoPortalOptions,
} from "./portal-options";
import { OAUTH_PATH } from "./oauth-token-endpoint";
import { PortalRuntime } from "./portal-runtime";
import { createPortalServer } from "./server";
import { type DemoPortalStats } from "./stats";

export type { DemoPortalApplication, OfflineCollapse } from "./application-settings";
export type { DemoPortalFault } from "./faults";
export type { OperatingLimit } from "./operating-time";
export type { DemoPortalLimits, DemoPortalLimitsUpdate } from "./portal-limits";
export type { DemoPortalOptions } from "./portal-options";
export type { RateLimit } from "./rate-limit";
export type { DemoPortalStats } from "./stats";
export type { PortalSeed } from "./seed";

/** A running in-memory Bitrix24 portal that speaks the booking.v1 REST protocol over HTTP. */
export interface DemoPortal {
  /** "http://127.0.0.1:<port>" */
  readonly origin: string;
  /** "http://127.0.0.1:<port>/rest/<userId>/<secret>/": append a method name to call it. */
  readonly webhookUrl: string;
  /**
   * Sent as auth[application_token] with every event: a handler compares it to tell this portal's
   * requests from forged ones (the `applicationToken` option, or a random one).
   */
  readonly applicationToken: string;
  /** Sent as auth[member_id] with every event: this portal's id, 32 random hex digits. */
  readonly memberId: string;
  /** The application the portal plays (the `application` option, or a generated one). */
  readonly application: { readonly clientId: string; readonly clientSecret: string };
  /**
   * "<origin>/oauth/": the portal's own authorization server, to which a client appends "token/"
   * as it does to https://oauth.bitrix.info/oauth/.
   */
  readonly oauthServerUrl: string;
  /**
   * Installs the application as Bitrix24 installs a local one that uses the API only: issues a
   * fresh token pair (every token of an earlier installation is revoked; bindings and the offline
   * queue stay) and posts ONAPPINSTALL, form-encoded, to `handlerUrl`. Resolves with the
   * handler's HTTP status, 0 when it could not be reached; the installation stands either way.
   * Rejects with a TypeError for a URL that is not absolute http(s). Same as POST
   * /_demo/application/install.
   */
  installApplication(handlerUrl: string): Promise<{ status: number }>;
  /**
   * Uninstalls it: every application token is unknown from now on (NO_AUTH_FOUND), and its event
   * bindings and offline queue are gone. With a URL, posts ONAPPUNINSTALL there and resolves with
   * the status; without one, with 0. Same as POST /_demo/application/uninstall.
   */
  uninstallApplication(handlerUrl?: string): Promise<{ status: number }>;
  /**
   * While on, the token endpoint refuses every refresh with 403 PAYMENT_REQUIRED (the refresh token
   * stays valid for when it is off). Same as PATCH /_demo/application {"paymentRequired": …}.
   */
  setPaymentRequired(on: boolean): void;
  /**
   * Makes the current access token expired now (401 expired_token) without issuing another: the
   * application must refresh. Throws when nothing is installed. Same as POST
   * /_demo/application/expire-access-token.
   */
  expireAccessToken(): void;
  /** The installation's current tokens, for tests; undefined while not installed. */
  applicationTokens(): { accessToken: string; refreshToken: string } | undefined;
  /** Every refresh_token value sent to the token endpoint, in arrival order, refused ones too. */
  refreshTokensPresented(): string[];
  /**
   * Points the outgoing webhook at `url` (an absolute http or https URL), or turns it off with
   * undefined; events of changes made from now on go there. Throws a TypeError for an invalid URL.
   */
  setEventHandlerUrl(url: string | undefined): void;
  /** The same counters as GET /_demo/stats, as a detached copy. */
  stats(): DemoPortalStats;
  /** Zeroes the counters; `inFlight` counts requests still on their way, so it stays. */
  resetStats(): void;
  /**
   * Resolves with a snapshot of the stats as soon as `condition` holds of them: at once if it
   * already does, else when a change makes it hold (a request arriving, answered or dropped, a
   * counter moving, a reset). A test barrier instead of a sleep, e.g.
   * `await portal.waitFor((stats) => stats.inFlight === 8)`. A `condition` that throws rejects.
   */
  waitFor(condition: (stats: DemoPortalStats) => boolean): Promise<DemoPortalStats>;
  /**
   * Queues a fault, or several in order (same as POST /_demo/faults). Throws a TypeError for an
   * invalid one, queuing none of them.
   */
  injectFault(fault: DemoPortalFault | readonly DemoPortalFault[]): void;
  /** Drops every queued fault (same as DELETE /_demo/faults). */
  clearFaults(): void;
  /** The faults not used up yet, `times` being the hits left (same as GET /_demo/faults). */
  pendingFaults(): DemoPortalFault[];
  /** The traffic limits in force (same as GET /_demo/limits). */
  limits(): DemoPortalLimits;
  /**
   * Changes some limits (same as PATCH /_demo/limits) and returns all of them; null turns a
   * limit off. Throws a TypeError, changing nothing, for an invalid value.
   */
  setLimits(update: DemoPortalLimitsUpdate): DemoPortalLimits;
  /** Stops listening and closes every connection, keep-alive ones included; safe to call twice. */
  close(): Promise<void>;
}

export async function startDemoPortal(options: DemoPortalOptions = {}): Promise<DemoPortal> {
  const settings = resolvePortalOptions(options);
  const runtime = new PortalRuntime(settings);
  const server = createPortalServer(runtime);
  await listen(server, settings.port, settings.host);

  const { port } = server.address() as AddressInfo;
  const origin = `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`;
  const { userId, secret } = settings.auth.webhook;
  runtime.events.setOrigin(origin);
  const { application } = runtime;
  return {
    origin,
    webhookUrl: `${origin}/rest/${userId}/${secret}/`,
    applicationToken: runtime.events.applicationToken,
    memberId: runtime.events.memberId,
    application: { clientId: application.clientId, clientSecret: application.clientSecret },
    oauthServerUrl: `${origin}${OAUTH_PATH}`,
    installApplication: (handlerUrl) => installApplication(runtime, handlerUrl),
    uninstallApplication: (handlerUrl) => uninstallApplication(runtime, handlerUrl),
    setPaymentRequired: (on) => {
      if (typeof on !== "boolean")
        throw new TypeError(`on must be true or false, got ${String(on)}`);
      application.paymentRequired = on;
    },
    expireAccessToken: () => {
      if (!application.tokens.expireAccessToken()) {
        throw new Error("no application is installed, so there is no access token to expire");
      }
    },
    applicationTokens: () => {
      const pair = application.tokens.pair();
      return pair && { accessToken: pair.accessToken, refreshToken: pair.refreshToken };
    },
    refreshTokensPresented: () => [...application.refreshTokensPresented],
    setEventHandlerUrl: (url) => runtime.events.handlers.setWebhookUrl(checkEventHandlerUrl(url)),
    stats: () => runtime.stats.snapshot(),
    resetStats: () => runtime.stats.reset(),
    waitFor: (condition) => runtime.stats.waitFor(condition),
    injectFault: (fault) => {
      const checked = (Array.isArray(fault) ? fault : [fault]).map(checkFault);
      for (const each of checked) runtime.faults.add(each);
    },
    clearFaults: () => runtime.faults.clear(),
    pendingFaults: () => runtime.faults.list(),
    limits: () => runtime.limits.snapshot(),
    setLimits: (update) => runtime.limits.update(update),
    close: () => {
      // Requests waiting on latency or a hang give up instead of keeping timers alive, and event
      // deliveries still on their way fail.
      runtime.shutdown();
      return closeServer(server);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // close() alone waits for idle keep-alive sockets to time out; end them now.
    server.closeAllConnections();
  });
}
