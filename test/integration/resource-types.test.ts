import {
  AddResourceTypeDocument,
  DeleteResourceTypeDocument,
  ResourceTypeDocument,
  ResourceTypesDocument,
  UpdateResourceTypeDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { portalCall } from "../helpers/portal-rest";

describe("resource types through the gateway", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.stop());

  it("reads a type with its notification settings per kind and its resources", async () => {
    const result = await execute(stack.gateway.url, ResourceTypeDocument, { id: 2 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.resourceType).toEqual({
      id: 2,
      name: "Specialists",
      code: "specialists",
      notifications: {
        confirmation: {
          enabled: true,
          templateType: "ANIMATE",
          delaySeconds: 86400,
          repetitions: 1,
          repetitionsIntervalSeconds: 10800,
          counterDelaySeconds: 7200,
        },
        reminder: {
          enabled: true,
          templateType: "BASE",
          delaySeconds: -1,
          inMorningOfBookingDay: true,
        },
        feedback: { enabled: true, templateType: "ANIMATE" },
        delayed: {
          enabled: true,
          templateType: "ANIMATE",
          delaySeconds: 300,
          counterDelaySeconds: 7200,
        },
      },
      resources: { items: [{ id: 3, name: "Massage therapist Anna" }] },
    });
  });

  it("adds a type and reads it back in the same upstream request, delays under their *NotificationDelay names", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, AddResourceTypeDocument, {
      input: {
        name: "Cars",
        code: "cars",
        notifications: {
          confirmation: { enabled: false, delaySeconds: 3600, repetitions: 2 },
          reminder: { delaySeconds: 1800 },
          feedback: { templateType: "ANIMATE" },
        },
      },
    });
    expect(result.errors).toBeUndefined();
    const added = result.data!.addResourceType;
    expect(added).toMatchObject({
      name: "Cars",
      code: "cars",
      notifications: {
        confirmation: { enabled: false, delaySeconds: 3600, repetitions: 2 },
        reminder: { delaySeconds: 1800, inMorningOfBookingDay: false },
        feedback: { enabled: true, templateType: "ANIMATE" },
      },
    });
    expect(stack.portal.stats()).toMatchObject({
      httpRequests: 1,
      batchSizes: [2],
      callsByMethod: { "booking.v1.resourcetype.add": 1, "booking.v1.resourcetype.get": 1 },
    });
    const raw = await portalCall<{ resourceType: Record<string, unknown> }>(
      stack.portal,
      "booking.v1.resourceType.get",
      { id: added.id },
    );
    expect(raw.resourceType).toMatchObject({
      isConfirmationNotificationOn: "N",
      confirmationNotificationDelay: 3600,
      confirmationNotificationRepetitions: 2,
      reminderNotificationDelay: 1800,
      templateTypeFeedback: "animate",
    });
  });

  it("updates only the given fields and returns the type as stored", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, UpdateResourceTypeDocument, {
      id: 1,
      input: { name: "Rooms", notifications: { delayed: { enabled: false } } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateResourceType).toMatchObject({
      id: 1,
      name: "Rooms",
      code: "meeting_rooms",
      notifications: {
        delayed: { enabled: false, templateType: "INANIMATE", delaySeconds: 300 },
        feedback: { enabled: false },
      },
    });
    expect(stack.portal.stats()).toMatchObject({ httpRequests: 1, batchSizes: [2] });
  });

  it("maps 1010 for a code that exists to RESOURCE_TYPE_CODE_TAKEN", async () => {
    const result = await execute(stack.gateway.url, AddResourceTypeDocument, {
      input: { name: "More rooms", code: "meeting_rooms" },
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_CODE_TAKEN",
      bitrix: { error: "1010", status: 400, method: "booking.v1.resourceType.add" },
    });
  });

  it("maps 1011 for an update to a code in use, the type's own included, to RESOURCE_TYPE_CODE_TAKEN", async () => {
    for (const [id, code] of [
      [1, "specialists"],
      [1, "meeting_rooms"],
    ] as const) {
      const result = await execute(stack.gateway.url, UpdateResourceTypeDocument, {
        id,
        input: { code },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: "RESOURCE_TYPE_CODE_TAKEN",
        bitrix: { error: "1011", method: "booking.v1.resourceType.update" },
      });
    }
  });

  it("refuses a code that an earlier field of the same request gave to a type, before any upstream call", async () => {
    const result = await execute<Record<string, { id: number } | null>, never>(
      stack.gateway.url,
      `mutation {
        first: addResourceType(input: {name: "Boats", code: "boats"}) { id }
        second: addResourceType(input: {name: "More boats", code: "boats"}) { id }
      }`,
    );
    // The first field ran (the second's error nulls the whole non-null mutation result).
    const types = await execute(stack.gateway.url, ResourceTypesDocument, {
      filter: { code: "boats" },
    });
    const id = types.data?.resourceTypes.items[0]?.id;
    expect(types.data?.resourceTypes.items).toEqual([{ id, name: "Boats", code: "boats" }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ["second"],
      message: `input.code must be unique: an earlier field of this request gave it to resource type ${id}, got "boats"`,
      extensions: { code: "BAD_USER_INPUT", field: "input.code", value: "boats" },
    });
    expect(stack.portal.stats().callsByMethod["booking.v1.resourcetype.add"]).toBe(1);
  });

  it("maps the per-method not-found codes 1013 (get), 1007 (update), 1012 (delete) to RESOURCE_TYPE_NOT_FOUND", async () => {
    const get = await execute(stack.gateway.url, ResourceTypeDocument, { id: 999 });
    expect(get.data?.resourceType).toBeNull();
    expect(get.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_NOT_FOUND",
      bitrix: { error: "1013", method: "booking.v1.resourceType.get" },
    });

    const update = await execute(stack.gateway.url, UpdateResourceTypeDocument, {
      id: 999,
      input: { name: "x" },
    });
    expect(update.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_NOT_FOUND",
      bitrix: { error: "1007", method: "booking.v1.resourceType.update" },
    });

    const remove = await execute(stack.gateway.url, DeleteResourceTypeDocument, { id: 999 });
    expect(remove.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_NOT_FOUND",
      bitrix: {
        error: "1012",
        description: "Resource type has not been found",
        method: "booking.v1.resourceType.delete",
      },
    });
  });

  it("maps 1012 for a type that resources still use to RESOURCE_TYPE_IN_USE", async () => {
    const result = await execute(stack.gateway.url, DeleteResourceTypeDocument, { id: 1 });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_TYPE_IN_USE",
      bitrix: { error: "1012", method: "booking.v1.resourceType.delete" },
    });
  });

  it("deletes an unused type, after which it is not found", async () => {
    const added = await execute(stack.gateway.url, AddResourceTypeDocument, {
      input: { name: "Bikes", code: "bikes" },
    });
    const id = added.data!.addResourceType.id;
    const deleted = await execute(stack.gateway.url, DeleteResourceTypeDocument, { id });
    expect(deleted.data?.deleteResourceType).toEqual({ resourceTypeId: id });
    const read = await execute(stack.gateway.url, ResourceTypeDocument, { id });
    expect(read.errors?.[0]?.extensions?.code).toBe("RESOURCE_TYPE_NOT_FOUND");
  });

  it("filters by code and by name search, and sorts by name descending", async () => {
    const byCode = await execute(stack.gateway.url, ResourceTypesDocument, {
      filter: { code: "specialists" },
    });
    expect(byCode.data?.resourceTypes.items).toEqual([
      { id: 2, name: "Specialists", code: "specialists" },
    ]);
    const search = await execute(stack.gateway.url, ResourceTypesDocument, {
      filter: { searchQuery: "ROOM" },
    });
    expect(search.data?.resourceTypes.items.map((type) => type.id)).toEqual([1]);
    const sorted = await execute(stack.gateway.url, ResourceTypesDocument, {
      order: { field: "NAME", direction: "DESC" },
    });
    expect(sorted.data?.resourceTypes.items.map((type) => type.name)).toEqual([
      "Specialists",
      "Meeting rooms",
    ]);
  });

  it("pages through more than 50 types with an exact hasMore", async () => {
    for (let i = 0; i < 60; i += 1) {
      await portalCall(stack.portal, "booking.v1.resourceType.add", {
        fields: { name: `Type ${i}`, code: `type_${i}` },
      });
    }
    stack.portal.resetStats();
    const all = await execute(stack.gateway.url, ResourceTypesDocument, {
      page: { limit: 100, offset: 0 },
    });
    expect(all.data?.resourceTypes.items).toHaveLength(62);
    expect(all.data?.resourceTypes.pageInfo).toEqual({ offset: 0, limit: 100, hasMore: false });
    // Three upstream pages (0-49, 50-99, 100-149), asked for at once: one batch request.
    expect(stack.portal.stats()).toMatchObject({ httpRequests: 1, methodCalls: 3 });

    const middle = await execute(stack.gateway.url, ResourceTypesDocument, {
      page: { limit: 10, offset: 45 },
    });
    expect(middle.data?.resourceTypes.items.map((type) => type.id)).toEqual(
      all.data!.resourceTypes.items.slice(45, 55).map((type) => type.id),
    );
    expect(middle.data?.resourceTypes.pageInfo.hasMore).toBe(true);

    const tail = await execute(stack.gateway.url, ResourceTypesDocument, {
      page: { limit: 50, offset: 50 },
    });
    expect(tail.data?.resourceTypes.items).toHaveLength(12);
    expect(tail.data?.resourceTypes.pageInfo.hasMore).toBe(false);
  });
});
