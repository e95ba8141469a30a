import type { DemoPortalFault } from "../../src/demo-portal";
import { ManualClock } from "../helpers/manual-clock";
import { sample, scrape, until } from "../helpers/metrics";
import { portalCall } from "../helpers/portal-rest";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import { gql, post, startHardenedStack, type HardenedStack } from "./stack";

/** Two nullable fields that go to the portal as two separate HTTP requests (BATCHING=off). */
const TWO_FIELDS = gql("{ booking: booking(id: 14) { id } resource: resource(id: 1) { id } }");
const RESOURCE_GET = "booking.v1.resource.get";

failOnUnhandledRejections();

async function bookingsNamed(stack: HardenedStack, name: string): Promise<number> {
  const list = await portalCall<{ booking: Array<{ name: string }> }>(
    stack.portal,
    "booking.v1.booking.list",
    { filter: {} },
  );
  return list.booking.filter((booking) => booking.name === name).length;
}

/**
 * Requests the gateway logged as ended by their client going away. It logs one in the same turn as
 * it cancels the request's upstream work, and nothing between that and the cancelled call being
 * counted waits on I/O or a timer: once the line is there, a call the cancellation reached is
 * counted as ABORTED, and one it missed never will be while the clock stands still.
 */
function abandonedRequests(stack: HardenedStack): number {
  return stack.logs.filter((line) => line.includes('"aborted":true')).length;
}

/**
 * The gateway runs on a clock that moves only when the test moves it, so timeouts, backoffs,
 * deadlines and cool-downs happen exactly when a test says, never because the machine is slow. The
 * portal keeps a clock of its own for its hangs. A call's timeout is 5 s and deadlines are further
 * still, while the backoffs of all its retries add up to less than one second: running the clock
 * through the backoffs (timers due within 2.5 s) can never time out a request on its way.
 */
const TIMEOUT_MS = 5000;
const BACKOFFS_BELOW_MS = 2500;
const FAR_DEADLINE = { REQUEST_DEADLINE_MS: "120000" };

/** Posts `body` and runs the gateway's clock through the backoffs until the answer comes. */
function postOnClock(stack: HardenedStack, clock: ManualClock, body: unknown) {
  return clock.runUntil(post(stack.gateway.url, body), BACKOFFS_BELOW_MS);
}

/**
 * Posts `body` while calls of `method` hang at the portal, and times out each of `attempts` attempts
 * in turn: the clock moves by the timeout only once the attempt is parked at the portal and every
 * other upstream request of the operation has finished (`settledFirst`), then through the backoff.
 */
async function postTimingOut(
  stack: HardenedStack,
  clock: ManualClock,
  body: unknown,
  options: {
    attempts: number;
    /** Requests of the operation that go to the portal besides the hanging one. */
    otherRequests: number;
    settledFirst: () => Promise<boolean> | boolean;
  },
) {
  const before = stack.portal.stats().httpRequests + options.otherRequests;
  const response = post(stack.gateway.url, body);
  await until(options.settledFirst);
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    let arrived = false;
    const arrival = stack.portal
      .waitFor((stats) => stats.httpRequests === before + attempt && stats.inFlight >= attempt)
      .then(() => (arrived = true));
    // The attempt either goes at once (a zero backoff) or after a backoff timer.
    await Promise.race([
      arrival,
      clock.whenDelays((delays) => delays.some((delay) => delay < BACKOFFS_BELOW_MS)),
    ]);
    if (!arrived) clock.next();
    await arrival;
    clock.advance(TIMEOUT_MS);
  }
  return response;
}

/** Upstream requests of `method` the gateway finished with `outcome` (and status). */
async function finishedRequests(
  stack: HardenedStack,
  method: string,
  status = "2xx",
  outcome = "ok",
) {
  return (
    sample(
      await scrape(stack.gateway.url),
      "b24gw_upstream_requests_total",
      `{method="${method}",status="${status}",outcome="${outcome}"}`,
    ) ?? 0
  );
}

function newBooking(name: string) {
  return `addBooking(input: {resourceIds: [1], name: "${name}", datePeriod: {from: {timestamp: 1780000000, timezone: "Europe/Berlin"}, to: {timestamp: 1780003600, timezone: "Europe/Berlin"}}}) { id }`;
}

describe("fault injection: each failure stays on its own field", () => {
  let stack: HardenedStack;
  let clock: ManualClock;
  let portalClock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock();
    portalClock = new ManualClock();
    stack = await startHardenedStack({
      env: {
        ...FAR_DEADLINE,
        BATCHING: "off",
        BITRIX24_TIMEOUT_MS: String(TIMEOUT_MS),
        CIRCUIT_BREAKER_THRESHOLD: "0",
      },
      clock,
      portal: { clock: portalClock },
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
      { method: RESOURCE_GET, kind: "hang", ms: 2 * TIMEOUT_MS, times: 4 },
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
      const bookingsRead = await finishedRequests(stack, "booking.v1.booking.get");
      const response =
        fault.kind === "hang"
          ? await postTimingOut(stack, clock, TWO_FIELDS, {
              attempts: 4,
              otherRequests: 1,
              settledFirst: async () =>
                (await finishedRequests(stack, "booking.v1.booking.get")) === bookingsRead + 1,
            })
          : await postOnClock(stack, clock, TWO_FIELDS);
      // Hung calls the gateway gave up on end at the portal, so that the next case starts clean.
      portalClock.advance(2 * TIMEOUT_MS);
      await stack.portal.waitFor((stats) => stats.inFlight === 0);
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
    const response = await postOnClock(stack, clock, TWO_FIELDS);
    expect(response.body.errors).toBeUndefined();
    expect(stack.portal.stats().faultsInjected).toBe(3);
  });

  const writeFaults: Array<[string, DemoPortalFault, number]> = [
    ["HTTP 500 in front of the portal", { method: "batch", kind: "http-error", status: 500 }, 0],
    ["an HTML page", { method: "batch", kind: "html" }, 0],
    ["a reset before the call", { method: "batch", kind: "reset-before" }, 0],
    ["a reset after the call", { method: "batch", kind: "reset-after" }, 1],
    ["malformed JSON after the call", { method: "batch", kind: "malformed-json" }, 1],
    ["a hang past the timeout", { method: "batch", kind: "hang", ms: 2 * TIMEOUT_MS }, 1],
  ];

  it.each(writeFaults)(
    "never repeats a create after %s; the next mutation runs",
    async (name, fault, created) => {
      stack.portal.injectFault(fault);
      const label = `Write fault ${name}`;
      const mutation = gql(`mutation { add: ${newBooking(label)} }`);
      const response =
        fault.kind === "hang"
          ? await postTimingOut(stack, clock, mutation, {
              attempts: 1,
              otherRequests: 0,
              settledFirst: () => true,
            })
          : await postOnClock(stack, clock, mutation);
      expect(response.body.data).toBeNull();
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          path: ["add"],
          extensions: expect.objectContaining({ code: "UPSTREAM_RESULT_UNKNOWN" }),
        }),
      ]);
      const next = await postOnClock(
        stack,
        clock,
        gql(
          "mutation { setBookingClients(bookingId: 14, clients: [{id: 1, type: {code: CONTACT}}]) { bookingId } }",
        ),
      );
      expect(next.body.errors).toBeUndefined();
      // A hung call is still applied once the portal gets to it, as on a real server.
      if (fault.kind === "hang") {
        portalClock.advance(fault.ms!);
        await stack.portal.waitFor((stats) => stats.inFlight === 0);
      }
      expect(await bookingsNamed(stack, label)).toBe(created);
      expect(stack.portal.stats().callsByMethod["booking.v1.booking.add"] ?? 0).toBe(created);
    },
  );

  it("retries a create the portal refused with QUERY_LIMIT_EXCEEDED, and creates it once", async () => {
    stack.portal.injectFault({ method: "batch", kind: "rate-limit", times: 3 });
    const response = await postOnClock(
      stack,
      clock,
      gql(`mutation { ${newBooking("Refused storm")} }`),
    );
    expect(response.body.errors).toBeUndefined();
    expect(await bookingsNamed(stack, "Refused storm")).toBe(1);
  });
});

describe("a QUERY_LIMIT_EXCEEDED storm from a portal shared with others", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    // The portal allows far less than the gateway (which models no limit) sends, and its bucket,
    // on a clock that stands still, never drains: exactly 3 calls get through.
    stack = await startHardenedStack({
      portal: { rateLimit: { burst: 3, perSecond: 20 }, clock: new ManualClock() },
      env: { BATCHING: "off", REQUEST_DEADLINE_MS: "3000" },
      clock: new ManualClock(),
    });
  });
  afterAll(() => stack.stop());

  it("answers every request, with data or RATE_LIMITED on the refused fields only", async () => {
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => post(stack.gateway.url, TWO_FIELDS)),
    );
    // 50 calls, 3 let through; each of the other 47 was refused on all 4 attempts.
    expect(stack.portal.stats()).toMatchObject({ methodCalls: 3, rateLimited: 47 * 4 });
    let fieldsWithData = 0;
    for (const response of responses) {
      expect(response.status).toBe(200);
      const data = response.body.data as Record<string, unknown>;
      const refused = Object.keys(data).filter((field) => data[field] === null);
      fieldsWithData += 2 - refused.length;
      expect(
        response.body.errors?.map((error) => [error.path, error.extensions?.code]) ?? [],
      ).toEqual(refused.map((field) => [[field], "RATE_LIMITED"]));
    }
    expect(fieldsWithData).toBe(3);
  });
});

describe("circuit breaker", () => {
  let stack: HardenedStack;
  let clock: ManualClock;
  const COOLDOWN_MS = 1500;

  beforeAll(async () => {
    clock = new ManualClock();
    stack = await startHardenedStack({
      env: {
        ...FAR_DEADLINE,
        BATCHING: "off",
        CIRCUIT_BREAKER_THRESHOLD: "3",
        CIRCUIT_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
      },
      clock,
    });
  });
  afterAll(() => stack.stop());

  const circuitState = async () => {
    const text = await (await fetch(`${stack.base}/metrics`)).text();
    return Number(/b24gw_upstream_circuit_state\{origin="[^"]+"\} (\d)/.exec(text)?.[1]);
  };

  it("opens after consecutive failures, fails fast without upstream requests, and closes after a probe", async () => {
    stack.portal.injectFault({ method: "*", kind: "http-error", status: 500, times: 3 });
    const failing = await postOnClock(stack, clock, gql("{ booking(id: 14) { id } }"));
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

    clock.advance(COOLDOWN_MS);
    const probe = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"));
    expect(probe.body.data).toEqual({ booking: { id: 14 } });
    expect(await circuitState()).toBe(0);
    const after = await post(stack.gateway.url, TWO_FIELDS);
    expect(after.body.errors).toBeUndefined();
  });

  it("opens again when the probe fails", async () => {
    stack.portal.injectFault({ method: "*", kind: "reset-before", times: 3 });
    await postOnClock(stack, clock, gql("{ booking(id: 14) { id } }"));
    expect(await circuitState()).toBe(2);
    clock.advance(COOLDOWN_MS);
    stack.portal.resetStats();
    stack.portal.injectFault({ method: "*", kind: "http-error", status: 502 });
    const probe = await postOnClock(stack, clock, gql("{ booking(id: 14) { id } }"));
    expect(probe.body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    // The probe went out; its retry met the reopened circuit.
    expect(stack.portal.stats().httpRequests).toBe(1);
    expect(await circuitState()).toBe(2);
    clock.advance(COOLDOWN_MS);
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
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock();
    stack = await startHardenedStack({
      env: { BATCHING: "off", BITRIX24_TIMEOUT_MS: "5000", REQUEST_DEADLINE_MS: "500" },
      clock,
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.clearFaults());

  const abortedRequests = async (method: string) =>
    sample(
      await scrape(stack.gateway.url),
      "b24gw_upstream_requests_total",
      `{method="${method}",status="none",outcome="ABORTED"}`,
    ) ?? 0;

  it("bounds the whole request by REQUEST_DEADLINE_MS: the hung field gets UPSTREAM_TIMEOUT, the other its data", async () => {
    stack.portal.injectFault({ method: RESOURCE_GET, kind: "hang" });
    const bookingsRead = await finishedRequests(stack, "booking.v1.booking.get");
    const pending = post(stack.gateway.url, TWO_FIELDS);
    // The hung call's own timeout is 5 s away: only the deadline can end it.
    await until(
      async () => (await finishedRequests(stack, "booking.v1.booking.get")) === bookingsRead + 1,
    );
    await stack.portal.waitFor((stats) => stats.inFlight === 1);
    clock.advance(499);
    expect(await abortedRequests(RESOURCE_GET)).toBe(0);
    clock.advance(1);
    const response = await pending;
    expect(response.body.data).toEqual({ booking: { id: 14 }, resource: null });
    expect(response.body.errors?.[0]).toMatchObject({
      path: ["resource"],
      extensions: { code: "UPSTREAM_TIMEOUT", bitrix: { error: "DEADLINE_EXCEEDED" } },
    });
    expect(await abortedRequests(RESOURCE_GET)).toBe(1);
  });

  it("cancels the in-flight upstream request of a client that disconnects", async () => {
    stack.portal.injectFault({ method: "booking.v1.booking.get", kind: "hang" });
    const before = await abortedRequests("booking.v1.booking.get");
    const abandoned = abandonedRequests(stack);
    // Hung calls of earlier tests stay at the portal: count from here.
    const held = stack.portal.stats().inFlight;
    const abort = new AbortController();
    const pending = fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(gql("{ booking(id: 14) { id } }")),
      signal: abort.signal,
    }).catch(() => undefined);
    await stack.portal.waitFor((stats) => stats.inFlight === held + 1);
    abort.abort();
    await pending;
    // Nothing but its cancellation can end the hung call: its timeout and the deadline are on a
    // clock that stands still.
    await until(() => abandonedRequests(stack) === abandoned + 1);
    expect(await abortedRequests("booking.v1.booking.get")).toBe(before + 1);
  });
});

describe("cancellation of a batch", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { BITRIX24_TIMEOUT_MS: "5000" },
      clock: new ManualClock(),
    });
  });
  afterAll(() => stack.stop());

  it("cancels an in-flight batch once every request waiting on it is gone", async () => {
    stack.portal.injectFault({ method: "batch", kind: "hang" });
    const abandoned = abandonedRequests(stack);
    const abort = new AbortController();
    const pending = fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(TWO_FIELDS),
      signal: abort.signal,
    }).catch(() => undefined);
    await stack.portal.waitFor((stats) => stats.inFlight === 1);
    abort.abort();
    await pending;
    const abortedBatches = async () =>
      sample(
        await scrape(stack.gateway.url),
        "b24gw_upstream_requests_total",
        '{method="batch",status="none",outcome="ABORTED"}',
      ) ?? 0;
    // As above: only its cancellation can end the hung batch.
    await until(() => abandonedRequests(stack) === abandoned + 1);
    expect(await abortedBatches()).toBe(1);
  });
});
