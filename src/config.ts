import { z } from "zod";
import { parsePortalUrl, parseWebhookUrl } from "./bitrix/portal-url";
import { RATE_LIMIT_PRESETS, type LeakyBucketSpec } from "./transport/rate-limiter";

/** Where the gateway's portal is. `demo` starts the embedded demo portal in-process. */
export type PortalSetting =
  | { mode: "demo"; port: number; seed: "demo" | "empty" }
  | { mode: "webhook"; webhookEndpoint: string; redactedUrl: string }
  | { mode: "oauth"; restEndpoint: string };

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

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly logLevel: string;
  readonly upstreamTimeoutMs: number;
  /** Whole-request budget for upstream work, below a router's 30 s default. */
  readonly requestDeadlineMs: number;
  readonly rateLimit: LeakyBucketSpec | undefined;
  readonly redisUrl: string | undefined;
  readonly redisKeyPrefix: string;
  /** While Redis is away, the share of the portal's rate limit this replica models for itself. */
  readonly rateLimitLocalShare: number;
  readonly operatingLimitSeconds: number;
  /** Fold upstream calls into Bitrix24 batch requests. */
  readonly folding: boolean;
  readonly portal: PortalSetting;
  readonly auth: AuthSettings;
  readonly limits: LimitSettings;
  readonly introspection: boolean;
  readonly sandbox: boolean;
  /** Origins allowed by CORS: a list, or a pattern for local development. */
  readonly corsOrigins: readonly string[] | RegExp;
  readonly circuitBreaker: { threshold: number; cooldownMs: number };
  readonly shutdown: { graceMs: number; readinessDelayMs: number };
  readonly readinessCacheMs: number;
  readonly metrics: { enabled: boolean; token: string | undefined; maxOperationNames: number };
}

/** Every environment variable the gateway reads, with its default; `--help` prints this table. */
export const ENVIRONMENT = [
  ["PORT", "4000", "HTTP port of /graphql, /healthz, /readyz and /metrics"],
  ["HOST", "127.0.0.1", "Interface to listen on; 0.0.0.0 in containers"],
  [
    "NODE_ENV",
    "development",
    "`production` turns off Sandbox, introspection, public federation fields and open access",
  ],
  ["LOG_LEVEL", "info", "pino level: fatal, error, warn, info, debug, trace or silent"],
  [
    "BITRIX24_WEBHOOK_URL",
    "(unset)",
    "Incoming-webhook URL https://<portal>/rest/<user>/<secret>/",
  ],
  [
    "BITRIX24_PORTAL_URL",
    "(unset)",
    "Portal URL for OAuth mode; callers send Authorization: Bearer <token>",
  ],
  ["BITRIX24_TIMEOUT_MS", "10000", "Timeout of one upstream HTTP call, in milliseconds"],
  [
    "REQUEST_DEADLINE_MS",
    "25000",
    "Wall-clock budget of one GraphQL request; its upstream work is cancelled when it passes",
  ],
  [
    "BITRIX24_RATE_LIMIT",
    "standard",
    "Portal request limit to stay under: standard (50:2), enterprise (250:5), <burst>:<per-second>, or off",
  ],
  [
    "REDIS_URL",
    "(unset)",
    "Share the rate-limit model between replicas through this Redis, e.g. redis://127.0.0.1:6379",
  ],
  ["REDIS_KEY_PREFIX", "b24gw:", "Prefix of the gateway's Redis keys"],
  [
    "RATE_LIMIT_LOCAL_SHARE",
    "0.25",
    "While Redis is unreachable, the share of the portal's rate limit each replica uses on its own (0.25 suits up to 4 replicas)",
  ],
  [
    "BITRIX24_OPERATING_LIMIT_S",
    "480",
    "The portal's operating-time limit per method, in seconds per 10 minutes",
  ],
  [
    "BATCHING",
    "on",
    "Fold upstream calls into Bitrix24 batch requests: on or off (off sends each call at once, alone)",
  ],
  [
    "GATEWAY_TOKENS",
    "(unset)",
    "Webhook mode: comma-separated bearer tokens callers may present (16+ characters each)",
  ],
  [
    "GATEWAY_JWT_SECRET",
    "(unset)",
    "Webhook mode: accept HS256 JWTs signed with this secret (32+ characters) as bearer tokens",
  ],
  ["GATEWAY_JWT_ISSUER", "(unset)", "Required `iss` of gateway JWTs"],
  ["GATEWAY_JWT_AUDIENCE", "(unset)", "Required `aud` of gateway JWTs"],
  [
    "ROUTER_SECRET",
    "(unset)",
    "Router-only mode: every request must carry it in x-router-secret (16+ characters)",
  ],
  [
    "FEDERATION_PUBLIC",
    "on; off in production",
    "Without ROUTER_SECRET: serve _service and _entities to direct callers: on or off",
  ],
  ["INTROSPECTION", "on; off in production", "Schema introspection: on or off"],
  ["SANDBOX", "on; off in production", "Apollo Sandbox landing page on GET /graphql: on or off"],
  [
    "CORS_ORIGINS",
    "localhost origins; none in production",
    "Comma-separated browser origins allowed by CORS, e.g. https://app.example.com",
  ],
  ["MAX_TOKENS", "5000", "Most lexical tokens in one GraphQL document"],
  ["MAX_DEPTH", "10", "Deepest field nesting of an operation (introspection excluded)"],
  ["MAX_ALIASES", "100", "Most aliases in one operation"],
  ["MAX_DIRECTIVES", "20", "Most directives in one operation"],
  [
    "MAX_UPSTREAM_COMMANDS",
    "500",
    "Most Bitrix24 commands one operation may cause, estimated before it runs (10 batches)",
  ],
  ["MAX_BODY_BYTES", "262144", "Largest request body, in bytes"],
  ["MAX_ENTITY_REPRESENTATIONS", "200", "Most representations in one _entities field"],
  ["HTTP_BATCHING", "off", "Accept arrays of operations in one HTTP request: on or off"],
  ["HTTP_BATCH_MAX_OPERATIONS", "10", "With HTTP_BATCHING=on: most operations in one request"],
  [
    "CIRCUIT_BREAKER_THRESHOLD",
    "5",
    "Consecutive failed upstream requests (network, timeout, 5xx) that open the circuit; 0 is off",
  ],
  [
    "CIRCUIT_BREAKER_COOLDOWN_MS",
    "10000",
    "How long an open circuit fails calls fast before one probe request may go",
  ],
  [
    "SHUTDOWN_GRACE_MS",
    "10000",
    "After SIGTERM: how long in-flight requests may finish before connections are closed",
  ],
  [
    "SHUTDOWN_READINESS_DELAY_MS",
    "0",
    "After SIGTERM: how long /readyz reports draining while requests are still accepted",
  ],
  ["READINESS_CACHE_MS", "5000", "How long /readyz reuses its last upstream and Redis check"],
  ["METRICS", "on", "Prometheus metrics at /metrics: on or off"],
  ["METRICS_TOKEN", "(unset)", "When set, /metrics requires Authorization: Bearer <token>"],
  [
    "METRICS_MAX_OPERATION_NAMES",
    "100",
    "Distinct operation names used as metric labels; later ones count as `other`",
  ],
  [
    "DEMO_PORTAL_PORT",
    "0 (any free port)",
    "Port of the embedded demo portal, used when no BITRIX24_* is set",
  ],
  ["DEMO_PORTAL_SEED", "demo", "`empty` starts the embedded demo portal with no data"],
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const onOff = z.enum(["on", "off"]);
const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const secret = (minLength: number) =>
  z.string().min(minLength, `must be at least ${minLength} characters`).optional();

export const ENVIRONMENT_SCHEMA = z.object({
  PORT: port(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NODE_ENV: z.string().default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BITRIX24_TIMEOUT_MS: int(100, 120_000, 10_000),
  REQUEST_DEADLINE_MS: int(100, 600_000, 25_000),
  BITRIX24_RATE_LIMIT: z
    .string()
    .regex(
      /^(standard|enterprise|off|\d+:\d+(\.\d+)?)$/,
      "must be standard, enterprise, off or <burst>:<per-second>",
    )
    .default("standard"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default("b24gw:"),
  RATE_LIMIT_LOCAL_SHARE: z.coerce.number().gt(0).max(1).default(0.25),
  BITRIX24_OPERATING_LIMIT_S: z.coerce.number().min(1).max(600).default(480),
  BATCHING: onOff.default("on"),
  GATEWAY_TOKENS: z
    .string()
    .refine(
      (value) => value.split(",").every((token) => token.trim().length >= 16),
      "must be comma-separated tokens of at least 16 characters each",
    )
    .optional(),
  GATEWAY_JWT_SECRET: secret(32),
  GATEWAY_JWT_ISSUER: z.string().min(1).optional(),
  GATEWAY_JWT_AUDIENCE: z.string().min(1).optional(),
  ROUTER_SECRET: secret(16),
  FEDERATION_PUBLIC: onOff.optional(),
  INTROSPECTION: onOff.optional(),
  SANDBOX: onOff.optional(),
  CORS_ORIGINS: z
    .string()
    .refine(
      (value) => value.split(",").every((origin) => isOrigin(origin.trim())),
      "must be comma-separated origins like https://app.example.com (scheme, host, optional port)",
    )
    .optional(),
  MAX_TOKENS: int(100, 1_000_000, 5000),
  MAX_DEPTH: int(2, 100, 10),
  MAX_ALIASES: int(0, 10_000, 100),
  MAX_DIRECTIVES: int(0, 1000, 20),
  MAX_UPSTREAM_COMMANDS: int(1, 1_000_000, 500),
  MAX_BODY_BYTES: int(1024, 50 * 1024 * 1024, 256 * 1024),
  MAX_ENTITY_REPRESENTATIONS: int(1, 100_000, 200),
  HTTP_BATCHING: onOff.default("off"),
  HTTP_BATCH_MAX_OPERATIONS: int(1, 1000, 10),
  CIRCUIT_BREAKER_THRESHOLD: int(0, 1000, 5),
  CIRCUIT_BREAKER_COOLDOWN_MS: int(100, 600_000, 10_000),
  SHUTDOWN_GRACE_MS: int(0, 600_000, 10_000),
  SHUTDOWN_READINESS_DELAY_MS: int(0, 600_000, 0),
  READINESS_CACHE_MS: int(0, 600_000, 5000),
  METRICS: onOff.default("on"),
  METRICS_TOKEN: secret(16),
  METRICS_MAX_OPERATION_NAMES: int(0, 10_000, 100),
  DEMO_PORTAL_PORT: port(0),
  DEMO_PORTAL_SEED: z.enum(["demo", "empty"]).default("demo"),
});

/** The names of every variable `loadConfig` reads; `--help` (ENVIRONMENT) must list each. */
export const READ_VARIABLES: readonly string[] = [
  ...Object.keys(ENVIRONMENT_SCHEMA.shape),
  "BITRIX24_WEBHOOK_URL",
  "BITRIX24_PORTAL_URL",
];

/** Variables whose values are credentials: never echoed in an error. */
const SECRET_VARIABLES = new Set([
  "BITRIX24_WEBHOOK_URL",
  "REDIS_URL",
  "GATEWAY_TOKENS",
  "GATEWAY_JWT_SECRET",
  "ROUTER_SECRET",
  "METRICS_TOKEN",
]);

/** Reads and validates the environment; every bad variable gets one line naming the rule. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const parsed = ENVIRONMENT_SCHEMA.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      const value = SECRET_VARIABLES.has(name) ? "***" : JSON.stringify(env[name]);
      problems.push(`${name}: ${issue.message} (got ${value})`);
    }
  }
  const portal = portalSetting(env, problems);
  if (problems.length > 0 || !parsed.success || !portal) throw new ConfigError(problems);
  const values = parsed.data;
  const production = values.NODE_ENV === "production";
  const auth: AuthSettings = {
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
  checkAuth(portal.mode, production, auth, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    production,
    logLevel: values.LOG_LEVEL,
    upstreamTimeoutMs: values.BITRIX24_TIMEOUT_MS,
    requestDeadlineMs: values.REQUEST_DEADLINE_MS,
    rateLimit: parseRateLimit(values.BITRIX24_RATE_LIMIT),
    redisUrl: values.REDIS_URL,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    rateLimitLocalShare: values.RATE_LIMIT_LOCAL_SHARE,
    operatingLimitSeconds: values.BITRIX24_OPERATING_LIMIT_S,
    folding: values.BATCHING === "on",
    portal:
      portal.mode === "demo"
        ? { mode: "demo" as const, port: values.DEMO_PORTAL_PORT, seed: values.DEMO_PORTAL_SEED }
        : portal,
    auth,
    limits: {
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
    },
    introspection: (values.INTROSPECTION ?? (production ? "off" : "on")) === "on",
    sandbox: (values.SANDBOX ?? (production ? "off" : "on")) === "on",
    corsOrigins: values.CORS_ORIGINS
      ? values.CORS_ORIGINS.split(",").map((origin) => new URL(origin.trim()).origin)
      : production
        ? []
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
    metrics: {
      enabled: values.METRICS === "on",
      token: values.METRICS_TOKEN,
      maxOperationNames: values.METRICS_MAX_OPERATION_NAMES,
    },
  });
}

/** Browser origins on this machine, allowed by CORS in development. */
const LOCAL_ORIGINS = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

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
  if (production && mode === "webhook" && !gatewayCredentials && auth.routerSecret === undefined) {
    problems.push(
      "NODE_ENV=production: no caller authentication is configured; set GATEWAY_TOKENS, GATEWAY_JWT_SECRET or ROUTER_SECRET (webhook mode), or use BITRIX24_PORTAL_URL (OAuth mode)",
    );
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.origin === value.replace(/\/$/, "")
    );
  } catch {
    return false;
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

function portalSetting(
  env: NodeJS.ProcessEnv,
  problems: string[],
): PortalSetting | { mode: "demo" } | undefined {
  const webhook = env.BITRIX24_WEBHOOK_URL?.trim();
  const portalUrl = env.BITRIX24_PORTAL_URL?.trim();
  if (webhook && portalUrl) {
    problems.push("BITRIX24_WEBHOOK_URL and BITRIX24_PORTAL_URL: set one of them, not both");
    return undefined;
  }
  try {
    if (webhook) {
      const parsed = parseWebhookUrl(webhook);
      return { mode: "webhook", webhookEndpoint: parsed.endpoint, redactedUrl: parsed.redacted };
    }
    if (portalUrl) return { mode: "oauth", restEndpoint: parsePortalUrl(portalUrl) };
  } catch (error) {
    const name = webhook ? "BITRIX24_WEBHOOK_URL" : "BITRIX24_PORTAL_URL";
    const value = webhook ? "***" : JSON.stringify(portalUrl);
    problems.push(`${name}: ${(error as Error).message} (got ${value})`);
    return undefined;
  }
  return { mode: "demo" };
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
  if (config.portal.mode === "webhook") {
    const secret = new URL(config.portal.webhookEndpoint).pathname.split("/").filter(Boolean)[2];
    if (secret) secrets.push(secret);
  }
  if (config.redisUrl) {
    const password = safeUrl(config.redisUrl)?.password;
    if (password) secrets.push(decodeURIComponent(password));
  }
  return secrets;
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
