import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { loadConfig } from "../../src/config";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import type { Clock } from "../../src/clock";
import { gatewayConfig, startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { subscribe, wsClient } from "../helpers/graphql-ws";
import { ManualClock } from "../helpers/manual-clock";
import { sample, scrape, until } from "../helpers/metrics";
import { failNextCall, portalCall } from "../helpers/portal-rest";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { HoldingProxy } from "../helpers/holding-proxy";
import { TcpProxy } from "../helpers/tcp-proxy";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

const NAME_OF_15 = "{ booking(id: 15) { name } }";

async function nameOf(gateway: Gateway, headers?: Record<string, string>): Promise<string> {
  const answer = await execute<{ booking: { name: string } }, never>(
    gateway.url,
    NAME_OF_15,
    undefined,
    headers,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.booking.name;
}

async function eventsPublished(gateway: Gateway): Promise<number> {
  return sample(await scrape(gateway.url), "b24gw_events_total", '{outcome="published"}') ?? 0;
}

/** A subscriber to booking 15's changes on `url`, once the gateway holds its subscription. */
async function watchNameOf15(client: Client, url: string) {
  const changes = subscribe<{ bookingChanged: { booking: { name: string } } }>(
    client,
    "subscription { bookingChanged(ids: [15]) { booking { name } } }",
  );
  await until(
    async () => sample(await scrape(url), "b24gw_subscriptions_active", '{transport="ws"}') === 1,
  );
  return changes;
}

/** A replica's environment: the read cache in `redisUrl`, shared under one random key prefix. */
function replicaEnv(redisUrl: string, prefix: string): Record<string, string> {
  return {
    PORT: "0",
    LOG_LEVEL: "silent",
    BITRIX24_RATE_LIMIT: "off",
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    CACHE: "redis",
  };
}

/** A gateway replica on `env`, logging nothing, on `clock` if given. */
function startReplica(env: Record<string, string>, clock?: Clock): Promise<Gateway> {
  return startGateway(gatewayConfig(env), createLogger("silent"), clock && { clock });
}

/** Renames booking 15 on the portal's REST, as another user would, and waits for its event. */
async function renameOnPortal(stack: TestStack, name: string): Promise<void> {
  const before = await eventsPublished(stack.gateway);
  await portalCall(stack.portal, "booking.v1.booking.update", { id: 15, fields: { name } });
  await until(async () => (await eventsPublished(stack.gateway)) > before);
}

describe("freshness: two changes of one record in the same second", () => {
  let stack: TestStack;
  let client: Client;
  // The portal's clock stands still: both changes carry the same event, ID and whole-second ts.
  const clock = new ManualClock();

  beforeEach(async () => {
    stack = await startStack({ events: true, clock, env: { CACHE: "memory" } });
    client = wsClient(stack.gateway.url);
  });
  afterEach(async () => {
    await client.dispose();
    await stack.stop();
  });

  it("reach the cache and the subscriber, the second too", async () => {
    const changes = await watchNameOf15(client, stack.gateway.url);
    await nameOf(stack.gateway);
    await renameOnPortal(stack, "X");
    expect(await nameOf(stack.gateway)).toBe("X");
    expect((await changes.next()).data?.bookingChanged.booking.name).toBe("X");
    await renameOnPortal(stack, "Y");
    expect(await nameOf(stack.gateway)).toBe("Y");
    expect((await changes.next()).data?.bookingChanged.booking.name).toBe("Y");
    changes.stop();
  });
});

describe("freshness: two changes in the same second, across replicas sharing a Redis", () => {
  it("reach the other replica's reads and subscribers, the second too", async () => {
    const clock = new ManualClock();
    const redis = await startRedisServer();
    const portal = await startDemoPortal({ clock });
    const env = {
      ...replicaEnv(redis.url, `test-${randomUUID()}:`),
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      BITRIX24_APPLICATION_TOKEN: portal.applicationToken,
    };
    const a = await startReplica(env, clock);
    const b = await startReplica(env, clock);
    // The portal's events reach B only; reads and the subscriber are on A.
    portal.setEventHandlerUrl(b.url.replace(/\/graphql$/, "/bitrix24/events"));
    const client = wsClient(a.url);
    try {
      const changes = await watchNameOf15(client, a.url);
      await nameOf(a);
      for (const name of ["X", "Y"]) {
        const before = await eventsPublished(b);
        await portalCall(portal, "booking.v1.booking.update", { id: 15, fields: { name } });
        await until(async () => (await eventsPublished(b)) > before);
        expect(await nameOf(a)).toBe(name);
        expect((await changes.next()).data?.bookingChanged.booking.name).toBe(name);
      }
      changes.stop();
    } finally {
      await client.dispose();
      await a.stop();
      await b.stop();
      await portal.close();
      await redis.stop();
    }
  });
});

describe("freshness: a subscriber's re-read that fails", () => {
  it("is retried, so that both subscribers get the record, never a null that reads as deleted", async () => {
    const redis = await startRedisServer();
    const stack = await startStack({
      events: true,
      env: replicaEnv(redis.url, `test-${randomUUID()}:`),
    });
    const clients = [wsClient(stack.gateway.url), wsClient(stack.gateway.url)];
    try {
      const subscribers = clients.map((client) =>
        subscribe<{ bookingChanged: { kind: string; booking: { name: string } } }>(
          client,
          "subscription { bookingChanged(ids: [15]) { kind booking { name } } }",
        ),
      );
      await until(
        async () =>
          sample(
            await scrape(stack.gateway.url),
            "b24gw_subscriptions_active",
            '{transport="ws"}',
          ) === 2,
      );
      // The one re-read both subscribers share fails once; it is retried, not remembered.
      failNextCall(stack.portal, "booking.v1.booking.get");
      await portalCall(stack.portal, "booking.v1.booking.update", {
        id: 15,
        fields: { name: "After a failed read" },
      });
      for (const changes of subscribers) {
        const message = await changes.next();
        expect(message.errors).toBeUndefined();
        expect(message.data?.bookingChanged).toEqual({
          kind: "UPDATED",
          booking: { name: "After a failed read" },
        });
        changes.stop();
      }
      expect(stack.portal.stats().faultsInjected).toBe(1);
    } finally {
      await Promise.all(clients.map(async (client) => client.dispose()));
      await stack.stop();
      await redis.stop();
    }
  });
});

describe("freshness: CACHE=memory beside REDIS_URL", () => {
  it("is refused at start with one clear line", () => {
    expect(() =>
      loadConfig({
        BITRIX24_WEBHOOK_URL: "https://portal.example/rest/1/secretsecret/",
        CACHE: "memory",
        REDIS_URL: "redis://127.0.0.1:6379",
      }),
    ).toThrow(/CACHE=memory with REDIS_URL: replicas could not invalidate each other's/);
  });
});

describe("freshness: a replica that loses Redis", () => {
  let redis: RedisServer;
  let portal: DemoPortal;
  let proxy: TcpProxy;
  let a: Gateway;
  let b: Gateway;

  beforeEach(async () => {
    redis = await startRedisServer();
    portal = await startDemoPortal();
    proxy = new TcpProxy(redis.port);
    const prefix = `test-${randomUUID()}:`;
    const env = { BITRIX24_WEBHOOK_URL: portal.webhookUrl };
    // A reaches Redis through the proxy, which the test cuts; B directly.
    a = await startReplica({ ...replicaEnv(await proxy.listen(), prefix), ...env });
    b = await startReplica({ ...replicaEnv(redis.url, prefix), ...env });
  });
  afterEach(async () => {
    await a.stop();
    await b.stop();
    await proxy.close();
    await portal.close();
    await redis.stop();
  });

  const gets = () => portal.stats().callsByMethod["booking.v1.booking.get"] ?? 0;

  it("writes the invalidations it kept once it is back, and wipes nothing else", async () => {
    // B caches bookings 15 and 14, and a subscriber on B watches 15.
    const client = wsClient(b.url);
    try {
      const changes = await watchNameOf15(client, b.url);
      await nameOf(b);
      await execute(b.url, "{ booking(id: 14) { name } }");
      const cached = gets();
      await nameOf(b);
      await execute(b.url, "{ booking(id: 14) { name } }");
      expect(gets()).toBe(cached);

      proxy.cut();
      // A, without Redis, renames 15: its own reads bypass the shared cache and see it at once.
      const renamed = await execute(
        a.url,
        'mutation { updateBooking(id: 15, input: { name: "During the outage" }) { id } }',
      );
      expect(renamed.errors).toBeUndefined();
      expect(await nameOf(a)).toBe("During the outage");

      proxy.restore();
      // Once A is back (it reconnects by itself), it writes the invalidation it kept, then relays
      // the change it kept: B's subscriber re-reads the new name, and B's reads see it.
      expect((await changes.next()).data?.bookingChanged.booking.name).toBe("During the outage");
      expect(await nameOf(b)).toBe("During the outage");
      // And B's entry of booking 14 is still served from the cache: the reconnect wiped nothing.
      const before14 = gets();
      const fourteen = await execute(b.url, "{ booking(id: 14) { name } }");
      expect(fourteen.errors).toBeUndefined();
      expect(gets()).toBe(before14);
      changes.stop();
    } finally {
      await client.dispose();
    }
  });
});

describe("freshness: Cache-Control for shared caches", () => {
  const TOKEN = "gateway-token-0123456789";
  const clock = new ManualClock();
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack({
      clock,
      env: { CACHE: "memory", CACHE_TTL_S: "60", GATEWAY_TOKENS: TOKEN },
    });
  });
  afterEach(() => stack.stop());

  async function cacheControl(): Promise<string | null> {
    const response = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: NAME_OF_15 }),
    });
    expect(response.status).toBe(200);
    return response.headers.get("cache-control");
  }

  it("is private for an authenticated caller, and max-age is what is left of the entry's life", async () => {
    expect(await cacheControl()).toBe("max-age=60, private");
    clock.advance(25_000);
    // Served from the entry read 25 s ago: a copy downstream may live 35 s more, not 60.
    expect(await cacheControl()).toBe("max-age=35, private");
  });
});

describe("freshness: two deployments sharing one Redis and key prefix", () => {
  it("never hear each other's changes: the change channel is scoped to the portal", async () => {
    const env = {
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
      CACHE: "redis",
    };
    const first = await startStack({ events: true, env });
    const second = await startStack({ events: true, env });
    const client = wsClient(second.gateway.url);
    try {
      const changes = await watchNameOf15(client, second.gateway.url);
      await renameOnPortal(first, "On the first portal");
      await renameOnPortal(second, "On the second portal");
      // The first message is the second portal's change: the first portal's never came.
      expect((await changes.next()).data?.bookingChanged.booking.name).toBe("On the second portal");
      changes.stop();
    } finally {
      await client.dispose();
      await first.stop();
      await second.stop();
    }
  });
});

describe("freshness: a read on one replica while another answers a write", () => {
  let redis: RedisServer;
  let portal: DemoPortal;
  let proxy: HoldingProxy;
  let a: Gateway;
  let b: Gateway;

  beforeEach(async () => {
    redis = await startRedisServer();
    portal = await startDemoPortal();
    proxy = new HoldingProxy(portal.origin, (request) =>
      request.includes("booking.v1.booking.get"),
    );
    const env = {
      ...replicaEnv(redis.url, `test-${randomUUID()}:`),
      // Each call its own request: a held answer must not hold up the calls behind it.
      BATCHING: "off",
    };
    // Both reach the portal through the proxy, which holds only what the test asks it to.
    const viaProxy = portal.webhookUrl.replace(portal.origin, await proxy.listen());
    a = await startReplica({ ...env, BITRIX24_WEBHOOK_URL: viaProxy });
    b = await startReplica({ ...env, BITRIX24_WEBHOOK_URL: viaProxy });
  });
  afterEach(async () => {
    await a.stop();
    await b.stop();
    await proxy.close();
    await portal.close();
    await redis.stop();
  });

  const hits = async (gateway: Gateway) =>
    sample(
      await scrape(gateway.url),
      "b24gw_cache_reads_total",
      '{kind="booking",outcome="hit"}',
    ) ?? 0;

  it("never joins a load that began before the write", async () => {
    proxy.holdNext(1);
    // A's first read reaches the portal, which reads the old name; its answer is held.
    const first = nameOf(a);
    await until(() => proxy.matched === 1);
    const renamed = await execute(
      b.url,
      'mutation { updateBooking(id: 15, input: { name: "Renamed through B" }) { id } }',
    );
    expect(renamed.errors).toBeUndefined();
    // A read on A that starts after B answered: it either loads again (a second request reaches
    // the portal) or joins the load in flight (counted as a hit); then everything is answered.
    const hitsBefore = await hits(a);
    const matchedBefore = proxy.matched;
    const second = nameOf(a);
    await until(async () => proxy.matched > matchedBefore || (await hits(a)) > hitsBefore);
    proxy.releaseAll();
    expect(await second).toBe("Renamed through B");
    await first;
  });
});
