import { startDemoPortal } from "../src/demo-portal";
import { startGatewayProcess } from "./gateway-process";
import { currentUsage } from "./node-process";
import { graphql, percentile, round, timed } from "./measure";
import type { Row } from "./scenarios";

const OPERATIONS = [
  "{ booking(id: 14) { id name clients { id } resources { id name } } }",
  "{ bookings(page: {limit: 20}) { items { id clients { id } } pageInfo { hasMore } } }",
  "mutation { setBookingClients(bookingId: 14, clients: [{id: 1, type: {code: CONTACT}}]) { bookingId } }",
  "{ resources { items { id type { code } slots { fromTime toTime } } } }",
];

/**
 * A soak: `clients` concurrent clients for `seconds` against the demo portal with `latencyMs` of
 * injected latency and no faults, so any error is the gateway's. Samples the gateway's RSS and open
 * file descriptors every few seconds to show whether they stay flat.
 */
export async function soak(seconds: number, clients: number, latencyMs: number): Promise<Row[]> {
  const portal = await startDemoPortal({ latencyMs });
  const gateway = await startGatewayProcess({
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    BITRIX24_RATE_LIMIT: "off",
  });
  try {
    const samples: Array<{ at: number; rssMb: number; openFds: number }> = [];
    const started = Date.now();
    const sampler = setInterval(
      () => samples.push({ at: Date.now() - started, ...currentUsage(gateway.pid) }),
      5_000,
    );
    const errors = new Map<string, number>();
    const latencies: number[] = [];
    let operations = 0;
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = client; Date.now() < until; i += 1) {
          let result: Awaited<ReturnType<typeof graphql>> = {};
          latencies.push(
            await timed(
              async () => (result = await graphql(gateway.url, OPERATIONS[i % OPERATIONS.length]!)),
            ),
          );
          operations += 1;
          for (const error of result.errors ?? []) {
            const code = error.extensions?.code ?? "UNKNOWN";
            errors.set(code, (errors.get(code) ?? 0) + 1);
          }
        }
      }),
    );
    clearInterval(sampler);
    const firstMinute = samples.filter((s) => s.at <= 60_000);
    const lastMinute = samples.filter((s) => s.at >= seconds * 1000 - 60_000);
    const range = (list: typeof samples, key: "rssMb" | "openFds") =>
      list.length === 0
        ? "n/a"
        : `${Math.min(...list.map((s) => s[key]))}–${Math.max(...list.map((s) => s[key]))}`;
    const errorText =
      errors.size === 0 ? "none" : [...errors].map(([c, n]) => `${c} ×${n}`).join(", ");
    return [
      {
        scenario: `(e) soak: ${seconds} s, ${clients} clients, portal latency ${latencyMs} ms`,
        variant: "folding on, no faults injected",
        figures: `${operations} operations (${round(operations / seconds, 0)}/s), p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms; errors: ${errorText}; RSS first minute ${range(firstMinute, "rssMb")} MB vs last minute ${range(lastMinute, "rssMb")} MB; open fds first minute ${range(firstMinute, "openFds")} vs last minute ${range(lastMinute, "openFds")}; ${portal.stats().httpRequests} upstream requests for ${portal.stats().methodCalls} calls`,
      },
    ];
  } finally {
    await gateway.stop();
    await portal.close();
  }
}
