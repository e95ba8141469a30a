import type { DemoPortalFault } from "../../src/demo-portal";
import { portalCall } from "../helpers/portal-rest";
import { gql, post, startHardenedStack, type HardenedStack } from "./stack";

/** Two nullable fields that go to the portal as two separate HTTP requests (BATCHING=off). */
const TWO_FIELDS = gql("{ booking: booking(id: 14) { id } resource: resource(id: 1) { id } }");
const RESOURCE_GET = "booking.v1.resource.get";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

async function bookingsNamed(stack: HardenedStack, name: string): Promise<number> {
  const list = await portalCall<{ booking: Array<{ name: string }> }>(
    stack.portal,
    "booking.v1.booking.list",
    { filter: {} },
  );
  return list.booking.filter((booking) => booking.name === name).length;
}

function newBooking(name: string) {
  return `addBooking(input: {resourceIds: [1], name: "${name}", datePeriod: {from: {timestamp: 1780000000, timezone: "Europe/Berlin"}, to: {timestamp: 1780003600, timezone: "Europe/Berlin"}}}) { id }`;
}

describe("fault injection: each failure stays on its own field", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { BATCHING: "off", BITRIX24_TIMEOUT_MS: "300", CIRCUIT_BREAKER_THRESHOLD: "0" },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => {
    stack.portal.clearFaults();
    stack.portal.resetStats();
  });

  const cases: Array<[string, DemoPortalFault, string, string]> = [
    [
      "HTTP 500",
      { method: RESOURCE_GET, kind: "http-error", status: 500, times: 4 },
      "UPSTREAM_UNAVAILABLE",
      "INTERNAL_SERVER_ERROR",
    ],
    [
      "an HTML page from a proxy",
      { method: RESOURCE_GET, kind: "html", status: 502, times: 4 },
      "UPSTREAM_UNAVAILABLE",
      "MALFORMED_RESPONSE",
    ],
    [
      "malformed JSON",
      { method: RESOURCE_GET, kind: "malformed-json", times: 4 },
      "UPSTREAM_UNAVAILABLE",
      "MALFORMED_RESPONSE",
    ],
    [
      "a hang past the timeout",
      { method: RESOURCE_GET, kind: "hang", ms: 1000, times: 4 },
      "UPSTREAM_TIMEOUT",
      "TIMEOUT",
    ],
    [
      "a reset before the call",
      { method: RESOURCE_GET, kind: "reset-before", times: 4 },
      "UPSTREAM_UNAVAILABLE",
      "NETWORK_ERROR",
    ],
    [
      "a reset after the call",
      { method: RESOURCE_GET, kind: "reset-after", times: 4 },
      "UPSTREAM_UNAVAILABLE",
      "NETWORK_ERROR",
    ],
    [
      "a QUERY_LIMIT_EXCEEDED storm",
      { method: RESOURCE_GET, kind: "rate-limit", times: 4 },
      "RATE_LIMITED",
      "QUERY_LIMIT_EXCEEDED",
    ],
    [
      "expired_token",
      {
        method: RESOURCE_GET,
        kind: "error",
        error: "expired_token",
        status: 401,
        description: "The access token provided has expired",
      },
      "UNAUTHENTICATED",
      "expired_token",
    ],
  ];

  it.each(cases)(
    "%s: the mapped error on that field, the other field intact",
    async (_name, fault, code, bitrixCode) => {
      stack.portal.injectFault(fault);
      const response = await post(stack.gateway.url, TWO_FIELDS);
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ booking: { id: 14 }, resource: null });
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]).toMatchObject({
        path: ["resource"],
        extensions: { code, bitrix: { error: bitrixCode, method: RESOURCE_GET } },
      });
    },
  );

  it("recovers a read when the fault passes before the attempts run out", async () => {
    stack.portal.injectFault([
      { method: RESOURCE_GET, kind: "reset-before" },
      { method: RESOURCE_GET, kind: "http-error", status: 503 },
      { method: RESOURCE_GET, kind: "malformed-json" },
    ]);
    const response = await post(stack.gateway.url, TWO_FIELDS);
    expect(response.body.errors).toBeUndefined();
    expect(stack.portal.stats().faultsInjected).toBe(3);
  });

  const writeFaults: Array<[string, DemoPortalFault, number]> = [
    ["HTTP 500 in front of the portal", { method: "batch", kind: "http-error", status: 500 }, 0],
    ["an HTML page", { method: "batch", kind: "html" }, 0],
    ["a reset before the call", { method: "batch", kind: "reset-before" }, 0],
    ["a reset after the call", { method: "batch", kind: "reset-after" }, 1],
    ["malformed JSON after the call", { method: "batch", kind: "malformed-json" }, 1],
    ["a hang past the timeout", { method: "batch", kind: "hang", ms: 600 }, 1],
  ];

  it.each(writeFaults)(
    "never repeats a create after %s; the next mutation runs",
    async (name, fault, created) => {
      stack.portal.injectFault(fault);
      const label = `Write fault ${name}`;
      const response = await post(stack.gateway.url, gql(`mutation { add: ${newBooking(label)} }`));
      expect(response.body.data).toBeNull();
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          path: ["add"],
          extensions: expect.objectContaining({ code: "UPSTREAM_RESULT_UNKNOWN" }),
        }),
      ]);
      const next = await post(
        stack.gateway.url,
        gql(
          "mutation { setBookingClients(bookingId: 14, clients: [{id: 1, type: {code: CONTACT}}]) { bookingId } }",
        ),
      );
      expect(next.body.errors).toBeUndefined();
      // A hung call may still be applied once the portal gets to it.
      await new Promise((resolve) => setTimeout(resolve, fault.kind === "hang" ? 500 : 0));
      expect(await bookingsNamed(stack, label)).toBe(created);
      expect(stack.portal.stats().callsByMethod["booking.v1.booking.add"] ?? 0).toBe(created);
    },
  );

  it("retries a create the portal refused with QUERY_LIMIT_EXCEEDED, and creates it once", async () => {
    stack.portal.injectFault({ method: "batch", kind: "rate-limit", times: 3 });
    const response = await post(
      stack.gateway.url,
      gql(`mutation { ${newBooking("Refused storm")} }`),
    );
    expect(response.body.errors).toBeUndefined();
    expect(await bookingsNamed(stack, "Refused storm")).toBe(1);
  });
});

describe("a QUERY_LIMIT_EXCEEDED storm from a portal shared with others", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    // The portal allows far less than the gateway (which models no limit) sends.
    stack = await startHardenedStack({
      portal: { rateLimit: { burst: 3, perSecond: 20 } },
      env: { BATCHING: "off", REQUEST_DEADLINE_MS: "3000" },
    });
  });
  afterAll(() => stack.stop());

  it("answers every request, with data or RATE_LIMITED on the refused fields only", async () => {
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => post(stack.gateway.url, TWO_FIELDS)),
    );
    expect(stack.portal.stats().rateLimited).toBeGreaterThan(0);
    for (const response of responses) {
      expect(response.status).toBe(200);
      for (const error of response.body.errors ?? []) {
        expect(error.extensions?.code).toBe("RATE_LIMITED");
      }
    }
    expect(responses.some((response) => response.body.errors === undefined)).toBe(true);
  });
});

describe("circuit breaker", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: {
        BATCHING: "off",
        CIRCUIT_BREAKER_THRESHOLD: "3",
        CIRCUIT_BREAKER_COOLDOWN_MS: "1500",
      },
    });
  });
  afterAll(() => stack.stop());

  const circuitState = async () => {
    const text = await (await fetch(`${stack.base}/metrics`)).text();
    return Number(/b24gw_upstream_circuit_state\{origin="[^"]+"\} (\d)/.exec(text)?.[1]);
  };

  it("opens after consecutive failures, fails fast without upstream requests, and closes after a probe", async () => {
    stack.portal.injectFault({ method: "*", kind: "http-error", status: 500, times: 3 });
    const failing = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
    expect(failing.body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(stack.portal.stats().httpRequests).toBe(3);
    expect(await circuitState()).toBe(2);

    stack.portal.resetStats();
    const fast = await post(stack.gateway.url, TWO_FIELDS);
    expect(fast.body.errors).toHaveLength(2);
    for (const error of fast.body.errors ?? []) {
      expect(error.extensions).toMatchObject({
        code: "UPSTREAM_UNAVAILABLE",
        retryAfter: expect.any(Number),
        bitrix: { error: "CIRCUIT_OPEN" },
      });
    }
    expect(stack.portal.stats().httpRequests).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 1600));
    const probe = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
    expect(probe.body.data).toEqual({ booking: { id: 14 } });
    expect(await circuitState()).toBe(0);
    const after = await post(stack.gateway.url, TWO_FIELDS);
    expect(after.body.errors).toBeUndefined();
  });

  it("opens again when the probe fails", async () => {
    stack.portal.injectFault({ method: "*", kind: "reset-before", times: 3 });
    await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
    expect(await circuitState()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    stack.portal.resetStats();
    stack.portal.injectFault({ method: "*", kind: "http-error", status: 502 });
    const probe = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
    expect(probe.body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    // The probe went out; its retry met the reopened circuit.
    expect(stack.portal.stats().httpRequests).toBe(1);
    expect(await circuitState()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const recovered = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
    expect(recovered.body.data).toEqual({ booking: { id: 14 } });
  });

  it("does not count answers of the portal, such as errors about the call, as failures", async () => {
    stack.portal.injectFault({
      method: "booking.v1.booking.get",
      kind: "error",
      error: "1021",
      description: "Booking not found",
      status: 400,
      times: 5,
    });
    for (let i = 0; i < 5; i += 1) {
      const response = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
      expect(response.body.errors?.[0]?.extensions?.code).toBe("BOOKING_NOT_FOUND");
    }
    expect(await circuitState()).toBe(0);
  });
});

describe("deadlines and cancellation", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { BATCHING: "off", BITRIX24_TIMEOUT_MS: "5000", REQUEST_DEADLINE_MS: "500" },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.clearFaults());

  const abortedRequests = async (method: string) => {
    const text = await (await fetch(`${stack.base}/metrics`)).text();
    const line = text
      .split("\n")
      .find(
        (l) =>
          l.startsWith("b24gw_upstream_requests_total{") &&
          l.includes(`method="${method}"`) &&
          l.includes('outcome="ABORTED"'),
      );
    return line ? Number(line.split(" ").pop()) : 0;
  };

  it("bounds the whole request by REQUEST_DEADLINE_MS: the hung field gets UPSTREAM_TIMEOUT, the other its data", async () => {
    stack.portal.injectFault({ method: RESOURCE_GET, kind: "hang", ms: 3000 });
    const started = Date.now();
    const response = await post(stack.gateway.url, TWO_FIELDS);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(response.body.data).toEqual({ booking: { id: 14 }, resource: null });
    expect(response.body.errors?.[0]).toMatchObject({
      path: ["resource"],
      extensions: { code: "UPSTREAM_TIMEOUT", bitrix: { error: "DEADLINE_EXCEEDED" } },
    });
    expect(await abortedRequests(RESOURCE_GET)).toBe(1);
  });

  it("cancels the in-flight upstream request of a client that disconnects", async () => {
    stack.portal.injectFault({ method: "booking.v1.booking.get", kind: "hang", ms: 3000 });
    const before = await abortedRequests("booking.v1.booking.get");
    const abort = new AbortController();
    const pending = fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(gql("{ booking(id: 14) { id } }")),
      signal: abort.signal,
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 150));
    abort.abort();
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await abortedRequests("booking.v1.booking.get")).toBe(before + 1);
  });
});

describe("cancellation of a batch", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({ env: { BITRIX24_TIMEOUT_MS: "5000" } });
  });
  afterAll(() => stack.stop());

  it("cancels an in-flight batch once every request waiting on it is gone", async () => {
    stack.portal.injectFault({ method: "batch", kind: "hang", ms: 3000 });
    const abort = new AbortController();
    const pending = fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(TWO_FIELDS),
      signal: abort.signal,
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 150));
    abort.abort();
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = await (await fetch(`${stack.base}/metrics`)).text();
    expect(text).toMatch(
      /b24gw_upstream_requests_total\{method="batch",status="none",outcome="ABORTED"\} 1/,
    );
  });
});
