import {
  BookingExternalDataDocument,
  SetBookingExternalDataDocument,
  SetWaitListItemExternalDataDocument,
  UnsetBookingExternalDataDocument,
  UnsetWaitListItemExternalDataDocument,
  WaitListItemDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

const deal = (value: string) => ({ module: "CRM", entityType: "DEAL", value });

describe("links to CRM deals through the gateway", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.stop());

  it("reads a booking's links", async () => {
    const result = await execute(stack.gateway.url, BookingExternalDataDocument, {
      bookingId: 14,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.booking).toEqual({ id: 14, externalData: [deal("1")] });
  });

  it("replaces a booking's links and reads the booking in the same upstream request", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, SetBookingExternalDataDocument, {
      bookingId: 12,
      externalData: [{ value: "7" }, { module: "CRM", entityType: "DEAL", value: "8" }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setBookingExternalData).toEqual({
      bookingId: 12,
      externalData: [deal("7"), deal("8")],
      booking: { id: 12, externalData: [{ value: "7" }, { value: "8" }] },
    });
    expect(stack.portal.stats()).toMatchObject({
      httpRequests: 1,
      batchSizes: [2],
      callsByMethod: {
        "booking.v1.booking.externaldata.set": 1,
        "booking.v1.booking.get": 1,
      },
    });
    const read = await execute(stack.gateway.url, BookingExternalDataDocument, { bookingId: 12 });
    expect(read.data?.booking?.externalData).toEqual([deal("7"), deal("8")]);
  });

  it("removes every link of a booking", async () => {
    const result = await execute(stack.gateway.url, UnsetBookingExternalDataDocument, {
      bookingId: 14,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.unsetBookingExternalData).toEqual({
      bookingId: 14,
      booking: { id: 14, externalData: [] },
    });
  });

  it("maps 1021 from the booking link methods to BOOKING_NOT_FOUND", async () => {
    const set = await execute(stack.gateway.url, SetBookingExternalDataDocument, {
      bookingId: 999,
      externalData: [{ value: "1" }],
    });
    expect(set.errors?.[0]?.extensions).toMatchObject({
      code: "BOOKING_NOT_FOUND",
      bitrix: { error: "1021", method: "booking.v1.booking.externalData.set" },
    });
    const unset = await execute(stack.gateway.url, UnsetBookingExternalDataDocument, {
      bookingId: 999,
    });
    expect(unset.errors?.[0]?.extensions).toMatchObject({
      code: "BOOKING_NOT_FOUND",
      bitrix: { error: "1021", method: "booking.v1.booking.externalData.unset" },
    });
    stack.portal.injectFault({
      method: "booking.v1.booking.externalData.list",
      kind: "error",
      error: "1021",
      description: "Booking not found",
    });
    const list = await execute(stack.gateway.url, BookingExternalDataDocument, { bookingId: 14 });
    expect(list.errors?.[0]).toMatchObject({
      path: ["booking", "externalData"],
      extensions: {
        code: "BOOKING_NOT_FOUND",
        bitrix: { error: "1021", method: "booking.v1.booking.externalData.list" },
      },
    });
  });

  it("replaces and removes a waitlist item's links", async () => {
    const set = await execute(stack.gateway.url, SetWaitListItemExternalDataDocument, {
      waitListItemId: 2,
      externalData: [{ value: "1" }],
    });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setWaitListItemExternalData).toEqual({
      waitListItemId: 2,
      externalData: [deal("1")],
      waitListItem: { id: 2, externalData: [{ value: "1" }] },
    });
    const read = await execute(stack.gateway.url, WaitListItemDocument, { id: 2 });
    expect(read.data?.waitListItem?.externalData).toEqual([deal("1")]);

    const unset = await execute(stack.gateway.url, UnsetWaitListItemExternalDataDocument, {
      waitListItemId: 2,
    });
    expect(unset.data?.unsetWaitListItemExternalData).toEqual({
      waitListItemId: 2,
      waitListItem: { id: 2, externalData: [] },
    });
  });

  it("maps 1040 from the waitlist link methods to WAITLIST_ITEM_NOT_FOUND", async () => {
    const set = await execute(stack.gateway.url, SetWaitListItemExternalDataDocument, {
      waitListItemId: 999,
      externalData: [{ value: "1" }],
    });
    expect(set.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1040", method: "booking.v1.waitlist.externalData.set" },
    });
    const unset = await execute(stack.gateway.url, UnsetWaitListItemExternalDataDocument, {
      waitListItemId: 999,
    });
    expect(unset.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1040", method: "booking.v1.waitlist.externalData.unset" },
    });
    stack.portal.injectFault({
      method: "booking.v1.waitlist.externalData.list",
      kind: "error",
      error: "1040",
      description: "Wait list not found",
    });
    const list = await execute(stack.gateway.url, WaitListItemDocument, { id: 1 });
    expect(list.errors?.[0]).toMatchObject({
      path: ["waitListItem", "externalData"],
      extensions: {
        code: "WAITLIST_ITEM_NOT_FOUND",
        bitrix: { error: "1040", method: "booking.v1.waitlist.externalData.list" },
      },
    });
  });

  it("leaves out a link of a kind this API does not know, with an error of its own", async () => {
    stack.portal.injectFault({
      method: "booking.v1.booking.externalData.list",
      kind: "result",
      result: {
        externalData: [
          { moduleId: "crm", entityTypeId: "DEAL", value: "1" },
          { moduleId: "tasks", entityTypeId: "TASK", value: "5" },
        ],
      },
    });
    const result = await execute(stack.gateway.url, BookingExternalDataDocument, {
      bookingId: 14,
    });
    expect(result.data?.booking?.externalData).toEqual([deal("1")]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["booking", "externalData", 1],
        extensions: expect.objectContaining({ code: "UPSTREAM_UNKNOWN_VALUE", bookingId: 14 }),
      }),
    ]);
  });
});
