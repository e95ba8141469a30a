import { ManualClock } from "../helpers/manual-clock";
import { get, postJson, type SuccessBody, expectError, useDemoPortal } from "./rest-client";

interface WaitListWire {
  id: number;
  note: string | null;
}
type ListBody = SuccessBody<{ waitList: WaitListWire[] }>;

// New items are stamped with this clock's day, so "today" cannot turn into tomorrow mid-test.
const clock = new ManualClock();
const demo = useDemoPortal({ clock });
const call = demo.call;

async function getItem(id: number): Promise<WaitListWire> {
  const reply = await postJson<SuccessBody<{ waitList: WaitListWire }>>(
    call("booking.v1.waitlist.get"),
    { id },
  );
  expect(reply.status).toBe(200);
  return reply.body.result.waitList;
}

async function list(params: Record<string, unknown> = {}): Promise<ListBody> {
  const reply = await postJson<ListBody>(call("booking.v1.waitlist.list"), params);
  expect(reply.status).toBe(200);
  return reply.body;
}

const ids = (body: ListBody) => body.result.waitList.map((item) => item.id);

/** dd.mm.yyyy for a day offset from the portal's today (UTC), as waitlist.list's filter wants it. */
function day(offset: number): string {
  const date = new Date(clock.now() + offset * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

describe("booking.v1.waitlist.get", () => {
  it("returns id and note only, with sorted keys", async () => {
    const reply = await get<SuccessBody<{ waitList: WaitListWire }>>(
      call("booking.v1.waitlist.get?id=1"),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.result).toEqual({
      waitList: { id: 1, note: "Any free room on a Friday morning" },
    });
    expect(await getItem(3)).toEqual({ id: 3, note: null });
  });

  it("answers 1040 for a missing item and 100 without an id", async () => {
    expectError(
      await postJson(call("booking.v1.waitlist.get"), { id: 99 }),
      "1040",
      "Wait list not found",
    );
    expectError(
      await postJson(call("booking.v1.waitlist.get"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
  });
});

describe("booking.v1.waitlist.add", () => {
  it("returns the new id as a bare integer and drops unknown keys", async () => {
    const reply = await postJson<SuccessBody<number>>(call("booking.v1.waitlist.add"), {
      fields: { note: "Needs a projector", priority: "high" },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(4);
    expect(await getItem(4)).toEqual({ id: 4, note: "Needs a projector" });
  });

  it("leaves the note null when fields has none", async () => {
    const reply = await postJson<SuccessBody<number>>(call("booking.v1.waitlist.add"), {
      fields: { other: 1 },
    });
    expect(await getItem(reply.body.result)).toEqual({ id: reply.body.result, note: null });
  });

  it("answers 100 without fields", async () => {
    expectError(
      await postJson(call("booking.v1.waitlist.add"), {}),
      "100",
      "Could not find value for parameter {fields}",
    );
  });
});

describe("booking.v1.waitlist.update", () => {
  it("changes the note and returns true", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.waitlist.update"), {
      id: 3,
      fields: { note: "Walk-in, call back on Monday" },
    });
    expect(reply.body.result).toBe(true);
    expect(await getItem(3)).toEqual({ id: 3, note: "Walk-in, call back on Monday" });
  });

  it("answers 1040 for a missing item and 100 for missing arguments", async () => {
    expectError(
      await postJson(call("booking.v1.waitlist.update"), { id: 99, fields: { note: "x" } }),
      "1040",
      "Wait list not found",
    );
    expectError(
      await postJson(call("booking.v1.waitlist.update"), { id: 1 }),
      "100",
      "Could not find value for parameter {fields}",
    );
  });
});

describe("booking.v1.waitlist.delete", () => {
  it("deletes the item", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.waitlist.delete"), {
      id: 2,
    });
    expect(reply.body.result).toBe(true);
    expect(ids(await list())).toEqual([1, 3]);
  });

  it("answers 1036 for a missing item and 100 without an id", async () => {
    expectError(
      await postJson(call("booking.v1.waitlist.delete"), { id: 99 }),
      "1036",
      "wait list item not found",
    );
    expectError(
      await postJson(call("booking.v1.waitlist.delete"), {}),
      "100",
      "Could not find value for parameter {id}",
    );
  });
});

describe("booking.v1.waitlist.list", () => {
  it("returns the items under the waitList key with total 0 and no next", async () => {
    const body = await list();
    expect(body.result).toEqual({
      waitList: [
        { id: 1, note: "Any free room on a Friday morning" },
        { id: 2, note: "Wants a massage with Anna after 17:00" },
        { id: 3, note: null },
      ],
    });
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty("next");
  });

  it("filters by creation day: from inclusive, to exclusive", async () => {
    // The seed items were created on 10.03.2026, 02.04.2026 and 16.04.2026.
    const within = (from: string, to: string) => list({ filter: { createdWithin: { from, to } } });
    expect(ids(await within("10.03.2026", "16.04.2026"))).toEqual([1, 2]);
    expect(ids(await within("11.03.2026", "17.04.2026"))).toEqual([2, 3]);
    expect(ids(await within("01.01.2026", "10.03.2026"))).toEqual([]);
    const added = await postJson<SuccessBody<number>>(call("booking.v1.waitlist.add"), {
      fields: { note: "today" },
    });
    expect(ids(await within(day(0), day(1)))).toEqual([added.body.result]);
  });

  it("reads the filter from PHP-style query keys", async () => {
    const reply = await get<ListBody>(
      call(
        "booking.v1.waitlist.list?filter[createdWithin][from]=01.04.2026&filter[createdWithin][to]=01.05.2026",
      ),
    );
    expect(ids(reply.body)).toEqual([2, 3]);
  });

  it("pages 50 at a time", async () => {
    for (let index = 0; index < 50; index += 1) {
      await postJson(call("booking.v1.waitlist.add"), { fields: { note: `Request ${index}` } });
    }
    expect((await list({ start: 0 })).result.waitList).toHaveLength(50);
    expect(ids(await list({ start: 50 }))).toEqual([51, 52, 53]);
  });

  describe("errors", () => {
    it("answers 0 when createdWithin lacks an end or is not an object", async () => {
      expectError(
        await postJson(call("booking.v1.waitlist.list"), {
          filter: { createdWithin: { from: "01.04.2026" } },
        }),
        "0",
        "Required fields: to",
      );
      expectError(
        await postJson(call("booking.v1.waitlist.list"), { filter: { createdWithin: {} } }),
        "0",
        "Required fields: from, to",
      );
      expectError(
        await postJson(call("booking.v1.waitlist.list"), { filter: { createdWithin: "today" } }),
        "0",
        "Required fields: createdWithin",
      );
    });

    it("answers 422 Invalid date for a date that is not a dd.mm.yyyy day", async () => {
      for (const from of ["2026-04-01", "31.02.2026", "tomorrow", "1.13.2026"]) {
        expectError(
          await postJson(call("booking.v1.waitlist.list"), {
            filter: { createdWithin: { from, to: "01.05.2026" } },
          }),
          "422",
          "Invalid date",
        );
      }
    });

    it("answers 100 when filter is not an object", async () => {
      expectError(
        await postJson(call("booking.v1.waitlist.list"), { filter: "today" }),
        "100",
        "Invalid value {today} to match with parameter {filter}. Should be value of type array.",
      );
    });
  });
});

describe("booking.v1.booking.list createdWithin", () => {
  it("filters bookings by creation day too (the source has it, the docs do not)", async () => {
    // Seed bookings 12-15 were created on 20.02, 25.02, 27.02 and 30.03.2026.
    const reply = await postJson<SuccessBody<{ booking: Array<{ id: number }> }>>(
      call("booking.v1.booking.list"),
      { filter: { createdWithin: { from: "25.02.2026", to: "30.03.2026" } } },
    );
    expect(reply.body.result.booking.map((booking) => booking.id)).toEqual([13, 14]);
    expectError(
      await postJson(call("booking.v1.booking.list"), {
        filter: { createdWithin: { from: "x", to: "30.03.2026" } },
      }),
      "422",
      "Invalid date",
    );
  });
});
