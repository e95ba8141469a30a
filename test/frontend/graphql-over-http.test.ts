import { auditServer, type AuditResult } from "graphql-http";
import { startStack, type TestStack } from "../helpers/gateway";

/**
 * What graphql-http's audit of the GraphQL-over-HTTP spec leaves besides passes, by audit id. Both
 * kinds are Apollo Server 5 defaults, kept on purpose:
 * - Apollo answers a request it cannot execute (parse, validation or variable failure) with 400
 *   even for `accept: application/json`, where the spec's legacy mode prefers 200. The status tells
 *   proxies, CDNs and monitoring that the request was bad; clients read the same `errors` body.
 * - CSRF prevention refuses a GET that a browser could send cross-site without a preflight: one
 *   with neither a JSON content type nor an `apollo-require-preflight` / `x-apollo-operation-name`
 *   header. Apollo Client and Sandbox send POST; a GET client adds the header (see the second test).
 */
const EXPECTED = {
  "572B": "warn: 400 on document parsing failure with accept: application/json",
  FDE2: "warn: 400 on document validation failure with accept: application/json",
  "7B9B": "warn: 400 on variable coercion failure with accept: application/json",
  "5A70": "notice: form-urlencoded GET blocked by CSRF prevention",
  D6D5: "notice: GET with variables blocked by CSRF prevention",
  "6A70": "notice: GET with variables blocked by CSRF prevention",
} as const;

const CSRF_NOTICES = ["5A70", "D6D5", "6A70"];

function notOk(results: AuditResult[]): Record<string, string> {
  return Object.fromEntries(
    results
      .filter((result) => result.status !== "ok")
      .map((result) => [result.id, `${result.status}: ${result.name}`]),
  );
}

describe("GraphQL over HTTP conformance (graphql-http auditServer)", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it("passes every MUST, leaving only the known warnings and notices", async () => {
    const results = await auditServer({ url: stack.gateway.url });
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((result) => result.status === "error")).toEqual([]);
    const left = notOk(results);
    expect(Object.keys(left).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const id of ["572B", "FDE2", "7B9B"]) expect(left[id]).toMatch(/^warn: /);
    for (const id of CSRF_NOTICES) expect(left[id]).toMatch(/^notice: /);
  });

  it("serves GET requests to a client that sends Apollo's CSRF preflight header", async () => {
    const results = await auditServer({
      url: stack.gateway.url,
      fetchFn: (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set("apollo-require-preflight", "true");
        return fetch(input, { ...init, headers });
      },
    });
    expect(results.filter((result) => result.status === "error")).toEqual([]);
    expect(Object.keys(notOk(results)).filter((id) => CSRF_NOTICES.includes(id))).toEqual([]);
  });
});
