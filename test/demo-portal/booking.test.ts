import {
  bookingFields,
  get,
  postForm,
  postJson,
  type SuccessBody,
  expectError,
  useDemoPortal,
} from "./rest-client";

interface BookingWire {
  datePeriod: {
    from: { timestamp: number; timezone: string };
    to: { timestamp: number; timezone: string };
  };
  description: string | null;
  id: number;
  name: string;
  resourceIds: number[];
}

const MAY_4_2026_9AM_BERLIN = Date.parse("2026-05-04T09:00:00+02:00") / 1000;

const demo = useDemoPortal();
const call = demo.call;

async function getBooking(id: number): Promise<BookingWire> {
  const reply = await postJson<SuccessBody<{ booking: BookingWire }>>(
    call("booking.v1.booking.get"),
    { id },
  );
  expect(reply.status).toBe(200);
  return reply.body.result.booking;
}

async function add(fields: unknown) {
  return postJson<SuccessBody<number>>(call("booking.v1.booking.add"), { fields });
}

describe("booking.v1.booking.get", () => {
  it("returns the seeded booking 14 with sorted camelCase keys", async () => {
    const reply = await get<SuccessBody<{ booking: BookingWire }>>(
      call("booking.v1.booking.get?id=14"),
    );
    expect(reply.status).toBe(200);
    const booking = reply.body.result.booking;
    expect(Object.keys(booking)).toEqual([
      "datePeriod",
      "description",
      "id",
      "name",
      "resourceIds",
    ]);
    expect(booking).toEqual({
      datePeriod: {
        from: {
          timestamp: Date.parse("2026-03-03T11:00:00+01:00") / 1000,
          timezone: "Europe/Berlin",
        },
        to: {
          timestamp: Date.parse("2026-03-03T12:00:00+01:00") / 1000,
          timezone: "Europe/Berlin",
        },
      },
      description: null,
      id: 14,
      name: "Client consultation",
      resourceIds: [2],
    });
  });

  it("answers 100 without an id and for an id that is not an integer", async () => {
    expectError(
      await postJson(call("booking.v1.booking.get"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
    expectError(
      await postJson(call("booking.v1.booking.get"), { id: "abc" }),
      "100",
      "Invalid value {abc} to match with parameter {id}. Should be value of type int.",
    );
  });

  it("answers 1021 for a booking that does not exist", async () => {
    expectError(
      await postJson(call("booking.v1.booking.get"), { id: 999 }),
      "1021",
      "Booking not found",
    );
  });
});

describe("booking.v1.booking.add", () => {
  it("returns the new id as a bare integer, continuing after the highest seeded id", async () => {
    const reply = await add(
      bookingFields(MAY_4_2026_9AM_BERLIN, 30, { name: "Haircut", description: "First visit" }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(16);
    expect(await getBooking(16)).toEqual({
      datePeriod: {
        from: { timestamp: MAY_4_2026_9AM_BERLIN, timezone: "Europe/Berlin" },
        to: { timestamp: MAY_4_2026_9AM_BERLIN + 1800, timezone: "Europe/Berlin" },
      },
      description: "First visit",
      id: 16,
      name: "Haircut",
      resourceIds: [1],
    });
    expect((await add(bookingFields(MAY_4_2026_9AM_BERLIN))).body.result).toBe(17);
  });

  it("defaults name to an empty string and description to null, and drops unknown keys", async () => {
    const reply = await add(bookingFields(MAY_4_2026_9AM_BERLIN, 60, { color: "red", id: 500 }));
    const booking = await getBooking(reply.body.result);
    expect(booking.name).toBe("");
    expect(booking.description).toBeNull();
    expect(booking).not.toHaveProperty("color");
    expect(booking.id).toBe(16);
  });

  it("accepts bookings that overlap existing ones (overbooking)", async () => {
    const first = await add(bookingFields(MAY_4_2026_9AM_BERLIN));
    const second = await add(bookingFields(MAY_4_2026_9AM_BERLIN + 600));
    expect([first.status, second.status]).toEqual([200, 200]);
  });

  it("accepts a form body whose numbers arrive as strings", async () => {
    const form = [
      "fields[name]=Form booking",
      "fields[resourceIds][0]=1",
      "fields[resourceIds][1]=3",
      `fields[datePeriod][from][timestamp]=${MAY_4_2026_9AM_BERLIN}`,
      "fields[datePeriod][from][timezone]=Europe/Berlin",
      `fields[datePeriod][to][timestamp]=${MAY_4_2026_9AM_BERLIN + 3600}`,
      "fields[datePeriod][to][timezone]=Europe/Berlin",
    ].join("&");
    const reply = await postForm<SuccessBody<number>>(call("booking.v1.booking.add"), form);
    expect(reply.status).toBe(200);
    const booking = await getBooking(reply.body.result);
    expect(booking.resourceIds).toEqual([1, 3]);
    expect(booking.datePeriod.from.timestamp).toBe(MAY_4_2026_9AM_BERLIN);
    expect(booking.name).toBe("Form booking");
  });

  describe("errors", () => {
    it("answers 100 without fields or with fields that are not an object", async () => {
      expectError(
        await postJson(call("booking.v1.booking.add"), {}),
        "100",
        "Could not find value for parameter {fields}",
      );
      expectError(
        await postJson(call("booking.v1.booking.add"), { fields: "abc" }),
        "100",
        "Invalid value {abc} to match with parameter {fields}. Should be value of type array.",
      );
    });

    it("answers 0 listing every required key that is missing", async () => {
      expectError(await add({ name: "x" }), "0", "Required fields: resourceIds, datePeriod");
      expectError(await add({ resourceIds: [1] }), "0", "Required fields: datePeriod");
      const { datePeriod } = bookingFields(MAY_4_2026_9AM_BERLIN);
      expectError(await add({ datePeriod }), "0", "Required fields: resourceIds");
    });

    it("answers 1018 for an empty resource list or a resource that does not exist", async () => {
      expectError(
        await add(bookingFields(MAY_4_2026_9AM_BERLIN, 60, { resourceIds: [] })),
        "1018",
        "Empty resource collection",
      );
      expectError(
        await add(bookingFields(MAY_4_2026_9AM_BERLIN, 60, { resourceIds: [1, 99] })),
        "1018",
        "Empty resource collection",
      );
      expectError(
        await add(bookingFields(MAY_4_2026_9AM_BERLIN, 60, { resourceIds: ["x"] })),
        "1018",
        "Empty resource collection",
      );
    });

    it("answers 422 for a date period that ends before it starts, or is incomplete or malformed", async () => {
      const from = { timestamp: MAY_4_2026_9AM_BERLIN, timezone: "Europe/Berlin" };
      const periods = [
        { from, to: from },
        { from, to: { ...from, timestamp: MAY_4_2026_9AM_BERLIN - 60 } },
        { from },
        {
          from: { ...from, timestamp: "soon" },
          to: { ...from, timestamp: MAY_4_2026_9AM_BERLIN + 60 },
        },
        {
          from: { ...from, timezone: "Mars/Olympus" },
          to: { ...from, timestamp: MAY_4_2026_9AM_BERLIN + 60 },
        },
        "tomorrow",
      ];
      for (const datePeriod of periods) {
        expectError(await add({ resourceIds: [1], datePeriod }), "422", "Invalid date period");
      }
    });

    it("does not store a refused booking", async () => {
      await add({ resourceIds: [99], datePeriod: bookingFields(MAY_4_2026_9AM_BERLIN).datePeriod });
      expect((await add(bookingFields(MAY_4_2026_9AM_BERLIN))).body.result).toBe(16);
    });
  });
});

describe("booking.v1.booking.update", () => {
  it("changes only the fields given and returns true", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.booking.update"), {
      id: 14,
      fields: { name: "Moved consultation", resourceIds: [1, 2], unknownKey: 1 },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(true);
    const booking = await getBooking(14);
    expect(booking.name).toBe("Moved consultation");
    expect(booking.resourceIds).toEqual([1, 2]);
    expect(booking.datePeriod.from.timestamp).toBe(Date.parse("2026-03-03T11:00:00+01:00") / 1000);
  });

  it("replaces the date period when both ends are given", async () => {
    const { datePeriod } = bookingFields(MAY_4_2026_9AM_BERLIN, 45);
    await postJson(call("booking.v1.booking.update"), { id: 14, fields: { datePeriod } });
    expect((await getBooking(14)).datePeriod).toEqual(datePeriod);
  });

  it("answers 100 for a missing id or fields", async () => {
    expectError(
      await postJson(call("booking.v1.booking.update"), { fields: { name: "x" } }),
      "100",
      "Could not find value for parameter {id}",
    );
    expectError(
      await postJson(call("booking.v1.booking.update"), { id: 14 }),
      "100",
      "Could not find value for parameter {fields}",
    );
  });

  it("answers 1019 for a booking that does not exist", async () => {
    expectError(
      await postJson(call("booking.v1.booking.update"), { id: 999, fields: { name: "x" } }),
      "1019",
      "Booking not found",
    );
  });

  it("answers 422 for a date period without both ends and 1018 for unusable resources", async () => {
    const { from } = bookingFields(MAY_4_2026_9AM_BERLIN).datePeriod;
    expectError(
      await postJson(call("booking.v1.booking.update"), {
        id: 14,
        fields: { datePeriod: { from } },
      }),
      "422",
      "Invalid date period",
    );
    expectError(
      await postJson(call("booking.v1.booking.update"), { id: 14, fields: { resourceIds: [] } }),
      "1018",
      "Empty resource collection",
    );
    expect((await getBooking(14)).resourceIds).toEqual([2]);
  });
});

describe("booking.v1.booking.delete", () => {
  it("returns true and the booking is gone afterwards", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.booking.delete"), {
      id: 14,
    });
    expect(reply.body.result).toBe(true);
    expectError(
      await postJson(call("booking.v1.booking.get"), { id: 14 }),
      "1021",
      "Booking not found",
    );
  });

  it("answers 100 without an id and 1021 for a booking that does not exist", async () => {
    expectError(
      await postJson(call("booking.v1.booking.delete"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
    expectError(
      await postJson(call("booking.v1.booking.delete"), { id: 999 }),
      "1021",
      "Booking not found",
    );
  });

  it("never reuses the id of a deleted booking", async () => {
    await postJson(call("booking.v1.booking.delete"), { id: 15 });
    expect((await add(bookingFields(MAY_4_2026_9AM_BERLIN))).body.result).toBe(16);
  });
});
