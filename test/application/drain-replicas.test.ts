import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import type { Gateway } from "../../src/server";
import { subscribe, wsClient } from "../helpers/graphql-ws";
import { sample, scrape, until, wsSubscriptions } from "../helpers/metrics";
import { startPostgresServer, type PostgresServer } from "../helpers/postgres-server";
import { LossyRouter } from "../helpers/lossy-router";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { TcpProxy } from "../helpers/tcp-proxy";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import {
  applicationEnv,
  installationState,
  nameThrough,
  originOf,
  renameOnPortal,
  startReplica,
} from "./app-stack";

failOnUnhandledRejections();

async function drains(gateway: Gateway): Promise<number> {
  const text = await scrape(gateway.url);
  return ["start", "install", "poll", "signal", "reconnect", "takeover"]
    .map(
      (trigger) =>
        sample(text, "b24gw_offline_drains_total", `{trigger="${trigger}",outcome="ok"}`) ?? 0,
    )
    .reduce((sum, count) => sum + count, 0);
}

describe("application mode: the drain across replicas", () => {
  let portal: DemoPortal;
  let postgres: PostgresServer;
  let redis: RedisServer;
  let proxy: TcpProxy;
  let replicas: Gateway[] = [];
  let clients: Client[] = [];
  let fronts: LossyRouter[] = [];

  beforeEach(async () => {
    portal = await startDemoPortal();
    [postgres, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
    proxy = new TcpProxy(redis.port);
  });

  afterEach(async () => {
    for (const client of clients) await client.dispose();
    clients = [];
    for (const replica of replicas) await replica.stop();
    replicas = [];
    for (const front of fronts) await front.close();
    fronts = [];
    await proxy.close();
    await portal.close();
    await redis.stop();
    await postgres.close();
  });

  it("publishes a change that is both pushed and drained once", async () => {
    // The portal pushes to the replica and signals it, through a front that drops nothing (its
    // port is known before the replica starts, so no port has to be guessed free).
    const front = new LossyRouter(
      () => replicas.map(originOf),
      () => false,
    );
    fronts.push(front);
    replicas = [
      await startReplica({
        ...applicationEnv(portal, { store: { DATABASE_URL: postgres.url }, redisUrl: redis.url }),
        GATEWAY_PUBLIC_URL: await front.listen(),
      }),
    ];
    const [replica] = replicas;
    await portal.installApplication(`${originOf(replica!)}/bitrix24/install`);
    await until(async () => (await installationState(replica!)) === "valid");
    await until(() => portal.stats().offlineQueued === 0);

    const client = wsClient(replica!.url);
    clients.push(client);
    const changes = subscribe<{ bookingChanged: { booking: { name: string } } }>(
      client,
      "subscription { bookingChanged(ids: [14]) { booking { name } } }",
    );
    await until(async () => (await wsSubscriptions(replica!.url)) === 1);
    const cleared = async () =>
      sample(await scrape(replica!.url), "b24gw_offline_records_total", '{outcome="cleared"}') ?? 0;
    const before = await cleared();
    await renameOnPortal(portal, 14, "Pushed and drained");
    expect((await changes.next()).data?.bookingChanged.booking.name).toBe("Pushed and drained");
    // The drained copy of the same change went through too, and sent nothing.
    await until(async () => (await cleared()) > before && portal.stats().offlineQueued === 0);
    await renameOnPortal(portal, 14, "The next one");
    expect((await changes.next()).data?.bookingChanged.booking.name).toBe("The next one");
    const text = await scrape(replica!.url);
    const reads = (outcome: string) =>
      sample(text, "b24gw_change_reads_total", `{outcome="${outcome}"}`) ?? 0;
    // Two changes sent; the other copy of the first one read the same state (or was overtaken).
    expect(reads("changed")).toBe(2);
    expect(reads("unchanged") + reads("superseded")).toBeGreaterThanOrEqual(1);
  });

  it("hands the drain to another replica when the draining one loses Redis", async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = { DATABASE_URL: postgres.url };
    // A reaches Redis through the proxy; it starts first, so it takes the lease.
    const a = await startReplica(
      applicationEnv(portal, { store, redisUrl: await proxy.listen(), prefix }),
    );
    replicas = [a];
    await portal.installApplication(`${originOf(a)}/bitrix24/install`);
    await until(async () => (await drains(a)) >= 1);
    const b = await startReplica(applicationEnv(portal, { store, redisUrl: redis.url, prefix }));
    replicas.push(b);
    expect(await nameThrough(b, 14)).toEqual(expect.any(String));
    expect(await drains(b)).toBe(0);

    // A can no longer renew its lease; when it expires, B takes the drain over.
    proxy.cut();
    await renameOnPortal(portal, 14, "Drained by the other replica");
    await until(() => portal.stats().offlineQueued === 0);
    expect(await drains(b)).toBeGreaterThanOrEqual(1);
    expect(await nameThrough(b, 14)).toBe("Drained by the other replica");
  });
});
