import { parseEnvelope } from "../../src/transport/envelope";
import { readBatchResult } from "../../src/transport/batch-result";
import {
  BitrixApiError,
  BitrixMalformedResponseError,
  BitrixNotExecutedError,
} from "../../src/transport/errors";
import { scrubberOf } from "../../src/transport/scrub";

const METHOD = "booking.v1.booking.get";
const noScrub = (text: string) => text;
const json = (status: number, body: unknown) => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(body),
});

describe("parseEnvelope", () => {
  it("returns result, time, total and next of a success envelope", () => {
    const time = {
      start: 1,
      finish: 2,
      duration: 1,
      processing: 0.5,
      date_start: "a",
      date_finish: "b",
      operating: 0.2,
    };
    const parsed = parseEnvelope(
      METHOD,
      json(200, { result: { booking: [] }, time, total: 0, next: 50 }),
      noScrub,
    );
    expect(parsed).toEqual({ result: { booking: [] }, time, total: 0, next: 50 });
  });

  it("keeps a bare-integer and a boolean result as they are", () => {
    expect(parseEnvelope(METHOD, json(200, { result: 582 }), noScrub).result).toBe(582);
    expect(parseEnvelope(METHOD, json(200, { result: true }), noScrub).result).toBe(true);
  });

  it("gives an error envelope without a description an empty one, never a made-up one", () => {
    const error = catchError(() => parseEnvelope(METHOD, json(400, { error: "ERROR_X" }), noScrub));
    expect(error).toMatchObject({ code: "ERROR_X", description: "", status: 400 });
  });

  it.each([
    ["a string code", "1021"],
    ["a numeric code, as the docs show it", 1021],
  ])("turns an error envelope with %s into a BitrixApiError with a string code", (_label, code) => {
    const error = catchError(() =>
      parseEnvelope(
        METHOD,
        json(400, { error: code, error_description: "Booking not found" }),
        noScrub,
      ),
    );
    expect(error).toBeInstanceOf(BitrixApiError);
    expect(error).toMatchObject({
      code: "1021",
      description: "Booking not found",
      status: 400,
      method: METHOD,
    });
  });

  it('keeps the code "0" rather than treating it as no error', () => {
    const error = catchError(() =>
      parseEnvelope(
        METHOD,
        json(400, { error: "0", error_description: "Required fields: id" }),
        noScrub,
      ),
    );
    expect(error).toMatchObject({ code: "0", description: "Required fields: id" });
  });

  it("treats an HTML page from a proxy as a malformed response, with its status", () => {
    const error = catchError(() =>
      parseEnvelope(
        METHOD,
        { status: 502, contentType: "text/html", body: "<html>Bad gateway</html>" },
        noScrub,
      ),
    );
    expect(error).toBeInstanceOf(BitrixMalformedResponseError);
    expect(error).toMatchObject({ code: "MALFORMED_RESPONSE", status: 502 });
  });

  it("treats JSON without result or error as malformed", () => {
    expect(catchError(() => parseEnvelope(METHOD, json(200, { foo: 1 }), noScrub))).toBeInstanceOf(
      BitrixMalformedResponseError,
    );
    expect(catchError(() => parseEnvelope(METHOD, json(200, [1, 2]), noScrub))).toBeInstanceOf(
      BitrixMalformedResponseError,
    );
  });

  it.each([
    ["null", "null"],
    ["a number", "5"],
    ["a string", '"done"'],
    ["an array", "[1,2]"],
  ])("treats a JSON body that is %s, not an object, as malformed", (_label, body) => {
    const error = catchError(() =>
      parseEnvelope(METHOD, { status: 200, contentType: "application/json", body }, noScrub),
    );
    expect(error).toBeInstanceOf(BitrixMalformedResponseError);
    expect(error).toMatchObject({ code: "MALFORMED_RESPONSE", status: 200 });
  });

  it.each([300, 500])(
    "treats a result sent with status %i as malformed, not a success",
    (status) => {
      const error = catchError(() => parseEnvelope(METHOD, json(status, { result: 1 }), noScrub));
      expect(error).toBeInstanceOf(BitrixMalformedResponseError);
      expect(error).toMatchObject({ status });
    },
  );

  it.each([
    ["null", null],
    ["an object", { message: "none" }],
  ])("reads an `error` that is %s, beside a result, as no error", (_label, error) => {
    expect(parseEnvelope(METHOD, json(200, { result: 1, error }), noScrub)).toEqual({ result: 1 });
  });

  it.each([
    ["null", null],
    ["a string", "0.01"],
    ["an array", [0.01]],
  ])("leaves out a `time` that is %s, not an object", (_label, time) => {
    const parsed = parseEnvelope(METHOD, json(200, { result: 1, time }), noScrub);
    expect(parsed).toEqual({ result: 1 });
    expect(parsed).not.toHaveProperty("time");
  });

  it("scrubs credentials echoed in an error description", () => {
    const error = catchError(() =>
      parseEnvelope(
        METHOD,
        json(401, { error: "expired_token", error_description: "token tok-123 expired" }),
        (text) => text.replace("tok-123", "***"),
      ),
    );
    expect(error).toMatchObject({ description: "token *** expired" });
  });

  describe("scrubs the whole answer as it parses it", () => {
    const SECRET = "s3cr3tw3bh00k";
    const ENDPOINT = `https://portal.example/rest/1/${SECRET}/`;
    const scrub = scrubberOf([SECRET, ENDPOINT]);

    it("masks the error code as well as the description", () => {
      const error = catchError(() =>
        parseEnvelope(
          METHOD,
          json(403, { error: `DENIED_${SECRET}`, error_description: `denied for ${ENDPOINT}x` }),
          scrub,
        ),
      );
      expect(error).toMatchObject({ code: "DENIED_***", description: "denied for ***x" });
    });

    it("masks each batch command's error code and description, and keys", () => {
      const parsed = parseEnvelope(
        "batch",
        json(200, {
          result: {
            result: { c1: { [`k_${SECRET}`]: `v ${SECRET}` } },
            result_error: {
              c0: { error: `E_${SECRET}`, error_description: `denied for ${ENDPOINT}m` },
            },
          },
        }),
        scrub,
      );
      const [failed, succeeded] = readBatchResult(parsed.result, [
        { key: "c0", method: METHOD },
        { key: "c1", method: METHOD },
      ]);
      expect(failed).toMatchObject({
        ok: false,
        error: { code: "E_***", description: "denied for ***m" },
      });
      expect(succeeded).toEqual({ ok: true, value: { result: { "k_***": "v ***" } } });
    });

    it("masks a secret the JSON spells with escape sequences", () => {
      const body = `{"error":"E","error_description":"at \\u0073${SECRET.slice(1)} and https:\\/\\/portal.example\\/rest\\/1\\/${SECRET}\\/"}`;
      const error = catchError(() =>
        parseEnvelope(METHOD, { status: 400, contentType: "application/json", body }, scrub),
      );
      expect(error).toMatchObject({ description: "at *** and ***" });
    });

    it("masks the content type of a malformed answer", () => {
      const error = catchError(() =>
        parseEnvelope(
          METHOD,
          { status: 502, contentType: `text/html; from=${SECRET}`, body: "<html>" },
          scrub,
        ),
      );
      expect((error as Error).message).not.toContain(SECRET);
    });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("readBatchResult", () => {
  const commands = [
    { key: "c0", method: METHOD },
    { key: "c1", method: "booking.v1.booking.list" },
  ];

  it("gives a command error without a description an empty one, never a made-up one", () => {
    const [failed] = readBatchResult({ result_error: { c0: { error: "ERROR_X" } } }, commands);
    expect(failed).toMatchObject({ ok: false, error: { code: "ERROR_X", description: "" } });
    expect(failed?.ok === false && failed.error.message).not.toMatch(/undefined|null/);
  });

  it.each([
    ["null", null],
    ["a string", "unexpected"],
    ["a number", 1],
  ])("reads a map that is %s as empty: each command is not executed", (_, map) => {
    const outcomes = readBatchResult(
      { result: map, result_error: map, result_total: map, result_next: map, result_time: map },
      commands,
    );
    expect(outcomes).toEqual([
      { ok: false, error: expect.any(BitrixNotExecutedError) },
      { ok: false, error: expect.any(BitrixNotExecutedError) },
    ]);
    expect(outcomes.map((each) => !each.ok && each.error.method)).toEqual([
      METHOD,
      "booking.v1.booking.list",
    ]);
  });
});
