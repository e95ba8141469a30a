import { setTimeout as pause } from "node:timers/promises";
import { rateLimitKey } from "../../src/redis/portal-keys";
import type { Gateway } from "../../src/server";
import { within } from "./bounded-wait";
import { reportFailover } from "./failover-report";
import { execute } from "./graphql-http";
import { subscribe, wsClient } from "./graphql-ws";
import { rateLimitShared, until, wsSubscriptions } from "./metrics";
import { askNode } from "./redis-node";
import { bookingName, renameBooking, startReplicaPair, type ReplicaPair } from "./replica-checks";

/** What clients saw of the load, and when each replica modelled the rate limit on its own. */
export interface LoadReport {
  operations: number;
  /** Every error a client saw: an HTTP status other than 200, a GraphQL error, a failed fetch. */
  errors: string[];
  /** The slowest operation, in milliseconds. */
  slowestMs: number;
  /** Per replica ("a", "b"): when it first fell back to its local share, and when it shared again. */
  degraded: Record<"a" | "b", { from: number; to: number } | undefined>;
}

export interface Load {
  /** Resolves once `count` more operations have finished. */
  progress(count: number): Promise<void>;
  /** Whether both replicas model the limit in Redis now, as the last sample says. */
  readonly shared: boolean;
  stop(): Promise<LoadReport>;
}

/** Workers, and the pause each takes between its operations: about 200 operations a second. */
const WORKERS = 4;
const PACE_MS = 20;

/**
 * Steady load on two replicas while the test breaks Redis: reads of two bookings alternating between
 * the replicas, and every fifth operation a rename of booking 14 (a write: an invalidation and a
 * change on the bus), each outcome recorded. Meanwhile each replica's `b24gw_rate_limit_shared` is
 * sampled, so that the report says how long each one was degraded. The pauses only pace the load;
 * nothing waits on them.
 */
export function startLoad(pair: ReplicaPair): Load {
  const report: LoadReport = {
    operations: 0,
    errors: [],
    slowestMs: 0,
    degraded: { a: undefined, b: undefined },
  };
  let running = true;
  let shared = true;
  const waiters: Array<{ at: number; resolve: () => void }> = [];

  const operate = async (worker: number, turn: number) => {
    const gateway: Gateway = (worker + turn) % 2 === 0 ? pair.a : pair.b;
    const query =
      turn % 5 === 4
        ? `mutation { updateBooking(id: 14, input: { name: "Load ${worker}.${turn}" }) { id } }`
        : `{ booking(id: ${turn % 2 === 0 ? 14 : 15}) { id name } }`;
    const started = Date.now();
    try {
      const result = await execute(gateway.url, query);
      if (result.status !== 200 || result.errors) {
        report.errors.push(`${result.status}: ${JSON.stringify(result.errors)}`);
      }
    } catch (error) {
      report.errors.push(`fetch failed: ${(error as Error).message}`);
    }
    report.slowestMs = Math.max(report.slowestMs, Date.now() - started);
    report.operations += 1;
    for (const waiter of waiters.filter((w) => report.operations >= w.at)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const workers = Array.from({ length: WORKERS }, async (_, worker) => {
    for (let turn = 0; running; turn += 1) {
      await operate(worker, turn);
      await pause(PACE_MS);
    }
  });
  const sampler = (async () => {
    while (running) {
      const states = await Promise.all(
        (
          [
            ["a", pair.a],
            ["b", pair.b],
          ] as const
        ).map(async ([name, gateway]) => {
          const value = await rateLimitShared(gateway.url);
          const now = Date.now();
          const window = report.degraded[name];
          if (value === 0 && !window) report.degraded[name] = { from: now, to: now };
          if (value === 0 && window) window.to = now;
          return value === 1;
        }),
      );
      shared = states.every(Boolean);
      await pause(50);
    }
  })();

  return {
    progress: (count) =>
      new Promise((resolve) => waiters.push({ at: report.operations + count, resolve })),
    get shared() {
      return shared;
    },
    async stop() {
      running = false;
      await Promise.all([...workers, sampler]);
      return report;
    },
  };
}

/**
 * Two replicas under load while `failover` kills the master that holds the portal's keys and waits
 * until its replica has taken over (resolving to the new master's port). Asserts that no client saw
 * an error, that the failover was felt (the replicas fell back to their local share), that both
 * replicas share the rate limit again by themselves, and that the limit, the read cache and the bus
 * all work across the replicas on the new master.
 */
export async function checkFailoverUnderLoad(
  topology: string,
  redisUrl: string,
  failover: (pair: ReplicaPair) => Promise<number>,
): Promise<void> {
  // A limit the load never reaches, that drains a hundredth of a request per second: the bucket's
  // level then counts the requests sent, to the hundredth.
  const pair = await startReplicaPair(redisUrl, { env: { BITRIX24_RATE_LIMIT: "100000:0.01" } });
  const client = wsClient(pair.b.url);
  const changes = subscribe<{ bookingChanged: { booking: { name: string } } }>(
    client,
    "subscription { bookingChanged(ids: [14]) { booking { name } } }",
  );
  try {
    await until(async () => (await wsSubscriptions(pair.b.url)) === 1);
    const load = startLoad(pair);
    await load.progress(50);
    const killedAt = Date.now();
    const newMaster = await failover(pair);
    const failedOverAt = Date.now();
    await within(10_000, "both replicas share the rate limit again", () => load.shared);
    await load.progress(50);
    const report = await load.stop();

    expect(report.errors).toEqual([]);
    expect(report.degraded.a ?? report.degraded.b).toBeDefined();
    reportFailover(topology, { killedAt, failedOverAt }, report);

    // The cache and the bus work across the replicas again, and the subscription held throughout.
    await renameBooking(pair.a, "Renamed once all is back");
    expect(await bookingName(pair.b)).toBe("Renamed once all is back");
    for (;;) {
      const message = await changes.next();
      expect(message.errors).toBeUndefined();
      if (message.data?.bookingChanged.booking.name === "Renamed once all is back") break;
    }
    // No subscriber re-reads what follows: every request below is a rename's.
    changes.stop();
    await until(async () => (await wsSubscriptions(pair.b.url)) === 0);

    // The limit is modelled on the new master, by both replicas: its level grows by the requests
    // either one sends.
    const bucket = rateLimitKey(pair.prefix, new URL(pair.portal.webhookUrl).origin);
    const level = async () => Number(await askNode(newMaster, "HGET", bucket, "level"));
    const before = { level: await level(), requests: pair.portal.stats().httpRequests };
    for (const gateway of [pair.a, pair.b, pair.a, pair.b]) {
      await renameBooking(gateway, `Renamed through ${gateway.url}`);
    }
    const sent = pair.portal.stats().httpRequests - before.requests;
    expect(sent).toBeGreaterThanOrEqual(4);
    expect((await level()) - before.level).toBeCloseTo(sent, 0);
  } finally {
    changes.stop();
    await client.dispose();
    await pair.stop();
  }
}
