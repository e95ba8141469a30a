import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { gql, post, startHardenedStack, type HardenedStack } from "../hardening/stack";
import { rateLimitShared, until } from "../helpers/metrics";
import { startHangUpServer, type HangUpServer } from "../helpers/hang-up-server";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

const QUERY = gql("{ booking(id: 14) { id } }");

failOnUnhandledRejections();

async function readiness(stack: HardenedStack): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.base}/readyz`);
  return { status: response.status, body: await response.json() };
}

const logLines = (stack: HardenedStack, text: string) =>
  stack.logs.filter((line) => line.includes(text)).length;
const UNREACHABLE = "Redis is unreachable";
const ANSWERS = "Redis answers";

function redisEnv(url: string, prefix: string): Record<string, string> {
  return {
    REDIS_URL: url,
    REDIS_KEY_PREFIX: prefix,
    BITRIX24_RATE_LIMIT: "standard",
    READINESS_CACHE_MS: "0",
  };
}

describe("Redis going away and coming back", () => {
  let redis: RedisServer;
  let stack: HardenedStack;

  beforeEach(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    await stack.stop();
    await redis.stop();
  });

  it("keeps serving on a local share of the limit while Redis is down, and shares it again once Redis is back", async () => {
    const prefix = `b24gw:test:${randomUUID()}:`;
    stack = await startHardenedStack({ env: redisEnv(redis.url, prefix) });
    const bucketKeys = async () => {
      const inspector = new Redis(redis.url, { lazyConnect: true });
      try {
        await inspector.connect();
        return (await inspector.keys(`${prefix}bucket:*`)).length;
      } finally {
        inspector.disconnect();
      }
    };

    expect((await post(stack.gateway.url, QUERY)).body.data).toEqual({ booking: { id: 14 } });
    expect(await rateLimitShared(stack.gateway.url)).toBe(1);
    expect(await bucketKeys()).toBe(1);
    expect(await readiness(stack)).toMatchObject({ status: 200, body: { status: "ready" } });

    await redis.stop();
    await until(async () => (await rateLimitShared(stack.gateway.url)) === 0);
    for (let i = 0; i < 5; i += 1) {
      expect((await post(stack.gateway.url, QUERY)).body).toEqual({
        data: { booking: { id: 14 } },
      });
    }
    // Still ready: a Redis outage degrades every replica at once, and must not take them all out.
    expect(await readiness(stack)).toMatchObject({
      status: 200,
      body: { status: "degraded", degraded: ["redis"], checks: { redis: { ok: false } } },
    });
    expect(logLines(stack, UNREACHABLE)).toBe(1);

    // A new Redis knows nothing: the bucket key that appears is this replica sharing again.
    await redis.start();
    await until(async () => (await rateLimitShared(stack.gateway.url)) === 1);
    expect((await post(stack.gateway.url, QUERY)).body.data).toEqual({ booking: { id: 14 } });
    expect(await bucketKeys()).toBe(1);
    expect(await readiness(stack)).toMatchObject({ status: 200, body: { status: "ready" } });
    expect(logLines(stack, UNREACHABLE)).toBe(1);
    // Once when it first connected, once when it came back.
    expect(logLines(stack, ANSWERS)).toBe(2);
  }, 30_000);

  it("answers every query while Redis flaps, with one log line per change of state", async () => {
    stack = await startHardenedStack({
      env: redisEnv(redis.url, `b24gw:test:${randomUUID()}:`),
    });
    const errors: unknown[] = [];
    let running = true;
    const traffic = (async () => {
      while (running) {
        const response = await post(stack.gateway.url, QUERY);
        if (response.body.errors) errors.push(response.body.errors);
      }
    })();
    for (let flap = 0; flap < 3; flap += 1) {
      await redis.stop();
      await until(async () => (await rateLimitShared(stack.gateway.url)) === 0);
      await redis.start();
      await until(async () => (await rateLimitShared(stack.gateway.url)) === 1);
    }
    running = false;
    await traffic;
    expect(errors).toEqual([]);
    expect(logLines(stack, UNREACHABLE)).toBe(3);
    expect(logLines(stack, ANSWERS)).toBe(4);
  }, 60_000);
});

describe("Redis absent when the gateway starts", () => {
  let stack: HardenedStack;
  let away: HangUpServer;

  afterEach(async () => {
    await stack.stop();
    await away.close();
  });

  it("starts, answers queries on a local share, and warns once however often it retries", async () => {
    // Something listens on the port but is no Redis: it hangs up on every connection, so each of
    // the gateway's reconnect attempts can be counted.
    away = await startHangUpServer();

    stack = await startHardenedStack({
      env: redisEnv(away.url, `b24gw:test:${randomUUID()}:`),
    });
    expect((await post(stack.gateway.url, QUERY)).body).toEqual({ data: { booking: { id: 14 } } });
    expect(await rateLimitShared(stack.gateway.url)).toBe(0);
    expect(await readiness(stack)).toMatchObject({
      status: 200,
      body: { status: "degraded", degraded: ["redis"] },
    });
    await until(() => away.attempts() >= 4);
    expect((await post(stack.gateway.url, QUERY)).body).toEqual({ data: { booking: { id: 14 } } });
    expect(logLines(stack, UNREACHABLE)).toBe(1);
  }, 30_000);
});
