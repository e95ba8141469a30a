import { randomBytes } from "node:crypto";
import { systemClock, type Clock } from "../clock";
import {
  resolveApplicationSettings,
  type ApplicationSettings,
  type DemoPortalApplication,
  type OfflineCollapse,
} from "./application-settings";
import {
  type AuthConfig,
  type InternalErrorListener,
  type WebhookCredentials,
} from "./portal-runtime";
import { type OperatingLimit } from "./operating-time";
import { type PortalEventSettings } from "./portal-events";
import { checkLimitsUpdate, NO_LIMITS, type DemoPortalLimits } from "./portal-limits";
import { type RateLimit } from "./rate-limit";
import { randomToken } from "./random-token";
import { isPortalSeed, PORTAL_SEEDS, type PortalSeed } from "./seed";
import { showValue } from "./show-value";

export interface DemoPortalOptions {
  /** Interface to listen on. Default "127.0.0.1". */
  host?: string;
  /** TCP port. Default 0: a random free port (read it back from `origin`). */
  port?: number;
  /** Initial data. Default "demo"; "empty" starts with no data at all. */
  seed?: PortalSeed;
  /** Incoming-webhook credentials. Default user 1 with a random 16-hex-digit secret. */
  webhook?: WebhookCredentials;
  /** OAuth access tokens accepted on /rest/<method>, mapped to the user each one acts as. Default {}. */
  oauthTokens?: Record<string, number>;
  /** Tokens answered with 401 expired_token (checked before oauthTokens). Default []. */
  expiredTokens?: string[];
  /**
   * Called when a method throws something other than a PortalError (the client gets 500
   * INTERNAL_SERVER_ERROR). Default: one line on stderr.
   */
  onInternalError?: InternalErrorListener;
  /**
   * Request-rate limit for the whole portal, as a leaky bucket: each HTTP request under /rest/
   * (a batch is one) adds 1, the level drains `perSecond`, and a request that would lift it
   * above `burst` gets 503 QUERY_LIMIT_EXCEEDED. Bitrix24 cloud: 50/2, Enterprise 250/5.
   * Default: off.
   */
  rateLimit?: RateLimit;
  /**
   * Operating-time limit per caller (webhook or OAuth user) and method: a call whose account has
   * used `limitSeconds` in the last `windowSeconds` (default 600) gets 429 OPERATION_TIME_LIMIT,
   * and success `time` objects carry `operating` and `operating_reset_at`. Default: off.
   */
  operatingLimit?: OperatingLimit;
  /** Operating time charged to every method execution at least, in ms. Default 0. */
  operatingCostMs?: number;
  /** Delay before every answer under /rest/, in ms; a plain call is charged it as operating time. Default 0. */
  latencyMs?: number;
  /**
   * Where the portal reads the time and waits: `time` objects, `createdAt`, the rate-limit
   * bucket, the operating-time baskets, latency and hang faults. Default: the system clock;
   * tests pass one they move themselves, so no outcome depends on the machine's speed.
   */
  clock?: Clock;
  /**
   * The outgoing webhook: an http(s) URL that gets every booking event as a form-encoded POST,
   * the way a portal admin configures one in the Bitrix24 UI. Can be changed after start with
   * `setEventHandlerUrl` (an embedded gateway knows its own URL only once it listens). Default:
   * none; applications can still bind handlers with event.bind.
   */
  eventHandlerUrl?: string;
  /**
   * Sent as auth[application_token] with every event, so a handler can tell the portal's requests
   * from forged ones. Default: 32 random hex digits, new at each start.
   */
  applicationToken?: string;
  /**
   * The application the portal plays, as a portal admin registers a local one: its client id and
   * secret for the token endpoint (<origin>/oauth/token/), and the lifetime of its access tokens.
   * It is not installed until installApplication. Default: a fresh one, client id
   * "local.<13 hex digits>.<8 digits>", 32-hex-digit secret, tokens valid 3600 s.
   */
  application?: DemoPortalApplication;
  /**
   * feature.get rest_offline_extended: whether event.offline.get may reserve records (clear=0),
   * as on plans with the extended offline mode. Default true.
   */
  offlineExtended?: boolean;
  /**
   * Which changes share one record of the offline queue: "event" (the server's rule: the same
   * event name and object) or "object" (the docs' description: the same object, whatever the
   * event, the record naming its latest one). Default "event".
   */
  offlineCollapse?: OfflineCollapse;
}

export interface ResolvedPortalOptions {
  host: string;
  port: number;
  seed: PortalSeed;
  auth: AuthConfig;
  onInternalError: InternalErrorListener;
  limits: DemoPortalLimits;
  clock: Clock;
  events: PortalEventSettings;
  application: ApplicationSettings;
}

/** Applies defaults and rejects bad options with a TypeError that names the rule and the value. */
export function resolvePortalOptions(options: DemoPortalOptions): ResolvedPortalOptions {
  const host = options.host ?? "127.0.0.1";
  if (host.trim() === "") throw new TypeError(`host must be a non-empty string, got "${host}"`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(`port must be an integer from 0 to 65535, got ${port}`);
  }
  const seed = options.seed ?? "demo";
  if (!isPortalSeed(seed)) {
    throw new TypeError(`seed must be one of ${PORTAL_SEEDS.join(", ")}, got "${String(seed)}"`);
  }
  return {
    host,
    port,
    seed,
    auth: {
      webhook: checkWebhook(
        options.webhook ?? { userId: 1, secret: randomBytes(8).toString("hex") },
      ),
      oauthTokens: checkOauthTokens(options.oauthTokens ?? {}),
      expiredTokens: new Set(options.expiredTokens ?? []),
    },
    onInternalError: options.onInternalError ?? writeInternalErrorToStderr,
    limits: {
      ...NO_LIMITS,
      ...checkLimitsUpdate({
        rateLimit: options.rateLimit,
        operatingLimit: options.operatingLimit,
        operatingCostMs: options.operatingCostMs,
        latencyMs: options.latencyMs,
      }),
    },
    clock: checkClock(options.clock ?? systemClock),
    events: {
      eventHandlerUrl: checkEventHandlerUrl(options.eventHandlerUrl),
      applicationToken: checkApplicationToken(options.applicationToken ?? randomToken()),
      // The portal's id: fixed for its whole life, as a Bitrix24 account's is.
      memberId: randomToken(),
    },
    application: resolveApplicationSettings(
      options.application,
      options.offlineExtended,
      options.offlineCollapse,
    ),
  };
}

/** undefined turns the outgoing webhook off; anything else must be an absolute http(s) URL. */
export function checkEventHandlerUrl(url: unknown, name = "eventHandlerUrl"): string | undefined {
  if (url === undefined) return undefined;
  const rule = `${name} must be an absolute http or https URL, got ${showValue(url)}`;
  if (typeof url !== "string" || !URL.canParse(url)) throw new TypeError(rule);
  const { protocol } = new URL(url);
  if (protocol !== "http:" && protocol !== "https:") throw new TypeError(rule);
  return url;
}

function checkApplicationToken(token: unknown): string {
  if (typeof token !== "string" || token === "") {
    throw new TypeError(`applicationToken must be a non-empty string, got ${showValue(token)}`);
  }
  return token;
}

function checkWebhook(webhook: WebhookCredentials): WebhookCredentials {
  if (!isPositiveInteger(webhook.userId)) {
    throw new TypeError(`webhook.userId must be a positive integer, got ${webhook.userId}`);
  }
  // The secret is a URL path segment, so it is limited to characters that need no escaping.
  if (!/^[A-Za-z0-9_-]+$/.test(webhook.secret)) {
    throw new TypeError(
      `webhook.secret must be letters, digits, "_" or "-" (at least one), got "${webhook.secret}"`,
    );
  }
  return { userId: webhook.userId, secret: webhook.secret };
}

function checkOauthTokens(tokens: Record<string, number>): ReadonlyMap<string, number> {
  for (const [token, userId] of Object.entries(tokens)) {
    if (token === "") throw new TypeError("oauthTokens must not contain an empty token");
    if (!isPositiveInteger(userId)) {
      throw new TypeError(
        `oauthTokens["${token}"] must be a positive integer user id, got ${userId}`,
      );
    }
  }
  return new Map(Object.entries(tokens));
}

/** JavaScript callers get a clear message instead of a TypeError on the first request. */
function checkClock(clock: unknown): Clock {
  if (typeof clock !== "object" || clock === null) {
    throw new TypeError(
      `clock must be an object with now() and setTimer(), got ${showValue(clock)}`,
    );
  }
  const candidate = clock as Partial<Record<keyof Clock, unknown>>;
  const missing = (["now", "setTimer"] as const).filter(
    (name) => typeof candidate[name] !== "function",
  );
  if (missing.length > 0) {
    throw new TypeError(
      `clock must be an object with now() and setTimer(), got one without ${missing.map((name) => `${name}()`).join(" and ")}`,
    );
  }
  return clock as Clock;
}

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function writeInternalErrorToStderr(error: unknown, method: string): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`demo portal: ${method} failed with an unexpected error: ${detail}\n`);
}
