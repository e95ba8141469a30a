import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { addBookingsWithClients } from "../helpers/portal-rest";

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Booking { id name } }
}`;

interface Entities {
  _entities: Array<{ id: number; name: string } | null>;
}

describe("the booking service as a Federation 2 subgraph", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
    // The seed has bookings 12–15; these are 16–131.
    await addBookingsWithClients(stack.portal, 116);
  });
  afterAll(() => stack.stop());

  it("answers _service { sdl } with exactly the committed schema/booking.graphql", async () => {
    const committed = readFileSync(
      join(__dirname, "..", "..", "schema", "booking.graphql"),
      "utf8",
    );
    const result = await execute<{ _service: { sdl: string } }, never>(
      stack.gateway.url,
      "{ _service { sdl } }",
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._service.sdl).toBe(committed);
  });

  it("resolves 120 Booking representations with 120 reads in 3 upstream requests (batches of 50)", async () => {
    const representations = Array.from({ length: 120 }, (_, i) => ({
      __typename: "Booking",
      id: 12 + i,
    }));
    stack.portal.resetStats();
    const result = await execute<Entities, { representations: unknown[] }>(
      stack.gateway.url,
      ENTITIES,
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((entity) => entity?.id)).toEqual(
      representations.map((representation) => representation.id),
    );
    expect(result.data?._entities[2]).toEqual({ id: 14, name: "Client consultation" });
    const stats = stack.portal.stats();
    expect(stats.callsByMethod).toEqual({ "booking.v1.booking.get": 120 });
    expect(stats.httpRequests).toBeLessThanOrEqual(3);
    expect(stats.batchSizes).toEqual([50, 50, 20]);
  });

  it("reads a repeated representation once", async () => {
    stack.portal.resetStats();
    const result = await execute<Entities, { representations: unknown[] }>(
      stack.gateway.url,
      ENTITIES,
      {
        representations: [
          { __typename: "Booking", id: 14 },
          { __typename: "Booking", id: 14 },
        ],
      },
    );
    expect(result.data?._entities).toEqual([
      { id: 14, name: "Client consultation" },
      { id: 14, name: "Client consultation" },
    ]);
    expect(stack.portal.stats().methodCalls).toBe(1);
  });

  it("answers a representation that does not exist with null and an error on that item only", async () => {
    const result = await execute<Entities, { representations: unknown[] }>(
      stack.gateway.url,
      ENTITIES,
      {
        representations: [
          { __typename: "Booking", id: 13 },
          { __typename: "Booking", id: 9999 },
          { __typename: "Booking", id: 0 },
          { __typename: "Booking", id: 14 },
        ],
      },
    );
    expect(result.data?._entities).toEqual([
      { id: 13, name: "Deep tissue massage" },
      null,
      null,
      { id: 14, name: "Client consultation" },
    ]);
    // Each failed item has its own error; the order of the errors is not the order of the items.
    expect(result.errors).toHaveLength(2);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ["_entities", 1],
          extensions: expect.objectContaining({ code: "BOOKING_NOT_FOUND" }),
        }),
        expect.objectContaining({
          path: ["_entities", 2],
          extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "id" }),
        }),
      ]),
    );
  });

  it("refers to CRM contacts, companies and deals by id, at no upstream cost beyond the lists", async () => {
    stack.portal.resetStats();
    const result = await execute<
      {
        booking: {
          clients: Array<{ contact: { id: number } | null; company: { id: number } | null }>;
          externalData: Array<{ deal: { id: number } | null }>;
        };
      },
      never
    >(
      stack.gateway.url,
      "{ booking(id: 14) { clients { contact { id } company { id } } externalData { deal { id } } } }",
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.booking).toEqual({
      clients: [{ contact: null, company: { id: 1 } }],
      externalData: [{ deal: { id: 1 } }],
    });
    expect(stack.portal.stats().callsByMethod).toEqual({
      "booking.v1.booking.get": 1,
      "booking.v1.booking.client.list": 1,
      "booking.v1.booking.externaldata.list": 1,
    });
  });

  it("returns a federated trace (ftv1) only to a request that asks for one", async () => {
    const post = async (headers: Record<string, string>) => {
      const response = await fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ booking(id: 14) { id name } }" }),
      });
      return (await response.json()) as { data?: unknown; extensions?: { ftv1?: unknown } };
    };
    const asked = await post({ "apollo-federation-include-trace": "ftv1" });
    expect(asked.data).toEqual({ booking: { id: 14, name: expect.any(String) } });
    expect(typeof asked.extensions?.ftv1).toBe("string");
    const plain = await post({});
    expect(plain.data).toEqual(asked.data);
    expect(plain.extensions?.ftv1).toBeUndefined();
  });
});
