import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

/**
 * A portal may store a client of a type this API lacks (a CRM lead, say: Bitrix24 has more client
 * types than the schema's CONTACT and COMPANY). Such a client is left out with an error of its own,
 * never relabelled as a type it is not. The demo portal refuses to store one, so its list answer
 * carries it instead.
 */
const CONTACT = { id: 2, type: { module: "crm", code: "CONTACT" } };
const LEAD = { id: 9, type: { module: "crm", code: "LEAD" } };
const CLIENTS = "clients { id type { module code } }";

interface Client {
  id: number;
  type: { module: string; code: string };
}

describe("a stored client of a type this API lacks (LEAD)", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());
  // Each test's answer was the one read.
  afterEach(() => expect(stack.portal.pendingFaults()).toEqual([]));

  it("is left out of a booking's clients with UPSTREAM_UNKNOWN_VALUE, the others kept", async () => {
    stack.portal.injectFault({
      method: "booking.v1.booking.client.list",
      kind: "result",
      result: { bookingClient: [CONTACT, LEAD] },
    });
    const result = await execute<{ booking: { id: number; clients: Client[] } }, never>(
      stack.gateway.url,
      `{ booking(id: 14) { id ${CLIENTS} } }`,
    );
    expect(result.data?.booking).toEqual({
      id: 14,
      clients: [{ id: 2, type: { module: "CRM", code: "CONTACT" } }],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message:
          'Bitrix24 sent the client type of client 1 of booking 14: {"module":"crm","code":"LEAD"}, which this API does not know',
        path: ["booking", "clients", 1],
        extensions: expect.objectContaining({
          code: "UPSTREAM_UNKNOWN_VALUE",
          value: LEAD.type,
          bookingId: 14,
          leftOut: true,
        }),
      }),
    ]);
  });

  it("is left out of bookingClients the same way", async () => {
    stack.portal.injectFault({
      method: "booking.v1.booking.client.list",
      kind: "result",
      result: { bookingClient: [LEAD] },
    });
    const result = await execute<{ bookingClients: Client[] }, never>(
      stack.gateway.url,
      "{ bookingClients(bookingId: 14) { id type { module code } } }",
    );
    expect(result.data?.bookingClients).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["bookingClients", 0],
        extensions: expect.objectContaining({ code: "UPSTREAM_UNKNOWN_VALUE", bookingId: 14 }),
      }),
    ]);
  });

  it("is left out of a waitlist item's clients the same way", async () => {
    stack.portal.injectFault({
      method: "booking.v1.waitlist.client.list",
      kind: "result",
      result: { waitListClient: [LEAD, CONTACT] },
    });
    const result = await execute<{ waitListItem: { id: number; clients: Client[] } }, never>(
      stack.gateway.url,
      `{ waitListItem(id: 1) { id ${CLIENTS} } }`,
    );
    expect(result.data?.waitListItem).toEqual({
      id: 1,
      clients: [{ id: 2, type: { module: "CRM", code: "CONTACT" } }],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["waitListItem", "clients", 0],
        extensions: expect.objectContaining({
          code: "UPSTREAM_UNKNOWN_VALUE",
          value: LEAD.type,
          waitListItemId: 1,
        }),
      }),
    ]);
  });
});
