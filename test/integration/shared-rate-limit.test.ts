import { randomUUID } from "node:crypto";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import { gatewayConfig } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const QUERY = "{ bookingClients(bookingId: 14) { id } }";

/** Two gateway replicas in front of one rate-limited demo portal. */
async function startReplicas(
  portal: DemoPortal,
  keyPrefix: string,
  env: Record<string, string>,
): Promise<[Gateway, Gateway]> {
  const start = () =>
    startGateway(
      gatewayConfig({
        PORT: "0",
        LOG_LEVEL: "silent",
        BITRIX24_WEBHOOK_URL: portal.webhookUrl,
        ...env,
      }),
      createLogger("silent"),
    );
  return [await start(), await start()];
}

async function runConcurrently(replicas: Gateway[], operations: number) {
  const results = await Promise.all(
    Array.from({ length: operations }, (_, i) =>
      execute(replicas[i % replicas.length]!.url, QUERY),
    ),
  );
  return results
    .flatMap((result) => result.errors ?? [])
    .map((error) => `${String(error.extensions?.code)}: ${error.message}`);
}

describe("two replicas sharing the portal's rate limit through Redis", () => {
  let portal: DemoPortal;
  let replicas: Gateway[] = [];

  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    replicas = [];
    await portal.close();
  });

  it("finish 300 concurrent operations against a 50:2 portal with no RATE_LIMITED and no 503", async () => {
    portal = await startDemoPortal({ rateLimit: { burst: 50, perSecond: 2 } });
    replicas = await startReplicas(portal, `b24gw:test:${randomUUID()}:`, {
      BITRIX24_RATE_LIMIT: "standard",
      REDIS_URL,
    });
    const errors = await runConcurrently(replicas, 300);
    expect(errors).toEqual([]);
    expect(portal.stats().methodCalls).toBe(300);
    expect(portal.stats().rateLimited).toBe(0);
  });

  it("stay inside one bucket when every call is its own request", async () => {
    portal = await startDemoPortal({ rateLimit: { burst: 20, perSecond: 10 } });
    replicas = await startReplicas(portal, `b24gw:test:${randomUUID()}:`, {
      BITRIX24_RATE_LIMIT: "20:10",
      REDIS_URL,
      BATCHING: "off",
    });
    const errors = await runConcurrently(replicas, 80);
    expect(errors).toEqual([]);
    expect(portal.stats().httpRequests).toBe(80);
    expect(portal.stats().rateLimited).toBe(0);
  });

  it("overrun the portal without Redis, each replica spending the whole burst (the control case)", async () => {
    portal = await startDemoPortal({ rateLimit: { burst: 20, perSecond: 10 } });
    replicas = await startReplicas(portal, `b24gw:test:${randomUUID()}:`, {
      BITRIX24_RATE_LIMIT: "20:10",
      BATCHING: "off",
    });
    const errors = await runConcurrently(replicas, 80);
    // The refused calls were retried after the wait, so clients still see no error...
    expect(errors).toEqual([]);
    // ...but the portal had to refuse some: the model in each replica alone was wrong.
    expect(portal.stats().rateLimited).toBeGreaterThan(0);
  });
});
