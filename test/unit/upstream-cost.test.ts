import "reflect-metadata";
import { getOperationAST, parse, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { buildSchema, Int, Query, Resolver } from "type-graphql";
import { MAX_PAGE_LIMIT } from "../../src/common/page.input";
import { fragmentsOf } from "../../src/limits/collect-fields";
import { COST, PAGE_LIMIT_CAP, UPSTREAM_COST } from "../../src/limits/field-cost";
import { estimateUpstreamCost } from "../../src/limits/upstream-cost";
import { buildGatewaySchema } from "../../src/subgraph/build-schema";
import { resolverFieldsWithoutCost } from "../../src/subgraph/field-costs";
import { RESOLVERS } from "../../src/subgraph/resolvers";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

function cost(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  return estimateUpstreamCost(schema, getOperationAST(document)!, fragmentsOf(document), variables);
}

describe("upstream-command cost", () => {
  it("counts a read by id as one command, and fields that map data as nothing", () => {
    expect(cost("{ booking(id: 1) { id name datePeriod { from { iso } } resourceIds } }")).toEqual({
      upstreamCommands: 1,
      upstreamRequests: 1,
    });
    expect(cost("{ __typename __schema { types { name } } }")).toEqual({
      upstreamCommands: 0,
      upstreamRequests: 0,
    });
  });

  it("counts each relation per parent, one tree level per request", () => {
    expect(cost("{ booking(id: 1) { clients { id } externalData { value } } }")).toEqual({
      upstreamCommands: 3,
      upstreamRequests: 2,
    });
  });

  it("prices a page by the Bitrix24 pages it reads and multiplies its items by the limit", () => {
    // limit 50 from offset 0 reads pages 0 and 1 (the row after the window), then 50 client lists.
    expect(cost("{ bookings { items { clients { id } } } }")).toEqual({
      upstreamCommands: 2 + 50,
      upstreamRequests: 2,
    });
    expect(
      cost("{ bookings(page: {limit: 10, offset: 45}) { items { id } } }").upstreamCommands,
    ).toBe(2);
    expect(
      cost("query($p: PageInput) { bookings(page: $p) { items { clients { id } } } }", {
        p: { limit: 120, offset: 0 },
      }),
    ).toEqual({ upstreamCommands: 3 + 120, upstreamRequests: 1 + 3 });
  });

  it("assumes a few resources per booking and prices their relations", () => {
    expect(cost("{ booking(id: 1) { resources { type { name } slots { id } } } }")).toEqual({
      upstreamCommands: 1 + 3 + 3 * 2,
      upstreamRequests: 3,
    });
  });

  it("merges selections of one response key and counts aliases apart", () => {
    expect(cost("{ booking(id: 1) { id } booking(id: 1) { name } }").upstreamCommands).toBe(1);
    expect(cost("{ a: booking(id: 1) { id } b: booking(id: 2) { id } }").upstreamCommands).toBe(2);
  });

  it("follows fragments and inline fragments", () => {
    expect(
      cost(
        "{ ...Q } fragment Q on Query { booking(id: 1) { ...B ... on Booking { externalData { value } } } } fragment B on Booking { clients { id } }",
      ).upstreamCommands,
    ).toBe(3);
  });

  it("prices _entities per representation and type", () => {
    const representations = [
      ...Array.from({ length: 30 }, (_, i) => ({ __typename: "Booking", id: i + 1 })),
      ...Array.from({ length: 5 }, (_, i) => ({ __typename: "Resource", id: i + 1 })),
    ];
    expect(
      cost(
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { clients { id } } ... on Resource { slots { id } } } }",
        { r: representations },
      ),
    ).toEqual({ upstreamCommands: 35 + 30 + 5, upstreamRequests: 2 });
  });

  it("prices a window that starts past the first Bitrix24 page by the pages it touches", () => {
    // Rows 60–69 lie on page 1 alone; the row after them (70) too.
    expect(
      cost("{ bookings(page: {limit: 10, offset: 60}) { items { id } } }").upstreamCommands,
    ).toBe(1);
  });

  it("leaves out fragments on other types: an entity is priced by its own type's fields", () => {
    const bookings = { r: [1, 2].map((id) => ({ __typename: "Booking", id })) };
    const entities = (selection: string, fragments = "") =>
      cost(
        `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } } ${fragments}`,
        bookings,
      ).upstreamCommands;
    // Two reads by key; WaitListItem's clients are never read for a Booking.
    expect(entities("... on WaitListItem { clients { id } }")).toBe(2);
    expect(entities("...W", "fragment W on WaitListItem { clients { id } }")).toBe(2);
    // A condition on the union _Entity applies to each of its members.
    expect(entities("... on _Entity { ... on Booking { clients { id } } }")).toBe(2 + 2);
  });

  it("prices the owner a mutation payload reads back only when it is selected", () => {
    const set = (selection: string) =>
      cost(
        `mutation { setBookingClients(bookingId: 1, clients: [{id: 1, type: {code: CONTACT}}]) { ${selection} } }`,
      ).upstreamCommands;
    expect(set("bookingId booking { id }") - set("bookingId")).toBe(1);
  });

  it("puts the reads below a field that reads nothing on the level of that field's parent", () => {
    // Level 1 holds the page's 10 client lists (below `items`, which maps data already read) and
    // booking 1's two relations: 12 commands, one batch request after the first level's.
    expect(
      cost(
        "{ bookings(page: {limit: 10}) { items { clients { id } } } booking(id: 1) { clients { id } externalData { value } } }",
      ),
    ).toEqual({ upstreamCommands: 1 + 1 + 12, upstreamRequests: 2 });
  });

  it("prices _entities without its representations (a variable not given) at nothing", () => {
    expect(
      cost("query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id } } }"),
    ).toEqual({ upstreamCommands: 0, upstreamRequests: 0 });
  });

  it("runs the root fields of a mutation one after the other", () => {
    expect(
      cost(
        'mutation { a: addBooking(input: {resourceIds: [1], datePeriod: {from: {timestamp: 1, timezone: "UTC"}, to: {timestamp: 2, timezone: "UTC"}}}) { clients { id } } b: deleteBooking(id: 1) { bookingId } }',
      ),
    ).toEqual({ upstreamCommands: 2 + 1 + 1, upstreamRequests: 3 });
  });

  it("serves _service at no upstream cost", () => {
    expect(cost("{ _service { sdl } }").upstreamCommands).toBe(0);
  });

  it("caps page limits as the resolvers do", () => {
    expect(PAGE_LIMIT_CAP).toBe(MAX_PAGE_LIMIT);
    expect(cost("{ bookings(page: {limit: 100000}) { items { id } } }").upstreamCommands).toBe(5);
  });

  it("stays finite for absurd nesting", () => {
    const nested =
      "{ resourceTypes(page: {limit: 200}) { items { resources(page: {limit: 200}) { items { type { resources(page: {limit: 200}) { items { type { resources(page: {limit: 200}) { items { id } } } } } } } } } } }";
    const { upstreamCommands } = cost(nested);
    expect(Number.isFinite(upstreamCommands)).toBe(true);
    expect(upstreamCommands).toBeGreaterThan(1_000_000);
  });
});

describe("costs declared on the fields", () => {
  it("every Query, Mutation and field resolver of the subgraph declares one", () => {
    expect(resolverFieldsWithoutCost(RESOLVERS)).toEqual([]);
  });

  it("finds a resolver that declares none, and the schema build refuses it", async () => {
    @Resolver()
    class UnpricedResolver {
      @Query(() => Int)
      unpriced(): number {
        return 1;
      }
    }
    await buildSchema({ resolvers: [UnpricedResolver], validate: false, skipCheck: true });
    expect(resolverFieldsWithoutCost([UnpricedResolver])).toEqual(["UnpricedResolver.unpriced"]);
  });

  it("reach the federated schema, which @apollo/subgraph rebuilds from SDL", () => {
    const bookings = schema.getQueryType()!.getFields().bookings!;
    expect(bookings.extensions[UPSTREAM_COST]).toBe(COST.paged);
    const clients = (schema.getType("Booking") as GraphQLObjectType).getFields().clients!;
    expect(clients.extensions[UPSTREAM_COST]).toBe(COST.oneCall);
  });
});
