import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import { eventsUrl, gatewayConfig } from "../helpers/gateway";
import { subscribe, wsClient, type Subscription } from "../helpers/graphql-ws";
import { sample, scrape, until } from "../helpers/metrics";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const TOKEN = "replica-test-application-token";

/** Two replicas of one gateway behind one portal, sharing a real Redis. */
describe("subscriptions across replicas sharing Redis", () => {
  let portal: DemoPortal;
  let replicas: Gateway[];
  let clients: Client[];

  beforeEach(async () => {
    portal = await startDemoPortal();
    const env = {
      PORT: "0",
      LOG_LEVEL: "silent",
      BITRIX24_RATE_LIMIT: "off",
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      BITRIX24_APPLICATION_TOKEN: TOKEN,
      REDIS_URL,
      // A prefix of the test's own: runs never see each other's channel or keys.
      REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
    };
    replicas = [];
    for (let i = 0; i < 2; i += 1) {
      replicas.push(await startGateway(gatewayConfig(env), createLogger("silent")));
    }
    clients = [];
  });
  afterEach(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    for (const replica of replicas) await replica.stop();
    await portal.close();
  });

  function connect(replica: Gateway): Client {
    const client = wsClient(replica.url);
    clients.push(client);
    return client;
  }

  async function held(replica: Gateway, count: number): Promise<void> {
    await until(async () => {
      const text = await scrape(replica.url);
      return sample(text, "b24gw_subscriptions_active", '{transport="ws"}') === count;
    });
  }

  function deliver(replica: Gateway, fields: Record<string, string>): Promise<Response> {
    return fetch(eventsUrl(replica), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, "auth[application_token]": TOKEN }).toString(),
    });
  }

  it("delivers an event POSTed to one replica to 300 subscribers on the other, for one upstream read", async () => {
    const [a, b] = replicas as [Gateway, Gateway];
    const subscriptions: Array<Subscription<{ bookingChanged: unknown }>> = [];
    for (let connection = 0; connection < 10; connection += 1) {
      const client = connect(b);
      for (let i = 0; i < 30; i += 1) {
        subscriptions.push(
          subscribe(
            client,
            "subscription { bookingChanged(ids: [14]) { kind id booking { name } } }",
          ),
        );
      }
    }
    await held(b, 300);
    portal.resetStats();
    const answer = await deliver(a, {
      event: "ONBOOKINGUPDATE",
      "data[ID]": "14",
      ts: "1751285644",
    });
    expect(answer.status).toBe(200);
    const messages = await Promise.all(subscriptions.map((subscription) => subscription.next()));
    for (const message of messages) {
      expect(message).toEqual({
        data: {
          bookingChanged: { kind: "UPDATED", id: 14, booking: { name: expect.any(String) } },
        },
      });
    }
    expect(portal.stats().callsByMethod).toEqual({ "booking.v1.booking.get": 1 });
    expect(portal.stats().httpRequests).toBe(1);
  });

  it("sends a delivery that reaches both replicas once", async () => {
    const [a, b] = replicas as [Gateway, Gateway];
    const onA = subscribe(connect(a), "subscription { bookingChanged { kind id } }");
    const onB = subscribe(connect(b), "subscription { bookingChanged { kind id } }");
    await held(a, 1);
    await held(b, 1);
    const delivery = { event: "ONBOOKINGDELETE", "data[ID]": "90", ts: "1751285700" };
    expect((await deliver(a, delivery)).status).toBe(200);
    expect((await deliver(b, delivery)).status).toBe(200);
    // Each replica hears it twice (its own delivery and the other's, relayed); the second re-read
    // finds the state already sent.
    await until(async () => {
      const outcomes = await Promise.all(
        replicas.map(async (replica) =>
          sample(await scrape(replica.url), "b24gw_change_reads_total", '{outcome="unchanged"}'),
        ),
      );
      return outcomes.every((value) => value === 1);
    });
    // A later change is the next message on both: the repeated delivery was not sent.
    expect((await deliver(b, { ...delivery, "data[ID]": "91" })).status).toBe(200);
    for (const subscription of [onA, onB]) {
      expect((await subscription.next()).data).toEqual({
        bookingChanged: { kind: "DELETED", id: 90 },
      });
      expect((await subscription.next()).data).toEqual({
        bookingChanged: { kind: "DELETED", id: 91 },
      });
    }
  });
});
