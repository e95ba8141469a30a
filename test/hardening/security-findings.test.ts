import { createHash } from "node:crypto";
import WebSocket from "ws";
import { loadConfig } from "../../src/config";
import { startStack, type TestStack } from "../helpers/gateway";
import { subscribe, wsClient } from "../helpers/graphql-ws";
import { sample, scrape, until } from "../helpers/metrics";
import { portalCall } from "../helpers/portal-rest";
import { startHardenedStack, type HardenedStack } from "./stack";

/** Resolves with the code the server closed a WebSocket with, after `start` ran on it. */
function closeCodeOf(
  url: string,
  start: (socket: WebSocket) => void,
  protocol = "graphql-transport-ws",
): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url.replace(/^http/, "ws"), protocol);
    socket.on("open", () => start(socket));
    socket.on("close", (code) => resolve(code));
    socket.on("error", () => undefined);
  });
}

describe("a persisted query without credentials (finding 1)", () => {
  const TOKEN = "findings-caller-token-0123";
  let stack: TestStack;

  // Development defaults: Sandbox, and so its landing page, is on.
  beforeAll(async () => {
    stack = await startStack({ env: { GATEWAY_TOKENS: TOKEN } });
  });
  afterAll(() => stack.stop());

  it("is refused with 401, even with HTML among the accepted types", async () => {
    const query = "query Saved($id: Int!) { booking(id: $id) { id name } }";
    const persistedQuery = {
      version: 1,
      sha256Hash: createHash("sha256").update(query).digest("hex"),
    };
    const saved = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query, variables: { id: 14 }, extensions: { persistedQuery } }),
    });
    expect(saved.status).toBe(200);
    const params = new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery }),
      variables: JSON.stringify({ id: 14 }),
    });
    const anonymous = await fetch(`${stack.gateway.url}?${params.toString()}`, {
      headers: { accept: "text/html;q=0.1, application/json", "apollo-require-preflight": "1" },
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain("Client consultation");
  });

  it("refuses a GET carrying a query with 401, even when HTML is the type it prefers", async () => {
    // Exempt, it would get Sandbox's page with the query filled in: the exemption is for a GET with
    // nothing in its URL, and the guard, not a later layer, is what refuses this one.
    const query = encodeURIComponent("{ booking(id: 14) { id name } }");
    const anonymous = await fetch(`${stack.gateway.url}?query=${query}`, {
      headers: { accept: "text/html", "apollo-require-preflight": "1" },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const body = (await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(["UNAUTHENTICATED"]);
  });

  it("still lets a browser open the landing page", async () => {
    const page = await fetch(stack.gateway.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    // An empty query string is still nothing in the URL.
    const bare = await fetch(`${stack.gateway.url}?`, { headers: { accept: "text/html" } });
    expect(bare.status).toBe(200);
    expect(bare.headers.get("content-type")).toContain("text/html");
  });

  it("exempts only a GET that asks for HTML: a POST that accepts HTML, or a bare GET that does not, gets 401", async () => {
    const post = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { accept: "text/html, application/json", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ booking(id: 14) { id name } }" }),
    });
    // The guard refuses it (the context refuses an operation without a caller too, but says
    // nothing of how to authenticate).
    expect(post.status).toBe(401);
    expect(post.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await post.text()).not.toContain("Client consultation");
    const bareGet = await fetch(stack.gateway.url, { headers: { accept: "application/json" } });
    expect(bareGet.status).toBe(401);
  });
});

describe("junk OAuth tokens (finding 4)", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({
      oauth: true,
      events: true,
      portal: { oauthTokens: { "token-anna": 5 } },
    });
  });
  afterAll(() => stack.stop());

  it("100 junk-token subscribers are refused at connection_init, and then cost the portal nothing per change", async () => {
    stack.portal.resetStats();
    const junk = Array.from({ length: 100 }, (_, i) => `junk-token-${i}`);
    const codes = await Promise.all(
      junk.map((token) =>
        closeCodeOf(stack.gateway.url, (socket) =>
          socket.send(
            JSON.stringify({
              type: "connection_init",
              payload: { authorization: `Bearer ${token}` },
            }),
          ),
        ),
      ),
    );
    expect(codes).toEqual(junk.map(() => 4403));
    // One check each, the first time a token is seen.
    expect(stack.portal.stats().httpRequests).toBe(100);

    // The same junk token again: refused at once, no call.
    stack.portal.resetStats();
    const again = await closeCodeOf(stack.gateway.url, (socket) =>
      socket.send(
        JSON.stringify({
          type: "connection_init",
          payload: { authorization: "Bearer junk-token-7" },
        }),
      ),
    );
    expect(again).toBe(4403);
    expect(stack.portal.stats().httpRequests).toBe(0);

    // A real subscriber, then one change: only the real subscriber's re-read reaches the portal.
    const client = wsClient(stack.gateway.url, { authorization: "Bearer token-anna" });
    try {
      const changes = subscribe<{ bookingChanged: { booking: { name: string } } }>(
        client,
        "subscription { bookingChanged(ids: [14, 15]) { booking { name } } }",
      );
      await until(async () => {
        const text = await scrape(stack.gateway.url);
        return sample(text, "b24gw_subscriptions_active", '{transport="ws"}') === 1;
      });
      await portalCall(stack.portal, "booking.v1.booking.update", {
        id: 14,
        fields: { name: "First" },
      });
      expect((await changes.next()).data?.bookingChanged.booking.name).toBe("First");
      stack.portal.resetStats();
      // Another record: two changes of one record within a second share Bitrix24's `ts`, and the
      // gateway would take the second for a repeated delivery (a known freshness bug of its own).
      await portalCall(stack.portal, "booking.v1.booking.update", {
        id: 15,
        fields: { name: "Second" },
      });
      expect((await changes.next()).data?.bookingChanged.booking.name).toBe("Second");
      // The change itself (the webhook's user 1) and anna's one re-read; nothing for junk tokens.
      expect(stack.portal.stats().callsByUser).toEqual({ "1": 1, "5": 1 });
      changes.stop();
    } finally {
      await client.dispose();
    }
  });

  it("a token the portal refused on a request is refused at once afterwards, with no upstream call", async () => {
    const ask = () =>
      fetch(stack.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer stale-token" },
        body: JSON.stringify({ query: "{ booking(id: 14) { id } }" }),
      });
    const first = (await (await ask()).json()) as {
      errors: Array<{ extensions: { code: string } }>;
    };
    expect(first.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
    stack.portal.resetStats();
    const second = await ask();
    expect(second.status).toBe(401);
    expect(stack.portal.stats().httpRequests).toBe(0);
  });
});

describe("large WebSocket messages (finding 5)", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ env: { GATEWAY_TOKENS: "findings-caller-token-0123" } });
  });
  afterAll(() => stack.stop());

  it("closes a connection whose first message is 10 MB, before connection_init, with 1009", async () => {
    const code = await closeCodeOf(stack.gateway.url, (socket) =>
      socket.send(Buffer.alloc(10 * 1024 * 1024, 0x20)),
    );
    expect(code).toBe(1009);
  });

  it("caps the lists a caller sends, before any upstream call", async () => {
    const token = "findings-caller-token-0123";
    stack.portal.resetStats();
    const clients = Array.from({ length: 101 }, (_, i) => ({
      id: i + 1,
      type: { code: "CONTACT" },
    }));
    const replaced = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          "mutation($c: [BookingClientInput!]!) { setBookingClients(bookingId: 14, clients: $c) { bookingId } }",
        variables: { c: clients },
      }),
    });
    const body = (await replaced.json()) as {
      errors: Array<{ message: string; extensions: { code: string; field: string } }>;
    };
    expect(body.errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "clients" });
    expect(body.errors[0]!.message).toMatch(/at most 100/);

    const client = wsClient(stack.gateway.url, { authorization: `Bearer ${token}` });
    try {
      const ids = Array.from({ length: 101 }, (_, i) => i + 1);
      const watched = await new Promise((resolve, reject) =>
        client.subscribe(
          {
            query: "subscription($ids: [Int!]) { bookingChanged(ids: $ids) { id } }",
            variables: { ids },
          },
          { next: resolve, error: resolve, complete: () => reject(new Error("completed")) },
        ),
      );
      expect(JSON.stringify(watched)).toMatch(/ids may name at most 100 records/);
    } finally {
      await client.dispose();
    }
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("still takes a message under MAX_BODY_BYTES", async () => {
    const client = wsClient(stack.gateway.url, {
      authorization: "Bearer findings-caller-token-0123",
      padding: "x".repeat(100_000),
    });
    try {
      const result = await new Promise((resolve, reject) =>
        client.subscribe(
          { query: "{ booking(id: 14) { id } }" },
          { next: resolve, error: reject, complete: () => undefined },
        ),
      );
      expect(result).toEqual({ data: { booking: { id: 14 } } });
    } finally {
      await client.dispose();
    }
  });
});

describe("operations over graphql-ws leave the same trace as over HTTP (finding 10)", () => {
  let stack: HardenedStack;
  const TOKEN = "findings-caller-token-0123";

  beforeAll(async () => {
    stack = await startHardenedStack({ env: { GATEWAY_TOKENS: TOKEN } });
  });
  afterAll(() => stack.stop());

  it("logs a mutation over a WebSocket, and counts it in the operation metrics", async () => {
    const client = wsClient(stack.gateway.url, { authorization: `Bearer ${TOKEN}` });
    try {
      await new Promise((resolve, reject) =>
        client.subscribe(
          {
            query:
              'mutation RenameOverWs { updateBooking(id: 14, input: {name: "Audited"}) { name } }',
          },
          { next: resolve, error: reject, complete: () => undefined },
        ),
      );
    } finally {
      await client.dispose();
    }
    const lines = stack.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.operationName === "RenameOverWs");
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "graphql request",
        transport: "ws",
        caller: "token",
        operationType: "mutation",
        outcome: "ok",
      }),
    ]);
    const metrics = await (await fetch(`${stack.base}/metrics`)).text();
    expect(metrics).toMatch(
      /b24gw_graphql_operations_total\{operation="RenameOverWs",type="mutation",outcome="ok"\} 1/,
    );
  });
});

describe("/metrics in production (finding 9)", () => {
  it("refuses to start with public metrics, naming METRICS_TOKEN", () => {
    const env = {
      NODE_ENV: "production",
      BITRIX24_WEBHOOK_URL: "https://portal.example.com/rest/1/abcdefghijkl/",
      GATEWAY_TOKENS: "findings-caller-token-0123",
    };
    expect(() => loadConfig(env)).toThrow(/METRICS_TOKEN .* or METRICS=off/);
    expect(() => loadConfig({ ...env, METRICS: "off" })).not.toThrow();
    expect(() => loadConfig({ ...env, METRICS_TOKEN: "findings-metrics-token" })).not.toThrow();
  });
});
