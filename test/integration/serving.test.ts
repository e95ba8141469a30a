import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

describe("serving", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it("answers /healthz while the process is up", async () => {
    const response = await fetch(stack.gateway.url.replace("/graphql", "/healthz"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("shows GraphiQL from the gateway's own files to a browser in development, opened on the seed operation", async () => {
    const response = await fetch(stack.gateway.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script src="/explorer/graphiql.js">');
    expect(html).not.toMatch(/https?:\/\//);
    const settings = JSON.parse(
      /<script id="explorer-settings" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!,
    ) as { tabs: { query: string }[] };
    expect(settings.tabs[0]!.query).toContain("mutation SetBookingClients");
  });

  it("allows introspection in development", async () => {
    const result = await execute<{ __schema: { queryType: { name: string } } }, never>(
      stack.gateway.url,
      "{ __schema { queryType { name } } }",
    );
    expect(result.data?.__schema.queryType.name).toBe("Query");
  });

  it("serves the subgraph SDL at _service for the router", async () => {
    const result = await execute<{ _service: { sdl: string } }, never>(
      stack.gateway.url,
      "{ _service { sdl } }",
    );
    expect(result.data?._service.sdl).toContain('@key(fields: "id")');
  });

  it("rejects a GraphQL syntax error with a 400 and no upstream call", async () => {
    stack.portal.resetStats();
    const result = await execute(stack.gateway.url, "{ booking(id: ");
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(stack.portal.stats().httpRequests).toBe(0);
  });
});
