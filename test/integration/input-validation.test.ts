import {
  AddBookingDocument,
  BookingsDocument,
  SetBookingClientsWithBookingDocument,
  UpdateBookingDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

/** Every rule here is checked before any upstream call: the portal must see no method call at all. */
describe("input validation before any upstream call", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());
  afterEach(() => expect(stack.portal.stats().methodCalls).toBe(0));

  const contact = (id: number) => ({ id, type: { code: "CONTACT" as const } });
  const period = (from: number, to: number, timezone = "Europe/Berlin") => ({
    from: { timestamp: from, timezone },
    to: { timestamp: to, timezone },
  });

  it.each([
    [
      "a negative bookingId",
      -3,
      [contact(1)],
      "bookingId",
      "bookingId must be a positive integer, got -3",
    ],
    [
      "a zero client id",
      14,
      [contact(0)],
      "clients[0].id",
      "clients[0].id must be a positive integer, got 0",
    ],
    ["an empty client list", 14, [], "clients", "clients must hold at least one client"],
    [
      "a repeated client",
      14,
      [contact(1), contact(1)],
      "clients[1]",
      "clients[1] must not repeat a client",
    ],
  ])(
    "rejects %s with BAD_USER_INPUT naming the field",
    async (_label, bookingId, clients, field, message) => {
      const result = await execute(stack.gateway.url, SetBookingClientsWithBookingDocument, {
        bookingId,
        clients,
      });
      expect(result.errors?.[0]?.message).toContain(message);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    },
  );

  it.each([
    ["to before from", period(2000, 1000), "input.datePeriod.to.timestamp"],
    ["equal ends", period(1000, 1000), "input.datePeriod.to.timestamp"],
    ["an unknown time zone", period(1000, 2000, "Mars/Olympus"), "input.datePeriod.from.timezone"],
    ["a negative timestamp", period(-5, 2000), "input.datePeriod.from.timestamp"],
  ])("rejects a date period with %s", async (_label, datePeriod, field) => {
    const result = await execute(stack.gateway.url, AddBookingDocument, {
      input: { resourceIds: [1], datePeriod },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("rejects a booking with no resources", async () => {
    const result = await execute(stack.gateway.url, AddBookingDocument, {
      input: { resourceIds: [], datePeriod: period(1000, 2000) },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.resourceIds",
    });
  });

  it("rejects an update that changes nothing", async () => {
    const result = await execute(stack.gateway.url, UpdateBookingDocument, { id: 14, input: {} });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input",
    });
  });

  it("rejects a page larger than the limit", async () => {
    const result = await execute(stack.gateway.url, BookingsDocument, {
      page: { limit: 500, offset: 0 },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "page.limit",
    });
  });

  it("rejects a value outside an enum through GraphQL validation", async () => {
    const result = await execute(stack.gateway.url, SetBookingClientsWithBookingDocument, {
      bookingId: 14,
      clients: [{ id: 1, type: { code: "LEAD" as never } }],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(result.errors?.[0]?.message).toContain("LEAD");
  });
});
