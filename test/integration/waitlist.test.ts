import {
  AddWaitListItemDocument,
  BookingDocument,
  CreateBookingFromWaitListDocument,
  CreateWaitListItemFromBookingDocument,
  DeleteWaitListItemDocument,
  SetWaitListItemClientsDocument,
  UnsetWaitListItemClientsDocument,
  UpdateWaitListItemDocument,
  WaitListItemDocument,
  WaitListItemsDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { portalCall } from "../helpers/portal-rest";

const BERLIN = "Europe/Berlin";
const FROM = Date.UTC(2026, 11, 4, 9) / 1000;
const period = {
  from: { timestamp: FROM, timezone: BERLIN },
  to: { timestamp: FROM + 3600, timezone: BERLIN },
};

describe("the waitlist through the gateway", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.stop());

  it("reads an item with its clients and links", async () => {
    const result = await execute(stack.gateway.url, WaitListItemDocument, { id: 1 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.waitListItem).toEqual({
      id: 1,
      note: "Any free room on a Friday morning",
      clients: [{ id: 2, type: { module: "CRM", code: "CONTACT" } }],
      externalData: [],
    });
  });

  it("adds an item and reads it back in the same upstream request", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, AddWaitListItemDocument, {
      input: { note: "Call back on Monday" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addWaitListItem).toEqual({
      id: expect.any(Number),
      note: "Call back on Monday",
      clients: [],
      externalData: [],
    });
    expect(stack.portal.stats()).toMatchObject({
      callsByMethod: { "booking.v1.waitlist.add": 1, "booking.v1.waitlist.get": 1 },
      batchSizes: [2, 2],
    });
    const noNote = await execute(stack.gateway.url, AddWaitListItemDocument, {});
    expect(noNote.data?.addWaitListItem.note).toBeNull();
  });

  it("updates the note and returns the item as stored", async () => {
    const result = await execute(stack.gateway.url, UpdateWaitListItemDocument, {
      id: 3,
      input: { note: "Walk-in, prefers mornings" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateWaitListItem).toEqual({ id: 3, note: "Walk-in, prefers mornings" });
  });

  it("deletes an item, after which it is not found", async () => {
    const deleted = await execute(stack.gateway.url, DeleteWaitListItemDocument, { id: 3 });
    expect(deleted.data?.deleteWaitListItem).toEqual({ waitListItemId: 3 });
    const read = await execute(stack.gateway.url, WaitListItemDocument, { id: 3 });
    expect(read.data?.waitListItem).toBeNull();
    expect(read.errors?.[0]?.extensions?.code).toBe("WAITLIST_ITEM_NOT_FOUND");
  });

  it("maps 1040 (get, update) and 1036 (delete) to WAITLIST_ITEM_NOT_FOUND", async () => {
    const get = await execute(stack.gateway.url, WaitListItemDocument, { id: 999 });
    expect(get.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1040", method: "booking.v1.waitlist.get" },
    });
    const update = await execute(stack.gateway.url, UpdateWaitListItemDocument, {
      id: 999,
      input: { note: "x" },
    });
    expect(update.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1040", method: "booking.v1.waitlist.update" },
    });
    const remove = await execute(stack.gateway.url, DeleteWaitListItemDocument, { id: 999 });
    expect(remove.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1036", method: "booking.v1.waitlist.delete" },
    });
  });

  it("lists items created on given days", async () => {
    const result = await execute(stack.gateway.url, WaitListItemsDocument, {
      filter: { createdWithin: { from: "2026-03-01", to: "2026-04-03" } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.waitListItems.items.map((item) => item.id)).toEqual([1, 2]);
    const lastDayLeftOut = await execute(stack.gateway.url, WaitListItemsDocument, {
      filter: { createdWithin: { from: "2026-03-01", to: "2026-04-02" } },
    });
    expect(lastDayLeftOut.data?.waitListItems.items.map((item) => item.id)).toEqual([1]);
  });

  it("pages through more than 50 items with an exact hasMore", async () => {
    for (let i = 0; i < 57; i += 1) {
      await portalCall(stack.portal, "booking.v1.waitlist.add", { fields: { note: `Call ${i}` } });
    }
    const all = await execute(stack.gateway.url, WaitListItemsDocument, { page: { limit: 60 } });
    expect(all.data?.waitListItems.items).toHaveLength(60);
    expect(all.data?.waitListItems.pageInfo).toEqual({ offset: 0, limit: 60, hasMore: false });
    const page = await execute(stack.gateway.url, WaitListItemsDocument, {
      page: { limit: 10, offset: 49 },
    });
    expect(page.data?.waitListItems.items.map((item) => item.id)).toEqual(
      all.data!.waitListItems.items.slice(49, 59).map((item) => item.id),
    );
    expect(page.data?.waitListItems.pageInfo.hasMore).toBe(true);
  });

  it("moves a booking to the waitlist with its clients and links, reading the new item in the same upstream request", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, CreateWaitListItemFromBookingDocument, {
      bookingId: 14,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createWaitListItemFromBooking).toEqual({
      id: expect.any(Number),
      note: null,
      clients: [{ id: 1, type: { module: "CRM", code: "COMPANY" } }],
      externalData: [{ module: "CRM", entityType: "DEAL", value: "1" }],
    });
    expect(stack.portal.stats().batchSizes[0]).toBe(2);
    const booking = await execute(stack.gateway.url, BookingDocument, { id: 14 });
    expect(booking.errors?.[0]?.extensions?.code).toBe("BOOKING_NOT_FOUND");
  });

  it("maps 1037 (createfrombooking for a missing booking) to BOOKING_NOT_FOUND", async () => {
    const result = await execute(stack.gateway.url, CreateWaitListItemFromBookingDocument, {
      bookingId: 999,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BOOKING_NOT_FOUND",
      bitrix: {
        error: "1037",
        description: "booking not found",
        method: "booking.v1.waitlist.createfrombooking",
      },
    });
  });

  it("books a waitlist item, which takes its clients along and leaves the waitlist", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, CreateBookingFromWaitListDocument, {
      waitListItemId: 1,
      input: { resourceIds: [2], datePeriod: period },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createBookingFromWaitList).toEqual({
      id: expect.any(Number),
      name: "",
      resourceIds: [2],
      datePeriod: period,
      clients: [{ id: 2, type: { code: "CONTACT" } }],
      externalData: [],
    });
    expect(stack.portal.stats().batchSizes[0]).toBe(2);
    const item = await execute(stack.gateway.url, WaitListItemDocument, { id: 1 });
    expect(item.errors?.[0]?.extensions?.code).toBe("WAITLIST_ITEM_NOT_FOUND");
  });

  it("maps 1038 for a missing item to WAITLIST_ITEM_NOT_FOUND, and for missing resources to RESOURCES_UNAVAILABLE", async () => {
    const missingItem = await execute(stack.gateway.url, CreateBookingFromWaitListDocument, {
      waitListItemId: 999,
      input: { resourceIds: [1], datePeriod: period },
    });
    expect(missingItem.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1038", method: "booking.v1.booking.createfromwaitlist" },
    });
    const missingResource = await execute(stack.gateway.url, CreateBookingFromWaitListDocument, {
      waitListItemId: 2,
      input: { resourceIds: [999], datePeriod: period },
    });
    expect(missingResource.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCES_UNAVAILABLE",
      bitrix: { error: "1038", description: "Some resources were not found: 999" },
    });
  });

  it("replaces an item's clients and reads the item in the same upstream request", async () => {
    stack.portal.resetStats();
    const set = await execute(stack.gateway.url, SetWaitListItemClientsDocument, {
      waitListItemId: 3,
      clients: [
        { id: 1, type: { code: "COMPANY" } },
        { id: 2, type: { code: "CONTACT" } },
      ],
    });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setWaitListItemClients).toEqual({
      waitListItemId: 3,
      clients: [
        { id: 1, type: { module: "CRM", code: "COMPANY" } },
        { id: 2, type: { module: "CRM", code: "CONTACT" } },
      ],
      waitListItem: { id: 3, clients: [{ id: 1 }, { id: 2 }] },
    });
    expect(stack.portal.stats()).toMatchObject({
      httpRequests: 1,
      callsByMethod: { "booking.v1.waitlist.client.set": 1, "booking.v1.waitlist.get": 1 },
    });
    const read = await execute(stack.gateway.url, WaitListItemDocument, { id: 3 });
    expect(read.data?.waitListItem?.clients).toHaveLength(2);

    const unset = await execute(stack.gateway.url, UnsetWaitListItemClientsDocument, {
      waitListItemId: 3,
    });
    expect(unset.data?.unsetWaitListItemClients).toEqual({
      waitListItemId: 3,
      waitListItem: { id: 3, clients: [] },
    });
    const after = await execute(stack.gateway.url, WaitListItemDocument, { id: 3 });
    expect(after.data?.waitListItem?.clients).toEqual([]);
  });

  it("maps 1040 from the client methods to WAITLIST_ITEM_NOT_FOUND", async () => {
    const set = await execute(stack.gateway.url, SetWaitListItemClientsDocument, {
      waitListItemId: 999,
      clients: [{ id: 1, type: { code: "CONTACT" } }],
    });
    expect(set.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1040", method: "booking.v1.waitlist.client.set" },
    });
    const unset = await execute(stack.gateway.url, UnsetWaitListItemClientsDocument, {
      waitListItemId: 999,
    });
    expect(unset.errors?.[0]?.extensions).toMatchObject({
      code: "WAITLIST_ITEM_NOT_FOUND",
      bitrix: { error: "1040", method: "booking.v1.waitlist.client.unset" },
    });
    stack.portal.injectFault({
      method: "booking.v1.waitlist.client.list",
      kind: "error",
      error: "1040",
      description: "Wait list not found",
    });
    const list = await execute(stack.gateway.url, WaitListItemDocument, { id: 1 });
    expect(list.errors?.[0]).toMatchObject({
      path: ["waitListItem", "clients"],
      extensions: {
        code: "WAITLIST_ITEM_NOT_FOUND",
        bitrix: { error: "1040", method: "booking.v1.waitlist.client.list" },
      },
    });
  });
});
