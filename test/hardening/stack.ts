import type { Clock } from "../../src/clock";
import { loadConfig, type Config } from "../../src/config";
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";

export interface HardenedStack {
  portal: DemoPortal;
  gateway: Gateway;
  config: Config;
  /** `http://127.0.0.1:<port>`, for /healthz, /readyz and /metrics. */
  base: string;
  /** Every log line the gateway wrote, unscrubbed: what it tried to log. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * A demo portal and a gateway on loopback, with the gateway's log lines collected. Unlike the shared
 * helper, the logger has no secret scrubber, so tests see exactly what the code logs.
 */
export async function startHardenedStack(
  options: {
    portal?: DemoPortalOptions;
    /** The gateway's environment; a function when it depends on the portal (its origin, say). */
    env?: Record<string, string> | ((portal: DemoPortal) => Record<string, string>);
    oauth?: boolean;
    logLevel?: string;
    /** Shared by the portal and the gateway; default the system clock. */
    clock?: Clock;
  } = {},
): Promise<HardenedStack> {
  const clock = options.clock;
  const portal = await startDemoPortal({ ...(clock && { clock }), ...options.portal });
  const config = loadConfig({
    PORT: "0",
    BITRIX24_RATE_LIMIT: "off",
    // Upstream behaviour is what these tests look at; a read cache would hide it.
    CACHE: "off",
    ...(options.oauth
      ? { BITRIX24_PORTAL_URL: portal.origin }
      : { BITRIX24_WEBHOOK_URL: portal.webhookUrl }),
    ...(typeof options.env === "function" ? options.env(portal) : options.env),
  });
  const logs: string[] = [];
  const logger = createLogger(options.logLevel ?? "info", {
    destination: { write: (line: string) => void logs.push(line) },
  });
  const gateway = await startGateway(config, logger, { clock });
  return {
    portal,
    gateway,
    config,
    base: gateway.url.replace(/\/graphql$/, ""),
    logs,
    async stop() {
      await gateway.stop();
      await portal.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
}

/** POSTs a body (object, or raw text) to the gateway and reads everything back. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return read(response);
}

export async function read(response: Response): Promise<RawResponse> {
  const text = await response.text();
  let body: RawResponse["body"] = {};
  try {
    body = JSON.parse(text) as RawResponse["body"];
  } catch {
    // Not JSON: tests look at `text`.
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** The query as a GraphQL request body. */
export const gql = (query: string, variables?: Record<string, unknown>) => ({
  query,
  ...(variables && { variables }),
});

export const codesOf = (response: RawResponse): unknown[] =>
  (response.body.errors ?? []).map((error) => error.extensions?.code);
