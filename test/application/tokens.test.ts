import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import type { Gateway } from "../../src/server";
import { execute } from "../helpers/graphql-http";
import { startPostgresServer, type PostgresServer } from "../helpers/postgres-server";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { until } from "../helpers/metrics";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import {
  applicationEnv,
  installationState,
  nameThrough,
  originOf,
  startReplica,
} from "./app-stack";

failOnUnhandledRejections();

describe("application mode: tokens across replicas", () => {
  let portal: DemoPortal;
  let postgres: PostgresServer;
  let redis: RedisServer;
  let replicas: Gateway[] = [];

  beforeEach(async () => {
    portal = await startDemoPortal();
    [postgres, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
  });

  afterEach(async () => {
    for (const replica of replicas) await replica.stop();
    replicas = [];
    await portal.close();
    await redis.stop();
    await postgres.close();
  });

  const startThree = async () => {
    const env = {
      ...applicationEnv(portal, { store: { DATABASE_URL: postgres.url }, redisUrl: redis.url }),
      CACHE: "off",
    };
    replicas = [await startReplica(env), await startReplica(env), await startReplica(env)];
    return env;
  };

  it("refreshes once when three replicas meet expired_token at once, and survives restarting everything", async () => {
    const env = await startThree();
    expect(
      (await portal.installApplication(`${originOf(replicas[0]!)}/bitrix24/install`)).status,
    ).toBe(200);
    for (const replica of replicas)
      expect(await nameThrough(replica, 14)).toEqual(expect.any(String));
    expect(portal.stats().oauthRefreshes).toBe(0);

    portal.expireAccessToken();
    const answers = await Promise.all(
      replicas.flatMap((replica) =>
        Array.from({ length: 5 }, () => execute(replica.url, "{ booking(id: 14) { name } }")),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(portal.stats().oauthRefreshes).toBe(1);
    expect(portal.stats().oauthRefreshesRefused).toBe(0);
    const presented = portal.refreshTokensPresented();
    expect(new Set(presented).size).toBe(presented.length);

    // Every replica and the store restart: the installation, with its refreshed tokens, is kept.
    for (const replica of replicas) await replica.stop();
    replicas = [];
    await postgres.stop();
    await postgres.start();
    replicas = [await startReplica(env), await startReplica(env), await startReplica(env)];
    for (const replica of replicas) {
      expect(await installationState(replica)).toBe("valid");
      expect(await nameThrough(replica, 14)).toEqual(expect.any(String));
    }
    expect(portal.stats().oauthRefreshes).toBe(1);

    portal.expireAccessToken();
    for (const replica of replicas)
      expect(await nameThrough(replica, 14)).toEqual(expect.any(String));
    expect(portal.stats().oauthRefreshes).toBe(2);
    const after = portal.refreshTokensPresented();
    expect(new Set(after).size).toBe(after.length);
  });

  it("reports PAYMENT_REQUIRED on /readyz and in errors, without a refresh per call", async () => {
    await startThree();
    await portal.installApplication(`${originOf(replicas[0]!)}/bitrix24/install`);
    const [replica] = replicas;
    expect(await nameThrough(replica!, 14)).toEqual(expect.any(String));
    portal.setPaymentRequired(true);
    portal.expireAccessToken();
    for (let i = 0; i < 5; i += 1) {
      const answer = await execute(replica!.url, "{ booking(id: 14) { name } }");
      expect(answer.errors?.[0]?.extensions?.code).toBe("APPLICATION_UNAVAILABLE");
      expect(JSON.stringify(answer.errors)).toContain("PAYMENT_REQUIRED");
    }
    // One refused refresh: the others fail at once, without asking the OAuth server again.
    expect(portal.stats().oauthRefreshesRefused).toBe(1);
    expect(await installationState(replica!)).toBe("payment_required");
    const readyz = await fetch(`${originOf(replica!)}/readyz`);
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toMatchObject({ status: "degraded", degraded: ["installation"] });
  });

  it("stops at a refused refresh token, says so on /readyz, and recovers on a new install", async () => {
    await startThree();
    const origin = originOf(replicas[0]!);
    await portal.installApplication(`${origin}/bitrix24/install`);
    expect(await nameThrough(replicas[0]!, 14)).toEqual(expect.any(String));
    // Someone else uses the application's refresh token: the gateway's copy is spent.
    const stolen = new URL("token/", portal.oauthServerUrl);
    stolen.search = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: portal.application.clientId,
      client_secret: portal.application.clientSecret,
      refresh_token: portal.applicationTokens()!.refreshToken,
    }).toString();
    expect((await fetch(stolen)).status).toBe(200);
    for (let i = 0; i < 3; i += 1) {
      const answer = await execute(replicas[i]!.url, "{ booking(id: 14) { name } }");
      expect(answer.errors?.[0]?.extensions?.code).toBe("APPLICATION_UNAVAILABLE");
      expect(JSON.stringify(answer.errors)).toContain("APPLICATION_REFRESH_REFUSED");
    }
    // One refused refresh, whichever replica met it first; the others read the verdict.
    expect(portal.stats().oauthRefreshesRefused).toBe(1);
    for (const replica of replicas) {
      await until(async () => (await installationState(replica)) === "refresh_refused");
    }
    expect((await portal.installApplication(`${origin}/bitrix24/install`)).status).toBe(200);
    for (const replica of replicas) {
      expect(await nameThrough(replica, 14)).toEqual(expect.any(String));
    }
  });

  it("forgets the tokens on ONAPPUNINSTALL and stops draining", async () => {
    await startThree();
    const origin = originOf(replicas[0]!);
    await portal.installApplication(`${origin}/bitrix24/install`);
    // Every replica holds the installation; only the first hears of the uninstall.
    for (const replica of replicas) {
      expect(await nameThrough(replica, 14)).toEqual(expect.any(String));
    }
    expect((await portal.uninstallApplication(`${origin}/bitrix24/events`)).status).toBe(200);
    expect(await installationState(replicas[0]!)).toBe("not_installed");
    for (const replica of replicas) {
      // The portal refuses the tokens the others still hold; they look in the store and see why.
      const answer = await execute(replica.url, "{ booking(id: 14) { name } }");
      expect(answer.errors?.[0]?.extensions?.code).toMatch(
        /APPLICATION_UNAVAILABLE|UNAUTHENTICATED/,
      );
      await until(async () => (await installationState(replica)) === "not_installed");
      const again = await execute(replica.url, "{ booking(id: 14) { name } }");
      expect(again.errors?.[0]?.extensions?.code).toBe("APPLICATION_UNAVAILABLE");
    }
  });
});

describe("application mode: poll-only, no inbound route", () => {
  let portal: DemoPortal;
  let gateway: Gateway;
  let dir: string;

  beforeEach(async () => {
    portal = await startDemoPortal();
    dir = await mkdtemp(join(tmpdir(), "b24gw-install-"));
  });

  afterEach(async () => {
    await gateway.stop();
    await portal.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("binds no pushed event and still serves every change, within a poll", async () => {
    gateway = await startReplica({
      ...applicationEnv(portal, { store: { INSTALLATION_FILE: join(dir, "installation.json") } }),
      CACHE: "memory",
    });
    await portal.installApplication(`${originOf(gateway)}/bitrix24/install`);
    await until(async () => (await installationState(gateway)) === "valid");
    expect(await nameThrough(gateway, 14)).toEqual(expect.any(String));
    await until(() => portal.stats().offlineQueued === 0);
    const pushed = portal.stats().eventsSent;

    await fetch(`${portal.webhookUrl}booking.v1.booking.update`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: 14, fields: { name: "Polled" } }),
    });
    await until(async () => (await nameThrough(gateway, 14)) === "Polled");
    // Only offline bindings: the portal had no URL to push the change to.
    expect(portal.stats().eventsSent).toBe(pushed);
    // Confirmed with the next round's calls.
    await until(() => portal.stats().offlineQueued === 0);
  });
});
