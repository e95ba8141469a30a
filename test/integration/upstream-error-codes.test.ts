import {
  AddResourceDocument,
  CreateBookingFromWaitListDocument,
  ResourceTypesDocument,
  SetWaitListItemClientsDocument,
  WaitListItemsDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute, type GraphQLResponse } from "../helpers/graphql-http";

const FROM = Date.UTC(2026, 11, 4, 9) / 1000;

/**
 * Documented codes the gateway's own validation keeps the demo portal from producing, injected as the
 * portal's answer to check how each reaches the client.
 */
describe("documented Bitrix24 error codes of the new methods as GraphQL errors", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());
  afterEach(() => stack.portal.clearFaults());

  const operations: Record<string, () => Promise<GraphQLResponse<unknown>>> = {
    "booking.v1.resource.add": () =>
      execute(stack.gateway.url, AddResourceDocument, { input: { name: "Room 9", typeId: 1 } }),
    "booking.v1.resourceType.list": () => execute(stack.gateway.url, ResourceTypesDocument, {}),
    "booking.v1.waitlist.list": () => execute(stack.gateway.url, WaitListItemsDocument, {}),
    "booking.v1.waitlist.client.set": () =>
      execute(stack.gateway.url, SetWaitListItemClientsDocument, {
        waitListItemId: 1,
        clients: [{ id: 1, type: { code: "CONTACT" } }],
      }),
    "booking.v1.booking.createfromwaitlist": () =>
      execute(stack.gateway.url, CreateBookingFromWaitListDocument, {
        waitListItemId: 2,
        input: {
          resourceIds: [1],
          datePeriod: {
            from: { timestamp: FROM, timezone: "UTC" },
            to: { timestamp: FROM + 3600, timezone: "UTC" },
          },
        },
      }),
  };

  it.each([
    ["booking.v1.resource.add", "0", "Required fields: name", "BAD_USER_INPUT"],
    [
      "booking.v1.resource.add",
      "100",
      "Could not find value for parameter {fields}",
      "BAD_USER_INPUT",
    ],
    ["booking.v1.resource.add", "422", "Invalid value of the isMain field", "BAD_USER_INPUT"],
    ["booking.v1.waitlist.list", "422", "Invalid date", "BAD_USER_INPUT"],
    ["booking.v1.waitlist.client.set", "0", "Required fields: type", "BAD_USER_INPUT"],
    ["booking.v1.resourceType.list", "403", "Access denied", "FORBIDDEN"],
    ["booking.v1.booking.createfromwaitlist", "1026", "Booking intersection", "BOOKING_OVERLAP"],
    ["booking.v1.booking.createfromwaitlist", "0", "Required fields: datePeriod", "BAD_USER_INPUT"],
  ])("passes %s's %s (%s) on as %s", async (method, error, description, code) => {
    stack.portal.injectFault({ method, kind: "error", error, description });
    const result = await operations[method]!();
    expect(result.errors?.[0]?.extensions).toEqual({
      code,
      bitrix: { error, description, status: 400, method },
    });
    expect(result.errors?.[0]?.message).toBe(
      `Bitrix24 ${method} failed with ${error}: ${description}`,
    );
  });
});
