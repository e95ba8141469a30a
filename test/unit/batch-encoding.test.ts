import { parse } from "qs";
import { encodeBatchCommand, resultOf } from "../../src/transport/batch-command";
import { readBatchResult } from "../../src/transport/batch-result";

describe("batch commands", () => {
  it("encodes nested params in PHP's key form, which parse_str reads back", () => {
    const command = encodeBatchCommand("booking.v1.booking.client.set", {
      bookingId: 14,
      clients: [{ id: 1, type: { module: "crm", code: "CONTACT" } }],
    });
    const [method, query] = command.split("?");
    expect(method).toBe("booking.v1.booking.client.set");
    expect(parse(query!)).toEqual({
      bookingId: "14",
      clients: [{ id: "1", type: { module: "crm", code: "CONTACT" } }],
    });
  });

  it("keeps a result placeholder intact through the encoding", () => {
    const [, query] = encodeBatchCommand("booking.v1.booking.get", { id: resultOf(0) }).split("?");
    expect(parse(query!)).toEqual({ id: "$result[c0]" });
  });
});

describe("readBatchResult", () => {
  const commands = [
    { key: "c0", method: "booking.v1.booking.get" },
    { key: "c1", method: "booking.v1.booking.client.list" },
    { key: "c2", method: "booking.v1.booking.get" },
  ];

  it("reads the object form, with errors failing only their own command", () => {
    const outcomes = readBatchResult(
      {
        result: { c0: { booking: { id: 1 } }, c2: { booking: { id: 3 } } },
        result_error: { c1: { error: "1021", error_description: "Booking not found" } },
        result_total: { c0: 0 },
        result_next: [],
        result_time: { c0: { operating: 0.5 } },
      },
      commands,
    );
    expect(outcomes[0]).toEqual({
      ok: true,
      value: { result: { booking: { id: 1 } }, total: 0, time: { operating: 0.5 } },
    });
    expect(outcomes[1]).toMatchObject({
      ok: false,
      error: { code: "1021", status: 400, method: "booking.v1.booking.client.list" },
    });
    expect(outcomes[2]).toMatchObject({ ok: true, value: { result: { booking: { id: 3 } } } });
  });

  it("reads the array form PHP sends for keys 0..n-1", () => {
    const outcomes = readBatchResult({ result: ["a", "b"], result_error: [] }, [
      { key: "0", method: "m" },
      { key: "1", method: "m" },
    ]);
    expect(outcomes).toEqual([
      { ok: true, value: { result: "a" } },
      { ok: true, value: { result: "b" } },
    ]);
  });

  it("reports commands a halting batch never ran", () => {
    const outcomes = readBatchResult(
      { result: [], result_error: { c0: { error: "0", error_description: "x" } } },
      commands.slice(0, 2),
    );
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: "NOT_EXECUTED" } });
  });

  it("reads a numeric error code as its text, and an error without a code as no error", () => {
    const outcomes = readBatchResult(
      {
        result: { c1: { clients: [] } },
        result_error: { c0: { error: 100, error_description: "Not found" }, c1: { note: "x" } },
      },
      commands.slice(0, 2),
    );
    expect(outcomes[0]).toMatchObject({
      ok: false,
      error: { code: "100", description: "Not found", method: "booking.v1.booking.get" },
    });
    expect(outcomes[1]).toEqual({ ok: true, value: { result: { clients: [] } } });
  });
});
