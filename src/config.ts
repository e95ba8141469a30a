import { z } from "zod";
import { parsePortalUrl, parseWebhookUrl } from "./bitrix/portal-url";

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
  DEMO_PORTAL_PORT: port(0),
  DEMO_PORTAL_SEED: z.enum(["demo", "empty"]).default("demo"),
});

/** Variables whose values are credentials: never echoed in an error. */
const SECRET_VARIABLES = new Set(["BITRIX24_WEBHOOK_URL"]);

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
