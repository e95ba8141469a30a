import { BookingsWithResourcesDocument } from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { addBookingsWithClients } from "../helpers/portal-rest";

describe("traversing the booking graph", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.stop());

  it("reads 50 bookings with their resources, resource types and clients in at most 4 upstream requests", async () => {
    await addBookingsWithClients(stack.portal, 46);
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, BookingsWithResourcesDocument, {
      page: { limit: 50 },
    });
    expect(result.errors).toBeUndefined();
    const bookings = result.data!.bookings.items;
    expect(bookings).toHaveLength(50);
    expect(bookings.find((b) => b.id === 15)?.resources).toEqual([
      { id: 3, name: "Massage therapist Anna", type: { id: 2, name: "Specialists" } },
      { id: 1, name: "Room 1", type: { id: 1, name: "Meeting rooms" } },
    ]);
    expect(bookings.filter((b) => b.clients.length > 0).length).toBeGreaterThanOrEqual(46);
    // 2 list pages (the second says whether more exist), 50 client lists, 3 distinct resources and
    // 2 distinct types: each read once, folded into batches.
    expect(stack.portal.stats().methodCalls).toBe(57);
    expect(stack.portal.stats().httpRequests).toBeLessThanOrEqual(4);
  });

  it("leaves out a booked resource that is gone, with an error of its own, and keeps the rest", async () => {
    stack.portal.injectFault({
      method: "booking.v1.resource.get",
      kind: "error",
      error: "1009",
      description: "Resource not found",
    });
    const result = await execute<
      { booking: { resources: Array<{ id: number }> } | null },
      { id: number }
    >(stack.gateway.url, "query ($id: Int!) { booking(id: $id) { resources { id } } }", {
      id: 15,
    });
    expect(result.data?.booking?.resources).toHaveLength(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["booking", "resources", expect.any(Number)],
        extensions: expect.objectContaining({ code: "RESOURCE_NOT_FOUND", bookingId: 15 }),
      }),
    ]);
  });

  it("resolves Resource, ResourceType and WaitListItem entities for the router through the loaders", async () => {
    stack.portal.resetStats();
    const result = await execute<{ _entities: unknown[] }, { representations: unknown[] }>(
      stack.gateway.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Resource { id name type { code } }
          ... on ResourceType { id code }
          ... on WaitListItem { id note clients { id } }
        }
      }`,
      {
        representations: [
          { __typename: "Resource", id: 1 },
          { __typename: "ResourceType", id: 2 },
          { __typename: "WaitListItem", id: 1 },
          { __typename: "Resource", id: 3 },
          { __typename: "Resource", id: 1 },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: 1, name: "Room 1", type: { code: "meeting_rooms" } },
      { id: 2, code: "specialists" },
      { id: 1, note: "Any free room on a Friday morning", clients: [{ id: 2 }] },
      { id: 3, name: "Massage therapist Anna", type: { code: "specialists" } },
      { id: 1, name: "Room 1", type: { code: "meeting_rooms" } },
    ]);
    // Resource 1 once, type 2 once (shared by the representation and resource 3's type).
    expect(stack.portal.stats().callsByMethod).toEqual({
      "booking.v1.resource.get": 2,
      "booking.v1.resourcetype.get": 2,
      "booking.v1.waitlist.get": 1,
      "booking.v1.waitlist.client.list": 1,
    });
    expect(stack.portal.stats().httpRequests).toBeLessThanOrEqual(2);
  });

  it("answers a missing entity with null and its own not-found code", async () => {
    const result = await execute<{ _entities: unknown[] }, { representations: unknown[] }>(
      stack.gateway.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on WaitListItem { id } }
      }`,
      { representations: [{ __typename: "WaitListItem", id: 999 }] },
    );
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0]?.extensions?.code).toBe("WAITLIST_ITEM_NOT_FOUND");
  });
});
