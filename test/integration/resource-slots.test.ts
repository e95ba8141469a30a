import {
  ResourceSlotsDocument,
  SetResourceSlotsDocument,
  SetResourceSlotsWithResourceDocument,
  UnsetResourceSlotsDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

const WORKING_DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] as const;

describe("resource slots through the gateway", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.stop());

  it("lists a resource's slot ranges with minutes, clock times and week days", async () => {
    const result = await execute(stack.gateway.url, ResourceSlotsDocument, { resourceId: 3 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.resource?.slots).toEqual([
      {
        id: expect.any(Number),
        from: 540,
        to: 780,
        fromTime: "09:00",
        toTime: "13:00",
        weekDays: WORKING_DAYS,
        slotSize: 30,
        timezone: "Europe/Berlin",
      },
      {
        id: expect.any(Number),
        from: 840,
        to: 1080,
        fromTime: "14:00",
        toTime: "18:00",
        weekDays: WORKING_DAYS,
        slotSize: 30,
        timezone: "Europe/Berlin",
      },
    ]);
  });

  it("replaces every range and lists the new ones in the same upstream request", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, SetResourceSlotsDocument, {
      resourceId: 1,
      slots: [
        {
          from: 450,
          to: 1440,
          weekDays: ["SUNDAY", "SATURDAY"],
          slotSize: 45,
          timezone: "America/New_York",
        },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setResourceSlots).toEqual({
      resourceId: 1,
      slots: [
        {
          id: expect.any(Number),
          from: 450,
          to: 1440,
          fromTime: "07:30",
          toTime: "24:00",
          weekDays: ["SATURDAY", "SUNDAY"],
          slotSize: 45,
          timezone: "America/New_York",
        },
      ],
    });
    expect(stack.portal.stats()).toMatchObject({
      httpRequests: 1,
      batchSizes: [2],
      callsByMethod: {
        "booking.v1.resource.slots.set": 1,
        "booking.v1.resource.slots.list": 1,
      },
    });
    const read = await execute(stack.gateway.url, ResourceSlotsDocument, { resourceId: 1 });
    expect(read.data?.resource?.slots).toEqual(result.data?.setResourceSlots.slots);
  });

  it("reads the resource in the same upstream request only when the payload selects it", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, SetResourceSlotsWithResourceDocument, {
      resourceId: 2,
      slots: [{ from: 600, to: 660, weekDays: ["MONDAY"], slotSize: 60, timezone: "UTC" }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setResourceSlots.resource).toEqual({ id: 2, name: "Room 2" });
    expect(stack.portal.stats()).toMatchObject({ httpRequests: 1, batchSizes: [3] });
  });

  it("unsets every range", async () => {
    const result = await execute(stack.gateway.url, UnsetResourceSlotsDocument, { resourceId: 3 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.unsetResourceSlots).toEqual({
      resourceId: 3,
      resource: { id: 3, slots: [] },
    });
    const read = await execute(stack.gateway.url, ResourceSlotsDocument, { resourceId: 3 });
    expect(read.data?.resource?.slots).toEqual([]);
  });

  it("maps 1009 from slots.set and slots.unset for a missing resource to RESOURCE_NOT_FOUND", async () => {
    const set = await execute(stack.gateway.url, SetResourceSlotsDocument, {
      resourceId: 999,
      slots: [{ from: 600, to: 660, weekDays: ["MONDAY"], slotSize: 60, timezone: "UTC" }],
    });
    expect(set.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_NOT_FOUND",
      bitrix: { error: "1009", method: "booking.v1.resource.slots.set" },
    });
    const unset = await execute(stack.gateway.url, UnsetResourceSlotsDocument, {
      resourceId: 999,
    });
    expect(unset.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_NOT_FOUND",
      bitrix: { error: "1009", method: "booking.v1.resource.slots.unset" },
    });
  });

  it("maps 1009 from slots.list, through Resource.slots, to RESOURCE_NOT_FOUND", async () => {
    stack.portal.injectFault({
      method: "booking.v1.resource.slots.list",
      kind: "error",
      error: "1009",
      description: "Resource not found",
    });
    const result = await execute(stack.gateway.url, ResourceSlotsDocument, { resourceId: 1 });
    expect(result.errors?.[0]).toMatchObject({
      path: ["resource", "slots"],
      extensions: {
        code: "RESOURCE_NOT_FOUND",
        bitrix: { error: "1009", method: "booking.v1.resource.slots.list" },
      },
    });
  });

  it("maps 1017 (slots refused) to RESOURCE_SLOTS_REJECTED", async () => {
    stack.portal.injectFault({
      method: "booking.v1.resource.slots.set",
      kind: "error",
      error: "1017",
      description: "Could not save slots",
    });
    const result = await execute(stack.gateway.url, SetResourceSlotsDocument, {
      resourceId: 1,
      slots: [{ from: 600, to: 660, weekDays: ["MONDAY"], slotSize: 60, timezone: "UTC" }],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "RESOURCE_SLOTS_REJECTED",
      bitrix: { error: "1017", method: "booking.v1.resource.slots.set" },
    });
  });
});
