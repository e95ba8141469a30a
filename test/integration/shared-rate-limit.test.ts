import { randomUUID } from "node:crypto";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway, type Gateway } from "../../src/server";
import { gatewayConfig } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { ManualClock } from "../helpers/manual-clock";
import { rateLimitShared, sample, scrape, until } from "../helpers/metrics";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const QUERY = "{ bookingClients(bookingId: 14) { id } }";

/**
 * Timeouts and deadlines far beyond any wait the tests cause (they move the clock by seconds), so
 * that every timer due within ten seconds on the replicas' clock is a wait for a rate-limit slot.
 * Redis commands are timed by the real clock: on a loaded machine a pause of the event loop longer
 * than the default second would fail a command, send a replica to its local share, and change the
 * counts these tests expect.
 */
const FAR_TIMEOUTS = {
  BITRIX24_TIMEOUT_MS: "60000",
  REQUEST_DEADLINE_MS: "120000",
  REDIS_COMMAND_TIMEOUT_MS: "60000",
};
const SLOT_WAITS_BELOW_MS = 10_000;
const slotWaits = (delays: number[]) =>
  delays.filter((delay) => delay < SLOT_WAITS_BELOW_MS).length;

/**
 * Two gateway replicas in front of one rate-limited demo portal, all three on one clock that stands
 * still until the test moves it: the portal's bucket drains, and the replicas' waits for a slot end,
 * only when the test says. What reaches the portal is then exact, however fast the machine is.
 */
async function startReplicas(
  portal: DemoPortal,
  clock: ManualClock,
  env: Record<string, string>,
): Promise<[Gateway, Gateway]> {
  const start = () =>
    startGateway(
      gatewayConfig({
        PORT: "0",
        LOG_LEVEL: "silent",
        BITRIX24_WEBHOOK_URL: portal.webhookUrl,
        ...FAR_TIMEOUTS,
        ...env,
      }),
      createLogger("silent"),
      { clock },
    );
  const replicas: [Gateway, Gateway] = [await start(), await start()];
  // A replica that could not reach Redis as it started (its event loop paused past the connect
  // timeout, twice, on a loaded machine) starts on its local share and joins once it reconnects: the
  // cases that share the limit start only once both replicas do, as what they count would differ.
  if (env.REDIS_URL) {
    for (const replica of replicas)
      await until(async () => (await rateLimitShared(replica.url)) === 1);
  }
  return replicas;
}

/** Sends `operations` at once, alternating between the replicas; resolves to the errors seen. */
async function runConcurrently(replicas: Gateway[], operations: number): Promise<string[]> {
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
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock();
  });
  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    replicas = [];
    await portal.close();
  });

  it("stay inside one bucket when every call is its own request", async () => {
    portal = await startDemoPortal({ rateLimit: { burst: 20, perSecond: 10 }, clock });
    replicas = await startReplicas(portal, clock, {
      BITRIX24_RATE_LIMIT: "20:10",
      REDIS_URL,
      REDIS_KEY_PREFIX: `b24gw:test:${randomUUID()}:`,
      BATCHING: "off",
    });
    const finished = runConcurrently(replicas, 80);

    // Together the replicas spend the modelled burst (the portal's 20 less a tenth) and no more: the
    // other 62 calls wait for slots, a tenth of a second apart.
    await clock.whenDelays((delays) => slotWaits(delays) === 62);
    await portal.waitFor((stats) => stats.httpRequests === 18 && stats.inFlight === 0);
    expect(clock.pendingDelays.slice(0, 3)).toEqual([100, 200, 300]);

    // Each tenth of a second drains one request from the portal's bucket and lets one more go.
    for (let sent = 19; sent <= 80; sent += 1) {
      clock.advance(100);
      await portal.waitFor((stats) => stats.httpRequests === sent && stats.inFlight === 0);
    }
    expect(await finished).toEqual([]);
    expect(portal.stats()).toMatchObject({ httpRequests: 80, methodCalls: 80, rateLimited: 0 });
  });

  it("overrun the portal without Redis, each replica spending the whole burst (the control case)", async () => {
    // The portal keeps its own clock: its bucket never drains, and every answer waits for the test
    // to move it, so no refusal comes back before all the requests the replicas send at once are in.
    const portalClock = new ManualClock();
    portal = await startDemoPortal({
      rateLimit: { burst: 20, perSecond: 10 },
      latencyMs: 1,
      clock: portalClock,
    });
    replicas = await startReplicas(portal, clock, {
      BITRIX24_RATE_LIMIT: "20:10",
      BATCHING: "off",
    });
    const finished = runConcurrently(replicas, 80);

    // Each replica believes the whole burst is its own: 18 + 18 requests at once, into a bucket of
    // 20; the other 22 calls of each replica wait for a slot.
    await portal.waitFor((stats) => stats.httpRequests === 36 && stats.inFlight === 36);
    await clock.whenDelays((delays) => slotWaits(delays) === 44);
    portal.setLimits({ latencyMs: 0 });
    portalClock.advance(1);
    // The portal refused 16; the replicas queued them again behind their waiting calls.
    await portal.waitFor((stats) => stats.inFlight === 0);
    await clock.whenDelays((delays) => slotWaits(delays) === 60);
    expect(portal.stats()).toMatchObject({ httpRequests: 36, methodCalls: 20, rateLimited: 16 });

    // The rest is not what this case is about: with the portal's limit lifted, the waiting calls go.
    portal.setLimits({ rateLimit: null });
    // The refused calls were sent again, so clients still see no error...
    expect(await clock.runUntil(finished, SLOT_WAITS_BELOW_MS)).toEqual([]);
    expect(portal.stats().methodCalls).toBe(80);
    // ...but the portal had to refuse 16: the model in each replica alone was wrong.
    expect(portal.stats().rateLimited).toBe(16);
  });

  it("finish 300 concurrent operations against a 50:2 portal in at most 8 requests, with no RATE_LIMITED and no 503", async () => {
    // The portal keeps its own clock, and every answer waits 1 ms of it: the portal holds each
    // request until the test lets it answer, and the calls that arrive meanwhile gather in the
    // replicas' queues. Nothing moves the replicas' clock: a wait for a slot would never end.
    const portalClock = new ManualClock();
    portal = await startDemoPortal({
      rateLimit: { burst: 50, perSecond: 2 },
      latencyMs: 1,
      clock: portalClock,
    });
    replicas = await startReplicas(portal, clock, {
      BITRIX24_RATE_LIMIT: "standard",
      REDIS_URL,
      REDIS_KEY_PREFIX: `b24gw:test:${randomUUID()}:`,
    });
    const finished = runConcurrently(replicas, 300);
    const everyCallQueued = async (replica: Gateway) => {
      const text = await scrape(replica.url);
      const waiting = sample(text, "b24gw_upstream_queued_calls") ?? 0;
      const carried = sample(text, "b24gw_upstream_calls_in_flight") ?? 0;
      return waiting + carried === 150;
    };

    // Each replica's first request went at once, and a full batch of 50 whenever one gathered behind
    // it; the portal holds them all.
    for (const replica of replicas) await until(() => everyCallQueued(replica));

    // Then each replica sends what is left: one request for the calls that came first, one per 50
    // that gathered, and one for the rest make at most 4 per replica.
    expect(await portalClock.runUntil(finished)).toEqual([]);
    expect(portal.stats().httpRequests).toBeLessThanOrEqual(8);
    expect(portal.stats()).toMatchObject({ methodCalls: 300, rateLimited: 0 });
  });
});
