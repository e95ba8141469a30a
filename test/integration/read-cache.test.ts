import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import { eventsUrl, gatewayConfig, startStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { within } from "../helpers/bounded-wait";
import { HoldingRedisProxy } from "../helpers/holding-redis-proxy";
import { ManualClock } from "../helpers/manual-clock";
import { rateLimitShared, sample, scrape, until } from "../helpers/metrics";
import { addBookingOnPortal, portalCall } from "../helpers/portal-rest";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const READ = "{ booking(id: 14) { name clients { id } } }";
/** A read of one cache entry: one upstream call. */
const READ_ONE_ENTRY = "{ booking(id: 14) { name } }";
/** How often a replica looks for the value another replica is loading (`ReadCache`). */
const WAIT_FOR_OTHER_MS = 25;

interface Replicas {
  portal: DemoPortal;
  a: Gateway;
  b: Gateway;
  prefix: string;
  stop(): Promise<void>;
}

/**
 * Two replicas sharing a Redis read cache, in front of one demo portal that counts requests.
 * `redisUrlOfA` gives A a way of its own to the same Redis (a proxy in between).
 */
async function startReplicas(
  options: {
    redisUrl?: string;
    redisUrlOfA?: string;
    portal?: DemoPortalOptions;
    env?: Record<string, string>;
    /** One clock for both replicas' timers, moved by the test. */
    clock?: ManualClock;
  } = {},
): Promise<Replicas> {
  const portal = await startDemoPortal(options.portal);
  const prefix = `test-${randomUUID()}:`;
  const env = {
    PORT: "0",
    LOG_LEVEL: "silent",
    BITRIX24_RATE_LIMIT: "off",
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    BITRIX24_APPLICATION_TOKEN: portal.applicationToken,
    REDIS_URL: options.redisUrl ?? REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    CACHE: "redis",
    ...options.env,
  };
  const gatewayOptions = options.clock ? { clock: options.clock } : {};
  const a = await startGateway(
    gatewayConfig({ ...env, ...(options.redisUrlOfA && { REDIS_URL: options.redisUrlOfA }) }),
    createLogger("silent"),
    gatewayOptions,
  );
  const b = await startGateway(gatewayConfig(env), createLogger("silent"), gatewayOptions);
  return {
    portal,
    a,
    b,
    prefix,
    async stop() {
      await a.stop();
      await b.stop();
      await portal.close();
    },
  };
}

async function name(gateway: Gateway): Promise<string> {
  const result = await execute<{ booking: { name: string } }, never>(gateway.url, READ);
  expect(result.errors).toBeUndefined();
  return result.data!.booking.name;
}

describe("the read cache shared by two replicas through Redis", () => {
  let replicas: Replicas;

  afterEach(() => replicas.stop());

  it("answers 100 reads alternating between the replicas with at most 2 upstream requests", async () => {
    replicas = await startReplicas();
    replicas.portal.resetStats();
    for (let i = 0; i < 100; i += 1) {
      const result = await execute(i % 2 === 0 ? replicas.a.url : replicas.b.url, READ);
      expect(result.errors).toBeUndefined();
    }
    expect(replicas.portal.stats().httpRequests).toBeLessThanOrEqual(2);
    const text = await scrape(replicas.b.url);
    // By kind of entry: the record, and the part of it read with it.
    for (const kind of ["booking", "bookingClients"]) {
      expect(
        sample(text, "b24gw_cache_reads_total", `{kind="${kind}",outcome="hit"}`),
      ).toBeGreaterThan(40);
    }
  });

  it("folds concurrent misses: a replica that finds another one loading waits for its value", async () => {
    // The portal answers only when its clock moves; the replicas wait for each other on theirs.
    const portalClock = new ManualClock();
    const clock = new ManualClock();
    replicas = await startReplicas({
      portal: { latencyMs: 1, clock: portalClock },
      clock,
      env: { BITRIX24_TIMEOUT_MS: "60000", REQUEST_DEADLINE_MS: "120000" },
    });
    const { portal } = replicas;
    portal.resetStats();
    const first = execute(replicas.a.url, READ_ONE_ENTRY);
    await portal.waitFor((stats) => stats.httpRequests === 1 && stats.inFlight === 1);

    // B finds A's claim on the load, and looks for its value every 25 ms of its clock.
    const second = execute(replicas.b.url, READ_ONE_ENTRY);
    await clock.whenDelays((delays) => delays.includes(WAIT_FOR_OTHER_MS));
    clock.advance(WAIT_FOR_OTHER_MS);
    // Nothing yet: B waits on rather than reading the portal itself.
    await within(10_000, "B to wait again, or to read the portal", () => {
      return clock.pendingDelays.includes(WAIT_FOR_OTHER_MS) || portal.stats().httpRequests > 1;
    });
    expect(portal.stats().httpRequests).toBe(1);

    portal.setLimits({ latencyMs: 0 });
    portalClock.advance(1);
    expect(await first).toMatchObject({ data: { booking: { name: "Client consultation" } } });
    clock.advance(WAIT_FOR_OTHER_MS);
    expect(await second).toMatchObject({ data: { booking: { name: "Client consultation" } } });
    expect(portal.stats().httpRequests).toBe(1);
  });

  it("shows a mutation made through one replica on a read through the other", async () => {
    replicas = await startReplicas();
    expect(await name(replicas.b)).toBe("Client consultation");
    const update = await execute(
      replicas.a.url,
      'mutation { updateBooking(id: 14, input: { name: "Changed through A" }) { id } }',
    );
    expect(update.errors).toBeUndefined();
    expect(await name(replicas.b)).toBe("Changed through A");
    // The record and the bookings' lists, counted by kind.
    expect(
      sample(await scrape(replicas.a.url), "b24gw_cache_invalidations_total", '{kind="booking"}'),
    ).toBe(2);
    // setBookingClients clears the booking's clients too.
    await execute(
      replicas.a.url,
      "mutation { setBookingClients(bookingId: 14, clients: [{id: 7, type: {code: COMPANY}}]) { bookingId } }",
    );
    const clients = await execute<{ booking: { clients: Array<{ id: number }> } }, never>(
      replicas.b.url,
      READ,
    );
    expect(clients.data?.booking.clients).toEqual([{ id: 7 }]);
  });

  it("shows a change made on the portal once its event reached the other replica", async () => {
    replicas = await startReplicas();
    replicas.portal.setEventHandlerUrl(eventsUrl(replicas.b));
    expect(await name(replicas.a)).toBe("Client consultation");
    await portalCall(replicas.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Changed on the portal" },
    });
    await until(async () => {
      const text = await scrape(replicas.b.url);
      return (sample(text, "b24gw_events_total", '{outcome="published"}') ?? 0) === 1;
    });
    expect(await name(replicas.a)).toBe("Changed on the portal");
  });

  it("shows a booking added on the portal in the other replica's list once its event arrived", async () => {
    replicas = await startReplicas();
    replicas.portal.setEventHandlerUrl(eventsUrl(replicas.b));
    const ids = async () => {
      const list = await execute<{ bookings: { items: Array<{ id: number }> } }, never>(
        replicas.a.url,
        "{ bookings(page: { limit: 200 }) { items { id } } }",
      );
      expect(list.errors).toBeUndefined();
      return list.data!.bookings.items.map((item) => item.id);
    };
    const before = await ids();
    const id = await addBookingOnPortal(replicas.portal, {
      resourceIds: [1],
      from: Date.UTC(2031, 0, 6, 9) / 1000,
    });
    await until(async () => {
      const text = await scrape(replicas.b.url);
      return (sample(text, "b24gw_events_total", '{outcome="published"}') ?? 0) === 1;
    });
    expect(await ids()).toEqual([...before, id]);
    // List pages are counted as such.
    expect(
      sample(
        await scrape(replicas.a.url),
        "b24gw_cache_reads_total",
        '{kind="bookingList",outcome="miss"}',
      ),
    ).toBeGreaterThan(0);
  });

  it("shows a deletion, through the other replica or on the portal, as not found on the next read", async () => {
    replicas = await startReplicas();
    replicas.portal.setEventHandlerUrl(eventsUrl(replicas.b));
    const notFound = async (gateway: Gateway, id: number) => {
      const read = await execute(gateway.url, `{ booking(id: ${id}) { name } }`);
      return read.errors?.map((error) => error.extensions?.code);
    };
    // Both records are cached by B before they are deleted.
    expect(await notFound(replicas.b, 14)).toBeUndefined();
    expect(await notFound(replicas.b, 15)).toBeUndefined();
    const deletion = await execute(
      replicas.a.url,
      "mutation { deleteBooking(id: 14) { bookingId } }",
    );
    expect(deletion.errors).toBeUndefined();
    expect(await notFound(replicas.b, 14)).toEqual(["BOOKING_NOT_FOUND"]);

    await portalCall(replicas.portal, "booking.v1.booking.delete", { id: 15 });
    // The portal sends an event for each deletion, the one made through A included.
    await until(async () => {
      const text = await scrape(replicas.b.url);
      return (sample(text, "b24gw_events_total", '{outcome="published"}') ?? 0) >= 2;
    });
    expect(await notFound(replicas.b, 15)).toEqual(["BOOKING_NOT_FOUND"]);
  });

  it("never stores a token, and keys carry the portal (as a Cluster hash tag) and a format version", async () => {
    replicas = await startReplicas();
    await name(replicas.a);
    const inspector = new Redis(REDIS_URL);
    try {
      const keys = await inspector.keys(`${replicas.prefix}*`);
      expect(
        keys.some((key) =>
          /cache:v\d+:\{[0-9a-f]{12}\}:webhook:[0-9a-f]{16}:booking:14$/.test(key),
        ),
      ).toBe(true);
      const secret = new URL(replicas.portal.webhookUrl).pathname.split("/")[3]!;
      expect(keys.filter((key) => key.includes(secret))).toEqual([]);
    } finally {
      inspector.disconnect();
    }
  });
});

describe("a mutation's invalidation, held in Redis", () => {
  let proxy: HoldingRedisProxy;
  let replicas: Replicas;

  beforeEach(async () => {
    proxy = new HoldingRedisProxy(Number(new URL(REDIS_URL).port));
    replicas = await startReplicas({ redisUrlOfA: await proxy.listen() });
  });
  afterEach(async () => {
    // A failed test may leave the invalidation held: A could not close its Redis connection.
    proxy.release();
    await replicas.stop();
    await proxy.close();
  });

  const changesPublished = async (gateway: Gateway) =>
    sample(await scrape(gateway.url), "b24gw_changes_published_total", '{source="gateway"}') ?? 0;

  it("holds back the mutation's answer and its announcement until it is written", async () => {
    expect(await name(replicas.b)).toBe("Client consultation");
    const holding = proxy.holdNextTransaction();
    let answered = false;
    const update = execute(
      replicas.a.url,
      'mutation { updateBooking(id: 14, input: { name: "Changed while held" }) { id } }',
    ).finally(() => (answered = true));
    await holding;
    // The portal has the write; its invalidation has started and cannot be done. A mutation that
    // did not wait for it would have announced its change in the very turn it sent it, before the
    // proxy could see it; and its answer, which needs nothing more from Redis or the portal, would
    // be here once the scrape below has made its round trip.
    expect(await changesPublished(replicas.a)).toBe(0);
    expect(answered).toBe(false);
    proxy.release();
    expect((await update).errors).toBeUndefined();
    expect(await changesPublished(replicas.a)).toBe(1);
    expect(await name(replicas.b)).toBe("Changed while held");
  });
});

describe("a command of the read cache that gets no answer", () => {
  let proxy: HoldingRedisProxy;
  let replicas: Replicas;

  beforeEach(async () => {
    proxy = new HoldingRedisProxy(Number(new URL(REDIS_URL).port));
    replicas = await startReplicas({
      redisUrlOfA: await proxy.listen(),
      env: { REDIS_COMMAND_TIMEOUT_MS: "200" },
    });
  });
  afterEach(async () => {
    proxy.release();
    await replicas.stop();
    await proxy.close();
  });

  it("writes the invalidations it kept once Redis is back, though the first attempt fails", async () => {
    expect(await name(replicas.a)).toBe("Client consultation");
    // The mutation's invalidation never reaches Redis: A keeps it.
    const held = proxy.holdNext("multi");
    const update = execute(
      replicas.a.url,
      'mutation { updateBooking(id: 14, input: { name: "Kept while Redis was away" }) { id } }',
    );
    await held;
    expect((await update).errors).toBeUndefined();
    // A connects again and writes what it kept; that write is lost too, and A keeps it still.
    const heldAgain = proxy.holdNext("multi");
    proxy.dropHeld();
    await heldAgain;
    proxy.dropHeld();
    // The third time it is written, and A reads from the cache again, the change included.
    await within(10_000, "a read answered from the cache", async () => {
      replicas.portal.resetStats();
      const read = await name(replicas.a);
      return read === "Kept while Redis was away" && replicas.portal.stats().httpRequests === 0;
    });
  });

  // A miss sends, after the read of the entry and its generations: the claim on the load (SET NX),
  // the entry's write (SET) and the claim's release (DEL).
  it.each([
    ["the claim on a load", "set", 1],
    ["the entry's write", "set", 2],
    ["the claim's release", "del", 1],
  ])(
    "(%s) takes Redis down at once: the read is answered, and the replica says it runs degraded",
    async (_command, name, nth) => {
      const holding = proxy.holdNext(name, nth);
      const read = execute(replicas.a.url, READ_ONE_ENTRY);
      // The read sends the command, or ends without it: either is a barrier.
      expect(await Promise.race([holding.then(() => "held"), read.then(() => "answered")])).toBe(
        "held",
      );
      expect(await read).toMatchObject({ data: { booking: { name: "Client consultation" } } });
      const ready = await fetch(`${new URL(replicas.a.url).origin}/readyz`);
      expect(await ready.json()).toMatchObject({ status: "degraded", degraded: ["redis"] });
    },
  );
});

describe("the read cache in OAuth mode", () => {
  it("keeps each user's entries apart", async () => {
    const stack = await startStack({
      oauth: true,
      portal: { oauthTokens: { "token-of-anna": 1, "token-of-boris": 5 } },
      env: { CACHE: "memory" },
    });
    try {
      const as = (token: string) =>
        execute(stack.gateway.url, READ, undefined, { authorization: `Bearer ${token}` });
      stack.portal.resetStats();
      expect((await as("token-of-anna")).errors).toBeUndefined();
      expect((await as("token-of-anna")).errors).toBeUndefined();
      const afterAnna = stack.portal.stats().httpRequests;
      expect((await as("token-of-boris")).errors).toBeUndefined();
      // Boris's read went upstream: Anna's cached entries are not his.
      expect(stack.portal.stats().httpRequests).toBeGreaterThan(afterAnna);
      expect(stack.portal.stats().callsByUser).toMatchObject({
        "1": expect.any(Number),
        "5": expect.any(Number),
      });
      const response = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer token-of-anna" },
        body: JSON.stringify({ query: READ }),
      });
      expect(response.headers.get("cache-control")).toMatch(/private/);
    } finally {
      await stack.stop();
    }
  });
});

describe("the read cache in memory", () => {
  it("keeps an entry for CACHE_TTL_S of the gateway's clock: a change whose event was lost shows after it", async () => {
    const clock = new ManualClock();
    const stack = await startStack({
      clock,
      env: {
        CACHE: "memory",
        CACHE_TTL_S: "30",
        BITRIX24_TIMEOUT_MS: "60000",
        REQUEST_DEADLINE_MS: "120000",
      },
    });
    try {
      const readName = async () =>
        ((await execute(stack.gateway.url, READ_ONE_ENTRY)).data as { booking: { name: string } })
          .booking.name;
      expect(await readName()).toBe("Client consultation");
      // No event handler is set: the portal's event for this change is lost.
      await portalCall(stack.portal, "booking.v1.booking.update", {
        id: 14,
        fields: { name: "Changed, its event lost" },
      });
      // Kept for 30 s to the millisecond, gone the millisecond after.
      clock.advance(30_000);
      expect(await readName()).toBe("Client consultation");
      clock.advance(1);
      expect(await readName()).toBe("Changed, its event lost");
    } finally {
      await stack.stop();
    }
  });

  it("keeps the clients of each booking as an entry of their own", async () => {
    const stack = await startStack({ env: { CACHE: "memory" } });
    try {
      const clientsOf = async (id: number) => {
        const read = await execute(stack.gateway.url, `{ booking(id: ${id}) { clients { id } } }`);
        expect(read.errors).toBeUndefined();
      };
      await clientsOf(14);
      await clientsOf(15);
      stack.portal.resetStats();
      // Both read before: neither the record nor its clients goes upstream again.
      await clientsOf(14);
      await clientsOf(15);
      expect(stack.portal.stats().methodCalls).toBe(0);
    } finally {
      await stack.stop();
    }
  });

  it("shows a deleted resource gone from the bookings that listed it, though no booking changed", async () => {
    const stack = await startStack({ env: { CACHE: "memory" } });
    try {
      const { url } = stack.gateway;
      const added = await execute<{ addResource: { id: number } }, never>(
        url,
        'mutation { addResource(input: { name: "Room to close", typeId: 1 }) { id } }',
      );
      const resourceId = added.data!.addResource.id;
      // A past booking: a resource with only past bookings may be deleted.
      const bookingId = await addBookingOnPortal(stack.portal, {
        resourceIds: [1, resourceId],
        from: Date.UTC(2020, 0, 6, 9) / 1000,
      });
      const resourcesOf = async () => {
        const read = await execute<
          {
            booking: { resourceIds: number[] };
            bookings: { items: Array<{ id: number; resourceIds: number[] }> };
          },
          never
        >(
          url,
          `{ booking(id: ${bookingId}) { resourceIds } bookings(page: { limit: 200 }) { items { id resourceIds } } }`,
        );
        expect(read.errors).toBeUndefined();
        const listed = read.data!.bookings.items.find((item) => item.id === bookingId)!;
        return { record: read.data!.booking.resourceIds, listed: listed.resourceIds };
      };
      expect(await resourcesOf()).toEqual({ record: [1, resourceId], listed: [1, resourceId] });
      const deleted = await execute(
        url,
        `mutation { deleteResource(id: ${resourceId}) { resourceId } }`,
      );
      expect(deleted.errors).toBeUndefined();
      // The portal took the id off the booking without a booking event: the gateway knows why.
      expect(await resourcesOf()).toEqual({ record: [1], listed: [1] });
    } finally {
      await stack.stop();
    }
  });

  it("shows a booking in a list filtered by client once the client is set on it", async () => {
    const stack = await startStack({ env: { CACHE: "memory" } });
    try {
      const { url } = stack.gateway;
      const withCompany7 = async () => {
        const list = await execute<{ bookings: { items: Array<{ id: number }> } }, never>(
          url,
          "{ bookings(filter: { clients: [{ id: 7, type: { code: COMPANY } }] }) { items { id } } }",
        );
        expect(list.errors).toBeUndefined();
        return list.data!.bookings.items.map((item) => item.id);
      };
      expect(await withCompany7()).not.toContain(14);
      const set = await execute(
        url,
        "mutation { setBookingClients(bookingId: 14, clients: [{ id: 7, type: { code: COMPANY } }]) { bookingId } }",
      );
      expect(set.errors).toBeUndefined();
      expect(await withCompany7()).toContain(14);
    } finally {
      await stack.stop();
    }
  });
});

describe("Cache-Control hints for routers and browsers", () => {
  async function cacheControl(url: string, query: string): Promise<string | null> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return response.headers.get("cache-control");
  }

  it("let a query answered without errors be kept as long as the gateway keeps its entries", async () => {
    const stack = await startStack({ env: { CACHE: "memory", CACHE_TTL_S: "30" } });
    try {
      const { url } = stack.gateway;
      expect(await cacheControl(url, READ)).toBe("max-age=30, public");
      // An error, a mutation, a document that does not validate: nothing to keep.
      expect(await cacheControl(url, "{ booking(id: 999999) { id } }")).toBe("no-store");
      expect(
        await cacheControl(
          url,
          "mutation { setBookingClients(bookingId: 14, clients: []) { bookingId } }",
        ),
      ).toBe("no-store");
      expect(await cacheControl(url, "{ nope }")).toBe("no-store");
    } finally {
      await stack.stop();
    }
  });

  it("say no-store for everything when the cache is off", async () => {
    const stack = await startStack({ env: { CACHE: "off" } });
    try {
      expect(await cacheControl(stack.gateway.url, READ)).toBe("no-store");
    } finally {
      await stack.stop();
    }
  });
});

describe("the read cache while Redis goes away", () => {
  let redis: RedisServer;
  let replicas: Replicas;

  beforeEach(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    await replicas.stop();
    await redis.stop();
  });

  it("answers correctly from upstream while Redis is down, and shares again once it is back", async () => {
    // With a rate limit configured, b24gw_rate_limit_shared tells when a replica sees Redis.
    replicas = await startReplicas({
      redisUrl: redis.url,
      env: { BITRIX24_RATE_LIMIT: "standard" },
    });
    expect(await name(replicas.a)).toBe("Client consultation");
    await redis.stop();
    await until(async () => (await rateLimitShared(replicas.a.url)) !== 1);
    await execute(
      replicas.a.url,
      'mutation { updateBooking(id: 14, input: { name: "During the outage" }) { id } }',
    );
    replicas.portal.resetStats();
    expect(await name(replicas.b)).toBe("During the outage");
    expect(replicas.portal.stats().httpRequests).toBeGreaterThan(0);

    await redis.start();
    await until(async () => (await rateLimitShared(replicas.a.url)) === 1);
    await until(async () => (await rateLimitShared(replicas.b.url)) === 1);
    expect(await name(replicas.a)).toBe("During the outage");
    replicas.portal.resetStats();
    expect(await name(replicas.b)).toBe("During the outage");
    expect(replicas.portal.stats().httpRequests).toBe(0);
  });

  it("is used again once Redis answers after a command that timed out", async () => {
    replicas = await startReplicas({
      redisUrl: redis.url,
      // No rate limit to share: the cache's commands are the only ones on the connection.
      env: { BITRIX24_RATE_LIMIT: "off", REDIS_COMMAND_TIMEOUT_MS: "200" },
    });
    const readOne = () => execute(replicas.a.url, READ_ONE_ENTRY);
    expect(await readOne()).toMatchObject({ data: { booking: { name: "Client consultation" } } });
    // A frozen Redis keeps its connections open and answers nothing: the read's command times out,
    // and the read goes to the portal.
    redis.freeze();
    replicas.portal.resetStats();
    expect(await readOne()).toMatchObject({ data: { booking: { name: "Client consultation" } } });
    expect(replicas.portal.stats().httpRequests).toBe(1);
    // The timeout took the connection down at once: the next reads go to the portal without
    // waiting for Redis, and the replica says it runs degraded.
    const ready = await fetch(`${new URL(replicas.a.url).origin}/readyz`);
    expect(await ready.json()).toMatchObject({ status: "degraded", degraded: ["redis"] });
    redis.thaw();
    // Once a probe finds Redis again, reads hit the entry.
    await within(20_000, "a read answered from the cache", async () => {
      replicas.portal.resetStats();
      await readOne();
      return replicas.portal.stats().httpRequests === 0;
    });
  });
});
