import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

/**
 * Inside a `batch`, Bitrix24 replaces `$result[c0]…` (and `$error[`, `$total[`, `$next[`, `$time[`)
 * in a command's values with what an earlier command returned, and a batch folds the calls of
 * concurrent requests of one identity. A client's string holding such a reference must reach the
 * portal literally: its call goes on its own, as a plain call, where the portal replaces nothing.
 * The demo portal resolves references as the real one does, so the injection shows if it works.
 */
describe("a client's string never acts as a batch result reference", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ portal: { seed: "demo" }, env: { HTTP_BATCHING: "on" } });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());

  /** The demo seed's "Specialists" type, as the resourceTypes list reads it. */
  const SPECIALISTS = { id: 2, code: "specialists" };
  /** Reads the code of the first type the first command of a batch listed. */
  const REFERENCE = "$result[c0][resourceType][0][code]";

  const listByName = (name: string) =>
    `resourceTypes(filter: {name: "${name}"}) { items { id code } }`;
  const listByCode = (code: string) =>
    `resourceTypes(filter: {code: ${JSON.stringify(code)}}) { items { id code } }`;

  it("matches a filter literally when another operation's answer travels with it", async () => {
    // Two operations in one HTTP request run at once, as two browsers' would: their calls fold.
    const response = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify([
        { query: `{ ${listByName("Specialists")} }` },
        { query: `{ ${listByCode(REFERENCE)} }` },
      ]),
    });
    const [first, second] = (await response.json()) as Array<{
      data?: { resourceTypes: { items: unknown[] } };
      errors?: unknown;
    }>;
    expect(first).toEqual({ data: { resourceTypes: { items: [SPECIALISTS] } } });
    // No type has the code "$result[c0]…": a literal match finds nothing.
    expect(second).toEqual({ data: { resourceTypes: { items: [] } } });
  });

  it.each([
    [REFERENCE],
    ["$RESULT[c0][resourceType][0][code]"],
    ["$result_error[c0]"],
    ["$result_total[c0]"],
    ["$result_next[c0]"],
    ["$result_time[c0]"],
    ["specialists $total[c0]"],
  ])("sends each call of a field filtered by %s on its own, as a plain call", async (code) => {
    const result = await execute(
      stack.gateway.url,
      `{ a: ${listByName("Specialists")} b: ${listByCode(code)} }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { items: [SPECIALISTS] },
      b: { items: [] },
    });
    const stats = stack.portal.stats();
    const withReference = await callsOf(`{ ${listByCode(code)} }`);
    // The calls of `b` were no command of any batch: only `a`'s calls may have folded.
    const batched = stats.batchSizes.reduce((sum, size) => sum + size, 0);
    expect(batched).toBeLessThanOrEqual(stats.methodCalls - withReference);
    expect(stats.httpRequests - stats.batchRequests).toBeGreaterThanOrEqual(withReference);
  });

  it("sends a field whose filter holds a reference as plain calls, one per call", async () => {
    const result = await execute(stack.gateway.url, `{ ${listByCode(REFERENCE)} }`);
    expect(result.data).toEqual({ resourceTypes: { items: [] } });
    const stats = stack.portal.stats();
    expect(stats.methodCalls).toBeGreaterThan(0);
    expect(stats).toMatchObject({ batchRequests: 0, httpRequests: stats.methodCalls });
  });

  it("creates a record named like a reference as named, its read-back sent after it", async () => {
    const name = "$result[c0]";
    const result = await execute<{ addResourceType: { id: number; name: string } }, never>(
      stack.gateway.url,
      `mutation { addResourceType(input: {name: ${JSON.stringify(name)}, code: "ref_named"}) { id name code } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.addResourceType).toMatchObject({ name, code: "ref_named" });
    // The add and the read of the new record, each a plain call, rather than one halting batch.
    expect(stack.portal.stats()).toMatchObject({
      batchRequests: 0,
      httpRequests: 2,
      callsByMethod: { "booking.v1.resourcetype.add": 1, "booking.v1.resourcetype.get": 1 },
    });
    const read = await execute<{ resourceType: { name: string } }, never>(
      stack.gateway.url,
      `{ resourceType(id: ${result.data!.addResourceType.id}) { name } }`,
    );
    expect(read.data?.resourceType.name).toBe(name);
  });

  /** How many method calls `query` makes on its own; the portal's counters are reset afterwards. */
  async function callsOf(query: string): Promise<number> {
    stack.portal.resetStats();
    await execute(stack.gateway.url, query);
    const calls = stack.portal.stats().methodCalls;
    stack.portal.resetStats();
    return calls;
  }
});
