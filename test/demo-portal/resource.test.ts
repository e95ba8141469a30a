import { ManualClock } from "../helpers/manual-clock";
import {
  bookingFields,
  get,
  postJson,
  type SuccessBody,
  expectError,
  useDemoPortal,
} from "./rest-client";

type ResourceWire = Record<string, unknown> & { id: number; name: string; typeId: number };
type ListBody = SuccessBody<{ resource: ResourceWire[] }>;

/** Every key of a resource on the wire, in the server's ksort order (docs get example). */
const RESOURCE_KEYS = [
  "confirmationCounterDelay",
  "confirmationNotificationDelay",
  "confirmationNotificationRepetitions",
  "confirmationNotificationRepetitionsInterval",
  "delayedCounterDelay",
  "delayedNotificationDelay",
  "description",
  "id",
  "infoNotificationDelay",
  "isConfirmationNotificationOn",
  "isDelayedNotificationOn",
  "isFeedbackNotificationOn",
  "isInfoNotificationOn",
  "isMain",
  "isReminderNotificationOn",
  "name",
  "reminderNotificationDelay",
  "templateTypeConfirmation",
  "templateTypeDelayed",
  "templateTypeFeedback",
  "templateTypeInfo",
  "templateTypeReminder",
  "typeId",
];

const JAN_2020 = Date.parse("2020-01-06T09:00:00+01:00") / 1000;
const JAN_2099 = Date.parse("2099-01-05T09:00:00+01:00") / 1000;

// "Future bookings" are judged by this clock, which moves only when a test says so.
const clock = new ManualClock();
const demo = useDemoPortal({ clock });
const call = demo.call;

async function getResource(id: number): Promise<ResourceWire> {
  const reply = await postJson<SuccessBody<{ resource: ResourceWire }>>(
    call("booking.v1.resource.get"),
    { id },
  );
  expect(reply.status).toBe(200);
  return reply.body.result.resource;
}

async function addResource(fields: unknown) {
  return postJson<SuccessBody<number>>(call("booking.v1.resource.add"), { fields });
}

async function list(params: Record<string, unknown> = {}): Promise<ListBody> {
  const reply = await postJson<ListBody>(call("booking.v1.resource.list"), params);
  expect(reply.status).toBe(200);
  return reply.body;
}

const ids = (body: ListBody) => body.result.resource.map((resource) => resource.id);

describe("booking.v1.resource.get", () => {
  it("returns seeded resource 1 with sorted keys, its typeId and Y/N flags", async () => {
    const reply = await get<SuccessBody<{ resource: ResourceWire }>>(
      call("booking.v1.resource.get?id=1"),
    );
    expect(reply.status).toBe(200);
    const resource = reply.body.result.resource;
    expect(Object.keys(resource)).toEqual(RESOURCE_KEYS);
    expect(resource).toMatchObject({
      id: 1,
      name: "Room 1",
      typeId: 1,
      isMain: "Y",
      isInfoNotificationOn: "Y",
      isFeedbackNotificationOn: "N",
      templateTypeInfo: "inanimate",
      infoNotificationDelay: 300,
    });
  });

  it("answers 1009 for a missing resource and 100 without an id", async () => {
    expectError(
      await postJson(call("booking.v1.resource.get"), { id: 99 }),
      "1009",
      "Resource not found",
    );
    expectError(
      await postJson(call("booking.v1.resource.get"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
  });
});

describe("booking.v1.resource.add", () => {
  it("returns a bare id; the new resource starts from its type's settings", async () => {
    const reply = await addResource({ name: "Anna's colleague Ben", typeId: 2, extra: true });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(4);
    const resource = await getResource(4);
    expect(Object.keys(resource)).toEqual(RESOURCE_KEYS);
    expect(resource).toMatchObject({
      id: 4,
      name: "Anna's colleague Ben",
      description: null,
      typeId: 2,
      isMain: "Y",
      templateTypeInfo: "animate",
      templateTypeConfirmation: "animate",
      confirmationNotificationRepetitions: 1,
    });
  });

  it("stores every documented field, with Y/N flags and both delay spellings", async () => {
    const reply = await addResource({
      name: "Room 3",
      typeId: "1",
      description: "Attic",
      isMain: "N",
      isInfoNotificationOn: "N",
      templateTypeInfo: "animate",
      isConfirmationNotificationOn: "N",
      templateTypeConfirmation: "animate",
      isReminderNotificationOn: "N",
      templateTypeReminder: "base",
      isFeedbackNotificationOn: "Y",
      templateTypeFeedback: "animate",
      isDelayedNotificationOn: "N",
      templateTypeDelayed: "animate",
      infoDelay: 10,
      reminderNotificationDelay: 20,
      delayedDelay: 30,
      delayedCounterDelay: 40,
      confirmationNotificationDelay: 50,
      confirmationRepetitions: 6,
      confirmationNotificationRepetitionsInterval: 70,
      confirmationCounterDelay: 80,
    });
    expect(await getResource(reply.body.result)).toEqual({
      id: reply.body.result,
      name: "Room 3",
      typeId: 1,
      description: "Attic",
      isMain: "N",
      isInfoNotificationOn: "N",
      templateTypeInfo: "animate",
      isConfirmationNotificationOn: "N",
      templateTypeConfirmation: "animate",
      isReminderNotificationOn: "N",
      templateTypeReminder: "base",
      isFeedbackNotificationOn: "Y",
      templateTypeFeedback: "animate",
      isDelayedNotificationOn: "N",
      templateTypeDelayed: "animate",
      infoNotificationDelay: 10,
      reminderNotificationDelay: 20,
      delayedNotificationDelay: 30,
      delayedCounterDelay: 40,
      confirmationNotificationDelay: 50,
      confirmationNotificationRepetitions: 6,
      confirmationNotificationRepetitionsInterval: 70,
      confirmationCounterDelay: 80,
    });
  });

  it("makes the new resource bookable", async () => {
    const id = (await addResource({ name: "Room 3", typeId: 1 })).body.result;
    const booking = await postJson<SuccessBody<number>>(call("booking.v1.booking.add"), {
      fields: bookingFields(JAN_2099, 60, { resourceIds: [id] }),
    });
    expect(booking.status).toBe(200);
  });

  describe("errors", () => {
    it("answers 100 without fields and 0 without a name", async () => {
      expectError(
        await postJson(call("booking.v1.resource.add"), {}),
        "100",
        "Could not find value for parameter {fields}",
      );
      expectError(await addResource({ typeId: 1 }), "0", "Required fields: name");
    });

    it("answers 1006 without a typeId and 1013 for a type that does not exist", async () => {
      expectError(await addResource({ name: "Room 3" }), "1006", "ResourceType not found");
      expectError(
        await addResource({ name: "Room 3", typeId: 17 }),
        "1013",
        "Resource type with id 17 does not exist",
      );
    });

    it("answers 422 for values it cannot accept", async () => {
      const base = { name: "Room 3", typeId: 1 };
      expectError(
        await addResource({ ...base, isMain: "maybe" }),
        "422",
        "Invalid value of the isMain field",
      );
      expectError(
        await addResource({ ...base, templateTypeInfo: "base" }),
        "422",
        "Invalid value of the templateTypeInfo field",
      );
      expectError(
        await addResource({ ...base, reminderDelay: "tomorrow" }),
        "422",
        "Invalid value of the reminderDelay field",
      );
      expectError(
        await addResource({ ...base, name: ["Room", "3"] }),
        "422",
        "Invalid value of the name field",
      );
      expect(ids(await list())).toEqual([1, 2, 3]);
    });
  });
});

describe("booking.v1.resource.update", () => {
  it("changes only the fields sent and returns true", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.resource.update"), {
      id: 3,
      fields: {
        name: "Massage therapist Anna K.",
        typeId: 1,
        isMain: "N",
        delayedDelay: 600,
        ignored: "x",
      },
    });
    expect(reply.body.result).toBe(true);
    expect(await getResource(3)).toMatchObject({
      name: "Massage therapist Anna K.",
      description: "Deep tissue and sports massage",
      typeId: 1,
      isMain: "N",
      delayedNotificationDelay: 600,
      templateTypeInfo: "animate",
    });
  });

  it("clears the description with null", async () => {
    await postJson(call("booking.v1.resource.update"), { id: 1, fields: { description: null } });
    expect((await getResource(1)).description).toBeNull();
  });

  it("answers 1007 for a missing resource, 1013 for a missing type, 422 and 100", async () => {
    expectError(
      await postJson(call("booking.v1.resource.update"), { id: 99, fields: { name: "x" } }),
      "1007",
      "Resource not found",
    );
    expectError(
      await postJson(call("booking.v1.resource.update"), { id: 1, fields: { typeId: 9 } }),
      "1013",
      "Resource type with id 9 does not exist",
    );
    expectError(
      await postJson(call("booking.v1.resource.update"), {
        id: 1,
        fields: { isReminderNotificationOn: 1 },
      }),
      "422",
      "Invalid value of the isReminderNotificationOn field",
    );
    expectError(
      await postJson(call("booking.v1.resource.update"), { id: 1 }),
      "100",
      "Could not find value for parameter {fields}",
    );
  });
});

describe("booking.v1.resource.list", () => {
  it("returns the resources under the resource key with total 0 and no next", async () => {
    const body = await list();
    expect(Object.keys(body.result)).toEqual(["resource"]);
    expect(ids(body)).toEqual([1, 2, 3]);
    expect(Object.keys(body.result.resource[0] ?? {})).toEqual(RESOURCE_KEYS);
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty("next");
  });

  it("filters by searchQuery, name, isMain, typeId and description", async () => {
    await postJson(call("booking.v1.resource.update"), { id: 2, fields: { isMain: "N" } });
    expect(ids(await list({ filter: { searchQuery: "room" } }))).toEqual([1, 2]);
    expect(ids(await list({ filter: { name: "Room 2" } }))).toEqual([2]);
    expect(ids(await list({ filter: { name: "Room" } }))).toEqual([]);
    expect(ids(await list({ filter: { isMain: "N" } }))).toEqual([2]);
    expect(ids(await list({ filter: { isMain: "Y", typeId: 1 } }))).toEqual([1]);
    expect(ids(await list({ filter: { typeId: "2" } }))).toEqual([3]);
    expect(ids(await list({ filter: { typeId: [2, 1] } }))).toEqual([1, 2, 3]);
    expect(ids(await list({ filter: { description: "Deep tissue and sports massage" } }))).toEqual([
      3,
    ]);
  });

  it("orders by name or id in either direction", async () => {
    expect(ids(await list({ order: { name: "desc" } }))).toEqual([2, 1, 3]);
    expect(ids(await list({ order: { id: "DESC" } }))).toEqual([3, 2, 1]);
  });

  it("reads filter and order from PHP-style query keys", async () => {
    const reply = await get<ListBody>(
      call("booking.v1.resource.list?filter[typeId]=1&order[id]=desc"),
    );
    expect(ids(reply.body)).toEqual([2, 1]);
  });

  it("answers 100 when filter or order is not an object", async () => {
    expectError(
      await postJson(call("booking.v1.resource.list"), { filter: "rooms" }),
      "100",
      "Invalid value {rooms} to match with parameter {filter}. Should be value of type array.",
    );
    expectError(
      await postJson(call("booking.v1.resource.list"), { order: "ASC" }),
      "100",
      "Invalid value {ASC} to match with parameter {order}. Should be value of type array.",
    );
  });
});

describe("booking.v1.resource.list paging", () => {
  let addedIds: number[];

  // Runs after the file-wide reset, so every test starts from the demo data plus 60 desks.
  beforeEach(async () => {
    addedIds = [];
    for (let index = 0; index < 60; index += 1) {
      const reply = await addResource({ name: `Desk ${index}`, typeId: 1 });
      addedIds.push(reply.body.result);
    }
  });

  it("pages 50 at a time through 63 resources, with total 0 and never a next", async () => {
    const first = await list({ start: 0 });
    const second = await list({ start: 50 });
    expect(first.result.resource).toHaveLength(50);
    expect(second.result.resource).toHaveLength(13);
    expect(ids(first).concat(ids(second))).toEqual([1, 2, 3, ...addedIds]);
    expect(first.total).toBe(0);
    expect(second.total).toBe(0);
    expect(first).not.toHaveProperty("next");
    expect(ids(await list({ start: 99 }))).toEqual(ids(second));
    expect(ids(await list({ start: 100 }))).toEqual([]);
  });
});

describe("booking.v1.resource.delete", () => {
  it("deletes a resource and its slots, and booking.add then refuses it with 1018", async () => {
    const id = (await addResource({ name: "Room 3", typeId: 1 })).body.result;
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.resource.delete"), { id });
    expect(reply.body.result).toBe(true);
    expectError(
      await postJson(call("booking.v1.resource.get"), { id }),
      "1009",
      "Resource not found",
    );
    expectError(
      await postJson(call("booking.v1.resource.slots.list"), { resourceId: id }),
      "1009",
      "Resource not found",
    );
    expectError(
      await postJson(call("booking.v1.booking.add"), {
        fields: bookingFields(JAN_2099, 60, { resourceIds: [id] }),
      }),
      "1018",
      "Empty resource collection",
    );
  });

  it("removes the resource from past bookings that used it", async () => {
    const id = (await addResource({ name: "Room 3", typeId: 1 })).body.result;
    const added = await postJson<SuccessBody<number>>(call("booking.v1.booking.add"), {
      fields: bookingFields(JAN_2020, 60, { resourceIds: [1, id] }),
    });
    await postJson(call("booking.v1.resource.delete"), { id });
    const booking = await postJson<SuccessBody<{ booking: { resourceIds: number[] } }>>(
      call("booking.v1.booking.get"),
      { id: added.body.result },
    );
    expect(booking.body.result.booking.resourceIds).toEqual([1]);
  });

  it("judges future bookings by the portal's clock", async () => {
    const id = (await addResource({ name: "Room 3", typeId: 1 })).body.result;
    const inAnHour = Math.floor(clock.now() / 1000) + 3600;
    await postJson(call("booking.v1.booking.add"), {
      fields: bookingFields(inAnHour, 60, { resourceIds: [id] }),
    });
    expectError(
      await postJson(call("booking.v1.resource.delete"), { id }),
      "1008",
      "The resource can not be deleted. There are future bookings with that resource.",
    );
    // Once the booking has ended on the portal's clock, it is a past booking.
    clock.advance(2 * 3600 * 1000 + 1000);
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.resource.delete"), { id });
    expect(reply.body.result).toBe(true);
  });

  it("answers 1008 for a resource with future bookings, and for a missing one", async () => {
    const id = (await addResource({ name: "Room 3", typeId: 1 })).body.result;
    await postJson(call("booking.v1.booking.add"), {
      fields: bookingFields(JAN_2099, 60, { resourceIds: [id] }),
    });
    expectError(
      await postJson(call("booking.v1.resource.delete"), { id }),
      "1008",
      "The resource can not be deleted. There are future bookings with that resource.",
    );
    expect((await getResource(id)).id).toBe(id);
    expectError(
      await postJson(call("booking.v1.resource.delete"), { id: 99 }),
      "1008",
      "Resource has not been found",
    );
    expectError(
      await postJson(call("booking.v1.resource.delete"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
  });
});
