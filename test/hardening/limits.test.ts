import { addBookingsWithClients } from "../helpers/portal-rest";
import { codesOf, gql, post, startHardenedStack, type HardenedStack } from "./stack";

describe("limits applied before any upstream call", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: {
        MAX_TOKENS: "1000",
        MAX_DEPTH: "6",
        MAX_ALIASES: "60",
        MAX_DIRECTIVES: "5",
        MAX_BODY_BYTES: "4096",
        MAX_ENTITY_REPRESENTATIONS: "10",
      },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());
  afterEach(() => expect(stack.portal.stats().httpRequests).toBe(0));

  async function expectRefusal(body: unknown, status: number, code: string) {
    const response = await post(stack.gateway.url, body);
    expect(response.status).toBe(status);
    expect(codesOf(response)).toEqual([code]);
    return response;
  }

  it("refuses a document with more tokens than MAX_TOKENS", async () => {
    const fields = Array.from({ length: 1000 }, () => "id").join(" ");
    const response = await expectRefusal(
      gql(`{ booking(id: 14) { ${fields} } }`),
      400,
      "TOO_MANY_TOKENS",
    );
    expect(response.body.errors?.[0]?.message).toMatch(/more than 1000 tokens \(MAX_TOKENS\)/);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ limit: 1000 });
  });

  it("refuses a GET document with more tokens than MAX_TOKENS the same way", async () => {
    const fields = Array.from({ length: 1000 }, () => "id").join(" ");
    const query = encodeURIComponent(`{ booking(id: 14) { ${fields} } }`);
    const response = await fetch(`${stack.gateway.url}?query=${query}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(["TOO_MANY_TOKENS"]);
  });

  it("refuses an operation nested deeper than MAX_DEPTH, fragments included", async () => {
    const response = await expectRefusal(
      gql(
        "{ resourceTypes { items { resources { items { type { resources { items { id } } } } } } } }",
      ),
      400,
      "QUERY_TOO_DEEP",
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ limit: 6, found: 8 });
    await expectRefusal(
      gql(
        "{ resourceTypes { ...T } } fragment T on ResourceTypePage { items { resources { items { type { resources { items { id } } } } } } }",
      ),
      400,
      "QUERY_TOO_DEEP",
    );
  });

  it("refuses more aliases than MAX_ALIASES", async () => {
    const aliases = Array.from({ length: 61 }, (_, i) => `a${i}: clientTypes { code }`).join(" ");
    const response = await expectRefusal(gql(`{ ${aliases} }`), 400, "TOO_MANY_ALIASES");
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ limit: 60, found: 61 });
  });

  it("refuses more directives than MAX_DIRECTIVES", async () => {
    const fields = ["id", "name", "description", "resourceIds", "a: id", "b: name"];
    const selection = fields.map((field) => `${field} @include(if: true)`).join(" ");
    await expectRefusal(gql(`{ booking(id: 14) { ${selection} } }`), 400, "TOO_MANY_DIRECTIVES");
  });

  it("refuses a body larger than MAX_BODY_BYTES with a GraphQL-shaped 413", async () => {
    const response = await expectRefusal(
      gql("{ booking(id: 14) { id } }", { padding: "x".repeat(5000) }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expect(response.body.errors?.[0]?.message).toMatch(/larger than 4096 bytes/);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ limit: 4096 });
  });

  it("refuses a body that is not JSON with a GraphQL-shaped 400 that does not echo it", async () => {
    const response = await expectRefusal(
      '{"query": "{ booking(id: 14) { id } }", oops',
      400,
      "BAD_REQUEST",
    );
    expect(response.text).not.toContain("oops");
    expect(response.body.errors?.[0]?.message).toBe("The request body is not valid JSON");
  });

  it("refuses a body it cannot read with the status body parsing gave it, saying why", async () => {
    // JSON in a charset the gateway does not read: 415, and no claim that the JSON is malformed.
    const response = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"), {
      "content-type": "application/json; charset=koi8-r",
    });
    expect(response.status).toBe(415);
    expect(codesOf(response)).toEqual(["BAD_REQUEST"]);
    expect(response.body.errors?.[0]?.message).toBe(
      "The request body could not be read (check its content type, charset and encoding)",
    );
  });

  it("refuses more _entities representations than MAX_ENTITY_REPRESENTATIONS", async () => {
    const representations = Array.from({ length: 11 }, (_, i) => ({
      __typename: "Booking",
      id: i + 1,
    }));
    const response = await expectRefusal(
      gql("query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id } } }", {
        r: representations,
      }),
      400,
      "TOO_MANY_REPRESENTATIONS",
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ limit: 10, found: 11 });
  });

  it("refuses HTTP batches (arrays of operations) while HTTP_BATCHING is off", async () => {
    const response = await expectRefusal(
      [gql("{ booking(id: 14) { id } }"), gql("{ booking(id: 15) { id } }")],
      400,
      "OPERATION_BATCHING_DISABLED",
    );
    expect(response.body.errors?.[0]?.message).toMatch(/\(HTTP_BATCHING=off\)$/);
  });
});

describe("the depth limit at its boundary", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({ env: { MAX_DEPTH: "6" } });
  });
  afterAll(() => stack.stop());

  // booking › resources › type › resources › items › id: six levels.
  const SIX_DEEP = "{ booking(id: 14) { resources { type { resources { items { id } } } } } }";
  const SEVEN_DEEP =
    "{ booking(id: 14) { resources { type { resources { items { type { id } } } } } } }";

  it("runs an operation exactly MAX_DEPTH deep", async () => {
    const response = await post(stack.gateway.url, gql(SIX_DEEP));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ booking: { resources: expect.any(Array) } });
  });

  it("refuses one level deeper, reporting the limit and the depth found", async () => {
    stack.portal.resetStats();
    const response = await post(stack.gateway.url, gql(SEVEN_DEEP));
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(["QUERY_TOO_DEEP"]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ limit: 6, found: 7 });
    expect(stack.portal.stats().httpRequests).toBe(0);
  });
});

describe("the upstream-command cost limit", () => {
  let stack: HardenedStack;
  let ids: number[];

  beforeAll(async () => {
    stack = await startHardenedStack();
    ids = await addBookingsWithClients(stack.portal, 50);
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());

  const fiftyBookings = () =>
    `{ ${ids.map((id, i) => `b${i}: booking(id: ${id}) { id clients { id } }`).join(" ")} }`;

  it("lets 50 aliased bookings with their clients through, in two batch requests, and reports the cost", async () => {
    const response = await post(stack.gateway.url, gql(fiftyBookings()), { "x-cost": "true" });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(Object.keys(response.body.data ?? {})).toHaveLength(50);
    expect(response.body.extensions?.cost).toEqual({
      upstreamCommands: 100,
      upstreamRequests: 2,
      limit: 500,
    });
    const stats = stack.portal.stats();
    expect(stats.httpRequests).toBe(2);
    expect(stats.batchSizes).toEqual([50, 50]);
  });

  it("reports the cost when the request's extensions ask for it, and not otherwise", async () => {
    const asked = await post(stack.gateway.url, {
      query: "{ bookings(page: {limit: 120, offset: 10}) { items { id clients { id } } } }",
      extensions: { cost: true },
    });
    // Pages 0..2 (rows 10..130 and the row after), then 120 client lists.
    expect(asked.body.extensions?.cost).toEqual({
      upstreamCommands: 3 + 120,
      upstreamRequests: 1 + 3,
      limit: 500,
    });
    const silent = await post(stack.gateway.url, gql("{ booking(id: 1) { id } }"));
    expect(silent.body.extensions).toBeUndefined();
  });

  it("refuses an operation that could cost more than MAX_UPSTREAM_COMMANDS, with its cost, before any call", async () => {
    const response = await post(
      stack.gateway.url,
      gql(
        "query($n: Int!) { bookings(page: {limit: $n}) { items { resources { type { name } slots { id } } } } }",
        { n: 200 },
      ),
    );
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(["QUERY_TOO_COSTLY"]);
    expect(response.body.errors?.[0]?.extensions?.cost).toMatchObject({
      upstreamCommands: 5 + 200 * 3 * 3,
      limit: 500,
    });
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("counts _entities representations like the reads they cause", async () => {
    const response = await post(stack.gateway.url, {
      ...gql(
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id clients { id } } } }",
        { r: ids.slice(0, 30).map((id) => ({ __typename: "Booking", id })) },
      ),
      extensions: { cost: true },
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.extensions?.cost).toEqual({
      upstreamCommands: 60,
      upstreamRequests: 2,
      limit: 500,
    });
    expect(stack.portal.stats().httpRequests).toBe(2);
  });
});

describe("HTTP batching when enabled", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { HTTP_BATCHING: "on", HTTP_BATCH_MAX_OPERATIONS: "2" },
    });
  });
  afterAll(() => stack.stop());

  it("answers each operation of an array, up to HTTP_BATCH_MAX_OPERATIONS", async () => {
    const response = await post(stack.gateway.url, [
      gql("{ booking(id: 14) { id } }"),
      gql("{ booking(id: 15) { id } }"),
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { data: { booking: { id: 14 } } },
      { data: { booking: { id: 15 } } },
    ]);
    stack.portal.resetStats();
    const tooMany = await post(stack.gateway.url, [gql("{ a }"), gql("{ b }"), gql("{ c }")]);
    expect(tooMany.status).toBe(400);
    expect(codesOf(tooMany)).toEqual(["TOO_MANY_OPERATIONS"]);
    expect(tooMany.body.errors?.[0]).toMatchObject({
      message:
        "The request holds 3 operations, more than the limit of 2 (HTTP_BATCH_MAX_OPERATIONS)",
      extensions: { limit: 2, found: 3 },
    });
    expect(stack.portal.stats().httpRequests).toBe(0);
  });
});
