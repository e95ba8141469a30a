import {
  BookingClientsDocument,
  SetBookingClientsDocument,
  SetBookingClientsWithBookingDocument,
  UnsetBookingClientsDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

describe("setBookingClients against the demo portal over HTTP", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.stop());

  it("runs the seed example, and bookingClients then returns the two contacts", async () => {
    const set = await execute(stack.gateway.url, SetBookingClientsDocument);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setBookingClients).toEqual({
      bookingId: 14,
      clients: [
        { id: 1, type: { module: "CRM", code: "CONTACT" } },
        { id: 2, type: { module: "CRM", code: "CONTACT" } },
      ],
    });

    const read = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    expect(read.errors).toBeUndefined();
    expect(read.data?.bookingClients).toEqual([
      { id: 1, type: { module: "CRM", code: "CONTACT" } },
      { id: 2, type: { module: "CRM", code: "CONTACT" } },
    ]);
    expect(stack.portal.stats().callsByMethod).toMatchObject({
      "booking.v1.booking.client.set": 1,
      "booking.v1.booking.client.list": 1,
    });
  });

  it("replaces the whole list, as client.set does", async () => {
    await execute(stack.gateway.url, SetBookingClientsDocument);
    await execute(stack.gateway.url, SetBookingClientsWithBookingDocument, {
      bookingId: 14,
      clients: [{ id: 1, type: { code: "COMPANY" } }],
    });
    const read = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    expect(read.data?.bookingClients).toEqual([
      { id: 1, type: { module: "CRM", code: "COMPANY" } },
    ]);
  });

  it("answers the payload's clients from the input, without a second upstream call", async () => {
    stack.portal.resetStats();
    await execute(stack.gateway.url, SetBookingClientsDocument);
    expect(stack.portal.stats().methodCalls).toBe(1);
  });

  it("reads the booking back after the write only when it is selected", async () => {
    const result = await execute(stack.gateway.url, SetBookingClientsWithBookingDocument, {
      bookingId: 14,
      clients: [{ id: 2, type: { code: "CONTACT" } }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setBookingClients.booking).toEqual({
      id: 14,
      name: expect.any(String),
      clients: [{ id: 2 }],
    });
  });

  it("unsetBookingClients removes every client", async () => {
    await execute(stack.gateway.url, SetBookingClientsDocument);
    const unset = await execute(stack.gateway.url, UnsetBookingClientsDocument, { bookingId: 14 });
    expect(unset.data?.unsetBookingClients).toEqual({ bookingId: 14 });
    const read = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    expect(read.data?.bookingClients).toEqual([]);
  });

  it("maps a missing booking to BOOKING_NOT_FOUND with the Bitrix24 details", async () => {
    const result = await execute(stack.gateway.url, SetBookingClientsWithBookingDocument, {
      bookingId: 999999,
      clients: [{ id: 1, type: { code: "CONTACT" } }],
    });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["setBookingClients"],
        extensions: {
          code: "BOOKING_NOT_FOUND",
          bitrix: {
            error: "1021",
            description: "Booking not found",
            status: 400,
            method: "booking.v1.booking.client.set",
          },
        },
      }),
    ]);
  });
});
