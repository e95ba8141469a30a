import { z } from "zod";
import { parsePortalUrl, parseWebhookUrl } from "./bitrix/portal-url";
import { RATE_LIMIT_PRESETS, type LeakyBucketSpec } from "./bitrix/rate-limiter";

/** Where the gateway's portal is. `demo` starts the embedded demo portal in-process. */
export type PortalSetting =
  | { mode: "demo"; port: number; seed: "demo" | "empty" }
  | { mode: "webhook"; webhookEndpoint: string; redactedUrl: string }
  | { mode: "oauth"; restEndpoint: string };

/** The portal once it is running: the demo portal is reached through its webhook like any other. */
export type PortalConfig = Exclude<PortalSetting, { mode: "demo" }>;

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
  readonly operatingLimitSeconds: number;
  readonly batching: { enabled: boolean; windowMs: number; maxWaitMs: number };
  readonly portal: PortalSetting;
}

/** Every environment variable the gateway reads, with its default; `--help` prints this table. */
export const ENVIRONMENT = [
  ["PORT", "4000", "HTTP port of the GraphQL endpoint"],
  ["HOST", "127.0.0.1", "Interface to listen on; 0.0.0.0 in containers"],
  ["NODE_ENV", "development", "`production` turns off the Sandbox landing page and introspection"],
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
  ["REQUEST_DEADLINE_MS", "25000", "Budget for all upstream work of one GraphQL request"],
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
    "BITRIX24_OPERATING_LIMIT_S",
    "480",
    "The portal's operating-time limit per method, in seconds per 10 minutes",
  ],
  ["BATCHING", "on", "Fold upstream calls into Bitrix24 batch requests: on or off"],
  [
    "BATCH_WINDOW_MS",
    "5",
    "While other operations of the same identity run, a batch closes after this long with no new call",
  ],
  ["BATCH_MAX_WAIT_MS", "100", "The longest a call waits for its batch to close"],
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

const schema = z.object({
  PORT: port(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NODE_ENV: z.string().default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BITRIX24_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(25_000),
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
  BITRIX24_OPERATING_LIMIT_S: z.coerce.number().min(1).max(600).default(480),
  BATCHING: z.enum(["on", "off"]).default("on"),
  BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(1000).default(5),
  BATCH_MAX_WAIT_MS: z.coerce.number().int().min(0).max(5000).default(100),
  DEMO_PORTAL_PORT: port(0),
  DEMO_PORTAL_SEED: z.enum(["demo", "empty"]).default("demo"),
});

/** Variables whose values are credentials: never echoed in an error. */
const SECRET_VARIABLES = new Set(["BITRIX24_WEBHOOK_URL", "REDIS_URL"]);

/** Reads and validates the environment; every bad variable gets one line naming the rule. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const parsed = schema.safeParse(env);
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
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    production: values.NODE_ENV === "production",
    logLevel: values.LOG_LEVEL,
    upstreamTimeoutMs: values.BITRIX24_TIMEOUT_MS,
    requestDeadlineMs: values.REQUEST_DEADLINE_MS,
    rateLimit: parseRateLimit(values.BITRIX24_RATE_LIMIT),
    redisUrl: values.REDIS_URL,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    operatingLimitSeconds: values.BITRIX24_OPERATING_LIMIT_S,
    batching: {
      enabled: values.BATCHING === "on",
      windowMs: values.BATCH_WINDOW_MS,
      maxWaitMs: Math.max(values.BATCH_WINDOW_MS, values.BATCH_MAX_WAIT_MS),
    },
    portal:
      portal.mode === "demo"
        ? { mode: "demo" as const, port: values.DEMO_PORTAL_PORT, seed: values.DEMO_PORTAL_SEED }
        : portal,
  });
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
