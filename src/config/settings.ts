import { z } from "zod";
import { parseRedisUrl } from "../redis/redis-url";
import { optional, withDefault, type Setting } from "./setting";

const port = () => z.coerce.number().int().min(0).max(65535);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const onOff = () => z.enum(["on", "off"]);
const secret = (minLength: number) =>
  z.string().min(minLength, `must be at least ${minLength} characters`);

/**
 * Every environment variable the gateway reads, in the order `--help` and docs/configuration.md list
 * them. Each is declared here once; see Setting.
 */
export const SETTINGS = {
  PORT: withDefault(port(), 4000, "HTTP port of /graphql, /healthz, /readyz and /metrics"),
  HOST: withDefault(
    z.string().min(1),
    "127.0.0.1",
    "Interface to listen on; 0.0.0.0 in containers",
  ),
  NODE_ENV: withDefault(
    z.string(),
    "development",
    "`production` turns off Sandbox, introspection, public federation fields, open access, public metrics and the implicit demo portal, and refuses http:// to a portal or OAuth server other than loopback",
  ),
  LOG_LEVEL: withDefault(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    "info",
    "pino level: fatal, error, warn, info, debug, trace or silent",
  ),
  BITRIX24_WEBHOOK_URL: optional(
    z.string(),
    "Webhook mode: the incoming-webhook URL https://<portal>/rest/<user>/<secret>/ (http:// only to loopback in production)",
    { secret: true },
  ),
  BITRIX24_PORTAL_URL: optional(
    z.string(),
    "Portal URL: OAuth mode (callers send Authorization: Bearer <their Bitrix24 token>), or application mode with BITRIX24_APP_ID (http:// only to loopback in production)",
  ),
  BITRIX24_APP_ID: optional(
    z.string().min(1),
    "Application mode: the local application's client_id (with BITRIX24_APP_SECRET and BITRIX24_PORTAL_URL); the gateway takes its tokens at POST /bitrix24/install and drains offline events",
  ),
  BITRIX24_APP_SECRET: optional(
    z.string().min(1),
    "Application mode: the application's client_secret; sent only to BITRIX24_OAUTH_URL, never to the portal",
    { secret: true },
  ),
  BITRIX24_OAUTH_URL: withDefault(
    z.string().url("must be an http(s) URL"),
    "https://oauth.bitrix.info/oauth/",
    "Application mode: the OAuth server that refreshes tokens (`token/` is appended; http:// only to loopback in production)",
  ),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
    "Application mode: PostgreSQL holding the installation (tokens), shared by the replicas, e.g. postgres://user:pass@db/b24gw",
    { secret: true },
  ),
  INSTALLATION_FILE: optional(
    z.string().min(1),
    "Application mode with one replica: a file holding the installation instead of DATABASE_URL",
  ),
  GATEWAY_PUBLIC_URL: optional(
    z
      .string()
      .refine(
        (value) => isOrigin(value.replace(/\/$/, "")),
        "must be an origin like https://gw.example.com",
      ),
    "Application mode: the gateway's origin as the portal reaches it; events are pushed to it and ONOFFLINEEVENT signals a drain. Unset: poll-only (no inbound route needed)",
    { shownDefault: "unset: poll-only; the embedded portal's gateway itself" },
  ),
  OFFLINE_EVENTS_POLL_S: withDefault(
    int(1, 3600),
    30,
    "Application mode: how often the offline event queue is drained at the latest (the safety net; the only trigger in poll-only mode). 30 s costs one request per 30 s at idle, under 2% of a 2 requests/s portal",
  ),
  OFFLINE_EVENTS_SIGNAL_MIN_S: withDefault(
    int(0, 3600),
    10,
    "Application mode with GATEWAY_PUBLIC_URL: least seconds between two ONOFFLINEEVENT signals (its minTimeout)",
  ),
  DEMO_PORTAL: optional(
    onOff(),
    "Run the embedded demo portal when no BITRIX24_* URL is set: on or off. In production it must be asked for",
    { shownDefault: "on; off in production" },
  ),
  BITRIX24_TIMEOUT_MS: withDefault(
    int(100, 120_000),
    10_000,
    "Timeout of one upstream HTTP call, in milliseconds",
  ),
  REQUEST_DEADLINE_MS: withDefault(
    int(100, 600_000),
    25_000,
    "Wall-clock budget of one GraphQL request; its upstream work is cancelled when it passes",
  ),
  KEEP_ALIVE_TIMEOUT_MS: withDefault(
    int(1000, 3_600_000),
    75_000,
    "How long an idle keep-alive connection to the gateway stays open, in milliseconds; keep it above the idle timeout of the router or load balancer in front (60 s on most; 620000 behind Google Cloud's), so that it never closes a connection they are about to reuse. The time allowed for a request's headers is 1 s more",
  ),
  BITRIX24_RATE_LIMIT: withDefault(
    z
      .string()
      .regex(
        /^(standard|enterprise|off|\d+:\d+(\.\d+)?)$/,
        "must be standard, enterprise, off or <burst>:<per-second>",
      ),
    "standard",
    "Portal request limit to stay under: standard (50:2), enterprise (250:5), <burst>:<per-second>, or off",
  ),
  REDIS_URL: optional(
    z.string().superRefine((value, context) => {
      try {
        parseRedisUrl(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
    "Redis shared by the replicas: the rate-limit model, the read cache (CACHE=redis, the default with it), the bus that carries each change to every replica's cache and subscriptions, and the lease that lets one replica drain the offline event queue. One server: redis://[[user]:password@]host[:port][/db]. Sentinel: redis-sentinel://[[user]:password@]host[:port][,host[:port]…]/<master name>[/db][?sentinelUsername=…&sentinelPassword=…] (sentinels on 26379 unless given; the user and password are the master's). Cluster: redis-cluster://[[user]:password@]host[:port][,host[:port]…] (seed nodes, 6379 unless given; the bus uses sharded pub/sub, which needs Redis 7). rediss://, rediss-sentinel:// and rediss-cluster:// use TLS. E.g. redis://127.0.0.1:6379; see docs/redis.md",
    { secret: true },
  ),
  REDIS_KEY_PREFIX: withDefault(
    z
      .string()
      .min(1)
      .regex(
        /^[^{}]*$/,
        "must not contain { or }: the gateway puts each portal's keys under a Redis Cluster hash tag of its own",
      ),
    "b24gw:",
    "Prefix of the gateway's Redis keys and channel; no { or }, since each portal's keys carry a Redis Cluster hash tag of their own",
  ),
  REDIS_COMMAND_TIMEOUT_MS: withDefault(
    int(100, 60_000),
    1000,
    "How long a Redis command may take, in milliseconds, before Redis counts as down and the replica falls back to what it can do alone (a local share of the rate limit, a cache of its own) until Redis answers again. Raise it for a distant Redis",
  ),
  RATE_LIMIT_LOCAL_SHARE: withDefault(
    z.coerce.number().gt(0).max(1),
    0.25,
    "While Redis is unreachable, the share of the portal's rate limit each replica uses on its own (0.25 suits up to 4 replicas)",
  ),
  BITRIX24_OPERATING_LIMIT_S: withDefault(
    z.coerce.number().min(1).max(600),
    480,
    "The portal's operating-time limit per method, in seconds per 10 minutes",
  ),
  BATCHING: withDefault(
    onOff(),
    "on",
    "Fold upstream calls into Bitrix24 batch requests: on or off (off sends each call at once, alone)",
  ),
  GATEWAY_TOKENS: optional(
    z
      .string()
      .refine(
        (value) => value.split(",").every((token) => token.trim().length >= 16),
        "must be comma-separated tokens of at least 16 characters each",
      ),
    "Webhook and application mode: comma-separated bearer tokens callers may present (16+ characters each)",
    { secret: true },
  ),
  GATEWAY_JWT_SECRET: optional(
    secret(32),
    "Webhook and application mode: accept HS256 JWTs signed with this secret (32+ characters) as bearer tokens",
    { secret: true },
  ),
  GATEWAY_JWT_ISSUER: optional(z.string().min(1), "Required `iss` of gateway JWTs"),
  GATEWAY_JWT_AUDIENCE: optional(z.string().min(1), "Required `aud` of gateway JWTs"),
  ROUTER_SECRET: optional(
    secret(16),
    "Every request must carry it in x-router-secret (16+ characters), so that only the federation router reaches the gateway; in any portal mode",
    { secret: true },
  ),
  FEDERATION_PUBLIC: optional(
    onOff(),
    "Without ROUTER_SECRET: serve _service and _entities to direct callers: on or off",
    { shownDefault: "on; off in production" },
  ),
  INTROSPECTION: optional(onOff(), "Schema introspection: on or off", {
    shownDefault: "on; off in production",
  }),
  SANDBOX: optional(
    onOff(),
    "Apollo Sandbox landing page on GET /graphql: on or off; the older form of EXPLORER (on: EXPLORER=sandbox); EXPLORER wins when both are set",
    {
      shownDefault: "unset: see EXPLORER",
    },
  ),
  CORS_ORIGINS: optional(
    z
      .string()
      .refine(
        (value) => value.split(",").every((origin) => isOrigin(origin.trim())),
        "must be comma-separated origins like https://app.example.com (scheme, host, optional port)",
      ),
    "Comma-separated browser origins allowed by CORS, e.g. https://app.example.com",
    { shownDefault: "localhost origins; none in production" },
  ),
  MAX_TOKENS: withDefault(int(100, 1_000_000), 5000, "Most lexical tokens in one GraphQL document"),
  MAX_DEPTH: withDefault(
    int(2, 100),
    10,
    "Deepest field nesting of an operation (introspection excluded)",
  ),
  MAX_ALIASES: withDefault(int(0, 10_000), 100, "Most aliases in one operation"),
  MAX_DIRECTIVES: withDefault(int(0, 1000), 20, "Most directives in one operation"),
  MAX_UPSTREAM_COMMANDS: withDefault(
    int(1, 1_000_000),
    500,
    "Most Bitrix24 commands one operation may cause, estimated before it runs (10 batches)",
  ),
  MAX_BODY_BYTES: withDefault(
    int(1024, 50 * 1024 * 1024),
    256 * 1024,
    "Largest request body, in bytes",
  ),
  MAX_ENTITY_REPRESENTATIONS: withDefault(
    int(1, 100_000),
    200,
    "Most representations in one _entities field",
  ),
  HTTP_BATCHING: withDefault(
    onOff(),
    "off",
    "Accept arrays of operations in one HTTP request: on or off",
  ),
  HTTP_BATCH_MAX_OPERATIONS: withDefault(
    int(1, 1000),
    10,
    "With HTTP_BATCHING=on: most operations in one request",
  ),
  CIRCUIT_BREAKER_THRESHOLD: withDefault(
    int(0, 1000),
    5,
    "Consecutive failed upstream requests (network, timeout, 5xx) that open the circuit; 0 is off",
  ),
  CIRCUIT_BREAKER_COOLDOWN_MS: withDefault(
    int(100, 600_000),
    10_000,
    "How long an open circuit fails calls fast before one probe request may go",
  ),
  SHUTDOWN_GRACE_MS: withDefault(
    int(0, 600_000),
    10_000,
    "After SIGTERM: how long in-flight requests may finish before connections are closed",
  ),
  SHUTDOWN_READINESS_DELAY_MS: withDefault(
    int(0, 600_000),
    0,
    "After SIGTERM: how long /readyz reports draining while requests are still accepted",
  ),
  READINESS_CACHE_MS: withDefault(
    int(0, 600_000),
    5000,
    "How long /readyz reuses its last upstream and Redis check",
  ),
  CACHE: optional(
    z.enum(["off", "memory", "redis"]),
    "The read cache: off, memory (this replica, bounded) or redis (shared by the replicas)",
    { shownDefault: "redis with REDIS_URL, else memory" },
  ),
  CACHE_TTL_S: withDefault(
    int(1, 86_400),
    60,
    "Longest a cached read is served; the backstop for changes no event reported",
  ),
  BITRIX24_APPLICATION_TOKEN: optional(
    z.string(),
    "Comma-separated application tokens of the portal's event handlers (outgoing webhook or app); POST /bitrix24/events accepts only deliveries that carry one of them, or in application mode the installation's own",
    {
      secret: true,
      shownDefault: "(unset: events refused); the demo portal's own with the embedded portal",
    },
  ),
  MAX_EVENT_BODY_BYTES: withDefault(
    int(256, 1_048_576),
    16_384,
    "Largest event delivery POST /bitrix24/events accepts",
  ),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: withDefault(
    int(1, 10_000),
    50,
    "Most subscriptions one graphql-ws connection may hold at once",
  ),
  MAX_SUBSCRIPTIONS_PER_CALLER: withDefault(
    int(1, 1_000_000),
    500,
    "Most subscriptions one caller (one credential; in OAuth mode one verified user) may hold at once over all its connections and callbacks",
  ),
  WS_CONNECTION_INIT_TIMEOUT_MS: withDefault(
    int(100, 60_000),
    5000,
    "A graphql-ws connection that sends no connection_init within this time is closed (4408)",
  ),
  WS_KEEPALIVE_MS: withDefault(
    int(0, 300_000),
    12_000,
    "Interval of graphql-ws keep-alive pings (0: off)",
  ),
  SUBSCRIPTION_CALLBACK_ORIGINS: optional(
    z
      .string()
      .refine(
        (value) => value.split(",").every((origin) => isOrigin(origin.trim())),
        "must be comma-separated origins like http://router:4000 (scheme, host, optional port)",
      ),
    "Origins the router's subscription callback URLs may point at (Apollo's HTTP callback protocol); callbacks are accepted only from the router (ROUTER_SECRET) and only to these",
    { shownDefault: "none: callbacks refused" },
  ),
  METRICS: withDefault(onOff(), "on", "Prometheus metrics at /metrics: on or off"),
  METRICS_TOKEN: optional(
    secret(16),
    "When set, /metrics requires Authorization: Bearer <token>; required in production while METRICS=on",
    {
      secret: true,
    },
  ),
  METRICS_MAX_OPERATION_NAMES: withDefault(
    int(0, 10_000),
    100,
    "Distinct operation names used as metric labels; later ones count as `other`",
  ),
  DEMO_PORTAL_PORT: withDefault(port(), 0, "Port of the embedded demo portal (0: any free port)"),
  DEMO_PORTAL_MODE: withDefault(
    z.enum(["application", "webhook"]),
    "application",
    "How the gateway uses the embedded demo portal: application (installed app, pushed and offline events) or webhook (incoming webhook and outgoing-webhook events)",
  ),
  DEMO_PORTAL_SEED: withDefault(
    z.enum(["demo", "empty"]),
    "demo",
    "`empty` starts the embedded demo portal with no data",
  ),
  TRUSTED_DOCUMENTS: withDefault(
    z.enum(["off", "log", "enforce"]),
    "off",
    "Trusted documents (see docs/api.md): `enforce` runs only documents listed in TRUSTED_DOCUMENTS_FILE and refuses others with DOCUMENT_NOT_TRUSTED; `log` runs them, logging each distinct one once and counting them in b24gw_untrusted_documents_total",
  ),
  TRUSTED_DOCUMENTS_FILE: optional(
    z.string().min(1),
    "The trusted documents manifest, read once at start: GraphQL Code Generator's persisted-documents.json or an Apollo persisted query manifest; required unless TRUSTED_DOCUMENTS=off",
  ),
  EXPLORER: optional(
    z.enum(["graphiql", "sandbox", "off"]),
    "The explorer a browser's GET /graphql opens: `graphiql` (served from the gateway's own files, works without internet; subscriptions over graphql-ws), `sandbox` (Apollo Sandbox, loaded from Apollo's CDN) or `off`. Unset, SANDBOX=on means sandbox and SANDBOX=off means off",
    { shownDefault: "graphiql; off in production" },
  ),
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

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
