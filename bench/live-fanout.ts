import { randomUUID } from "node:crypto";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { startDemoPortal } from "../src/demo-portal";
import { startGatewayProcess, type GatewayProcess } from "./gateway-process";
import { percentile, postJson, round } from "./measure";
import type { Row } from "./scenarios";

const SUBSCRIPTION = "subscription { bookingChanged(ids: [14]) { kind id booking { name } } }";

/**
 * (f) One Bitrix24 event fanned out to subscribers over two replicas sharing Redis: each event
 * follows a real rename of the booking on the portal (subscribers are sent a change only when the
 * record's state differs from the last one sent) and is POSTed to replica A; half the subscribers
 * listen on A and half on B (over graphql-ws, 25 per connection). Per event: the latency from the POST to each subscriber's message, and the upstream
 * requests the event cost, against what polling the same booking would cost those subscribers.
 */
export async function liveFanOut(subscribers: number, events: number): Promise<Row[]> {
  const portal = await startDemoPortal();
  const token = "bench-application-token";
  const env = {
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    BITRIX24_APPLICATION_TOKEN: token,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `bench-${randomUUID()}:`,
    MAX_SUBSCRIPTIONS_PER_CALLER: String(subscribers),
  };
  const replicas = [await startGatewayProcess(env), await startGatewayProcess(env)];
  const clients: Client[] = [];
  try {
    const arrivals: number[][] = [];
    const waiting: Array<() => void> = [];
    let received = 0;
    const perReplica = subscribers / replicas.length;
    for (const replica of replicas) {
      for (let i = 0; i < perReplica; i += 25) {
        const client = connect(replica);
        clients.push(client);
        for (let j = 0; j < Math.min(25, perReplica - i); j += 1) {
          client.subscribe(
            { query: SUBSCRIPTION },
            {
              next: () => {
                (arrivals[arrivals.length - 1] ??= []).push(performance.now());
                received += 1;
                if (received % subscribers === 0) waiting.shift()?.();
              },
              error: () => undefined,
              complete: () => undefined,
            },
          );
        }
      }
    }
    await untilSubscribed(replicas, perReplica);
    const latencies: number[] = [];
    const before = portal.stats().httpRequests;
    let renames = 0;
    for (let event = 0; event < events; event += 1) {
      arrivals.push([]);
      const allArrived = new Promise<void>((resolve) => waiting.push(resolve));
      renames += await renameOnPortal(portal.webhookUrl, `fan-out ${event}`);
      const posted = performance.now();
      await deliver(replicas[0]!, token, event);
      await allArrived;
      for (const at of arrivals[arrivals.length - 1]!) latencies.push(at - posted);
    }
    // Less the benchmark's own renames.
    const requestsPerEvent = (portal.stats().httpRequests - before - renames) / events;
    return [
      {
        scenario: `(f) one event to ${subscribers} subscribers on 2 replicas sharing Redis, ${events} events`,
        variant: "graphql-ws subscriptions vs polling",
        figures: `delivery p50 ${round(percentile(latencies, 50), 1)} ms, p99 ${round(percentile(latencies, 99), 1)} ms from the event POST; upstream ${round(requestsPerEvent, 2)} HTTP requests per event (1 booking.get per replica; goal 1 per identity per replica) vs ${Math.ceil(subscribers / 50)} batch requests (${subscribers} reads) for one polling round of the same subscribers`,
      },
    ];
  } finally {
    await Promise.all(clients.map(async (client) => client.dispose()));
    for (const replica of replicas) await replica.stop();
    await portal.close();
  }
}

function connect(replica: GatewayProcess): Client {
  return createClient({
    url: replica.url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
}

/**
 * Renames booking 14 on the portal, again half a second later while its limit refuses it; returns
 * the requests it took (the benchmark's own, to leave out of the upstream count).
 */
export async function renameOnPortal(webhookUrl: string, name: string): Promise<number> {
  for (let requests = 1; ; requests += 1) {
    const answer = (await postJson(`${webhookUrl}booking.v1.booking.update`, {
      id: 14,
      fields: { name },
    })) as { result?: unknown };
    if (answer.result === true) return requests;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function untilSubscribed(replicas: GatewayProcess[], each: number): Promise<void> {
  for (const replica of replicas) {
    for (;;) {
      const text = await (await fetch(replica.url.replace(/\/graphql$/, "/metrics"))).text();
      const line = text
        .split("\n")
        .find((row) => row.startsWith('b24gw_subscriptions_active{transport="ws"} '));
      if (Number(line?.split(" ")[1] ?? 0) >= each) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function deliver(
  replica: GatewayProcess,
  token: string,
  event: number,
): Promise<void> {
  const response = await fetch(replica.url.replace(/\/graphql$/, "/bitrix24/events"), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      event: "ONBOOKINGUPDATE",
      "data[ID]": "14",
      // A distinct ts per event: the same event, ID and ts would be one delivery repeated.
      ts: String(1_800_000_000 + event),
      "auth[application_token]": token,
    }).toString(),
  });
  if (response.status !== 200) throw new Error(`event refused: ${response.status}`);
}
