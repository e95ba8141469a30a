import { z } from "zod";
import { isCleartextRemote, parsePortalUrl, parseWebhookUrl } from "../bitrix/portal-url";
import { redisUrlSecrets } from "../redis/redis-url";
import { RATE_LIMIT_PRESETS, type LeakyBucketSpec } from "../transport/rate-limiter";
import { redactedSetting } from "./redact";
import { loadTrustedDocuments } from "./trusted-documents";
import { SETTINGS, type SettingName } from "./settings";

/** Where the gateway's portal is. `demo` starts the embedded demo portal in-process. */
export type PortalSetting =
  | { mode: "demo"; port: number; seed: "demo" | "empty"; as: "application" | "webhook" }
  | { mode: "webhook"; webhookEndpoint: string; redactedUrl: string }
  | { mode: "oauth"; restEndpoint: string }
  | { mode: "application"; restEndpoint: string; application: ApplicationSettings };

/** The gateway as a Bitrix24 local application. */
export interface ApplicationSettings {
  clientId: string;
  clientSecret: string;
  /** The OAuth server's base; `token/` is appended. */
  oauthUrl: string;
  /** Where the installation is kept: PostgreSQL (replicas), a file (one replica), or memory (the embedded portal, which is new at each start too). */
  store: { kind: "postgres"; url: string } | { kind: "file"; path: string } | { kind: "memory" };
  /** The gateway's origin as the portal reaches it; undefined: poll-only. */
  publicUrl: string | undefined;
}

/** The portal once it is running: the demo portal is reached through its webhook like any other. */
export type PortalConfig = Exclude<PortalSetting, { mode: "demo" }>;

/**
 * Who may call the gateway. In webhook mode callers present a gateway credential (a static token or
 * an HS256 JWT); in OAuth mode their own Bitrix24 token. `routerSecret` additionally (or instead)
 * restricts the endpoint to the federation router.
 */
export interface AuthSettings {
  /** Static bearer tokens accepted from callers (webhook mode). */
  readonly tokens: readonly string[];
  readonly jwt: { secret: string; issuer?: string; audience?: string } | undefined;
  /** When set, every request must carry it in `x-router-secret`. */
  readonly routerSecret: string | undefined;
  /** `_service` and `_entities` are served to callers that did not come through the router. */
  readonly federationPublic: boolean;
}

/** Limits applied to every operation before any upstream call. */
export interface LimitSettings {
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxUpstreamCommands: number;
  readonly maxBodyBytes: number;
  readonly maxEntityRepresentations: number;
  /** HTTP array bodies; off unless enabled. */
  readonly httpBatching: { enabled: boolean; maxOperations: number };
}

/** The schema of the whole environment, assembled from the declarations. */
export const ENVIRONMENT_SCHEMA = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([name, { schema }]) => [name, schema])) as {
    [Name in SettingName]: (typeof SETTINGS)[Name]["schema"];
  },
);

type Environment = z.output<typeof ENVIRONMENT_SCHEMA>;

/** The names of every variable `loadConfig` reads. */
export const READ_VARIABLES: readonly SettingName[] = Object.keys(SETTINGS) as SettingName[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** The configuration the gateway runs with, derived from the environment. */
export type Config = ReturnType<typeof toConfig>;

/** Reads and validates the environment; every bad variable gets one line naming the rule. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const parsed = ENVIRONMENT_SCHEMA.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      problems.push(`${name}: ${issue.message} (got ${redactedSetting(name, env[name])})`);
    }
    throw new ConfigError(problems);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === "production";
  const portal = portalSetting(values, production, problems);
  if (production) checkCleartext(values, problems);
  const auth = authSettings(values, production);
  if (portal) checkAuth(portal.mode, production, auth, problems);
  if (values.INSTALLATION_FILE && values.REDIS_URL) {
    problems.push(
      "INSTALLATION_FILE with REDIS_URL: replicas sharing Redis would each keep their own tokens and refresh them against each other, which loses the application's access; use DATABASE_URL",
    );
  }
  if (production && values.METRICS === "on" && !values.METRICS_TOKEN) {
    problems.push(
      "NODE_ENV=production: /metrics would be public (operation names, error counts, portal origin); set METRICS_TOKEN (16+ characters, which Prometheus sends as a bearer token) or METRICS=off",
    );
  }
  if (values.CACHE === "redis" && !values.REDIS_URL) {
    problems.push("CACHE=redis: set REDIS_URL, or CACHE=memory for a cache in this replica alone");
  }
  if (values.CACHE === "memory" && values.REDIS_URL) {
    problems.push(
      "CACHE=memory with REDIS_URL: replicas could not invalidate each other's memory caches, and a change made through one would stay hidden on the others; use CACHE=redis (shared), or no REDIS_URL for a single replica",
    );
  }
  if (problems.length > 0 || !portal) throw new ConfigError(problems);
  return toConfig(values, production, portal, auth);
}

function toConfig(
  values: Environment,
  production: boolean,
  portal: PortalSetting,
  auth: AuthSettings,
) {
  const limits: LimitSettings = {
    maxTokens: values.MAX_TOKENS,
    maxDepth: values.MAX_DEPTH,
    maxAliases: values.MAX_ALIASES,
    maxDirectives: values.MAX_DIRECTIVES,
    maxUpstreamCommands: values.MAX_UPSTREAM_COMMANDS,
    maxBodyBytes: values.MAX_BODY_BYTES,
    maxEntityRepresentations: values.MAX_ENTITY_REPRESENTATIONS,
    httpBatching: {
      enabled: values.HTTP_BATCHING === "on",
      maxOperations: values.HTTP_BATCH_MAX_OPERATIONS,
    },
  };
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    production,
    logLevel: values.LOG_LEVEL,
    upstreamTimeoutMs: values.BITRIX24_TIMEOUT_MS,
    /** Whole-request budget for upstream work, below a router's 30 s default. */
    requestDeadlineMs: values.REQUEST_DEADLINE_MS,
    /** Idle keep-alive connections outlive a router's or load balancer's pooled ones. */
    keepAliveTimeoutMs: values.KEEP_ALIVE_TIMEOUT_MS,
    rateLimit: parseRateLimit(values.BITRIX24_RATE_LIMIT),
    redisUrl: values.REDIS_URL,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    redisCommandTimeoutMs: values.REDIS_COMMAND_TIMEOUT_MS,
    /** While Redis is away, the share of the portal's rate limit this replica models for itself. */
    rateLimitLocalShare: values.RATE_LIMIT_LOCAL_SHARE,
    operatingLimitSeconds: values.BITRIX24_OPERATING_LIMIT_S,
    /** Fold upstream calls into Bitrix24 batch requests. */
    folding: values.BATCHING === "on",
    portal,
    auth,
    limits,
    introspection: (values.INTROSPECTION ?? (production ? "off" : "on")) === "on",
    /** Whether GET /graphql answers a browser with a landing page at all (see `explorer`). */
    sandbox: explorerOf(values, production) !== "off",
    explorer: explorerOf(values, production),
    /** Origins allowed by CORS: a list, or a pattern for local development. */
    corsOrigins: values.CORS_ORIGINS
      ? values.CORS_ORIGINS.split(",").map((origin) => new URL(origin.trim()).origin)
      : production
        ? ([] as readonly string[])
        : LOCAL_ORIGINS,
    circuitBreaker: {
      threshold: values.CIRCUIT_BREAKER_THRESHOLD,
      cooldownMs: values.CIRCUIT_BREAKER_COOLDOWN_MS,
    },
    shutdown: {
      graceMs: values.SHUTDOWN_GRACE_MS,
      readinessDelayMs: values.SHUTDOWN_READINESS_DELAY_MS,
    },
    readinessCacheMs: values.READINESS_CACHE_MS,
    cache: {
      store: values.CACHE ?? (values.REDIS_URL ? "redis" : "memory"),
      ttlSeconds: values.CACHE_TTL_S,
    },
    events: {
      applicationTokens:
        values.BITRIX24_APPLICATION_TOKEN?.split(",")
          .map((token) => token.trim())
          .filter(Boolean) ?? [],
      maxBodyBytes: values.MAX_EVENT_BODY_BYTES,
    },
    /** Where the router's subscription callbacks may go; nowhere unless configured. */
    callbackOrigins: (values.SUBSCRIPTION_CALLBACK_ORIGINS?.split(",") ?? []).map(
      (origin) => new URL(origin.trim()).origin,
    ),
    /** Application mode: how the offline event queue is drained. */
    offlineEvents: {
      pollSeconds: values.OFFLINE_EVENTS_POLL_S,
      signalMinSeconds: values.OFFLINE_EVENTS_SIGNAL_MIN_S,
    },
    subscriptions: {
      maxPerConnection: values.MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxPerCaller: values.MAX_SUBSCRIPTIONS_PER_CALLER,
      connectionInitTimeoutMs: values.WS_CONNECTION_INIT_TIMEOUT_MS,
      keepAliveMs: values.WS_KEEPALIVE_MS,
    },
    metrics: {
      enabled: values.METRICS === "on",
      token: values.METRICS_TOKEN,
      maxOperationNames: values.METRICS_MAX_OPERATION_NAMES,
    },
    /** The manifest of trusted documents, read once here: a bad one refuses to start. */
    trustedDocuments: loadTrustedDocuments(values.TRUSTED_DOCUMENTS, values.TRUSTED_DOCUMENTS_FILE),
  });
}

/** Browser origins on this machine, allowed by CORS in development. */
const LOCAL_ORIGINS: readonly string[] | RegExp =
  /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

function authSettings(values: Environment, production: boolean): AuthSettings {
  return {
    tokens: values.GATEWAY_TOKENS?.split(",").map((token) => token.trim()) ?? [],
    jwt: values.GATEWAY_JWT_SECRET
      ? {
          secret: values.GATEWAY_JWT_SECRET,
          ...(values.GATEWAY_JWT_ISSUER && { issuer: values.GATEWAY_JWT_ISSUER }),
          ...(values.GATEWAY_JWT_AUDIENCE && { audience: values.GATEWAY_JWT_AUDIENCE }),
        }
      : undefined,
    routerSecret: values.ROUTER_SECRET,
    federationPublic: (values.FEDERATION_PUBLIC ?? (production ? "off" : "on")) === "on",
  };
}

/**
 * Whether callers are authenticated at all, and whether the credentials fit the mode. Production never
 * starts open: only the embedded demo portal, which holds demo data, may.
 */
function checkAuth(
  mode: PortalSetting["mode"],
  production: boolean,
  auth: AuthSettings,
  problems: string[],
): void {
  const gatewayCredentials = auth.tokens.length > 0 || auth.jwt !== undefined;
  if (mode === "oauth" && gatewayCredentials) {
    problems.push(
      "GATEWAY_TOKENS, GATEWAY_JWT_SECRET: OAuth mode authenticates callers by their own Bitrix24 token in Authorization; unset them (or use ROUTER_SECRET)",
    );
  }
  if (
    production &&
    (mode === "webhook" || mode === "application") &&
    !gatewayCredentials &&
    auth.routerSecret === undefined
  ) {
    problems.push(
      "NODE_ENV=production: no caller authentication is configured; set GATEWAY_TOKENS, GATEWAY_JWT_SECRET or ROUTER_SECRET (webhook and application mode), or use BITRIX24_PORTAL_URL alone (OAuth mode)",
    );
  }
}

/**
 * What each portal-side URL would send unencrypted over http://. GATEWAY_PUBLIC_URL is not one: the
 * portal calls it, and TLS may end at a proxy in front of the gateway.
 */
const CLEARTEXT_CARGO = {
  BITRIX24_WEBHOOK_URL: "the webhook secret",
  BITRIX24_PORTAL_URL: "the callers' and the application's access tokens",
  BITRIX24_OAUTH_URL: "the application's client secret and refresh token",
} as const;

/**
 * Production: no credential goes to the portal or the OAuth server in clear text. http:// stays
 * allowed to loopback (a portal on this machine) and everywhere in development. A variable already
 * refused for its form is not refused twice.
 */
function checkCleartext(values: Environment, problems: string[]): void {
  for (const [name, cargo] of Object.entries(CLEARTEXT_CARGO)) {
    const value = values[name as keyof typeof CLEARTEXT_CARGO];
    if (!value || !isCleartextRemote(value)) continue;
    if (problems.some((problem) => problem.startsWith(`${name}:`))) continue;
    problems.push(
      `${name}: in production, http:// to a host other than loopback sends ${cargo} in clear text; use https:// (got ${redactedSetting(name, value)})`,
    );
  }
}

/** An empty variable (`FOO=`) means unset, as most shells and orchestrators treat it. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== "") result[name] = value;
  }
  return result;
}

/**
 * The portal: a webhook, an OAuth portal, or the embedded demo portal. The demo portal runs by
 * default in development; in production it must be asked for (DEMO_PORTAL=on), so that a missing
 * URL never turns into an open gateway over demo data.
 */
function portalSetting(
  values: Environment,
  production: boolean,
  problems: string[],
): PortalSetting | undefined {
  const webhook = values.BITRIX24_WEBHOOK_URL?.trim();
  const portalUrl = values.BITRIX24_PORTAL_URL?.trim();
  if (webhook && portalUrl) {
    problems.push("BITRIX24_WEBHOOK_URL and BITRIX24_PORTAL_URL: set one of them, not both");
    return undefined;
  }
  try {
    if (webhook) {
      const parsed = parseWebhookUrl(webhook);
      return { mode: "webhook", webhookEndpoint: parsed.endpoint, redactedUrl: parsed.redacted };
    }
    if (portalUrl && values.BITRIX24_APP_ID) {
      return applicationSetting(values, parsePortalUrl(portalUrl), problems);
    }
    if (portalUrl) return { mode: "oauth", restEndpoint: parsePortalUrl(portalUrl) };
  } catch (error) {
    const name = webhook ? "BITRIX24_WEBHOOK_URL" : "BITRIX24_PORTAL_URL";
    const value = redactedSetting(name, webhook ?? portalUrl);
    problems.push(`${name}: ${(error as Error).message} (got ${value})`);
    return undefined;
  }
  if (values.BITRIX24_APP_ID) {
    problems.push(
      "BITRIX24_APP_ID: set BITRIX24_PORTAL_URL to the portal the application is installed on",
    );
    return undefined;
  }
  const demo = values.DEMO_PORTAL ?? (production ? "off" : "on");
  if (demo === "off") {
    problems.push(
      production
        ? "NODE_ENV=production: no portal is configured; set BITRIX24_WEBHOOK_URL or BITRIX24_PORTAL_URL (or DEMO_PORTAL=on to serve the embedded demo portal's demo data)"
        : "DEMO_PORTAL=off: no portal is configured; set BITRIX24_WEBHOOK_URL or BITRIX24_PORTAL_URL",
    );
    return undefined;
  }
  return {
    mode: "demo",
    port: values.DEMO_PORTAL_PORT,
    seed: values.DEMO_PORTAL_SEED,
    as: values.DEMO_PORTAL_MODE,
  };
}

/** Application mode: its credentials, and one place to keep the installation. */
function applicationSetting(
  values: Environment,
  restEndpoint: string,
  problems: string[],
): PortalSetting | undefined {
  if (!values.BITRIX24_APP_SECRET) {
    problems.push("BITRIX24_APP_ID: set BITRIX24_APP_SECRET, the application's client_secret");
  }
  if (values.DATABASE_URL && values.INSTALLATION_FILE) {
    problems.push("DATABASE_URL and INSTALLATION_FILE: set one of them, not both");
  }
  if (!values.DATABASE_URL && !values.INSTALLATION_FILE) {
    problems.push(
      "BITRIX24_APP_ID: the installation must survive restarts; set DATABASE_URL (PostgreSQL, for replicas) or INSTALLATION_FILE (one replica)",
    );
  }
  if (!values.BITRIX24_APP_SECRET || (!values.DATABASE_URL && !values.INSTALLATION_FILE)) {
    return undefined;
  }
  return {
    mode: "application",
    restEndpoint,
    application: {
      clientId: values.BITRIX24_APP_ID!,
      clientSecret: values.BITRIX24_APP_SECRET,
      oauthUrl: values.BITRIX24_OAUTH_URL,
      store: values.DATABASE_URL
        ? { kind: "postgres", url: values.DATABASE_URL }
        : { kind: "file", path: values.INSTALLATION_FILE! },
      publicUrl: values.GATEWAY_PUBLIC_URL?.replace(/\/$/, ""),
    },
  };
}

function parseRateLimit(value: string): LeakyBucketSpec | undefined {
  if (value === "off") return undefined;
  if (value === "standard" || value === "enterprise") return RATE_LIMIT_PRESETS[value];
  const [burst, perSecond] = value.split(":").map(Number);
  return { burst: burst!, perSecond: perSecond! };
}

/** Every configured secret, for the last line of defence that scrubs them from log output. */
export function configSecrets(config: Config): string[] {
  const secrets = [...config.auth.tokens];
  if (config.auth.jwt) secrets.push(config.auth.jwt.secret);
  if (config.auth.routerSecret) secrets.push(config.auth.routerSecret);
  if (config.metrics.token) secrets.push(config.metrics.token);
  secrets.push(...config.events.applicationTokens);
  if (config.portal.mode === "application") {
    secrets.push(config.portal.application.clientSecret);
    const store = config.portal.application.store;
    const password = store.kind === "postgres" ? safeUrl(store.url)?.password : undefined;
    if (password) secrets.push(decodeURIComponent(password));
  }
  if (config.portal.mode === "webhook") {
    const secret = new URL(config.portal.webhookEndpoint).pathname.split("/").filter(Boolean)[2];
    if (secret) secrets.push(secret);
  }
  if (config.redisUrl) secrets.push(...redisUrlSecrets(config.redisUrl));
  return secrets;
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** EXPLORER, or what SANDBOX (its older form) says: on is Apollo Sandbox, off is none. */
function explorerOf(
  values: {
    EXPLORER?: "graphiql" | "sandbox" | "off" | undefined;
    SANDBOX?: "on" | "off" | undefined;
  },
  production: boolean,
): "graphiql" | "sandbox" | "off" {
  if (values.EXPLORER) return values.EXPLORER;
  if (values.SANDBOX) return values.SANDBOX === "on" ? "sandbox" : "off";
  return production ? "off" : "graphiql";
}
