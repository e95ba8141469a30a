import { randomUUID } from "node:crypto";
import { startDemoPortal } from "../src/demo-portal";
import { startGatewayProcess } from "./gateway-process";
import { graphql, postJson, round } from "./measure";
import type { Row } from "./scenarios";

/** Read by every client; 12 and 13 are written only by clients 0 and 1, 14 and 15 on the portal. */
const BOOKINGS = [12, 13, 14, 15];
const WRITTEN_BY_CLIENT = [12, 13];
const CHANGED_ON_PORTAL = [14, 15];
const READ = "query($id: Int!) { booking(id: $id) { id name clients { id } } }";
const WRITE =
  "mutation($id: Int!, $name: String!) { updateBooking(id: $id, input: { name: $name }) { id } }";

/**
 * (g) A read-heavy mix over two replicas sharing Redis, against a portal limited to 50:2: clients
 * read a few bookings through either replica; two clients, each owning one booking, rename it every
 * 20th operation through one replica and read it back through the other (a name other than the one
 * just written is a stale read), and every few seconds another booking changes on the portal itself,
 * whose event reaches the replicas. Side by side: read cache on
 * (Redis) and off.
 */
export async function readCacheMix(seconds: number, clients: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const cache of ["redis", "off"] as const) {
    rows.push(await runMix(cache, seconds, clients));
  }
  return rows;
}

async function runMix(cache: "redis" | "off", seconds: number, clients: number): Promise<Row> {
  const portal = await startDemoPortal({ rateLimit: { burst: 50, perSecond: 2 } });
  const env = {
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    BITRIX24_APPLICATION_TOKEN: portal.applicationToken,
    BITRIX24_RATE_LIMIT: "standard",
    REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `bench-${randomUUID()}:`,
    CACHE: cache,
  };
  const replicas = [await startGatewayProcess(env), await startGatewayProcess(env)];
  portal.setEventHandlerUrl(replicas[1]!.url.replace(/\/graphql$/, "/bitrix24/events"));
  try {
    portal.resetStats();
    const started = Date.now();
    const until = started + seconds * 1000;
    let operations = 0;
    let errors = 0;
    let writes = 0;
    let stale = 0;
    const portalChanges = setInterval(() => {
      const id = CHANGED_ON_PORTAL[Math.floor(Math.random() * CHANGED_ON_PORTAL.length)]!;
      void postJson(`${portal.webhookUrl}booking.v1.booking.update`, {
        id,
        fields: { name: `portal ${Date.now()}` },
      });
    }, 5000);
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        let mine = 0;
        while (Date.now() < until) {
          operations += 1;
          mine += 1;
          const own = WRITTEN_BY_CLIENT[client];
          if (own !== undefined && mine % 20 === 0) {
            const id = own;
            writes += 1;
            const name = `write ${client} ${operations}`;
            const written = await graphql(replicas[0]!.url, WRITE, { id, name });
            if (written.errors) {
              errors += 1;
              continue;
            }
            const read = (await graphql(replicas[1]!.url, READ, { id })) as {
              data?: { booking?: { name?: string } };
            };
            if (read.data?.booking?.name !== name) stale += 1;
            continue;
          }
          const id = BOOKINGS[operations % BOOKINGS.length]!;
          const result = await graphql(replicas[operations % 2]!.url, READ, { id });
          if (result.errors) errors += 1;
        }
      }),
    );
    clearInterval(portalChanges);
    const elapsed = (Date.now() - started) / 1000;
    const stats = portal.stats();
    const hits = await cacheHits(replicas.map((replica) => replica.url));
    return {
      scenario: `(g) ${seconds} s read-heavy mix over 2 replicas, portal limited 50:2, ${clients} clients`,
      variant: cache === "off" ? "read cache off" : "read cache in Redis",
      figures: `${round(operations / elapsed)} operations/s; ${round(stats.httpRequests / elapsed, 2)} upstream HTTP requests/s; hit ratio ${hits}; ${writes} own writes, ${stale} stale reads after them; errors ${errors}; portal 503s ${stats.rateLimited}`,
    };
  } finally {
    for (const replica of replicas) await replica.stop();
    await portal.close();
  }
}

async function cacheHits(urls: string[]): Promise<string> {
  let hits = 0;
  let reads = 0;
  for (const url of urls) {
    const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
    for (const line of text.split("\n")) {
      if (!line.startsWith("b24gw_cache_reads_total{")) continue;
      const count = Number(line.slice(line.lastIndexOf(" ") + 1));
      reads += count;
      if (line.includes('outcome="hit"')) hits += count;
    }
  }
  return reads === 0 ? "n/a" : String(round(hits / reads, 3));
}
