import { BookingsDocument, SetBookingClientsDocument } from "../generated/graphql";
import { startDemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway } from "../../src/server";
import { gatewayConfig, startStack, type TestStack } from "../helpers/gateway";
import { execute, executeOnNewConnection } from "../helpers/graphql-http";
import { ManualClock } from "../helpers/manual-clock";
import { sample, scrape, until } from "../helpers/metrics";
import { addBookingsWithClients } from "../helpers/portal-rest";

/** Upstream HTTP requests the portal received since its counters were reset. */
const upstreamRequests = (stack: TestStack | undefined) => stack!.portal.stats().httpRequests;

describe("folding upstream calls into Bitrix24 batch requests", () => {
  let stack: TestStack | undefined;
  const portalOf = () => stack!.portal;

  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  describe("with folding on (the default)", () => {
    // The gateway's clock never moves: every operation below finishes without any time passing, so
    // no call ever waits for a time window to close.
    beforeEach(async () => {
      stack = await startStack({ portal: { seed: "demo" }, clock: new ManualClock() });
    });

    it("reads 50 bookings with their clients in at most 2 upstream requests", async () => {
      await addBookingsWithClients(portalOf(), 46);
      portalOf().resetStats();
      const result = await execute(stack!.gateway.url, BookingsDocument, { page: { limit: 50 } });
      expect(result.errors).toBeUndefined();
      expect(result.data?.bookings.items).toHaveLength(50);
      expect(
        result.data?.bookings.items.filter((b) => b.clients.length > 0).length,
      ).toBeGreaterThanOrEqual(46);
      expect(upstreamRequests(stack)).toBeLessThanOrEqual(2);
      expect(portalOf().stats().methodCalls).toBe(52);
    });

    it("sends a lone call without the batch wrapper", async () => {
      portalOf().resetStats();
      await execute(stack!.gateway.url, "{ booking(id: 14) { id } }");
      expect(portalOf().stats()).toMatchObject({
        httpRequests: 1,
        batchRequests: 0,
        methodCalls: 1,
      });
    });

    it("splits more than 50 calls across batch requests of at most 50", async () => {
      const ids = await addBookingsWithClients(portalOf(), 60);
      portalOf().resetStats();
      const query = `{ ${ids.map((id, i) => `b${i}: booking(id: ${id}) { id }`).join(" ")} }`;
      const result = await execute<Record<string, { id: number }>, never>(
        stack!.gateway.url,
        query,
      );
      expect(Object.values(result.data ?? {}).map((b) => b.id)).toEqual(ids);
      const { batchSizes, httpRequests } = portalOf().stats();
      expect(httpRequests).toBe(2);
      expect(Math.max(...batchSizes)).toBeLessThanOrEqual(50);
      expect(batchSizes.reduce((a, b) => a + b, 0)).toBe(60);
    });

    it("fails only the field whose command failed inside the batch", async () => {
      portalOf().resetStats();
      const result = await execute<{ a: { id: number } | null; b: { id: number } | null }, never>(
        stack!.gateway.url,
        "{ a: booking(id: 14) { id } b: booking(id: 999999) { id } }",
      );
      expect(result.data).toEqual({ a: { id: 14 }, b: null });
      expect(result.errors).toEqual([
        expect.objectContaining({
          path: ["b"],
          extensions: expect.objectContaining({ code: "BOOKING_NOT_FOUND" }),
        }),
      ]);
      expect(upstreamRequests(stack)).toBe(1);
    });

    it("sends a write and the read its payload needs in one request, and no read when the write fails", async () => {
      portalOf().resetStats();
      const ok = await execute(
        stack!.gateway.url,
        "mutation { setBookingClients(bookingId: 14, clients: [{id: 2, type: {code: CONTACT}}]) { booking { name clients { id } } } }",
      );
      expect(ok.errors).toBeUndefined();
      expect(portalOf().stats()).toMatchObject({
        httpRequests: 1,
        batchSizes: [2],
        callsByMethod: { "booking.v1.booking.client.set": 1, "booking.v1.booking.get": 1 },
      });

      portalOf().resetStats();
      const failed = await execute(
        stack!.gateway.url,
        "mutation { setBookingClients(bookingId: 999999, clients: [{id: 2, type: {code: CONTACT}}]) { booking { name } } }",
      );
      expect(failed.errors?.[0]?.extensions?.code).toBe("BOOKING_NOT_FOUND");
      expect(portalOf().stats().callsByMethod).toEqual({ "booking.v1.booking.client.set": 1 });
    });

    it("keeps the order of a mutation's root fields: what one wrote, the next one sees", async () => {
      const result = await execute<
        Record<string, { booking: { clients: Array<{ id: number }> } }>,
        never
      >(
        stack!.gateway.url,
        `mutation {
          first: setBookingClients(bookingId: 14, clients: [{id: 1, type: {code: CONTACT}}]) { booking { clients { id } } }
          second: setBookingClients(bookingId: 14, clients: [{id: 2, type: {code: CONTACT}}]) { booking { clients { id } } }
        }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.first?.booking.clients).toEqual([{ id: 1 }]);
      expect(result.data?.second?.booking.clients).toEqual([{ id: 2 }]);
    });
  });

  describe("with 100 browsers at once", () => {
    it("sends 100 concurrent setBookingClients from 100 new connections in at most 3 upstream requests", async () => {
      // The portal has its own clock and every answer waits 1 ms of it, so it holds the first
      // request for as long as the test needs to see every other call queued behind it.
      const portalClock = new ManualClock();
      const portal = await startDemoPortal({ latencyMs: 1, clock: portalClock });
      const gateway = await startGateway(
        gatewayConfig({ PORT: "0", LOG_LEVEL: "silent", BITRIX24_WEBHOOK_URL: portal.webhookUrl }),
        createLogger("silent"),
        { clock: new ManualClock() },
      );
      try {
        const results = Promise.all(
          Array.from({ length: 100 }, () =>
            executeOnNewConnection(gateway.url, SetBookingClientsDocument),
          ),
        );
        await until(async () => {
          const text = await scrape(gateway.url);
          const waiting = sample(text, "b24gw_upstream_queued_calls") ?? 0;
          const carried = sample(text, "b24gw_upstream_calls_in_flight") ?? 0;
          return waiting + carried === 100;
        });
        const answered = await portalClock.runUntil(results);
        expect(
          answered.every(
            (r) => r.errors === undefined && r.data?.setBookingClients.bookingId === 14,
          ),
        ).toBe(true);
        // One request for the calls that came first, then the rest in batches of at most 50.
        expect(portal.stats().methodCalls).toBe(100);
        expect(portal.stats().httpRequests).toBeLessThanOrEqual(3);
      } finally {
        await gateway.stop();
        await portal.close();
      }
    });
  });

  describe("with folding off", () => {
    beforeEach(async () => {
      stack = await startStack({ env: { BATCHING: "off" } });
    });

    it("sends one upstream request per call: the baseline folding is measured against", async () => {
      await addBookingsWithClients(portalOf(), 46);
      portalOf().resetStats();
      const result = await execute(stack!.gateway.url, BookingsDocument, { page: { limit: 50 } });
      expect(result.data?.bookings.items).toHaveLength(50);
      expect(upstreamRequests(stack)).toBe(52);
    });
  });

  describe("with two OAuth callers", () => {
    beforeEach(async () => {
      stack = await startStack({
        oauth: true,
        portal: { oauthTokens: { "token-anna": 5, "token-lukas": 6 } },
      });
    });

    it("never puts two callers' calls into one batch", async () => {
      portalOf().resetStats();
      const query = "{ bookingClients(bookingId: 14) { id } }";
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          execute(stack!.gateway.url, query, undefined, {
            authorization: `Bearer ${i % 2 === 0 ? "token-anna" : "token-lukas"}`,
          }),
        ),
      );
      // Each call ran as the user whose token asked for it: a mixed batch would run all as one user.
      expect(portalOf().stats().callsByUser).toEqual({ "5": 10, "6": 10 });
      expect(upstreamRequests(stack)).toBeGreaterThanOrEqual(2);
    });
  });
});
