import { randomUUID } from "node:crypto";
import type { DemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import { gatewayConfig } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { portalCall } from "../helpers/portal-rest";

/** How often the replicas drain at the latest, in these tests. */
export const POLL_S = 1;

/**
 * A replica's environment in application mode against `portal`: its tokens in `store` (DATABASE_URL
 * or INSTALLATION_FILE), the read cache and the lease in `redisUrl` under `prefix` when given.
 */
export function applicationEnv(
  portal: DemoPortal,
  options: {
    store: { DATABASE_URL: string } | { INSTALLATION_FILE: string };
    redisUrl?: string;
    prefix?: string;
    publicUrl?: string;
  },
): Record<string, string> {
  return {
    PORT: "0",
    LOG_LEVEL: "silent",
    BITRIX24_RATE_LIMIT: "off",
    BITRIX24_PORTAL_URL: portal.origin,
    BITRIX24_APP_ID: portal.application.clientId,
    BITRIX24_APP_SECRET: portal.application.clientSecret,
    BITRIX24_OAUTH_URL: portal.oauthServerUrl,
    OFFLINE_EVENTS_POLL_S: String(POLL_S),
    OFFLINE_EVENTS_SIGNAL_MIN_S: "0",
    ...options.store,
    ...(options.redisUrl && {
      REDIS_URL: options.redisUrl,
      REDIS_KEY_PREFIX: options.prefix ?? `test-${randomUUID()}:`,
      CACHE: "redis",
    }),
    ...(options.publicUrl && { GATEWAY_PUBLIC_URL: options.publicUrl }),
  };
}

export function startReplica(env: Record<string, string>): Promise<Gateway> {
  return startGateway(gatewayConfig(env), createLogger("silent"));
}

export function originOf(gateway: Gateway): string {
  return gateway.url.replace(/\/graphql$/, "");
}

/** What /readyz says of the installation. */
export async function installationState(gateway: Gateway): Promise<string | undefined> {
  const response = await fetch(`${originOf(gateway)}/readyz`);
  const body = (await response.json()) as { checks?: { installation?: { state?: string } } };
  return body.checks?.installation?.state;
}

/** The booking's name as the gateway serves it. */
export async function nameThrough(gateway: Gateway, id: number): Promise<string | undefined> {
  const answer = await execute<{ booking: { name: string } | null }, never>(
    gateway.url,
    `{ booking(id: ${id}) { name } }`,
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data?.booking?.name;
}

/** Adds `count` bookings on resource 1 directly on the portal; returns their ids. */
export async function addBookings(portal: DemoPortal, count: number): Promise<number[]> {
  const ids: number[] = [];
  const start = Date.UTC(2026, 6, 1, 8) / 1000;
  for (let i = 0; i < count; i += 1) {
    const from = start + i * 3600;
    ids.push(
      await portalCall<number>(portal, "booking.v1.booking.add", {
        fields: {
          resourceIds: [1],
          name: `Offline ${i}`,
          datePeriod: {
            from: { timestamp: from, timezone: "UTC" },
            to: { timestamp: from + 3600, timezone: "UTC" },
          },
        },
      }),
    );
  }
  return ids;
}

/** Renames a booking on the portal, as another user would. */
export function renameOnPortal(portal: DemoPortal, id: number, name: string): Promise<unknown> {
  return portalCall(portal, "booking.v1.booking.update", { id, fields: { name } });
}
