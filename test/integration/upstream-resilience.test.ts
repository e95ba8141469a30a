import {
  AddBookingDocument,
  BookingClientsDocument,
  SetBookingClientsDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
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

  beforeEach(async () => {
    stack = await startStack({ env: { BITRIX24_TIMEOUT_MS: "1000" } });
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
    stack.portal.injectFault({ method: "batch", kind: "hang", ms: 1500 });
    const result = await execute(stack.gateway.url, AddBookingDocument, newBooking("Timed out"));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_RESULT_UNKNOWN" });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await bookingsNamed(stack, "Timed out")).toBe(1);
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
    const result = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    expect(result.errors).toBeUndefined();
    expect(stack.portal.stats().faultsInjected).toBe(3);
  });

  it("retries an idempotent write (client.set) after a dropped connection", async () => {
    stack.portal.injectFault({ method: "booking.v1.booking.client.set", kind: "reset-after" });
    const result = await execute(stack.gateway.url, SetBookingClientsDocument);
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
    const result = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
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
    const started = Date.now();
    const result = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    expect(result.errors).toBeUndefined();
    // With no reset time reported the method is paused for 10 s; the deadline allows it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
  }, 20_000);
});

describe("the rate-limit model", () => {
  let stack: TestStack;
  afterEach(() => stack.stop());

  it("answers RATE_LIMITED with retryAfter when waiting would pass the request deadline, without calling the portal", async () => {
    stack = await startStack({
      portal: { rateLimit: { burst: 1, perSecond: 0.2 } },
      env: { BITRIX24_RATE_LIMIT: "1:0.2", REQUEST_DEADLINE_MS: "1000", BATCHING: "off" },
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
      env: { BITRIX24_RATE_LIMIT: "1:1", BATCHING: "off" },
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
    await new Promise((resolve) => setTimeout(resolve, 200));
    abort.abort();
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(stack.portal.stats().httpRequests).toBe(0);
  });
});
