import {
  AddResourceDocument,
  DeleteResourceDocument,
  ResourceDocument,
  ResourcesDocument,
  UpdateResourceDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { addBookingOnPortal, portalCall } from "../helpers/portal-rest";

/** The seeded rooms' settings: the documented defaults, with feedback requests off. */
const ROOM_NOTIFICATIONS = {
  info: { enabled: true, templateType: "INANIMATE", delaySeconds: 300 },
  confirmation: {
    enabled: true,
    templateType: "INANIMATE",
    delaySeconds: 86400,
    repetitions: 0,
    repetitionsIntervalSeconds: 0,
    counterDelaySeconds: 7200,
  },
  reminder: { enabled: true, templateType: "BASE", delaySeconds: -1, inMorningOfBookingDay: true },
  feedback: { enabled: false, templateType: "INANIMATE" },
  delayed: {
    enabled: true,
    templateType: "INANIMATE",
    delaySeconds: 300,
    counterDelaySeconds: 7200,
  },
};

describe("resources through the gateway", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.stop());

  it("reads a resource with its type and its notification settings per kind", async () => {
    const result = await execute(stack.gateway.url, ResourceDocument, { id: 1 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.resource).toEqual({
      id: 1,
      name: "Room 1",
      description: "Ground floor, eight seats and a screen",
      typeId: 1,
      isMain: true,
      notifications: ROOM_NOTIFICATIONS,
      type: { id: 1, name: "Meeting rooms", code: "meeting_rooms" },
    });
  });

  it("adds a resource that starts from its type's settings, reading it back in the same upstream request", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, AddResourceDocument, {
      input: {
        name: "Room 3",
        typeId: 1,
        isMain: false,
        notifications: { info: { enabled: false, templateType: "ANIMATE", delaySeconds: 60 } },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addResource).toEqual({
      id: expect.any(Number),
      name: "Room 3",
      description: null,
      typeId: 1,
      isMain: false,
      notifications: {
        ...ROOM_NOTIFICATIONS,
        info: { enabled: false, templateType: "ANIMATE", delaySeconds: 60 },
      },
    });
    expect(stack.portal.stats()).toMatchObject({
      httpRequests: 1,
      batchSizes: [2],
      callsByMethod: { "booking.v1.resource.add": 1, "booking.v1.resource.get": 1 },
    });
    const raw = await portalCall<{ resource: Record<string, unknown> }>(
      stack.portal,
      "booking.v1.resource.get",
      { id: result.data!.addResource.id },
    );
    expect(raw.resource).toMatchObject({
      isMain: "N",
      isInfoNotificationOn: "N",
      templateTypeInfo: "animate",
      infoNotificationDelay: 60,
    });
  });

  it("updates only the given fields; a null description removes it", async () => {
    const result = await execute(stack.gateway.url, UpdateResourceDocument, {
      id: 1,
      input: {
        name: "Room 1 (large)",
        description: null,
        typeId: 2,
        notifications: { reminder: { delaySeconds: 7200 } },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateResource).toMatchObject({
      id: 1,
      name: "Room 1 (large)",
      description: null,
      typeId: 2,
      isMain: true,
      notifications: {
        reminder: { delaySeconds: 7200, inMorningOfBookingDay: false },
        feedback: { enabled: false },
      },
    });
  });

  it("maps 1013 for a type that does not exist to RESOURCE_TYPE_NOT_FOUND, on add and on update", async () => {
    const add = await execute(stack.gateway.url, AddResourceDocument, {
      input: { name: "Nowhere", typeId: 999 },
    });
    expect(add.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_NOT_FOUND",
      bitrix: {
        error: "1013",
        description: "Resource type with id 999 does not exist",
        method: "booking.v1.resource.add",
      },
    });
    const update = await execute(stack.gateway.url, UpdateResourceDocument, {
      id: 1,
      input: { typeId: 999 },
    });
    expect(update.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_NOT_FOUND",
      bitrix: { error: "1013", method: "booking.v1.resource.update" },
    });
  });

  it("maps 1006 (resource.add without a type) to RESOURCE_TYPE_NOT_FOUND", async () => {
    stack.portal.injectFault({
      method: "booking.v1.resource.add",
      kind: "error",
      error: "1006",
      description: "ResourceType not found",
    });
    const result = await execute(stack.gateway.url, AddResourceDocument, {
      input: { name: "Room 9", typeId: 1 },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_NOT_FOUND",
      bitrix: { error: "1006", method: "booking.v1.resource.add" },
    });
  });

  it("maps the per-method not-found codes 1009 (get), 1007 (update), 1008 (delete) to RESOURCE_NOT_FOUND", async () => {
    const get = await execute(stack.gateway.url, ResourceDocument, { id: 999 });
    expect(get.data?.resource).toBeNull();
    expect(get.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_NOT_FOUND",
      bitrix: {
        error: "1009",
        description: "Resource not found",
        method: "booking.v1.resource.get",
      },
    });
    const update = await execute(stack.gateway.url, UpdateResourceDocument, {
      id: 999,
      input: { name: "x" },
    });
    expect(update.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_NOT_FOUND",
      bitrix: { error: "1007", method: "booking.v1.resource.update" },
    });
    const remove = await execute(stack.gateway.url, DeleteResourceDocument, { id: 999 });
    expect(remove.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_NOT_FOUND",
      bitrix: { error: "1008", method: "booking.v1.resource.delete" },
    });
  });

  it("maps 1008 for a resource with future bookings to RESOURCE_IN_USE", async () => {
    await addBookingOnPortal(stack.portal, {
      resourceIds: [2],
      from: Date.UTC(2031, 0, 6, 9) / 1000,
    });
    const result = await execute(stack.gateway.url, DeleteResourceDocument, { id: 2 });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_IN_USE",
      bitrix: { error: "1008", method: "booking.v1.resource.delete" },
    });
  });

  it("deletes a resource, after which it is not found", async () => {
    const deleted = await execute(stack.gateway.url, DeleteResourceDocument, { id: 3 });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data?.deleteResource).toEqual({ resourceId: 3 });
    const read = await execute(stack.gateway.url, ResourceDocument, { id: 3 });
    expect(read.errors?.[0]?.extensions?.code).toBe("RESOURCE_NOT_FOUND");
  });

  it("filters by types, schedule column and name search, and sorts by name descending", async () => {
    await portalCall(stack.portal, "booking.v1.resource.add", {
      fields: { name: "Projector", typeId: 1, isMain: "N" },
    });
    const byType = await execute(stack.gateway.url, ResourcesDocument, {
      filter: { typeIds: [2] },
    });
    expect(byType.data?.resources.items.map((r) => r.id)).toEqual([3]);
    const sideOnly = await execute(stack.gateway.url, ResourcesDocument, {
      filter: { isMain: false },
    });
    expect(sideOnly.data?.resources.items.map((r) => r.name)).toEqual(["Projector"]);
    const search = await execute(stack.gateway.url, ResourcesDocument, {
      filter: { searchQuery: "room", typeIds: [1, 2] },
      order: { field: "NAME", direction: "DESC" },
    });
    expect(search.data?.resources.items.map((r) => r.name)).toEqual(["Room 2", "Room 1"]);
  });

  it("pages through more than 50 resources with an exact hasMore", async () => {
    for (let i = 0; i < 55; i += 1) {
      await portalCall(stack.portal, "booking.v1.resource.add", {
        fields: { name: `Desk ${i}`, typeId: 1 },
      });
    }
    const all = await execute(stack.gateway.url, ResourcesDocument, {
      page: { limit: 200 },
    });
    expect(all.data?.resources.items).toHaveLength(58);
    expect(all.data?.resources.pageInfo).toEqual({ offset: 0, limit: 200, hasMore: false });
    const first = await execute(stack.gateway.url, ResourcesDocument, { page: { limit: 50 } });
    expect(first.data?.resources.items).toHaveLength(50);
    expect(first.data?.resources.pageInfo.hasMore).toBe(true);
    const next = await execute(stack.gateway.url, ResourcesDocument, {
      page: { limit: 50, offset: 50 },
    });
    expect(next.data?.resources.items.map((r) => r.id)).toEqual(
      all.data!.resources.items.slice(50).map((r) => r.id),
    );
    expect(next.data?.resources.pageInfo.hasMore).toBe(false);
  });
});
