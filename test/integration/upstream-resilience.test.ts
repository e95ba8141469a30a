import {
  AddBookingDocument,
  BookingClientsDocument,
  SetBookingClientsDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { ManualClock } from "../helpers/manual-clock";
import { portalCall } from "../helpers/portal-rest";

const BERLIN = "Europe/Berlin";
const newBooking = (name: string) => ({
  input: {
    resourceIds: [1],
    name,
    datePeriod: {
      from: { timestamp: 1_780_000_000, timezone: BERLIN },
      to: { timestamp: 1_780_003_600, timezone: BERLIN },
    },
  },
});

/**
 * The portal and the gateway share a clock that moves only when a test moves it. Timeouts and
 * deadlines are a minute and more away, so they never fire unless a test means them to; backoffs and
 * pauses (seconds) are run through with `clock.runUntil`.
 */
const FAR_TIMEOUTS = { BITRIX24_TIMEOUT_MS: "60000", REQUEST_DEADLINE_MS: "120000" };
const WAITS_BELOW_MS = 30_000;

async function bookingsNamed(stack: TestStack, name: string): Promise<number> {
  const list = await portalCall<{ booking: Array<{ name: string }> }>(
    stack.portal,
    "booking.v1.booking.list",
    {},
  );
  return list.booking.filter((b) => b.name === name).length;
}

describe("retries that never duplicate data", () => {
  let stack: TestStack;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock();
    stack = await startStack({ env: FAR_TIMEOUTS, clock });
  });
  afterEach(() => stack.stop());

  it("reports UPSTREAM_RESULT_UNKNOWN for an add whose connection dropped after the portal applied it, and adds it once", async () => {
    stack.portal.injectFault({ method: "batch", kind: "reset-after" });
    const result = await execute(
      stack.gateway.url,
      AddBookingDocument,
      newBooking("Dropped after apply"),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_RESULT_UNKNOWN" });
    expect(result.errors?.[0]?.message).toMatch(/may have been applied/);
    expect(await bookingsNamed(stack, "Dropped after apply")).toBe(1);
  });

  it("does not resend an add that timed out", async () => {
    await stack.stop();
    stack = await startStack({
      env: { ...FAR_TIMEOUTS, BITRIX24_TIMEOUT_MS: "1000" },
      clock,
    });
    stack.portal.injectFault({ method: "batch", kind: "hang", ms: 1500 });
    const pending = execute(stack.gateway.url, AddBookingDocument, newBooking("Timed out"));
    await stack.portal.waitFor((stats) => stats.inFlight === 1);
    clock.advance(1000);
    const result = await pending;
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_RESULT_UNKNOWN" });
    // The portal still runs the add once its hang is over, as a real server would.
    expect(await bookingsNamed(stack, "Timed out")).toBe(0);
    clock.advance(500);
    await stack.portal.waitFor((stats) => stats.inFlight === 0);
    expect(await bookingsNamed(stack, "Timed out")).toBe(1);
    expect(stack.portal.stats().callsByMethod["booking.v1.booking.add"]).toBe(1);
  });

  it("retries an add the portal refused with QUERY_LIMIT_EXCEEDED, since it never ran", async () => {
    stack.portal.injectFault({ method: "batch", kind: "rate-limit", times: 2 });
    const result = await execute(
      stack.gateway.url,
      AddBookingDocument,
      newBooking("Refused twice"),
    );
    expect(result.errors).toBeUndefined();
    expect(await bookingsNamed(stack, "Refused twice")).toBe(1);
    expect(stack.portal.stats().rateLimited).toBe(2);
  });

  it("retries a read after a reset, a 5xx and an HTML page", async () => {
    stack.portal.injectFault([
      { method: "booking.v1.booking.client.list", kind: "reset-before" },
      { method: "booking.v1.booking.client.list", kind: "http-error", status: 502 },
      { method: "booking.v1.booking.client.list", kind: "html" },
    ]);
    const result = await clock.runUntil(
      execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 }),
      WAITS_BELOW_MS,
    );
    expect(result.errors).toBeUndefined();
    expect(stack.portal.stats().faultsInjected).toBe(3);
    expect(stack.portal.stats().httpRequests).toBe(4);
  });

  it("retries an idempotent write (client.set) after a dropped connection", async () => {
    stack.portal.injectFault({ method: "booking.v1.booking.client.set", kind: "reset-after" });
    const result = await clock.runUntil(
      execute(stack.gateway.url, SetBookingClientsDocument),
      WAITS_BELOW_MS,
    );
    expect(result.errors).toBeUndefined();
    expect(stack.portal.stats().callsByMethod["booking.v1.booking.client.set"]).toBe(2);
  });

  it("gives up on a read after the last attempt with UPSTREAM_UNAVAILABLE", async () => {
    stack.portal.injectFault({
      method: "booking.v1.booking.client.list",
      kind: "http-error",
      status: 500,
      times: 10,
    });
    const result = await clock.runUntil(
      execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 }),
      WAITS_BELOW_MS,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      bitrix: { status: 500 },
    });
    expect(stack.portal.stats().faultsInjected).toBe(4);
  });

  it("waits out OPERATION_TIME_LIMIT and then succeeds", async () => {
    stack.portal.injectFault({
      method: "booking.v1.booking.client.list",
      kind: "error",
      error: "OPERATION_TIME_LIMIT",
      status: 429,
    });
    const started = clock.now();
    const pending = execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    await stack.portal.waitFor((stats) => stats.httpRequests === 1 && stats.inFlight === 0);
    // With no reset time reported, the method is paused for 10 s: nothing goes a moment earlier.
    await clock.whenDelays((delays) => delays.includes(10_000));
    clock.advance(9_999);
    expect(stack.portal.stats().httpRequests).toBe(1);
    const result = await clock.runUntil(pending, WAITS_BELOW_MS);
    expect(result.errors).toBeUndefined();
    expect(stack.portal.stats().httpRequests).toBe(2);
    expect(clock.now() - started).toBe(10_000);
  });
});

describe("the rate-limit model", () => {
  let stack: TestStack;
  let clock: ManualClock;
  beforeEach(() => {
    clock = new ManualClock();
  });
  afterEach(() => stack.stop());

  it("answers RATE_LIMITED with retryAfter when waiting would pass the request deadline, without calling the portal", async () => {
    stack = await startStack({
      portal: { rateLimit: { burst: 1, perSecond: 0.2 } },
      env: { BITRIX24_RATE_LIMIT: "1:0.2", REQUEST_DEADLINE_MS: "1000", BATCHING: "off" },
      clock,
    });
    await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: 5 });
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("drops a queued call whose client went away", async () => {
    stack = await startStack({
      portal: { rateLimit: { burst: 1, perSecond: 1 } },
      env: { ...FAR_TIMEOUTS, BITRIX24_RATE_LIMIT: "1:1", BATCHING: "off" },
      clock,
    });
    await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    stack.portal.resetStats();
    const abort = new AbortController();
    const pending = fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ bookingClients(bookingId: 14) { id } }" }),
      signal: abort.signal,
    }).catch(() => undefined);
    // The call waits one second for its rate-limit slot...
    await clock.whenDelays((delays) => delays.includes(1000));
    abort.abort();
    await pending;
    // ...and stops waiting once its client is gone: no request is sent for it.
    await clock.whenDelays((delays) => !delays.includes(1000));
    expect(stack.portal.stats().httpRequests).toBe(0);
    // The slot it held stays spent (a bucket takes nothing back): the next call waits behind it.
    const next = await clock.runUntil(
      execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 }),
      10_000,
    );
    expect(next.errors).toBeUndefined();
    expect(stack.portal.stats().httpRequests).toBe(1);
  });
});
