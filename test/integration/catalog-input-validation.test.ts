import {
  AddResourceDocument,
  AddResourceTypeDocument,
  CreateBookingFromWaitListDocument,
  ResourcesDocument,
  ResourceTypesDocument,
  SetBookingExternalDataDocument,
  SetResourceSlotsDocument,
  SetWaitListItemClientsDocument,
  UpdateResourceDocument,
  UpdateResourceTypeDocument,
  WaitListItemDocument,
  WaitListItemsDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute, type GraphQLResponse } from "../helpers/graphql-http";

/**
 * Rules of the resource, slot, waitlist and link inputs. Each is checked before any upstream call:
 * the portal must see no method call at all.
 */
describe("resource, slot, waitlist and link input validation before any upstream call", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());
  afterEach(() => expect(stack.portal.stats().methodCalls).toBe(0));

  const expectRejected = (result: GraphQLResponse<unknown>, field: string, message?: string) => {
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    if (message) expect(result.errors?.[0]?.message).toBe(message);
  };

  describe("resource types", () => {
    it.each([
      [
        "an empty name",
        { name: "", code: "x" },
        "input.name",
        'input.name must not be empty, got ""',
      ],
      [
        "a blank code",
        { name: "X", code: "  " },
        "input.code",
        'input.code must not be empty, got "  "',
      ],
      [
        "a negative delay",
        { name: "X", code: "x", notifications: { delayed: { delaySeconds: -5 } } },
        "input.notifications.delayed.delaySeconds",
        "input.notifications.delayed.delaySeconds must be 0 or more, got -5",
      ],
      [
        "a reminder delay below -1",
        { name: "X", code: "x", notifications: { reminder: { delaySeconds: -2 } } },
        "input.notifications.reminder.delaySeconds",
        "input.notifications.reminder.delaySeconds must be 0 or more seconds, or -1 for the morning of the booking day, got -2",
      ],
      [
        "a null setting",
        { name: "X", code: "x", notifications: { feedback: { enabled: null } } },
        "input.notifications.feedback.enabled",
        undefined,
      ],
    ])("rejects a new type with %s", async (_label, input, field, message) => {
      const result = await execute(stack.gateway.url, AddResourceTypeDocument, { input });
      expectRejected(result, field, message);
    });

    it.each([
      ["no change", 1, {}, "input"],
      ["only empty notification kinds", 1, { notifications: { reminder: {} } }, "input"],
      ["a null name", 1, { name: null }, "input.name"],
      ["an id of 0", 0, { name: "X" }, "id"],
    ])("rejects an update with %s", async (_label, id, input, field) => {
      const result = await execute(stack.gateway.url, UpdateResourceTypeDocument, { id, input });
      expectRejected(result, field);
    });

    it("rejects a page larger than the limit", async () => {
      const result = await execute(stack.gateway.url, ResourceTypesDocument, {
        page: { limit: 201 },
      });
      expectRejected(result, "page.limit");
    });
  });

  describe("resources", () => {
    it.each([
      ["an empty name", { name: " ", typeId: 1 }, "input.name"],
      ["a type id of 0", { name: "X", typeId: 0 }, "input.typeId"],
      [
        "a negative confirmation interval",
        {
          name: "X",
          typeId: 1,
          notifications: { confirmation: { repetitionsIntervalSeconds: -1 } },
        },
        "input.notifications.confirmation.repetitionsIntervalSeconds",
      ],
    ])("rejects a new resource with %s", async (_label, input, field) => {
      const result = await execute(stack.gateway.url, AddResourceDocument, { input });
      expectRejected(result, field);
    });

    it.each([
      ["no change", {}, "input"],
      ["a null type id", { typeId: null }, "input.typeId"],
      ["a null notification kind", { notifications: { info: null } }, "input.notifications.info"],
    ])("rejects an update with %s", async (_label, input, field) => {
      const result = await execute(stack.gateway.url, UpdateResourceDocument, { id: 1, input });
      expectRejected(result, field);
    });

    it.each([
      ["an empty type list", { typeIds: [] }, "filter.typeIds"],
      ["a negative type id", { typeIds: [1, -4] }, "filter.typeIds[1]"],
    ])("rejects a filter with %s", async (_label, filter, field) => {
      const result = await execute(stack.gateway.url, ResourcesDocument, { filter });
      expectRejected(result, field);
    });
  });

  describe("slots", () => {
    const slot = {
      from: 540,
      to: 1080,
      weekDays: ["MONDAY" as const],
      slotSize: 30,
      timezone: "Europe/Berlin",
    };

    it.each([
      [
        "from after to",
        { ...slot, from: 600, to: 540 },
        "slots[0].to",
        "slots[0].to must be after slots[0].from (600), got 540",
      ],
      ["from equal to to", { ...slot, from: 600, to: 600 }, "slots[0].to", undefined],
      [
        "a negative from",
        { ...slot, from: -1 },
        "slots[0].from",
        "slots[0].from must be minutes after midnight, 0 to 1439, got -1",
      ],
      ["from at midnight", { ...slot, from: 1440, to: 1440 }, "slots[0].from", undefined],
      [
        "to past midnight",
        { ...slot, to: 1441 },
        "slots[0].to",
        "slots[0].to must be at most 1440 (midnight), got 1441",
      ],
      ["no week days", { ...slot, weekDays: [] }, "slots[0].weekDays", undefined],
      [
        "a repeated week day",
        { ...slot, weekDays: ["MONDAY" as const, "MONDAY" as const] },
        "slots[0].weekDays[1]",
        'slots[0].weekDays[1] must not repeat a day, got "MONDAY"',
      ],
      [
        "a slot size of 0",
        { ...slot, slotSize: 0 },
        "slots[0].slotSize",
        "slots[0].slotSize must be 1 minute or more, got 0",
      ],
      [
        "an unknown time zone",
        { ...slot, timezone: "Mars/Olympus" },
        "slots[0].timezone",
        'slots[0].timezone must be an IANA time zone such as "Europe/Berlin", got "Mars/Olympus"',
      ],
    ])("rejects a slot range with %s", async (_label, range, field, message) => {
      const result = await execute(stack.gateway.url, SetResourceSlotsDocument, {
        resourceId: 1,
        slots: [range],
      });
      expectRejected(result, field, message);
    });

    it("rejects an empty slot list, pointing at unsetResourceSlots", async () => {
      const result = await execute(stack.gateway.url, SetResourceSlotsDocument, {
        resourceId: 1,
        slots: [],
      });
      expectRejected(
        result,
        "slots",
        "slots must hold at least one slot range (use unsetResourceSlots to remove all), got []",
      );
    });

    it("rejects a resource id of 0", async () => {
      const result = await execute(stack.gateway.url, SetResourceSlotsDocument, {
        resourceId: 0,
        slots: [slot],
      });
      expectRejected(result, "resourceId", "resourceId must be a positive integer, got 0");
    });

    it("rejects a week day outside the enum through GraphQL validation", async () => {
      const result = await execute(stack.gateway.url, SetResourceSlotsDocument, {
        resourceId: 1,
        slots: [{ ...slot, weekDays: ["Mon" as never] }],
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
      expect(result.errors?.[0]?.message).toContain("Mon");
    });
  });

  describe("the waitlist", () => {
    it.each([
      [
        "the portal's own day format",
        { from: "01.03.2026", to: "2026-04-01" },
        "filter.createdWithin.from",
      ],
      [
        "a day that does not exist",
        { from: "2026-02-30", to: "2026-04-01" },
        "filter.createdWithin.from",
      ],
      ["to before from", { from: "2026-04-01", to: "2026-03-01" }, "filter.createdWithin.to"],
      ["to equal to from", { from: "2026-04-01", to: "2026-04-01" }, "filter.createdWithin.to"],
    ])("rejects a day range with %s", async (_label, createdWithin, field) => {
      const result = await execute(stack.gateway.url, WaitListItemsDocument, {
        filter: { createdWithin },
      });
      expectRejected(result, field);
    });

    it("rejects an id of 0", async () => {
      const result = await execute(stack.gateway.url, WaitListItemDocument, { id: 0 });
      expectRejected(result, "id");
    });

    it("rejects an empty client list, pointing at unsetWaitListItemClients", async () => {
      const result = await execute(stack.gateway.url, SetWaitListItemClientsDocument, {
        waitListItemId: 1,
        clients: [],
      });
      expectRejected(
        result,
        "clients",
        "clients must hold at least one client (use unsetWaitListItemClients to remove all), got []",
      );
    });

    const period = {
      from: { timestamp: 2000, timezone: "Europe/Berlin" },
      to: { timestamp: 1000, timezone: "Europe/Berlin" },
    };
    it.each([
      [
        "no resources",
        1,
        { resourceIds: [], datePeriod: { ...period, to: period.from, from: period.to } },
        "input.resourceIds",
      ],
      [
        "a period that ends before it starts",
        1,
        { resourceIds: [1], datePeriod: period },
        "input.datePeriod.to.timestamp",
      ],
      ["an item id of 0", 0, { resourceIds: [1], datePeriod: period }, "waitListItemId"],
    ])("rejects booking a waitlist item with %s", async (_label, waitListItemId, input, field) => {
      const result = await execute(stack.gateway.url, CreateBookingFromWaitListDocument, {
        waitListItemId,
        input,
      });
      expectRejected(result, field);
    });
  });

  describe("links", () => {
    it.each([
      [
        "an empty list",
        [],
        "externalData",
        "externalData must hold at least one link (use unsetBookingExternalData to remove all), got []",
      ],
      [
        "a deal id that is not a number",
        [{ value: "deal-7" }],
        "externalData[0].value",
        'externalData[0].value must be the deal id, a positive integer as digits, got "deal-7"',
      ],
      ["a deal id of 0", [{ value: "0" }], "externalData[0].value", undefined],
      ["a repeated link", [{ value: "3" }, { value: "3" }], "externalData[1]", undefined],
    ])("rejects %s", async (_label, externalData, field, message) => {
      const result = await execute(stack.gateway.url, SetBookingExternalDataDocument, {
        bookingId: 14,
        externalData,
      });
      expectRejected(result, field, message);
    });

    it("rejects a booking id of 0", async () => {
      const result = await execute(stack.gateway.url, SetBookingExternalDataDocument, {
        bookingId: 0,
        externalData: [{ value: "1" }],
      });
      expectRejected(result, "bookingId");
    });
  });
});
