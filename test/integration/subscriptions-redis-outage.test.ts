import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import { eventsUrl, gatewayConfig } from "../helpers/gateway";
import { subscribe, wsClient } from "../helpers/graphql-ws";
import { sample, scrape, until } from "../helpers/metrics";
import { requestOnNewConnection } from "../helpers/new-connection";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

const TOKEN = "outage-test-application-token";

/** Whether `condition` holds within `checks` short pauses: one try of a retried step, not a verdict. */
async function seenWithin(condition: () => boolean, checks: number): Promise<boolean> {
  for (let i = 0; i < checks; i += 1) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}

describe("subscriptions while Redis goes away and comes back", () => {
  let redis: RedisServer;
  let portal: DemoPortal;
  let replicas: Gateway[];
  let clients: Client[];
  let ts = 1_751_300_000;

  beforeEach(async () => {
    redis = await startRedisServer();
    portal = await startDemoPortal();
    const env = {
      PORT: "0",
      LOG_LEVEL: "silent",
      BITRIX24_RATE_LIMIT: "off",
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      BITRIX24_APPLICATION_TOKEN: TOKEN,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
    };
    replicas = [
      await startGateway(gatewayConfig(env), createLogger("silent")),
      await startGateway(gatewayConfig(env), createLogger("silent")),
    ];
    clients = [];
  });
  afterEach(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    for (const replica of replicas) await replica.stop();
    await portal.close();
    await redis.stop();
  });

  // Retried below until B is back: like a poll, each try goes over a connection of its own.
  const deliver = (replica: Gateway, id: number) =>
    requestOnNewConnection(eventsUrl(replica), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        event: "ONBOOKINGDELETE",
        "data[ID]": String(id),
        ts: String((ts += 1)),
        "auth[application_token]": TOKEN,
      }).toString(),
    });

  const held = (replica: Gateway) =>
    until(async () => {
      const text = await scrape(replica.url);
      return sample(text, "b24gw_subscriptions_active", '{transport="ws"}') === 1;
    });

  it("delivers on each replica while Redis is down, and across replicas again once it is back", async () => {
    const [a, b] = replicas as [Gateway, Gateway];
    const clientA = wsClient(a.url);
    const clientB = wsClient(b.url);
    clients.push(clientA, clientB);
    const onA = subscribe<{ bookingChanged: { id: number } }>(
      clientA,
      "subscription { bookingChanged { id } }",
    );
    const onB = subscribe<{ bookingChanged: { id: number } }>(
      clientB,
      "subscription { bookingChanged { id } }",
    );
    await held(a);
    await held(b);

    await redis.stop();
    // Still served, still delivered on the replica the event reached.
    expect((await deliver(a, 501)).status).toBe(200);
    expect((await onA.next()).data).toEqual({ bookingChanged: { id: 501 } });
    expect((await deliver(b, 502)).status).toBe(200);
    expect((await onB.next()).data).toEqual({ bookingChanged: { id: 502 } });

    await redis.start();
    // Once B listens to Redis again, an event POSTed to A reaches it. Each try is a new event; those
    // sent before B is back reach A only. (What each replica kept from the outage is relayed too, so
    // A may hear 502 first, and B 501, when both listen again in time.)
    const seenOnA: number[] = [];
    const seenOnB: number[] = [];
    for (const [on, seen] of [
      [onA, seenOnA],
      [onB, seenOnB],
    ] as const) {
      void (async () => {
        for (;;) seen.push((await on.next()).data!.bookingChanged.id);
      })().catch(() => undefined);
    }
    let id = 600;
    for (;;) {
      id += 1;
      expect((await deliver(a, id)).status).toBe(200);
      await until(() => Promise.resolve(seenOnA.includes(id)));
      if (await seenWithin(() => seenOnB.includes(id), 20)) break;
    }
    // Nothing from before the outage came twice, and nothing else came at all.
    expect(seenOnA.filter((seen) => seen < 600)).toEqual(seenOnA.includes(502) ? [502] : []);
    expect(seenOnB.filter((seen) => seen < 600)).toEqual(seenOnB.includes(501) ? [501] : []);
  });
});
