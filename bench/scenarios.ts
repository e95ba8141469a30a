import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from "../src/demo-portal";
import { startGatewayProcess, type GatewayProcess } from "./gateway-process";
import { graphql, graphqlOnNewConnection, percentile, postJson, round, timed } from "./measure";

export interface Row {
  scenario: string;
  variant: string;
  figures: string;
}

const BOOKINGS_WITH_CLIENTS = `{ bookings(page: {limit: 50}) { items { id name clients { id type { code } } } pageInfo { hasMore } } }`;
const SET_CLIENTS = `mutation { setBookingClients(bookingId: 14, clients: [{id: 1, type: {code: CONTACT}}, {id: 2, type: {code: CONTACT}}]) { bookingId } }`;

async function withStack<T>(
  portalOptions: DemoPortalOptions,
  gatewayEnv: Record<string, string>,
  run: (portal: DemoPortal, gateway: GatewayProcess) => Promise<T>,
): Promise<T> {
  const portal = await startDemoPortal(portalOptions);
  const gateway = await startGatewayProcess({
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    ...gatewayEnv,
  });
  try {
    return await run(portal, gateway);
  } finally {
    await gateway.stop();
    await portal.close();
  }
}

async function seedBookings(portal: DemoPortal, count: number): Promise<void> {
  const start = Date.UTC(2026, 5, 1, 8) / 1000;
  for (let i = 0; i < count; i += 1) {
    const from = start + i * 3600;
    const id = (await postJson(`${portal.webhookUrl}booking.v1.booking.add`, {
      fields: {
        resourceIds: [1],
        name: `Load ${i}`,
        datePeriod: {
          from: { timestamp: from, timezone: "Europe/Berlin" },
          to: { timestamp: from + 3600, timezone: "Europe/Berlin" },
        },
      },
    })) as { result: number };
    await postJson(`${portal.webhookUrl}booking.v1.booking.client.set`, {
      bookingId: id.result,
      clients: [{ id: 1, type: { module: "crm", code: "CONTACT" } }],
    });
  }
}

/** (a) One page of 50 bookings with their clients. */
export async function pageOfBookings(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [variant, env] of [
    ["gateway, folding on", { BITRIX24_RATE_LIMIT: "off" }],
    ["gateway, folding off", { BITRIX24_RATE_LIMIT: "off", BATCHING: "off" }],
  ] as const) {
    rows.push(
      await withStack({}, env, async (portal, gateway) => {
        await seedBookings(portal, 46);
        await graphql(gateway.url, BOOKINGS_WITH_CLIENTS);
        portal.resetStats();
        const result = await graphql(gateway.url, BOOKINGS_WITH_CLIENTS);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        const requests = portal.stats().httpRequests;
        const latencies: number[] = [];
        for (let i = 0; i < 20; i += 1)
          latencies.push(await timed(() => graphql(gateway.url, BOOKINGS_WITH_CLIENTS)));
        return {
          scenario: "(a) 50 bookings + clients",
          variant,
          figures: `${requests} upstream requests; p50 ${round(percentile(latencies, 50))} ms`,
        };
      }),
    );
  }
  const portal = await startDemoPortal({});
  try {
    await seedBookings(portal, 46);
    portal.resetStats();
    const direct = async () => {
      const page = (await postJson(`${portal.webhookUrl}booking.v1.booking.list`, {
        start: 0,
      })) as { result: { booking: Array<{ id: number }> } };
      await Promise.all(
        page.result.booking.map((b) =>
          postJson(`${portal.webhookUrl}booking.v1.booking.client.list`, { bookingId: b.id }),
        ),
      );
    };
    await direct();
    const requests = portal.stats().httpRequests;
    const latencies: number[] = [];
    for (let i = 0; i < 20; i += 1) latencies.push(await timed(direct));
    rows.push({
      scenario: "(a) 50 bookings + clients",
      variant: "direct REST calls",
      figures: `${requests} upstream requests; p50 ${round(percentile(latencies, 50))} ms`,
    });
  } finally {
    await portal.close();
  }
  return rows;
}

/**
 * (b) 100 concurrent setBookingClients, five rounds each. "Warm": over a pool of open connections,
 * after a first round. "Cold": each mutation on a new connection and no warm-up, as 100 browsers
 * opening the app would send them; with the portal answering at once and after 100 ms.
 */
export async function concurrentWrites(): Promise<Row[]> {
  const rows: Row[] = [];
  const variants: Array<[string, Record<string, string>, number, "warm" | "cold"]> = [
    ["folding on, warm connections, portal 0 ms", { BITRIX24_RATE_LIMIT: "off" }, 0, "warm"],
    ["folding on, new connections, portal 0 ms", { BITRIX24_RATE_LIMIT: "off" }, 0, "cold"],
    ["folding on, new connections, portal 100 ms", { BITRIX24_RATE_LIMIT: "off" }, 100, "cold"],
    [
      "folding off, new connections, portal 0 ms",
      { BITRIX24_RATE_LIMIT: "off", BATCHING: "off" },
      0,
      "cold",
    ],
  ];
  for (const [variant, env, latencyMs, connections] of variants) {
    rows.push(
      await withStack({ latencyMs }, env, async (portal, gateway) => {
        const send =
          connections === "warm"
            ? () => graphql(gateway.url, SET_CLIENTS)
            : () => graphqlOnNewConnection(gateway.url, SET_CLIENTS);
        if (connections === "warm") {
          await Promise.all(Array.from({ length: 100 }, send));
        }
        const requests: number[] = [];
        const latencies: number[] = [];
        for (let round_ = 0; round_ < 5; round_ += 1) {
          portal.resetStats();
          latencies.push(...(await Promise.all(Array.from({ length: 100 }, () => timed(send)))));
          requests.push(portal.stats().httpRequests);
        }
        return {
          scenario: "(b) 100 concurrent setBookingClients",
          variant,
          figures: `upstream requests per round ${requests.join("/")}; p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms`,
        };
      }),
    );
  }
  return rows;
}

/**
 * (c) Sustained load against a portal limited like a standard plan. The first seconds spend the
 * bucket's burst; the rate is measured after that warm-up, where the 2 requests/s drain binds.
 */
export async function sustainedLoad(
  seconds: number,
  clients: number,
  warmUpSeconds = 10,
): Promise<Row[]> {
  return [
    await withStack(
      { rateLimit: { burst: 50, perSecond: 2 } },
      { BITRIX24_RATE_LIMIT: "standard" },
      async (portal, gateway) => {
        portal.resetStats();
        const errors = new Map<string, number>();
        let operations = 0;
        const warmUpEnds = Date.now() + warmUpSeconds * 1000;
        const until = warmUpEnds + seconds * 1000;
        let atWarmUp: { calls: number; requests: number; at: number } | undefined;
        const sampler = setInterval(() => {
          if (!atWarmUp && Date.now() >= warmUpEnds) {
            const stats = portal.stats();
            atWarmUp = { calls: stats.methodCalls, requests: stats.httpRequests, at: Date.now() };
          }
        }, 50);
        await Promise.all(
          Array.from({ length: clients }, async () => {
            while (Date.now() < until) {
              const result = await graphql(gateway.url, "{ bookingClients(bookingId: 14) { id } }");
              operations += 1;
              for (const error of result.errors ?? []) {
                const code = error.extensions?.code ?? "UNKNOWN";
                errors.set(code, (errors.get(code) ?? 0) + 1);
              }
            }
          }),
        );
        clearInterval(sampler);
        const stats = portal.stats();
        const start = atWarmUp ?? { calls: 0, requests: 0, at: Date.now() - seconds * 1000 };
        const elapsed = (Date.now() - start.at) / 1000;
        const errorText =
          errors.size === 0 ? "none" : [...errors].map(([c, n]) => `${c} ×${n}`).join(", ");
        return {
          scenario: `(c) ${seconds} s sustained after ${warmUpSeconds} s warm-up, portal limited 50:2, ${clients} clients`,
          variant: "folding on, limiter standard",
          figures: `${round((stats.methodCalls - start.calls) / elapsed)} method calls/s vs ceiling 100 (ratio ${round((stats.methodCalls - start.calls) / elapsed / 100, 2)}); ${round((stats.httpRequests - start.requests) / elapsed, 2)} HTTP requests/s; ${operations} operations in all; client-visible errors: ${errorText}; portal 503s: ${stats.rateLimited}`,
        };
      },
    ),
  ];
}
