import type { Clock } from "../../src/clock";
import { loadConfig, type Config } from "../../src/config";
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";

export interface TestStack {
  portal: DemoPortal;
  gateway: Gateway;
  stop(): Promise<void>;
}

/**
 * A demo portal and a gateway, each on its own loopback port, talking real HTTP. `env` holds the
 * gateway's environment on top of the portal's webhook URL. A `clock` is shared by both, so that
 * the portal's rate limit and latency and the gateway's waits and timeouts move together.
 */
export async function startStack(
  options: {
    portal?: DemoPortalOptions;
    env?: Record<string, string>;
    oauth?: boolean;
    clock?: Clock;
    /** The portal delivers its events to the gateway, signed with a token the gateway accepts. */
    events?: boolean;
  } = {},
): Promise<TestStack> {
  const clock = options.clock;
  const portal = await startDemoPortal({ ...(clock && { clock }), ...options.portal });
  const env: Record<string, string> = {
    PORT: "0",
    LOG_LEVEL: "silent",
    BITRIX24_RATE_LIMIT: "off",
    ...(options.oauth
      ? { BITRIX24_PORTAL_URL: portal.origin }
      : { BITRIX24_WEBHOOK_URL: portal.webhookUrl }),
    ...(options.events && { BITRIX24_APPLICATION_TOKEN: portal.applicationToken }),
    ...options.env,
  };
  const gateway = await startGateway(gatewayConfig(env), createLogger("silent"), { clock });
  if (options.events) portal.setEventHandlerUrl(eventsUrl(gateway));
  return {
    portal,
    gateway,
    async stop() {
      await gateway.stop();
      await portal.close();
    },
  };
}

/** The gateway's config from `env`; the read cache is off unless `env` turns it on, since these
 * tests measure upstream behaviour, which a cache would hide. */
export function gatewayConfig(env: Record<string, string>): Config {
  return loadConfig({ CACHE: "off", ...env });
}

/** Where the gateway takes Bitrix24 event deliveries. */
export function eventsUrl(gateway: Gateway): string {
  return gateway.url.replace(/\/graphql$/, "/bitrix24/events");
}
