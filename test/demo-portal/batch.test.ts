import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import {
  bookingFields,
  postForm,
  postJson,
  resetPortal,
  type ErrorBody,
  type RestTimeBody,
  type SuccessBody,
} from "./rest-client";

interface BatchResult {
  result: unknown;
  result_error: unknown;
  result_total: unknown;
  result_next: unknown;
  result_time: unknown;
}
type BatchBody = SuccessBody<BatchResult>;

const NOT_FOUND: ErrorBody = { error: "1021", error_description: "Booking not found" };
const MAY_4_2026_9AM_BERLIN = Date.parse("2026-05-04T09:00:00+02:00") / 1000;

let portal: DemoPortal;

beforeAll(async () => {
  portal = await startDemoPortal({ oauthTokens: { "token-anna": 3 } });
});
afterAll(() => portal.close());
beforeEach(() => resetPortal(portal.origin));

async function batch(payload: unknown): Promise<BatchResult> {
  const reply = await postJson<BatchBody>(`${portal.webhookUrl}batch`, payload);
  expect(reply.status).toBe(200);
  return reply.body.result;
}

const bookingIdOf = (value: unknown) => (value as { booking: { id: number } }).booking.id;

describe("batch", () => {
  it("returns JSON arrays when an array of commands all succeed, with [] for the empty maps", async () => {
    const result = await batch({
      halt: 0,
      cmd: ["booking.v1.booking.get?id=12", "booking.v1.booking.get?id=14"],
    });
    expect(Array.isArray(result.result)).toBe(true);
    expect((result.result as unknown[]).map(bookingIdOf)).toEqual([12, 14]);
    expect(result.result_error).toEqual([]);
    expect(result.result_total).toEqual([]);
    expect(result.result_next).toEqual([]);
    expect(Array.isArray(result.result_time)).toBe(true);
  });

  it("returns objects keyed by position when a failure leaves gaps, and isolates the error", async () => {
    const result = await batch({
      halt: 0,
      cmd: [
        "booking.v1.booking.get?id=12",
        "booking.v1.booking.get?id=999",
        "booking.v1.booking.get?id=14",
      ],
    });
    expect(Object.keys(result.result as object)).toEqual(["0", "2"]);
    expect(bookingIdOf((result.result as Record<string, unknown>)["2"])).toBe(14);
    expect(result.result_error).toEqual({ "1": NOT_FOUND });
    expect(Object.keys(result.result_time as object)).toEqual(["0", "2"]);
  });

  it("keys everything by name for a named command map", async () => {
    const result = await batch({
      cmd: {
        consultation: "booking.v1.booking.get?id=14",
        bookings: "booking.v1.booking.list?filter[resourceId][0]=3",
        types: "booking.v1.clienttype.list",
      },
    });
    const results = result.result as Record<string, unknown>;
    expect(bookingIdOf(results.consultation)).toBe(14);
    expect(
      (results.bookings as { booking: Array<{ id: number }> }).booking.map((b) => b.id),
    ).toEqual([13, 15]);
    expect(result.result_total).toEqual({ bookings: 0, types: 0 });
    const times = result.result_time as Record<string, RestTimeBody>;
    expect(Object.keys(times)).toEqual(["consultation", "bookings", "types"]);
    expect(Object.keys(times.types ?? {}).sort()).toEqual([
      "date_finish",
      "date_start",
      "duration",
      "finish",
      "operating",
      "processing",
      "start",
    ]);
  });

  it("reports an unknown method inside the batch as a per-command error", async () => {
    const result = await batch({
      cmd: { a: "booking.v1.nothing.here", b: "booking.v1.booking.get?id=14" },
    });
    expect(result.result_error).toEqual({
      a: { error: "ERROR_METHOD_NOT_FOUND", error_description: "Method not found!" },
    });
    expect(Object.keys(result.result as object)).toEqual(["b"]);
  });

  it("stops at the first failing command when halt is 1", async () => {
    const result = await batch({
      halt: 1,
      cmd: [
        "booking.v1.booking.get?id=12",
        "booking.v1.booking.get?id=999",
        "booking.v1.booking.delete?id=14",
      ],
    });
    expect((result.result as unknown[]).length).toBe(1);
    expect(result.result_error).toEqual({ "1": NOT_FOUND });
    const stillThere = await postJson(`${portal.webhookUrl}booking.v1.booking.get`, { id: 14 });
    expect(stillThere.status).toBe(200);
  });

  it('runs every command when halt is 0 or the string "0"', async () => {
    for (const halt of [0, "0"]) {
      const result = await batch({
        halt,
        cmd: ["booking.v1.booking.get?id=999", "booking.v1.booking.get?id=12"],
      });
      expect(Object.keys(result.result as object)).toEqual(["1"]);
    }
  });

  it("runs only the first 50 commands and answers ERROR_BATCH_LENGTH_EXCEEDED for the rest", async () => {
    const cmd = Array.from({ length: 53 }, () => "booking.v1.clienttype.list");
    const result = await batch({ halt: 0, cmd });
    expect((result.result as unknown[]).length).toBe(50);
    const exceeded = {
      error: "ERROR_BATCH_LENGTH_EXCEEDED",
      error_description: "Max batch length exceeded",
    };
    expect(result.result_error).toEqual({ "50": exceeded, "51": exceeded, "52": exceeded });
    expect(portal.stats().callsByMethod["booking.v1.clienttype.list"]).toBe(50);
  });

  it("refuses a nested batch with ERROR_BATCH_METHOD_NOT_ALLOWED", async () => {
    const result = await batch({
      cmd: { inner: "batch?cmd[0]=booking.v1.clienttype.list", ok: "booking.v1.clienttype.list" },
    });
    expect(result.result_error).toEqual({
      inner: {
        error: "ERROR_BATCH_METHOD_NOT_ALLOWED",
        error_description: "Method is not allowed for batch usage",
      },
    });
    expect(Object.keys(result.result as object)).toEqual(["ok"]);
  });

  it("substitutes $result references: a whole value keeps its type, an embedded one becomes text", async () => {
    const fields = bookingFields(MAY_4_2026_9AM_BERLIN);
    const addQuery = new URLSearchParams({
      "fields[name]": "Original",
      "fields[resourceIds][0]": "1",
      "fields[datePeriod][from][timestamp]": String(fields.datePeriod.from.timestamp),
      "fields[datePeriod][from][timezone]": "Europe/Berlin",
      "fields[datePeriod][to][timestamp]": String(fields.datePeriod.to.timestamp),
      "fields[datePeriod][to][timezone]": "Europe/Berlin",
    });
    const result = await batch({
      halt: 1,
      cmd: {
        add: `booking.v1.booking.add?${addQuery.toString()}`,
        read: "booking.v1.booking.get?id=$result[add]",
        rename:
          "booking.v1.booking.update?id=$result[read][booking][id]&fields[name]=Copy of $result[read][booking][name] for booking $result[add]",
        clients:
          "booking.v1.booking.client.set?bookingId=$result[add]&clients[0][id]=$result[read][booking][resourceIds][0]&clients[0][type][module]=crm&clients[0][type][code]=CONTACT",
        check: "booking.v1.booking.get?id=$result[add]",
      },
    });
    expect(result.result_error).toEqual([]);
    const results = result.result as Record<string, unknown>;
    expect(results.add).toBe(16);
    expect((results.check as { booking: { name: string } }).booking.name).toBe(
      "Copy of Original for booking 16",
    );
    const clients = await postJson<SuccessBody<{ bookingClient: unknown[] }>>(
      `${portal.webhookUrl}booking.v1.booking.client.list`,
      { bookingId: 16 },
    );
    expect(clients.body.result.bookingClient).toEqual([
      { id: 1, type: { code: "CONTACT", module: "crm" } },
    ]);
  });

  it("runs commands as the batch's OAuth caller", async () => {
    const reply = await postJson<BatchBody>(
      `${portal.origin}/rest/batch`,
      { cmd: ["booking.v1.booking.get?id=14", "booking.v1.clienttype.list"] },
      { authorization: "Bearer token-anna" },
    );
    expect(reply.status).toBe(200);
    expect(portal.stats().callsByUser).toEqual({ "3": 2 });
  });

  it("accepts a form-encoded batch with upper-case keys", async () => {
    const form = [
      "HALT=0",
      `CMD[first]=${encodeURIComponent("booking.v1.booking.get?id=12")}`,
      `CMD[second]=${encodeURIComponent("booking.v1.booking.get?id=13")}`,
    ].join("&");
    const reply = await postForm<BatchBody>(`${portal.webhookUrl}batch`, form);
    expect(reply.status).toBe(200);
    const results = reply.body.result.result as Record<string, unknown>;
    expect([bookingIdOf(results.first), bookingIdOf(results.second)]).toEqual([12, 13]);
  });

  it("answers 200 with empty maps when cmd is missing", async () => {
    const result = await batch({ halt: 0 });
    expect(result).toEqual({
      result: [],
      result_error: [],
      result_total: [],
      result_next: [],
      result_time: [],
    });
  });
});
