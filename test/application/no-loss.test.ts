import type { Client } from "graphql-ws";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import type { Gateway } from "../../src/server";
import { subscribe, wsClient, type Subscription } from "../helpers/graphql-ws";
import { LossyRouter } from "../helpers/lossy-router";
import { until, wsSubscriptions } from "../helpers/metrics";
import { startPostgresServer, type PostgresServer } from "../helpers/postgres-server";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import {
  addBookings,
  applicationEnv,
  installationState,
  nameThrough,
  renameOnPortal,
  startReplica,
} from "./app-stack";

failOnUnhandledRejections();

type Changed = { bookingChanged: { id: number; booking: { name: string } | null } };

/** Follows every message of a subscription and keeps each booking's last name. */
function follow(subscription: Subscription<Changed>): Map<number, string | undefined> {
  const last = new Map<number, string | undefined>();
  void (async () => {
    for (;;) {
      const message = await subscription.next().catch(() => undefined);
      if (!message?.data) return;
      const { id, booking } = message.data.bookingChanged;
      last.set(id, booking?.name);
    }
  })();
  return last;
}

async function subscribed(gateway: Gateway, count: number): Promise<void> {
  await until(async () => (await wsSubscriptions(gateway.url)) === count);
}

/** No drain round is under way and the portal's queue holds nothing: every change went through. */
async function drained(portal: DemoPortal): Promise<void> {
  await until(() => portal.stats().offlineQueued === 0);
}

describe("application mode: no change lost", () => {
  let portal: DemoPortal;
  let postgres: PostgresServer;
  let redis: RedisServer;
  let router: LossyRouter;
  let replicas: Gateway[] = [];
  let clients: Client[] = [];
  let env: Record<string, string>;

  beforeEach(async () => {
    portal = await startDemoPortal();
    [postgres, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
    // Three deliveries in every ten are dropped, on their way to whichever replica.
    router = new LossyRouter(
      () => replicas.map((replica) => replica.url.replace(/\/graphql$/, "")),
      (delivery) => delivery % 10 < 3,
    );
    const publicUrl = await router.listen();
    env = applicationEnv(portal, {
      store: { DATABASE_URL: postgres.url },
      redisUrl: redis.url,
      publicUrl,
    });
    replicas = [await startReplica(env), await startReplica(env)];
    const install = await portal.installApplication(`${publicUrl}/bitrix24/install`);
    expect(install.status).toBe(200);
    for (const replica of replicas)
      await until(async () => (await installationState(replica)) === "valid");
  });

  afterEach(async () => {
    for (const client of clients) await client.dispose();
    clients = [];
    for (const replica of replicas) await replica.stop();
    replicas = [];
    await router.close();
    await portal.close();
    await redis.stop();
    await postgres.close();
  });

  it("delivers every change and serves it fresh while 30% of pushed events are dropped", async () => {
    const ids = await addBookings(portal, 40);
    await drained(portal);
    const watched = replicas.map((replica) => {
      const client = wsClient(replica.url);
      clients.push(client);
      return follow(
        subscribe<Changed>(
          client,
          `subscription { bookingChanged(ids: [${ids.join(",")}]) { id booking { name } } }`,
        ),
      );
    });
    for (const replica of replicas) await subscribed(replica, 1);
    // Every booking read once through each replica: the cache holds each of them.
    for (const replica of replicas) for (const id of ids) await nameThrough(replica, id);

    const final = new Map<number, string>();
    for (let change = 0; change < 200; change += 1) {
      const id = ids[change % ids.length]!;
      const name = `Change ${change}`;
      await renameOnPortal(portal, id, name);
      final.set(id, name);
    }
    await drained(portal);
    for (const last of watched) {
      await until(() => ids.every((id) => last.get(id) === final.get(id)));
    }
    for (const replica of replicas) {
      for (const id of ids) expect(await nameThrough(replica, id)).toBe(final.get(id));
    }
    // The loss was real: pushes were dropped, and the queue made up for them.
    expect(router.counts.dropped).toBeGreaterThan(50);
    expect(portal.stats().offlineQueued).toBe(0);
  });

  it("serves every change made while all replicas were stopped, once they start again", async () => {
    const ids = await addBookings(portal, 10);
    await drained(portal);
    for (const replica of replicas) for (const id of ids) await nameThrough(replica, id);

    for (const replica of replicas) await replica.stop();
    replicas = [];
    const final = new Map<number, string>();
    for (let change = 0; change < 50; change += 1) {
      const id = ids[change % ids.length]!;
      final.set(id, `While stopped ${change}`);
      await renameOnPortal(portal, id, final.get(id)!);
    }
    // Nobody received anything: the portal kept it all.
    expect(portal.stats().offlineQueued).toBe(ids.length);

    replicas = [await startReplica(env), await startReplica(env)];
    await drained(portal);
    for (const replica of replicas) {
      for (const id of ids) expect(await nameThrough(replica, id)).toBe(final.get(id));
    }
  });
});
