import { ManualClock } from "../helpers/manual-clock";
import { gql, post, startHardenedStack, type HardenedStack } from "./stack";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const line = metrics
    .split("\n")
    .find(
      (l) =>
        l.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("metrics", () => {
  let stack: HardenedStack;
  let metrics: string;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { GATEWAY_TOKENS: "metrics-test-token-0001", METRICS_MAX_OPERATION_NAMES: "3" },
    });
    const auth = { authorization: "Bearer metrics-test-token-0001" };
    await post(
      stack.gateway.url,
      gql("query GetBooking { booking(id: 14) { id clients { id } } }"),
      auth,
    );
    await post(stack.gateway.url, gql("query Missing { booking(id: 999999) { id } }"), auth);
    stack.portal.injectFault({ method: "booking.v1.booking.get", kind: "http-error", status: 502 });
    await post(stack.gateway.url, gql("query Retried { booking(id: 15) { id } }"), auth);
    await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
    for (let i = 0; i < 5; i += 1) {
      await post(stack.gateway.url, gql(`query Name${i} { __typename }`), auth);
    }
    await post(stack.gateway.url, gql("query Deep { a: booking(id: 14) { id } }"), {
      ...auth,
      "x-cost": "true",
    });
    metrics = await (await fetch(`${stack.base}/metrics`)).text();
  });
  afterAll(() => stack.stop());

  it("counts operations by name and outcome", () => {
    const name = "b24gw_graphql_operations_total";
    expect(sample(metrics, name, { operation: "GetBooking", type: "query", outcome: "ok" })).toBe(
      1,
    );
    expect(sample(metrics, name, { operation: "Missing", outcome: "error" })).toBe(1);
    expect(sample(metrics, "b24gw_graphql_errors_total", { code: "BOOKING_NOT_FOUND" })).toBe(1);
    expect(metrics).toContain("b24gw_graphql_operation_duration_seconds_bucket");
  });

  it("caps the operation names used as labels", () => {
    const names = new Set(
      [...metrics.matchAll(/b24gw_graphql_operations_total\{operation="([^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    // GetBooking, Missing and Retried take the three places; every later name is `other`.
    expect(names).toEqual(new Set(["GetBooking", "Missing", "Retried", "other"]));
  });

  it("counts upstream requests by method, status and outcome, batch sizes, retries and limiter waits", () => {
    const name = "b24gw_upstream_requests_total";
    expect(
      sample(metrics, name, {
        method: "booking.v1.booking.client.list",
        status: "2xx",
        outcome: "ok",
      }),
    ).toBe(1);
    expect(
      sample(metrics, name, {
        method: "booking.v1.booking.get",
        status: "5xx",
        outcome: "INTERNAL_SERVER_ERROR",
      }),
    ).toBe(1);
    expect(
      sample(metrics, "b24gw_upstream_retries_total", { reason: "INTERNAL_SERVER_ERROR" }),
    ).toBe(1);
    expect(metrics).toMatch(/b24gw_upstream_request_commands_bucket\{le="2"\} \d+/);
    expect(metrics).toContain("b24gw_upstream_rate_limit_wait_seconds_bucket");
    expect(metrics).toMatch(/b24gw_upstream_circuit_state\{origin="http:\/\/127\.0\.0\.1:\d+"\} 0/);
    expect(metrics).toContain("b24gw_graphql_operation_estimated_upstream_commands_bucket");
  });

  it("counts requests refused before GraphQL, by reason", () => {
    expect(sample(metrics, "b24gw_http_rejections_total", { reason: "unauthenticated" })).toBe(1);
  });

  it("includes process metrics", () => {
    expect(metrics).toContain("b24gw_process_resident_memory_bytes");
    expect(metrics).toContain("b24gw_nodejs_eventloop_lag_seconds");
  });

  it("writes one structured log line per request, with id, operation, duration, upstream calls and codes", () => {
    const lines = stack.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === "graphql request");
    const missing = lines.find((line) => line.operationName === "Missing");
    expect(missing).toMatchObject({
      requestId: expect.any(String),
      status: 200,
      operationType: "query",
      outcome: "error",
      errorCodes: ["BOOKING_NOT_FOUND"],
      upstreamCalls: 1,
      estimatedUpstreamCommands: 1,
      caller: "token",
      durationMs: expect.any(Number),
    });
    const refused = lines.find((line) => line.status === 401);
    // Refused before any caller was established: the line says so.
    expect(refused).toMatchObject({ caller: "none", upstreamCalls: 0 });
  });

  it("echoes a well-formed x-request-id and replaces a malformed one", async () => {
    const given = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-123" },
      body: JSON.stringify(gql("{ __typename }")),
    });
    expect(given.headers.get("x-request-id")).toBe("trace-123");
    const bad = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "<script>" },
      body: JSON.stringify(gql("{ __typename }")),
    });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({ env: { METRICS_TOKEN: "scrape-token-0123456789" } });
  });
  afterAll(() => stack.stop());

  it("requires the token", async () => {
    expect((await fetch(`${stack.base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${stack.base}/metrics`, {
      headers: { authorization: "Bearer scrape-token-wrong-0000" },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${stack.base}/metrics`, {
      headers: { authorization: "Bearer scrape-token-0123456789" },
    });
    expect(right.status).toBe(200);
    expect(right.headers.get("content-type")).toMatch(/^text\/plain/);
  });
});

describe("/readyz", () => {
  it("is ready when the portal answers, without spending its REST request limit", async () => {
    const stack = await startHardenedStack({ env: { READINESS_CACHE_MS: "0" } });
    try {
      stack.portal.resetStats();
      for (let i = 0; i < 5; i += 1) {
        const response = await fetch(`${stack.base}/readyz`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({
          status: "ready",
          checks: { portal: { ok: true, ageSeconds: 0 } },
        });
      }
      expect(stack.portal.stats().httpRequests).toBe(0);
      expect((await fetch(`${stack.base}/healthz`)).status).toBe(200);
    } finally {
      await stack.stop();
    }
  });

  it("turns unavailable when the portal cannot be reached, once the cached result expires", async () => {
    const clock = new ManualClock();
    const stack = await startHardenedStack({ env: { READINESS_CACHE_MS: "300" }, clock });
    try {
      expect((await fetch(`${stack.base}/readyz`)).status).toBe(200);
      await stack.portal.close();
      // Within the cache period the last result stands.
      clock.advance(299);
      expect((await fetch(`${stack.base}/readyz`)).status).toBe(200);
      clock.advance(1);
      const response = await fetch(`${stack.base}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "unavailable",
        checks: { portal: { ok: false } },
      });
      // Liveness does not depend on the portal.
      expect((await fetch(`${stack.base}/healthz`)).status).toBe(200);
    } finally {
      await stack.stop();
    }
  });

  it("reports draining from the moment shutdown starts, while requests in flight still finish", async () => {
    const clock = new ManualClock();
    const portalClock = new ManualClock();
    const stack = await startHardenedStack({
      env: { SHUTDOWN_READINESS_DELAY_MS: "5000", SHUTDOWN_GRACE_MS: "60000" },
      clock,
      // The portal holds each request until its own clock moves.
      portal: { latencyMs: 1, clock: portalClock },
    });
    try {
      const query = gql("{ booking(id: 14) { id } }");
      const inFlight = post(stack.gateway.url, query);
      await stack.portal.waitFor((stats) => stats.inFlight === 1);
      const shutdown = stack.gateway.shutdown();

      const readiness = await fetch(`${stack.base}/readyz`);
      expect(readiness.status).toBe(503);
      expect(await readiness.json()).toMatchObject({ status: "draining" });
      // Until the readiness delay is over, new requests are still served.
      const late = post(stack.gateway.url, query);
      const answers = await portalClock.runUntil(Promise.all([inFlight, late]));
      for (const answer of answers) expect(answer.body).toEqual({ data: { booking: { id: 14 } } });

      await clock.whenDelays((delays) => delays.includes(5000));
      clock.advance(5000);
      await shutdown;

      await expect(fetch(`${stack.base}/healthz`)).rejects.toThrow();
    } finally {
      await stack.stop();
    }
  });

  it("checks Redis when it is configured", async () => {
    const stack = await startHardenedStack({
      env: { REDIS_URL, BITRIX24_RATE_LIMIT: "standard", READINESS_CACHE_MS: "0" },
    });
    try {
      const response = await fetch(`${stack.base}/readyz`);
      expect(await response.json()).toMatchObject({
        status: "ready",
        checks: { portal: { ok: true }, redis: { ok: true } },
      });
    } finally {
      await stack.stop();
    }
  });
});
