import { randomUUID } from "node:crypto";
import { RedisDrainLease } from "../../src/app/drain-lease";
import type { Clock } from "../../src/clock";
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { portalKeys } from "../../src/redis/portal-keys";
import { RedisConnection } from "../../src/redis/redis-connection";
import { startGateway, type Gateway } from "../../src/server";
import { gatewayConfig } from "./gateway";
import { execute } from "./graphql-http";
import { subscribe, wsClient } from "./graphql-ws";
import { ManualClock } from "./manual-clock";
import { wsSubscriptions, until } from "./metrics";

/*
 * The essential assertions of the replica tests (shared-rate-limit, read-cache,
 * subscriptions-replicas, drain-replicas), made against whichever Redis `redisUrl` names: the
 * topology tests run them on Sentinel and on a Cluster, as the others run on one server.
 */

export interface ReplicaPair {
  portal: DemoPortal;
  a: Gateway;
  b: Gateway;
  /** The key prefix of this pair alone. */
  prefix: string;
  stop(): Promise<void>;
}

/** A demo portal and two gateway replicas sharing `redisUrl` under a key prefix of their own. */
export async function startReplicaPair(
  redisUrl: string,
  options: { env?: Record<string, string>; portal?: DemoPortalOptions; clock?: Clock } = {},
): Promise<ReplicaPair> {
  const portal = await startDemoPortal(options.portal);
  const prefix = `test-${randomUUID()}:`;
  const env = {
    PORT: "0",
    LOG_LEVEL: "silent",
    BITRIX24_RATE_LIMIT: "off",
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    CACHE: "redis",
    ...options.env,
  };
  const started: Gateway[] = [];
  try {
    for (let i = 0; i < 2; i += 1) {
      started.push(
        await startGateway(gatewayConfig(env), createLogger("silent"), {
          ...(options.clock && { clock: options.clock }),
        }),
      );
    }
  } catch (error) {
    await Promise.all(started.map((gateway) => gateway.stop()));
    await portal.close();
    throw error;
  }
  const [a, b] = started as [Gateway, Gateway];
  return {
    portal,
    a,
    b,
    prefix,
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
      await portal.close();
    },
  };
}

const READ = "{ booking(id: 14) { name } }";

/** The name of booking 14 as `gateway` reads it; the read must succeed. */
export async function bookingName(gateway: Gateway): Promise<string> {
  const result = await execute<{ booking: { name: string } }, never>(gateway.url, READ);
  expect(result.errors).toBeUndefined();
  return result.data!.booking.name;
}

/** Renames booking 14 through `gateway`; the write must succeed. */
export async function renameBooking(gateway: Gateway, name: string): Promise<void> {
  const result = await execute(
    gateway.url,
    `mutation { updateBooking(id: 14, input: { name: ${JSON.stringify(name)} }) { id } }`,
  );
  expect(result.errors).toBeUndefined();
}

/**
 * Two replicas spend the portal's modelled burst together, not each their own: every call its own
 * request, on one clock that stands still until the test moves it (see shared-rate-limit.test.ts).
 */
export async function checkSharedRateLimit(redisUrl: string): Promise<void> {
  const clock = new ManualClock();
  const pair = await startReplicaPair(redisUrl, {
    clock,
    portal: { rateLimit: { burst: 20, perSecond: 10 }, clock },
    env: {
      BITRIX24_RATE_LIMIT: "20:10",
      BATCHING: "off",
      CACHE: "off",
      // Far beyond any wait the test causes: every timer due within 10 s is a wait for a slot.
      BITRIX24_TIMEOUT_MS: "60000",
      REQUEST_DEADLINE_MS: "120000",
      // A slow Redis command on a busy machine would make a replica fall back to a bucket of its
      // own (as it must when Redis is away), and the count of waits below would never be reached.
      REDIS_COMMAND_TIMEOUT_MS: "10000",
    },
  });
  try {
    const operations = Array.from({ length: 40 }, (_, i) =>
      execute(i % 2 === 0 ? pair.a.url : pair.b.url, "{ bookingClients(bookingId: 14) { id } }"),
    );
    // The portal's burst of 20 less a tenth goes at once; the other 22 calls wait for slots.
    await clock.whenDelays((delays) => delays.filter((delay) => delay < 10_000).length === 22);
    await pair.portal.waitFor((stats) => stats.httpRequests === 18 && stats.inFlight === 0);
    const results = await clock.runUntil(Promise.all(operations), 10_000);
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(pair.portal.stats()).toMatchObject({ httpRequests: 40, rateLimited: 0 });
  } finally {
    await pair.stop();
  }
}

/** A read through one replica is served to the other from the cache, until a write invalidates it. */
export async function checkSharedReadCache(redisUrl: string): Promise<void> {
  const pair = await startReplicaPair(redisUrl);
  try {
    expect(await bookingName(pair.b)).toBe("Client consultation");
    pair.portal.resetStats();
    expect(await bookingName(pair.a)).toBe("Client consultation");
    expect(pair.portal.stats().httpRequests).toBe(0);
    await renameBooking(pair.a, "Renamed through A");
    expect(await bookingName(pair.b)).toBe("Renamed through A");
  } finally {
    await pair.stop();
  }
}

/** A write through one replica reaches a subscriber of the other, through the change bus. */
export async function checkChangeBus(redisUrl: string): Promise<void> {
  const pair = await startReplicaPair(redisUrl);
  const client = wsClient(pair.b.url);
  try {
    const changes = subscribe<{ bookingChanged: { kind: string; booking: { name: string } } }>(
      client,
      "subscription { bookingChanged(ids: [14]) { kind booking { name } } }",
    );
    await until(async () => (await wsSubscriptions(pair.b.url)) === 1);
    await renameBooking(pair.a, "Announced by A");
    expect((await changes.next()).data?.bookingChanged).toEqual({
      kind: "UPDATED",
      booking: { name: "Announced by A" },
    });
  } finally {
    await client.dispose();
    await pair.stop();
  }
}

/** One replica at a time holds the offline drain's lease, and a note left for the holder reaches it. */
export async function checkDrainLease(redisUrl: string): Promise<void> {
  const connections = [new RedisConnection(redisUrl), new RedisConnection(redisUrl)];
  try {
    expect(await Promise.all(connections.map((connection) => connection.settled()))).toEqual([
      "ready",
      "ready",
    ]);
    const key = portalKeys(`test-${randomUUID()}:`, "https://portal.example", 2).drainLease;
    const [one, other] = connections.map(
      (connection) => new RedisDrainLease(connection, key, 10_000),
    ) as [RedisDrainLease, RedisDrainLease];
    expect(await one.acquire()).toBe(true);
    expect(await other.acquire()).toBe(false);
    expect(await one.acquire()).toBe(true);
    await other.signal();
    expect(await one.takeSignal()).toBe(true);
    expect(await one.takeSignal()).toBe(false);
    await one.release();
    expect(await other.acquire()).toBe(true);
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
  }
}
