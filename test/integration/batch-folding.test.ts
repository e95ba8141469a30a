import { BookingsDocument, SetBookingClientsDocument } from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { addBookingsWithClients } from "../helpers/portal-rest";

/** Upstream HTTP requests the portal received since its counters were reset. */
const upstreamRequests = (stack: TestStack) => stack.portal.stats().httpRequests;

describe("folding upstream calls into Bitrix24 batch requests", () => {
  let stack: TestStack;

  afterEach(() => stack.stop());

  describe("with folding on (the default)", () => {
    beforeEach(async () => {
      stack = await startStack({ portal: { seed: "demo" } });
    });

    it("reads 50 bookings with their clients in at most 2 upstream requests", async () => {
      await addBookingsWithClients(stack.portal, 46);
      stack.portal.resetStats();
      const result = await execute(stack.gateway.url, BookingsDocument, { page: { limit: 50 } });
      expect(result.errors).toBeUndefined();
      expect(result.data?.bookings.items).toHaveLength(50);
      expect(
        result.data?.bookings.items.filter((b) => b.clients.length > 0).length,
      ).toBeGreaterThanOrEqual(46);
      expect(upstreamRequests(stack)).toBeLessThanOrEqual(2);
      expect(stack.portal.stats().methodCalls).toBe(52);
    });

    it("sends 100 concurrent setBookingClients in at most 3 upstream requests", async () => {
      // 100 clients, each on its own open connection, as 100 browsers would be.
      await Promise.all(
        Array.from({ length: 100 }, () => execute(stack.gateway.url, "{ __typename }")),
      );
      stack.portal.resetStats();
      const results = await Promise.all(
        Array.from({ length: 100 }, () => execute(stack.gateway.url, SetBookingClientsDocument)),
      );
      expect(
        results.every((r) => r.errors === undefined && r.data?.setBookingClients.bookingId === 14),
      ).toBe(true);
      expect(stack.portal.stats().methodCalls).toBe(100);
      expect(upstreamRequests(stack)).toBeLessThanOrEqual(3);
    });

    it("sends a lone call without the batch wrapper", async () => {
      stack.portal.resetStats();
      await execute(stack.gateway.url, "{ booking(id: 14) { id } }");
      expect(stack.portal.stats()).toMatchObject({
        httpRequests: 1,
        batchRequests: 0,
        methodCalls: 1,
      });
    });

    it("splits more than 50 calls across batch requests of at most 50", async () => {
      const ids = await addBookingsWithClients(stack.portal, 60);
      stack.portal.resetStats();
      const query = `{ ${ids.map((id, i) => `b${i}: booking(id: ${id}) { id }`).join(" ")} }`;
      const result = await execute<Record<string, { id: number }>, never>(stack.gateway.url, query);
      expect(Object.values(result.data ?? {}).map((b) => b.id)).toEqual(ids);
      const { batchSizes, httpRequests } = stack.portal.stats();
      expect(httpRequests).toBe(2);
      expect(Math.max(...batchSizes)).toBeLessThanOrEqual(50);
      expect(batchSizes.reduce((a, b) => a + b, 0)).toBe(60);
    });

    it("fails only the field whose command failed inside the batch", async () => {
      stack.portal.resetStats();
      const result = await execute<{ a: { id: number } | null; b: { id: number } | null }, never>(
        stack.gateway.url,
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
      stack.portal.resetStats();
      const ok = await execute(
        stack.gateway.url,
        "mutation { setBookingClients(bookingId: 14, clients: [{id: 2, type: {code: CONTACT}}]) { booking { name clients { id } } } }",
      );
      expect(ok.errors).toBeUndefined();
      expect(stack.portal.stats()).toMatchObject({
        httpRequests: 1,
        batchSizes: [2],
        callsByMethod: { "booking.v1.booking.client.set": 1, "booking.v1.booking.get": 1 },
      });

      stack.portal.resetStats();
      const failed = await execute(
        stack.gateway.url,
        "mutation { setBookingClients(bookingId: 999999, clients: [{id: 2, type: {code: CONTACT}}]) { booking { name } } }",
      );
      expect(failed.errors?.[0]?.extensions?.code).toBe("BOOKING_NOT_FOUND");
      expect(stack.portal.stats().callsByMethod).toEqual({ "booking.v1.booking.client.set": 1 });
    });

    it("keeps the order of a mutation's root fields: what one wrote, the next one sees", async () => {
      const result = await execute<
        Record<string, { booking: { clients: Array<{ id: number }> } }>,
        never
      >(
        stack.gateway.url,
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

  describe("with folding off", () => {
    beforeEach(async () => {
      stack = await startStack({ env: { BATCHING: "off" } });
    });

    it("sends one upstream request per call: the baseline folding is measured against", async () => {
      await addBookingsWithClients(stack.portal, 46);
      stack.portal.resetStats();
      const result = await execute(stack.gateway.url, BookingsDocument, { page: { limit: 50 } });
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
      stack.portal.resetStats();
      const query = "{ bookingClients(bookingId: 14) { id } }";
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          execute(stack.gateway.url, query, undefined, {
            authorization: `Bearer ${i % 2 === 0 ? "token-anna" : "token-lukas"}`,
          }),
        ),
      );
      // Each call ran as the user whose token asked for it: a mixed batch would run all as one user.
      expect(stack.portal.stats().callsByUser).toEqual({ "5": 10, "6": 10 });
      expect(upstreamRequests(stack)).toBeGreaterThanOrEqual(2);
    });
  });
});
