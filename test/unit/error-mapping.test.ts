import { GraphQLError } from "graphql";
import {
  BitrixApiError,
  BitrixError,
  BitrixMalformedResponseError,
  BitrixNetworkError,
  BitrixTimeoutError,
} from "../../src/transport/errors";
import {
  createErrorFormatter,
  formatGatewayError,
  graphQLCodeFor,
} from "../../src/errors/to-graphql-error";
import { leftOutOfList } from "../../src/errors/partial-errors";
import { ruleText, tableCell } from "../../src/errors/error-reference";

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
    ["1037", 400, "BOOKING_NOT_FOUND"],
    ["403", 400, "FORBIDDEN"],
    ["1026", 400, "BOOKING_OVERLAP"],
    ["1009", 400, "RESOURCE_NOT_FOUND"],
    ["1007", 400, "RESOURCE_NOT_FOUND"],
    ["1008", 400, "RESOURCE_NOT_FOUND"],
    ["1017", 400, "RESOURCE_SLOTS_REJECTED"],
    ["1013", 400, "RESOURCE_TYPE_NOT_FOUND"],
    ["1006", 400, "RESOURCE_TYPE_NOT_FOUND"],
    ["1012", 400, "RESOURCE_TYPE_NOT_FOUND"],
    ["1010", 400, "RESOURCE_TYPE_CODE_TAKEN"],
    ["1011", 400, "RESOURCE_TYPE_CODE_TAKEN"],
    ["1040", 400, "WAITLIST_ITEM_NOT_FOUND"],
    ["1036", 400, "WAITLIST_ITEM_NOT_FOUND"],
    ["1038", 400, "WAITLIST_ITEM_NOT_FOUND"],
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

  it.each([
    ["1007", "booking.v1.resource.update", "Resource not found", "RESOURCE_NOT_FOUND"],
    [
      "1007",
      "booking.v1.resourceType.update",
      "Resource type not found",
      "RESOURCE_TYPE_NOT_FOUND",
    ],
    [
      "1007",
      "BOOKING.V1.RESOURCETYPE.UPDATE",
      "Resource type not found",
      "RESOURCE_TYPE_NOT_FOUND",
    ],
    ["1008", "booking.v1.resource.delete", "Resource has not been found", "RESOURCE_NOT_FOUND"],
    [
      "1008",
      "booking.v1.resource.delete",
      "The resource can not be deleted. There are future bookings with that resource.",
      "RESOURCE_IN_USE",
    ],
    [
      "1012",
      "booking.v1.resourceType.delete",
      "Resource type has not been found",
      "RESOURCE_TYPE_NOT_FOUND",
    ],
    [
      "1012",
      "booking.v1.resourceType.delete",
      "The type can not be deleted. There are resources of  type",
      "RESOURCE_TYPE_IN_USE",
    ],
    [
      "1038",
      "booking.v1.booking.createfromwaitlist",
      "wait list item not found",
      "WAITLIST_ITEM_NOT_FOUND",
    ],
    [
      "1038",
      "booking.v1.booking.createfromwaitlist",
      "Some resources were not found: 9",
      "RESOURCES_UNAVAILABLE",
    ],
    [
      "1038",
      "booking.v1.booking.createfromwaitlist",
      "Empty resource collection",
      "RESOURCES_UNAVAILABLE",
    ],
  ])(
    "maps %s from %s (%s) by its method and message to %s",
    (code, method, description, expected) => {
      expect(graphQLCodeFor(new BitrixApiError(code, description, method, 400))).toBe(expected);
    },
  );

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

  it("names the method and code alone when the portal gave no description", () => {
    const error = new BitrixApiError("ERROR_CORE", "", METHOD, 400);
    const formatted = formatGatewayError({ message: error.message }, located(error));
    expect(formatted.message).toBe(`Bitrix24 ${METHOD} failed with ERROR_CORE`);
  });

  it("passes an error that carries a code of its own as it is, with no stack trace", () => {
    const original = Object.assign(new Error("Not yours"), { extensions: { code: "FORBIDDEN" } });
    const formatted = formatGatewayError(
      { message: "Not yours", extensions: { code: "FORBIDDEN", stacktrace: ["at x"] } },
      located(original),
    );
    expect(formatted).toEqual({ message: "Not yours", extensions: { code: "FORBIDDEN" } });
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

describe("createErrorFormatter", () => {
  const validation = (message: string) => ({
    message,
    extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
  });
  const HINTED = 'Cannot query field "bookin" on type "Query". Did you mean "booking"?';

  it("strips graphql-js's trailing hint, which names schema fields, when asked", () => {
    const format = createErrorFormatter({ hideSuggestions: true });
    expect(format(validation(HINTED), new GraphQLError(HINTED)).message).toBe(
      'Cannot query field "bookin" on type "Query".',
    );
  });

  it("keeps a question the message carries before its end: only the trailing hint goes", () => {
    const format = createErrorFormatter({ hideSuggestions: true });
    const message =
      'Variable "$name" got invalid value "Ask: Did you mean me?"; String cannot be empty.';
    expect(format(validation(message), new GraphQLError(message)).message).toBe(message);
  });

  it("keeps the hint when not asked to strip it", () => {
    const format = createErrorFormatter({ hideSuggestions: false });
    expect(format(validation(HINTED), new GraphQLError(HINTED)).message).toBe(HINTED);
  });
});

describe("leftOutOfList", () => {
  const PATH = ["booking", "resources", 1];

  it("maps an upstream failure like any other, and names the list's owner and the item", () => {
    const error = leftOutOfList(
      PATH,
      new BitrixApiError("1009", "Resource not found", METHOD, 400),
      {
        bookingId: 14,
        resourceId: 7,
      },
    );
    expect(error).toEqual({
      message: `Bitrix24 ${METHOD} failed with 1009: Resource not found`,
      path: PATH,
      extensions: expect.objectContaining({
        code: "RESOURCE_NOT_FOUND",
        bitrix: expect.objectContaining({ error: "1009" }),
        bookingId: 14,
        resourceId: 7,
        leftOut: true,
      }),
    });
  });

  it("keeps the code of one of the gateway's own errors", () => {
    const reason = new GraphQLError("Unknown client type LEAD", {
      extensions: { code: "UPSTREAM_UNKNOWN_VALUE", value: "LEAD" },
    });
    expect(leftOutOfList(PATH, reason, { bookingId: 14 })).toEqual({
      message: "Unknown client type LEAD",
      path: PATH,
      extensions: { code: "UPSTREAM_UNKNOWN_VALUE", value: "LEAD", bookingId: 14, leftOut: true },
    });
  });

  it("masks an unexpected error's message, as for any other field", () => {
    const reason = new TypeError("Cannot read properties of undefined (reading 'token=abc')");
    expect(leftOutOfList(PATH, reason, { bookingId: 14 })).toEqual({
      message: "Internal server error",
      path: PATH,
      extensions: { code: "INTERNAL_SERVER_ERROR", bookingId: 14, leftOut: true },
    });
  });
});

describe("the error reference's table", () => {
  it("lists a rule's conditions in reading order, each after a space", () => {
    expect(
      ruleText({ code: "1008", method: "booking.v1.resource.delete", description: /can ?not/i }),
    ).toBe("`1008` from `booking.v1.resource.delete` when the description matches `can ?not`");
  });

  it("escapes a | in a cell, so that a pattern such as a|b stays in its column", () => {
    expect(tableCell("`1038` when the description matches `resource|slot`")).toBe(
      "`1038` when the description matches `resource\\|slot`",
    );
  });
});
