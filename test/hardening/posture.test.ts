import { subscribe, wsClient } from "../helpers/graphql-ws";
import { codesOf, gql, post, read, startHardenedStack, type HardenedStack } from "./stack";

const TOKEN = "posture-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}` };

describe("browser posture", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({ env: { CORS_ORIGINS: "https://app.example.com" } });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());

  it("blocks a simple GET without a preflight header as possible CSRF (400)", async () => {
    const response = await read(
      await fetch(`${stack.gateway.url}?query=${encodeURIComponent("{ booking(id: 14) { id } }")}`),
    );
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/Cross-Site Request Forgery/);
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("blocks a simple POST (text/plain, or no content type) as possible CSRF (400)", async () => {
    const simple: Array<Record<string, string>> = [{ "content-type": "text/plain" }, {}];
    for (const headers of simple) {
      const response = await read(
        await fetch(stack.gateway.url, {
          method: "POST",
          headers,
          body: JSON.stringify(gql("mutation { deleteBooking(id: 14) { bookingId } }")),
        }),
      );
      expect(response.status).toBe(400);
    }
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("serves a GET query that carries a preflight header", async () => {
    const response = await read(
      await fetch(
        `${stack.gateway.url}?query=${encodeURIComponent("{ booking(id: 14) { id } }")}`,
        {
          headers: { "apollo-require-preflight": "true" },
        },
      ),
    );
    expect(response.body.data).toEqual({ booking: { id: 14 } });
  });

  it("allows CORS only from the allowlist", async () => {
    const preflight = (origin: string) =>
      fetch(stack.gateway.url, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,authorization",
        },
      });
    const allowed = await preflight("https://app.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    const other = await preflight("https://evil.example.com");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const simple = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"), {
      origin: "https://evil.example.com",
    });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("production posture", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: {
        NODE_ENV: "production",
        GATEWAY_TOKENS: TOKEN,
        METRICS_TOKEN: "posture-metrics-token",
      },
    });
  });
  afterAll(() => stack.stop());

  it("refuses introspection", async () => {
    const response = await post(
      stack.gateway.url,
      gql("{ __schema { queryType { name } } }"),
      auth,
    );
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(response.text).toMatch(/introspection is not allowed/i);
  });

  it("shows no Sandbox landing page", async () => {
    const response = await read(
      await fetch(stack.gateway.url, { headers: { accept: "text/html" } }),
    );
    expect(response.text).not.toContain("embeddable-sandbox");
    expect(response.headers.get("content-type")).not.toContain("text/html");
  });

  it("sends no CORS headers to any browser origin by default", async () => {
    const response = await post(stack.gateway.url, gql("{ booking(id: 14) { id } }"), {
      ...auth,
      origin: "http://localhost:3000",
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives no 'did you mean' hints about the schema", async () => {
    const field = await post(stack.gateway.url, gql("{ bookin(id: 14) { id } }"), auth);
    expect(field.status).toBe(400);
    expect(field.text).not.toMatch(/did you mean/i);
    const enumValue = await post(
      stack.gateway.url,
      gql(
        "query($c: [BookingClientInput!]!) { bookings(filter: {clients: $c}) { items { id } } }",
        {
          c: [{ id: 1, type: { code: "CONTCT" } }],
        },
      ),
      auth,
    );
    expect(enumValue.status).toBe(400);
    expect(enumValue.text).not.toMatch(/did you mean/i);
    expect(enumValue.text).not.toContain("CONTACT");
  });

  it("gives no 'did you mean' hints over graphql-ws either", async () => {
    const client = wsClient(stack.gateway.url, { Authorization: `Bearer ${TOKEN}` });
    try {
      const typo = subscribe(client, "subscription { bookingChanged { kindd } }");
      const error = await typo.completed.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      const text = JSON.stringify(error);
      expect(text).toContain("kindd");
      expect(text).not.toMatch(/did you mean/i);
    } finally {
      await client.dispose();
    }
  });

  it("masks a fault inside a resolver as INTERNAL_SERVER_ERROR, with no stack trace, and logs it", async () => {
    stack.portal.injectFault({
      method: "booking.v1.booking.get",
      kind: "result",
      result: { booking: { id: 14 } },
    });
    const response = await post(stack.gateway.url, gql("{ booking(id: 14) { id name } }"), auth);
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      {
        message: "Internal server error",
        path: ["booking"],
        locations: expect.any(Array),
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      },
    ]);
    expect(response.text).not.toMatch(/stack|TypeError|at .*\.ts/);
    const logged = stack.logs.find((line) => line.includes("resolver failed unexpectedly"));
    expect(logged).toContain("TypeError");
  });
});
