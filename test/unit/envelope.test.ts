import { parseEnvelope } from "../../src/transport/envelope";
import { BitrixApiError, BitrixMalformedResponseError } from "../../src/transport/errors";

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
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
