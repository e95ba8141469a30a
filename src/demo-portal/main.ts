/**
 * Standalone demo portal: `node dist/src/demo-portal/main.js`.
 * Environment:
 * - DEMO_PORTAL_HOST: interface to listen on (default 127.0.0.1; 0.0.0.0 in a container, where the
 *   gateway reaches it from another one);
 * - DEMO_PORTAL_PORT: TCP port (default 4100);
 * - DEMO_PORTAL_SEED: "demo" (default) or "empty";
 * - DEMO_PORTAL_WEBHOOK_SECRET: webhook secret for user 1 (default: random);
 * - DEMO_PORTAL_RATE_LIMIT: "<burst>:<per-second>", e.g. "50:2" as on Bitrix24 cloud (default: off);
 * - DEMO_PORTAL_LATENCY_MS: delay before every REST answer, in ms (default 0);
 * - DEMO_PORTAL_EVENT_HANDLER_URL: the outgoing webhook, an http(s) URL that gets every booking
 *   event (default: none);
 * - DEMO_PORTAL_APPLICATION_TOKEN: the auth[application_token] every event carries, which a gateway
 *   started apart is given as BITRIX24_APPLICATION_TOKEN (default: random, printed at start);
 * - DEMO_PORTAL_OAUTH_TOKENS: per-user OAuth access tokens, "<token>:<user id>" pairs separated by
 *   commas, for trying the gateway's OAuth mode (default: none).
 * docs/demo-portal.md lists them too.
 *
 * The portal also plays an application, with a client id and secret generated at each start: its
 * client id and authorization server are printed, its secret is served by GET /_demo/application
 * (never printed, so it stays out of logs), and POST /_demo/application/install {"handlerUrl": …}
 * installs it.
 */
// First: on an unsupported Node.js the process stops here, with one line, before loading anything.
import "../supported-node";
import { startDemoPortal, type DemoPortalLimits, type DemoPortalOptions } from "./index";
import { checkMilliseconds } from "./portal-limits";
import { checkEventHandlerUrl } from "./portal-options";
import { checkRateLimit, type RateLimit } from "./rate-limit";
import { oauthTokensFromEnvironment } from "./oauth-tokens-setting";
import { isPortalSeed, PORTAL_SEEDS } from "./seed";

const DEFAULT_PORT = 4100;

function optionsFromEnvironment(env: NodeJS.ProcessEnv): DemoPortalOptions {
  const rawPort = env.DEMO_PORTAL_PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65_535) {
    throw new Error(`DEMO_PORTAL_PORT must be an integer from 0 to 65535, got "${rawPort}"`);
  }
  const seed = env.DEMO_PORTAL_SEED ?? "demo";
  if (!isPortalSeed(seed)) {
    throw new Error(`DEMO_PORTAL_SEED must be one of ${PORTAL_SEEDS.join(", ")}, got "${seed}"`);
  }
  const host = env.DEMO_PORTAL_HOST ?? "127.0.0.1";
  if (host.trim() === "") {
    throw new Error(
      `DEMO_PORTAL_HOST must be an interface address such as 127.0.0.1, got "${host}"`,
    );
  }
  const secret = env.DEMO_PORTAL_WEBHOOK_SECRET;
  const applicationToken = env.DEMO_PORTAL_APPLICATION_TOKEN;
  const rateLimit = rateLimitFromEnvironment(env.DEMO_PORTAL_RATE_LIMIT);
  const eventHandlerUrl = eventHandlerUrlFromEnvironment(env.DEMO_PORTAL_EVENT_HANDLER_URL);
  const oauthTokens = oauthTokensFromEnvironment(env.DEMO_PORTAL_OAUTH_TOKENS);
  return {
    host,
    port,
    seed,
    ...(secret === undefined || secret === "" ? {} : { webhook: { userId: 1, secret } }),
    ...(rateLimit === undefined ? {} : { rateLimit }),
    latencyMs: latencyFromEnvironment(env.DEMO_PORTAL_LATENCY_MS),
    ...(eventHandlerUrl === undefined ? {} : { eventHandlerUrl }),
    ...(oauthTokens === undefined ? {} : { oauthTokens }),
    ...(applicationToken === undefined || applicationToken === "" ? {} : { applicationToken }),
  };
}

function eventHandlerUrlFromEnvironment(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  try {
    return checkEventHandlerUrl(raw);
  } catch {
    throw new Error(
      `DEMO_PORTAL_EVENT_HANDLER_URL must be an absolute http or https URL, got "${raw}"`,
    );
  }
}

function rateLimitFromEnvironment(raw: string | undefined): RateLimit | undefined {
  if (raw === undefined || raw === "") return undefined;
  const rule = `DEMO_PORTAL_RATE_LIMIT must be "<burst>:<per-second>" with burst at least 1 and per-second above 0 (e.g. "50:2"), got "${raw}"`;
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(raw.trim());
  if (match === null) throw new Error(rule);
  try {
    return (
      checkRateLimit({ burst: Number(match[1]), perSecond: Number(match[2]) }, "rateLimit") ??
      undefined
    );
  } catch {
    throw new Error(rule);
  }
}

function latencyFromEnvironment(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 0;
  const rule = `DEMO_PORTAL_LATENCY_MS must be a whole number of milliseconds from 0 to 2147483647, got "${raw}"`;
  if (!/^\d+$/.test(raw.trim())) throw new Error(rule);
  try {
    return checkMilliseconds(Number(raw), "latencyMs");
  } catch {
    throw new Error(rule);
  }
}

/** "rate limit 50:2, latency 20 ms", or "" when nothing is limited. */
function describeLimits(limits: DemoPortalLimits): string {
  const parts: string[] = [];
  if (limits.rateLimit !== null) {
    parts.push(`rate limit ${limits.rateLimit.burst}:${limits.rateLimit.perSecond}`);
  }
  if (limits.operatingLimit !== null) {
    const { limitSeconds, windowSeconds } = limits.operatingLimit;
    parts.push(`operating limit ${limitSeconds} s per ${windowSeconds} s`);
  }
  if (limits.latencyMs > 0) parts.push(`latency ${limits.latencyMs} ms`);
  return parts.join(", ");
}

async function main(): Promise<void> {
  const options = optionsFromEnvironment(process.env);
  const portal = await startDemoPortal(options);
  const limits = describeLimits(portal.limits());
  // The webhook URL stays last on the line, so scripts can keep cutting it off the end.
  process.stdout.write(
    `Demo Bitrix24 portal listening${limits === "" ? "" : ` (${limits})`}; webhook URL: ${portal.webhookUrl}\n`,
  );
  // One value per line, at its end like the webhook URL; a handler checks the token on each event.
  const handlerUrl = options.eventHandlerUrl ?? "none (set DEMO_PORTAL_EVENT_HANDLER_URL)";
  process.stdout.write(
    `Event handler URL (outgoing webhook): ${handlerUrl}\n` +
      `Event application token: ${portal.applicationToken}\n`,
  );
  process.stdout.write(
    `Application client id: ${portal.application.clientId}\n` +
      `Application client secret: GET ${portal.origin}/_demo/application\n` +
      `Application install: POST ${portal.origin}/_demo/application/install {"handlerUrl": "…"}\n` +
      `OAuth server URL: ${portal.oauthServerUrl}\n`,
  );

  const shutdown = (): void => {
    portal.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Demo portal did not close cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Demo portal failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
