import {
  get,
  postForm,
  postJson,
  type SuccessBody,
  expectError,
  useDemoPortal,
} from "./rest-client";

type ResourceTypeWire = Record<string, unknown> & { id: number; code: string; name: string };

/** Every key of a resource type on the wire, in the server's ksort order (docs get example). */
const RESOURCE_TYPE_KEYS = [
  "code",
  "confirmationCounterDelay",
  "confirmationNotificationDelay",
  "confirmationNotificationRepetitions",
  "confirmationNotificationRepetitionsInterval",
  "delayedCounterDelay",
  "delayedNotificationDelay",
  "id",
  "infoNotificationDelay",
  "isConfirmationNotificationOn",
  "isDelayedNotificationOn",
  "isFeedbackNotificationOn",
  "isReminderNotificationOn",
  "name",
  "reminderNotificationDelay",
  "templateTypeConfirmation",
  "templateTypeDelayed",
  "templateTypeFeedback",
  "templateTypeReminder",
];

const demo = useDemoPortal();
const call = demo.call;

async function getType(id: number): Promise<ResourceTypeWire> {
  const reply = await postJson<SuccessBody<{ resourceType: ResourceTypeWire }>>(
    call("booking.v1.resourceType.get"),
    { id },
  );
  expect(reply.status).toBe(200);
  return reply.body.result.resourceType;
}

async function addType(fields: unknown) {
  return postJson<SuccessBody<number>>(call("booking.v1.resourceType.add"), { fields });
}

async function listTypes(params: Record<string, unknown> = {}) {
  const reply = await postJson<SuccessBody<{ resourceType: ResourceTypeWire[] }>>(
    call("booking.v1.resourceType.list"),
    params,
  );
  expect(reply.status).toBe(200);
  return reply.body;
}

const codes = (body: { result: { resourceType: ResourceTypeWire[] } }) =>
  body.result.resourceType.map((type) => type.code);

describe("booking.v1.resourceType.get", () => {
  it("returns seeded type 2 with sorted keys, Y/N flags and *NotificationDelay names", async () => {
    const reply = await get<SuccessBody<{ resourceType: ResourceTypeWire }>>(
      call("booking.v1.resourceType.get?id=2"),
    );
    expect(reply.status).toBe(200);
    const type = reply.body.result.resourceType;
    expect(Object.keys(type)).toEqual(RESOURCE_TYPE_KEYS);
    expect(type).toMatchObject({
      id: 2,
      name: "Specialists",
      code: "specialists",
      isConfirmationNotificationOn: "Y",
      templateTypeConfirmation: "animate",
      templateTypeReminder: "base",
      infoNotificationDelay: 300,
      reminderNotificationDelay: -1,
    });
    expect(type).not.toHaveProperty("isInfoNotificationOn");
    expect(type).not.toHaveProperty("moduleId");
  });

  it("answers 1013 for a missing type and 100 without an id", async () => {
    expectError(
      await postJson(call("booking.v1.resourceType.get"), { id: 99 }),
      "1013",
      "Resource type not found",
    );
    expectError(
      await postJson(call("booking.v1.resourceType.get"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
  });
});

describe("booking.v1.resourceType.add", () => {
  it("returns the new id as a bare integer and applies the documented defaults", async () => {
    const reply = await addType({ name: "Cars", code: "cars", unknownKey: "dropped" });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(3);
    const type = await getType(3);
    expect(Object.keys(type)).toEqual(RESOURCE_TYPE_KEYS);
    expect(type).toEqual({
      id: 3,
      name: "Cars",
      code: "cars",
      isConfirmationNotificationOn: "Y",
      isDelayedNotificationOn: "Y",
      isFeedbackNotificationOn: "Y",
      isReminderNotificationOn: "Y",
      templateTypeConfirmation: "inanimate",
      templateTypeDelayed: "inanimate",
      templateTypeFeedback: "inanimate",
      templateTypeReminder: "base",
      infoNotificationDelay: 300,
      reminderNotificationDelay: -1,
      delayedNotificationDelay: 300,
      delayedCounterDelay: 7200,
      confirmationNotificationDelay: 86400,
      confirmationNotificationRepetitions: 0,
      confirmationNotificationRepetitionsInterval: 0,
      confirmationCounterDelay: 7200,
    });
  });

  it("accepts the docs' delay names (infoDelay, …) and emits the *NotificationDelay names", async () => {
    const reply = await addType({
      name: "Cars",
      code: "cars",
      isReminderNotificationOn: "N",
      templateTypeDelayed: "animate",
      infoDelay: 60,
      reminderDelay: 3600,
      delayedDelay: 120,
      delayedCounterDelay: 600,
      confirmationDelay: 7200,
      confirmationRepetitions: 2,
      confirmationRepetitionsInterval: 900,
      confirmationCounterDelay: 1800,
    });
    const type = await getType(reply.body.result);
    expect(type).toMatchObject({
      isReminderNotificationOn: "N",
      templateTypeDelayed: "animate",
      infoNotificationDelay: 60,
      reminderNotificationDelay: 3600,
      delayedNotificationDelay: 120,
      delayedCounterDelay: 600,
      confirmationNotificationDelay: 7200,
      confirmationNotificationRepetitions: 2,
      confirmationNotificationRepetitionsInterval: 900,
      confirmationCounterDelay: 1800,
    });
    expect(type).not.toHaveProperty("infoDelay");
  });

  it("accepts the *NotificationDelay names too, and prefers them when both are sent", async () => {
    const reply = await addType({
      name: "Cars",
      code: "cars",
      infoNotificationDelay: 90,
      confirmationNotificationRepetitions: 3,
      reminderDelay: 10,
      reminderNotificationDelay: 20,
    });
    expect(await getType(reply.body.result)).toMatchObject({
      infoNotificationDelay: 90,
      confirmationNotificationRepetitions: 3,
      reminderNotificationDelay: 20,
    });
  });

  it("drops isInfoNotificationOn and templateTypeInfo, which a type does not have", async () => {
    const reply = await addType({
      name: "Cars",
      code: "cars",
      isInfoNotificationOn: "maybe",
      templateTypeInfo: "nonsense",
    });
    expect(reply.status).toBe(200);
    const type = await getType(reply.body.result);
    expect(type).not.toHaveProperty("isInfoNotificationOn");
    expect(type).not.toHaveProperty("templateTypeInfo");
  });

  it("reads a form-urlencoded body", async () => {
    const reply = await postForm<SuccessBody<number>>(
      call("booking.v1.resourceType.add"),
      "fields[name]=Cars&fields[code]=cars&fields[infoDelay]=45&fields[isFeedbackNotificationOn]=N",
    );
    expect(reply.status).toBe(200);
    expect(await getType(reply.body.result)).toMatchObject({
      infoNotificationDelay: 45,
      isFeedbackNotificationOn: "N",
    });
  });

  describe("errors", () => {
    it("answers 100 without fields and 0 naming the missing name and code", async () => {
      expectError(
        await postJson(call("booking.v1.resourceType.add"), {}),
        "100",
        "Could not find value for parameter {fields}",
      );
      expectError(await addType({ name: "Cars" }), "0", "Required fields: code");
      expectError(await addType({ unknown: 1 }), "0", "Required fields: name, code");
    });

    it("answers 1010 for a code another type has", async () => {
      expectError(
        await addType({ name: "Rooms again", code: "meeting_rooms" }),
        "1010",
        "Resource type with code already exists",
      );
    });

    it("answers 422 for template types, flags and delays it cannot accept", async () => {
      const base = { name: "Cars", code: "cars" };
      expectError(
        await addType({ ...base, templateTypeReminder: "animate" }),
        "422",
        "Invalid value of the templateTypeReminder field",
      );
      expectError(
        await addType({ ...base, templateTypeFeedback: "loud" }),
        "422",
        "Invalid value of the templateTypeFeedback field",
      );
      expectError(
        await addType({ ...base, isDelayedNotificationOn: "yes" }),
        "422",
        "Invalid value of the isDelayedNotificationOn field",
      );
      expectError(
        await addType({ ...base, confirmationDelay: "soon" }),
        "422",
        "Invalid value of the confirmationDelay field",
      );
      expect((await listTypes()).result.resourceType).toHaveLength(2);
    });
  });
});

describe("booking.v1.resourceType.update", () => {
  it("changes only the fields sent and returns true", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.resourceType.update"), {
      id: 1,
      fields: { name: "Rooms", isFeedbackNotificationOn: "Y", delayedDelay: 900, foo: "bar" },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(true);
    expect(await getType(1)).toMatchObject({
      name: "Rooms",
      code: "meeting_rooms",
      isFeedbackNotificationOn: "Y",
      delayedNotificationDelay: 900,
      infoNotificationDelay: 300,
    });
  });

  it("answers 1011 for any code that exists, the type's own code included", async () => {
    for (const code of ["specialists", "meeting_rooms"]) {
      expectError(
        await postJson(call("booking.v1.resourceType.update"), { id: 1, fields: { code } }),
        "1011",
        "Resource type with code already exists",
      );
    }
    const renamed = await postJson(call("booking.v1.resourceType.update"), {
      id: 1,
      fields: { code: "rooms" },
    });
    expect(renamed.status).toBe(200);
    expect((await getType(1)).code).toBe("rooms");
  });

  it("answers 1007 for a missing type, 100 for missing arguments, 422 for bad values", async () => {
    expectError(
      await postJson(call("booking.v1.resourceType.update"), { id: 99, fields: { name: "x" } }),
      "1007",
      "Resource type not found",
    );
    expectError(
      await postJson(call("booking.v1.resourceType.update"), { id: 1 }),
      "100",
      "Could not find value for parameter {fields}",
    );
    expectError(
      await postJson(call("booking.v1.resourceType.update"), { fields: {} }),
      "100",
      "Could not find value for parameter {id}",
    );
    expectError(
      await postJson(call("booking.v1.resourceType.update"), {
        id: 1,
        fields: { templateTypeConfirmation: "base" },
      }),
      "422",
      "Invalid value of the templateTypeConfirmation field",
    );
  });
});

describe("booking.v1.resourceType.list", () => {
  it("returns the types under the resourceType key with total 0 and no next", async () => {
    const body = await listTypes();
    expect(Object.keys(body.result)).toEqual(["resourceType"]);
    expect(codes(body)).toEqual(["meeting_rooms", "specialists"]);
    expect(Object.keys(body.result.resourceType[0] ?? {})).toEqual(RESOURCE_TYPE_KEYS);
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty("next");
  });

  it("filters by searchQuery, name, code and moduleId", async () => {
    await addType({ name: "Company cars", code: "cars" });
    expect(codes(await listTypes({ filter: { searchQuery: "CAR" } }))).toEqual(["cars"]);
    expect(codes(await listTypes({ filter: { searchQuery: "s" } }))).toEqual([
      "meeting_rooms",
      "specialists",
      "cars",
    ]);
    expect(codes(await listTypes({ filter: { name: "Specialists" } }))).toEqual(["specialists"]);
    expect(codes(await listTypes({ filter: { name: "Special" } }))).toEqual([]);
    expect(codes(await listTypes({ filter: { code: "cars" } }))).toEqual(["cars"]);
    expect(codes(await listTypes({ filter: { moduleId: "booking" } }))).toHaveLength(3);
    expect(codes(await listTypes({ filter: { moduleId: "crm" } }))).toEqual([]);
  });

  it("orders by id, name or code", async () => {
    await addType({ name: "Company cars", code: "cars" });
    expect(codes(await listTypes({ order: { id: "desc" } }))).toEqual([
      "cars",
      "specialists",
      "meeting_rooms",
    ]);
    expect(codes(await listTypes({ order: { name: "ASC" } }))).toEqual([
      "cars",
      "meeting_rooms",
      "specialists",
    ]);
    expect(codes(await listTypes({ order: { code: "desc" } }))).toEqual([
      "specialists",
      "meeting_rooms",
      "cars",
    ]);
  });

  it("answers 100 when filter or order is not an object", async () => {
    expectError(
      await postJson(call("booking.v1.resourceType.list"), { filter: "rooms" }),
      "100",
      "Invalid value {rooms} to match with parameter {filter}. Should be value of type array.",
    );
    expectError(
      await postJson(call("booking.v1.resourceType.list"), { order: "ASC" }),
      "100",
      "Invalid value {ASC} to match with parameter {order}. Should be value of type array.",
    );
  });
});

describe("booking.v1.resourceType.delete", () => {
  it("deletes an unused type", async () => {
    const id = (await addType({ name: "Cars", code: "cars" })).body.result;
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.resourceType.delete"), {
      id,
    });
    expect(reply.body.result).toBe(true);
    expectError(
      await postJson(call("booking.v1.resourceType.get"), { id }),
      "1013",
      "Resource type not found",
    );
  });

  it("answers 1012 for a type resources still use, and for a missing type", async () => {
    expectError(
      await postJson(call("booking.v1.resourceType.delete"), { id: 1 }),
      "1012",
      "The type can not be deleted. There are resources of  type",
    );
    expectError(
      await postJson(call("booking.v1.resourceType.delete"), { id: 99 }),
      "1012",
      "Resource type has not been found",
    );
    expectError(
      await postJson(call("booking.v1.resourceType.delete"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
  });
});
