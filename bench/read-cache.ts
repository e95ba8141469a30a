import { randomUUID } from "node:crypto";
import { setTimeout as pause } from "node:timers/promises";
import { startDemoPortal } from "../src/demo-portal";
import { startGatewayProcess } from "./gateway-process";
import { graphql, postJson, round, within } from "./measure";
import { EventRelay, type DeliveryWait } from "./event-relay";
import type { Row } from "./scenarios";

/** Read by every client; 12 and 13 are written only by clients 0 and 1, 14 and 15 on the portal. */
const BOOKINGS = [12, 13, 14, 15];
const WRITTEN_BY_CLIENT = [12, 13];
const CHANGED_ON_PORTAL = [14, 15];
/** The mean pause before each change on the portal (one REST call of the portal's budget). */
const PORTAL_CHANGE_EVERY_MS = 5000;
/** The mean pause before a change the portal's limit refused is made again. */
const REFUSED_CHANGE_RETRY_MS = 1000;
/** How long the gateway may take to answer the delivery of a change's event. */
const DELIVERY_WAIT_MS = 30_000;
const READ = "query($id: Int!) { booking(id: $id) { id name clients { id } } }";
const WRITE =
  "mutation($id: Int!, $name: String!) { updateBooking(id: $id, input: { name: $name }) { id } }";

type BookingRead = { data?: { booking?: { name?: string } }; errors?: unknown };

/**
 * A booking renamed on the portal: every name it was given, in order, and the index of the latest
 * one whose event the gateway has answered 200 (-1: none yet). A read that starts after that answer
 * must show that name or a later one.
 */
interface PortalNames {
  names: string[];
  settled: number;
}

/**
 * (g) A read-heavy mix over two replicas sharing Redis, against a portal limited to 50:2: clients
 * read a few bookings through either replica; two clients, each owning one booking, rename it every
 * 20th operation through one replica and read it back through the other (a name other than the one
 * just written is a stale read). About every 5 s another booking is renamed on the portal itself,
 * as another user of the portal would; its event reaches one replica through the portal's
 * outgoing webhook, and once that replica has answered the delivery (it answers only after
 * invalidating), the booking is read back through both replicas, and every read of it that any
 * client starts from then on must show the new name (or a later one): any other is a stale read
 * after a portal change. Side by side: read cache on (Redis) and off.
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
  const relay = await EventRelay.start(replicas[1]!.url.replace(/\/graphql$/, "/bitrix24/events"));
  portal.setEventHandlerUrl(relay.url);
  try {
    portal.resetStats();
    const started = Date.now();
    const until = started + seconds * 1000;
    let operations = 0;
    let errors = 0;
    let writes = 0;
    let stale = 0;
    const onPortal = new Map<number, PortalNames>(
      CHANGED_ON_PORTAL.map((id) => [id, { names: [], settled: -1 }]),
    );
    const portalFigures = {
      calls: 0,
      changes: 0,
      refused: 0,
      unanswered: 0,
      slowestAnswerMs: 0,
      reads: 0,
      stale: 0,
    };

    /** Reads `id` through `url`, checking the name against the portal's changes of it. */
    const read = async (url: string, id: number): Promise<BookingRead> => {
      const record = onPortal.get(id);
      const from = record?.settled ?? -1;
      const result = (await graphql(url, READ, { id })) as BookingRead;
      if (record && from >= 0 && !result.errors) {
        portalFigures.reads += 1;
        const name = result.data?.booking?.name;
        if (name === undefined || !record.names.slice(from).includes(name)) {
          portalFigures.stale += 1;
        }
      }
      return result;
    };

    /** Renames `id` on the portal; while the portal's limit refuses it, again about 1 s later. */
    const renameOnPortal = async (id: number, name: string): Promise<DeliveryWait | undefined> => {
      while (Date.now() < until) {
        const delivery = relay.next("ONBOOKINGUPDATE", id);
        portalFigures.calls += 1;
        const answer = (await postJson(`${portal.webhookUrl}booking.v1.booking.update`, {
          id,
          fields: { name },
        })) as { result?: unknown };
        if (answer.result === true) return delivery;
        // Refused (the portal's limit is shared with the gateways): no change, no event.
        delivery.cancel();
        portalFigures.refused += 1;
        await pause(jittered(REFUSED_CHANGE_RETRY_MS));
      }
      return undefined;
    };

    const portalChanges = (async () => {
      for (let turn = 0; ; turn += 1) {
        await pause(jittered(PORTAL_CHANGE_EVERY_MS));
        if (Date.now() >= until) return;
        const id = CHANGED_ON_PORTAL[turn % CHANGED_ON_PORTAL.length]!;
        const record = onPortal.get(id)!;
        const name = `portal ${turn} ${Date.now()}`;
        const delivery = await renameOnPortal(id, name);
        if (delivery === undefined) return;
        const changed = performance.now();
        record.names.push(name);
        portalFigures.changes += 1;
        const status = await within(delivery.answered, DELIVERY_WAIT_MS);
        if (status !== 200) {
          // A later delivery of this booking could no longer be told from this one: stop changing.
          delivery.cancel();
          portalFigures.unanswered += 1;
          return;
        }
        portalFigures.slowestAnswerMs = Math.max(
          portalFigures.slowestAnswerMs,
          performance.now() - changed,
        );
        record.settled = record.names.length - 1;
        await Promise.all(replicas.map((replica) => read(replica.url, id)));
      }
    })();

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
            const readBack = (await graphql(replicas[1]!.url, READ, { id })) as BookingRead;
            if (readBack.data?.booking?.name !== name) stale += 1;
            continue;
          }
          const id = BOOKINGS[operations % BOOKINGS.length]!;
          const result = await read(replicas[operations % 2]!.url, id);
          if (result.errors) errors += 1;
        }
      }),
    );
    await portalChanges;
    const elapsed = (Date.now() - started) / 1000;
    const stats = portal.stats();
    const hits = await cacheHits(replicas.map((replica) => replica.url));
    // The benchmark's own calls on the portal share its limit, but are not the gateways' upstream.
    const upstream = stats.httpRequests - portalFigures.calls;
    const figures = [
      `${round(operations / elapsed)} operations/s`,
      `${round(upstream / elapsed, 2)} upstream HTTP requests/s from the gateways`,
      `hit ratio ${hits}`,
      `${writes} own writes, ${stale} stale reads after them`,
      `${portalFigures.changes} changes on the portal (each event answered by the gateway within ` +
        `${Math.ceil(portalFigures.slowestAnswerMs)} ms, ${portalFigures.unanswered} unanswered), ` +
        `${portalFigures.stale} stale of ${portalFigures.reads} reads started after their event was answered`,
      `errors ${errors}`,
      `portal 503s ${stats.rateLimited} (${portalFigures.refused} of them to the benchmark's own changes, made again about 1 s later)`,
    ];
    return {
      scenario: `(g) ${seconds} s read-heavy mix over 2 replicas, portal limited 50:2, ${clients} clients`,
      variant: cache === "off" ? "read cache off" : "read cache in Redis",
      figures: figures.join("; "),
    };
  } finally {
    for (const replica of replicas) await replica.stop();
    await portal.close();
    await relay.close();
  }
}

/**
 * `ms` give or take a fifth, at random: another user's changes come at no fixed phase, and a
 * fixed pause locked onto the gateways' pacing (each change came right after the gateways had taken
 * the portal's freed request slot, and was refused again and again).
 */
function jittered(ms: number): number {
  return ms * (0.8 + 0.4 * Math.random());
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
