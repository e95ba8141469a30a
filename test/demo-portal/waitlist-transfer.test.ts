import {
  bookingFields,
  postJson,
  type SuccessBody,
  expectError,
  useDemoPortal,
} from "./rest-client";

const MAY_4_2026_9AM_BERLIN = Date.parse("2026-05-04T09:00:00+02:00") / 1000;
const PERIOD = bookingFields(MAY_4_2026_9AM_BERLIN).datePeriod;

const demo = useDemoPortal();
const call = demo.call;

async function result<R>(method: string, params: Record<string, unknown>): Promise<R> {
  const reply = await postJson<SuccessBody<R>>(call(method), params);
  expect(reply.status).toBe(200);
  return reply.body.result;
}

async function createFromWaitList(waitListId: unknown, fields: unknown) {
  return postJson<SuccessBody<number>>(call("booking.v1.booking.createfromwaitlist"), {
    waitListId,
    fields,
  });
}

describe("booking.v1.booking.createfromwaitlist", () => {
  it("books the request with its clients, links and note, and removes it from the waitlist", async () => {
    await postJson(call("booking.v1.waitlist.externalData.set"), {
      waitListId: 2,
      externalData: [{ moduleId: "crm", entityTypeId: "DEAL", value: "1" }],
    });
    const reply = await createFromWaitList(2, {
      resourceIds: [3],
      datePeriod: PERIOD,
      name: "dropped: not in this method's whitelist",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(16);

    expect(await result("booking.v1.booking.get", { id: 16 })).toEqual({
      booking: {
        datePeriod: PERIOD,
        description: null,
        id: 16,
        name: "",
        resourceIds: [3],
      },
    });
    expect(await result("booking.v1.booking.client.list", { bookingId: 16 })).toEqual({
      bookingClient: [{ id: 1, type: { code: "CONTACT", module: "crm" } }],
    });
    expect(await result("booking.v1.booking.externalData.list", { bookingId: 16 })).toEqual({
      externalData: [{ entityTypeId: "DEAL", moduleId: "crm", value: "1" }],
    });
    expectError(
      await postJson(call("booking.v1.waitlist.get"), { id: 2 }),
      "1040",
      "Wait list not found",
    );
  });

  describe("errors", () => {
    it("answers 100 without waitListId or fields (fields is required, whatever the docs say)", async () => {
      expectError(
        await postJson(call("booking.v1.booking.createfromwaitlist"), { fields: {} }),
        "100",
        "Could not find value for parameter {waitListId}",
      );
      expectError(
        await postJson(call("booking.v1.booking.createfromwaitlist"), { waitListId: 1 }),
        "100",
        "Could not find value for parameter {fields}",
      );
    });

    it("answers 0 naming the missing resourceIds and datePeriod", async () => {
      expectError(
        await createFromWaitList(1, { name: "x" }),
        "0",
        "Required fields: resourceIds, datePeriod",
      );
    });

    it("answers 422 for a bad resource id list or date period", async () => {
      expectError(
        await createFromWaitList(1, { resourceIds: 3, datePeriod: PERIOD }),
        "422",
        "Parameter resourceIds must be array",
      );
      expectError(
        await createFromWaitList(1, { resourceIds: ["x"], datePeriod: PERIOD }),
        "422",
        "Parameter resourceIds must be array of integers",
      );
      expectError(
        await createFromWaitList(1, { resourceIds: [1], datePeriod: { from: PERIOD.from } }),
        "422",
        "Invalid date period",
      );
    });

    it("answers 1038 for a missing item, unknown resources and an empty list", async () => {
      expectError(
        await createFromWaitList(99, { resourceIds: [1], datePeriod: PERIOD }),
        "1038",
        "wait list item not found",
      );
      expectError(
        await createFromWaitList(1, { resourceIds: [1, 98, 99], datePeriod: PERIOD }),
        "1038",
        "Some resources were not found: 98, 99",
      );
      expectError(
        await createFromWaitList(1, { resourceIds: [], datePeriod: PERIOD }),
        "1038",
        "Empty resource collection",
      );
      expect(await result("booking.v1.waitlist.get", { id: 1 })).toEqual({
        waitList: { id: 1, note: "Any free room on a Friday morning" },
      });
    });
  });
});

describe("booking.v1.waitlist.createfrombooking", () => {
  it("moves booking 14 to the waitlist with its clients and links, and deletes the booking", async () => {
    const reply = await postJson<SuccessBody<number>>(
      call("booking.v1.waitlist.createfrombooking"),
      { bookingId: 14 },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(4);
    expect(await result("booking.v1.waitlist.get", { id: 4 })).toEqual({
      waitList: { id: 4, note: null },
    });
    expect(await result("booking.v1.waitlist.client.list", { waitListId: 4 })).toEqual({
      waitListClient: [{ id: 1, type: { code: "COMPANY", module: "crm" } }],
    });
    expect(await result("booking.v1.waitlist.externalData.list", { waitListId: 4 })).toEqual({
      externalData: [{ entityTypeId: "DEAL", moduleId: "crm", value: "1" }],
    });
    expectError(
      await postJson(call("booking.v1.booking.get"), { id: 14 }),
      "1021",
      "Booking not found",
    );
  });

  it("keeps the note across a round trip through the calendar", async () => {
    const bookingId = await result<number>("booking.v1.booking.createfromwaitlist", {
      waitListId: 1,
      fields: { resourceIds: [1], datePeriod: PERIOD },
    });
    const waitListId = await result<number>("booking.v1.waitlist.createfrombooking", {
      bookingId,
    });
    expect(await result("booking.v1.waitlist.get", { id: waitListId })).toEqual({
      waitList: { id: waitListId, note: "Any free room on a Friday morning" },
    });
  });

  it("answers 1037 for a missing booking and 100 without bookingId", async () => {
    expectError(
      await postJson(call("booking.v1.waitlist.createfrombooking"), { bookingId: 99 }),
      "1037",
      "booking not found",
    );
    expectError(
      await postJson(call("booking.v1.waitlist.createfrombooking"), {}),
      "100",
      "Could not find value for parameter {bookingId}",
    );
  });
});
