import { GraphQLError } from "graphql";
import {
  BitrixApiError,
  BitrixError,
  BitrixMalformedResponseError,
  BitrixNetworkError,
  BitrixTimeoutError,
} from "../../src/bitrix/errors";
import { formatGatewayError, graphQLCodeFor } from "../../src/errors/to-graphql-error";

const METHOD = "booking.v1.booking.client.set";
const api = (code: string, status: number) => new BitrixApiError(code, "d", METHOD, status);

describe("graphQLCodeFor", () => {
  it.each([
    ["1021", 400, "BOOKING_NOT_FOUND"],
    ["1019", 400, "BOOKING_NOT_FOUND"],
    ["0", 400, "BAD_USER_INPUT"],
    ["100", 400, "BAD_USER_INPUT"],
    ["422", 400, "BAD_USER_INPUT"],
    ["1018", 400, "RESOURCES_UNAVAILABLE"],
    ["QUERY_LIMIT_EXCEEDED", 503, "RATE_LIMITED"],
    ["OPERATION_TIME_LIMIT", 429, "RATE_LIMITED"],
    ["NO_AUTH_FOUND", 401, "UNAUTHENTICATED"],
    ["expired_token", 401, "UNAUTHENTICATED"],
    ["invalid_token", 401, "UNAUTHENTICATED"],
    ["ACCESS_DENIED", 403, "FORBIDDEN"],
    ["insufficient_scope", 403, "FORBIDDEN"],
    ["INVALID_CREDENTIALS", 403, "FORBIDDEN"],
    ["user_access_error", 403, "FORBIDDEN"],
    ["ERROR_METHOD_NOT_FOUND", 404, "UPSTREAM_METHOD_NOT_FOUND"],
    ["INTERNAL_SERVER_ERROR", 500, "UPSTREAM_UNAVAILABLE"],
    ["SOMETHING_NEW", 400, "UPSTREAM_ERROR"],
  ])("maps Bitrix24 %s (HTTP %i) to %s", (code, status, expected) => {
    expect(graphQLCodeFor(api(code, status))).toBe(expected);
  });

  it("maps transport failures", () => {
    expect(graphQLCodeFor(new BitrixMalformedResponseError(METHOD, 502, "text/html"))).toBe(
      "UPSTREAM_UNAVAILABLE",
    );
    expect(graphQLCodeFor(new BitrixNetworkError(METHOD, "ECONNRESET"))).toBe(
      "UPSTREAM_UNAVAILABLE",
    );
    expect(graphQLCodeFor(new BitrixTimeoutError(METHOD, 1000))).toBe("UPSTREAM_TIMEOUT");
  });
});

describe("formatGatewayError", () => {
  const located = (original: Error) =>
    new GraphQLError(original.message, { path: ["x"], originalError: original });

  it("puts the code and the Bitrix24 details into extensions", () => {
    const error = new BitrixApiError("1021", "Booking not found", METHOD, 400);
    const formatted = formatGatewayError({ message: error.message, path: ["x"] }, located(error));
    expect(formatted).toEqual({
      message: `Bitrix24 ${METHOD} failed with 1021: Booking not found`,
      path: ["x"],
      extensions: {
        code: "BOOKING_NOT_FOUND",
        bitrix: { error: "1021", description: "Booking not found", status: 400, method: METHOD },
      },
    });
  });

  it("masks unexpected errors, with no stack trace", () => {
    const formatted = formatGatewayError(
      {
        message: "secret-ish detail",
        extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] },
      },
      located(new TypeError("secret-ish detail")),
    );
    expect(formatted).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("keeps the raw cause of a transport error out of its serialised form", () => {
    const error = new BitrixNetworkError(
      METHOD,
      "ECONNRESET",
      new Error("http://host/rest/1/SECRET/x"),
    );
    expect(JSON.stringify(error)).not.toContain("SECRET");
    expect(Object.keys(error)).not.toContain("cause");
    expect(error).toBeInstanceOf(BitrixError);
  });
});
