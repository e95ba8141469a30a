import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import {
  bookingFields,
  get,
  postJson,
  resetPortal,
  type ErrorBody,
  type SuccessBody,
} from "./rest-client";

interface BookingWire {
  id: number;
  name: string;
  resourceIds: number[];
  datePeriod: { from: { timestamp: number }; to: { timestamp: number } };
}
type ListBody = SuccessBody<{ booking: BookingWire[] }>;

const SEEDED_BOOKING_IDS = [12, 13, 14, 15];
const MARCH_2_2026 = Date.parse("2026-03-02T00:00:00+01:00") / 1000;
const MARCH_3_2026 = Date.parse("2026-03-03T00:00:00+01:00") / 1000;

let portal: DemoPortal;
let call: (method: string) => string;

beforeAll(async () => {
  portal = await startDemoPortal();
  call = (method) => `${portal.webhookUrl}${method}`;
});
afterAll(() => portal.close());

async function list(params: Record<string, unknown> = {}): Promise<ListBody> {
  const reply = await postJson<ListBody>(call("booking.v1.booking.list"), params);
  expect(reply.status).toBe(200);
  return reply.body;
}

const ids = (body: ListBody) => body.result.booking.map((booking) => booking.id);

describe("booking.v1.booking.list paging", () => {
  let addedIds: number[];

  beforeAll(async () => {
    // An "empty" portal has no resources to book, so start from the demo data without its bookings.
    await resetPortal(portal.origin);
    for (const id of SEEDED_BOOKING_IDS) await postJson(call("booking.v1.booking.delete"), { id });
    addedIds = [];
    for (let index = 0; index < 60; index += 1) {
      const reply = await postJson<SuccessBody<number>>(call("booking.v1.booking.add"), {
        fields: bookingFields(MARCH_2_2026 + index * 3600, 30, { name: `Booking ${index}` }),
      });
      addedIds.push(reply.body.result);
    }
  });

  it("returns the first 50 bookings with total 0 and no next for start=0", async () => {
    const body = await list({ start: 0 });
    expect(ids(body)).toEqual(addedIds.slice(0, 50));
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty("next");
  });

  it("returns the remaining 10 for start=50", async () => {
    const body = await list({ start: 50 });
    expect(ids(body)).toEqual(addedIds.slice(50));
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty("next");
  });

  it("rounds start down to a page boundary: start=30 is the first page", async () => {
    expect(ids(await list({ start: 30 }))).toEqual(addedIds.slice(0, 50));
  });

  it("treats a missing start as the first page and reads start from the query string", async () => {
    expect(ids(await list())).toEqual(addedIds.slice(0, 50));
    const reply = await get<ListBody>(call("booking.v1.booking.list?start=50"));
    expect(ids(reply.body)).toEqual(addedIds.slice(50));
  });

  it("omits total for start=-1 and returns the first page", async () => {
    const body = await list({ start: -1 });
    expect(ids(body)).toEqual(addedIds.slice(0, 50));
    expect(body).not.toHaveProperty("total");
  });

  it("returns an empty page past the end", async () => {
    expect(ids(await list({ start: 100 }))).toEqual([]);
  });
});

describe("booking.v1.booking.list filter and order", () => {
  beforeAll(() => resetPortal(portal.origin));

  it("orders by id ascending by default", async () => {
    expect(ids(await list())).toEqual(SEEDED_BOOKING_IDS);
  });

  it("orders by dateFrom or id in either direction, in any case", async () => {
    expect(ids(await list({ order: { dateFrom: "desc" } }))).toEqual([15, 14, 13, 12]);
    expect(ids(await list({ order: { id: "DESC" } }))).toEqual([15, 14, 13, 12]);
    expect(ids(await list({ order: { dateTo: "Asc" } }))).toEqual([12, 13, 14, 15]);
  });

  it("filters by a time window, keeping bookings that overlap it", async () => {
    const body = await list({
      filter: { within: { dateFrom: MARCH_2_2026, dateTo: MARCH_3_2026 } },
    });
    expect(ids(body)).toEqual([12, 13]);
    const fromStrings = await list({
      filter: { within: { dateFrom: String(MARCH_3_2026), dateTo: String(MARCH_3_2026 + 86400) } },
    });
    expect(ids(fromStrings)).toEqual([14]);
  });

  it("filters by client and by resource", async () => {
    const byContact = await list({
      filter: { client: { entities: [{ id: 2, module: "crm", code: "CONTACT" }] } },
    });
    expect(ids(byContact)).toEqual([13]);
    const byCompany = await list({
      filter: { client: { entities: [{ id: "1", module: "crm", code: "COMPANY" }] } },
    });
    expect(ids(byCompany)).toEqual([14]);
    expect(ids(await list({ filter: { resourceId: [3] } }))).toEqual([13, 15]);
  });

  it("ignores filter keys it does not know, such as the SDK's >ID cursor", async () => {
    expect(ids(await list({ filter: { ">ID": 13 } }))).toEqual(SEEDED_BOOKING_IDS);
  });

  it("reads filter and order from PHP-style query keys", async () => {
    const reply = await get<ListBody>(
      call("booking.v1.booking.list?filter[resourceId][]=3&order[id]=desc"),
    );
    expect(ids(reply.body)).toEqual([15, 13]);
  });

  describe("errors", () => {
    function expectError(
      reply: { status: number; body: unknown },
      code: string,
      description: string,
    ) {
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual<ErrorBody>({ error: code, error_description: description });
    }

    it("answers 100 when filter or order is not an object", async () => {
      expectError(
        await postJson(call("booking.v1.booking.list"), { filter: "today" }),
        "100",
        "Invalid value {today} to match with parameter {filter}. Should be value of type array.",
      );
      expectError(
        await postJson(call("booking.v1.booking.list"), { order: "ASC" }),
        "100",
        "Invalid value {ASC} to match with parameter {order}. Should be value of type array.",
      );
    });

    it("answers 0 when within lacks dateFrom or dateTo", async () => {
      expectError(
        await postJson(call("booking.v1.booking.list"), { filter: { within: { dateFrom: 0 } } }),
        "0",
        "Required fields: dateTo",
      );
      expectError(
        await postJson(call("booking.v1.booking.list"), { filter: { within: { dateTo: 0 } } }),
        "0",
        "Required fields: dateFrom",
      );
    });

    it("answers 422 for a window that is not numeric or ends before it starts", async () => {
      expectError(
        await postJson(call("booking.v1.booking.list"), {
          filter: { within: { dateFrom: "monday", dateTo: 5 } },
        }),
        "422",
        "Invalid date period",
      );
      expectError(
        await postJson(call("booking.v1.booking.list"), {
          filter: { within: { dateFrom: 10, dateTo: 5 } },
        }),
        "422",
        "Invalid date period",
      );
    });

    it("answers 0 when a client filter lacks entities or an entity lacks keys", async () => {
      expectError(
        await postJson(call("booking.v1.booking.list"), { filter: { client: {} } }),
        "0",
        "Required fields: entities",
      );
      expectError(
        await postJson(call("booking.v1.booking.list"), {
          filter: { client: { entities: [{ id: 1 }] } },
        }),
        "0",
        "Required fields: module, code",
      );
    });
  });
});
