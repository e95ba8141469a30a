import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import {
  ADMISSION_RULES,
  TRANSPORTS,
  type TransportName,
} from "../../src/security/admission-rules";
import { startHardenedStack, type HardenedStack } from "./stack";

const TOKEN = "admission-test-caller-token";
const ROUTER_SECRET = "admission-test-router-secret";
const METRICS_TOKEN = "admission-test-metrics-token";

/** Small limits, so that each rule is broken by a small document. */
const LIMITS = {
  NODE_ENV: "production",
  METRICS_TOKEN,
  MAX_BODY_BYTES: "2048",
  MAX_TOKENS: "100",
  MAX_DEPTH: "4",
  MAX_ALIASES: "2",
  MAX_DIRECTIVES: "2",
  MAX_UPSTREAM_COMMANDS: "1",
};

/** What breaks each rule: a query (for every transport but the callback) and a subscription. */
interface Breach {
  query?: string;
  /** The query's variables when it breaks the rule. */
  variables?: Record<string, unknown>;
  /** A persisted query is saved with these, which pass; default `variables`. */
  savedWith?: Record<string, unknown>;
  subscription?: string;
  /** Sent without credentials. */
  anonymous?: boolean;
  /** Sent with a callback extension to an address the gateway must not call. */
  foreignCallback?: boolean;
}

const padding = `#${"x".repeat(3000)}\n`;
const many = (field: string) => Array.from({ length: 120 }, () => field).join(" ");

const BREACHES: Record<string, Breach> = {
  "caller authentication": {
    query: "{ booking(id: 14) { id } }",
    subscription: "subscription { bookingChanged { id } }",
    anonymous: true,
  },
  "message size": {
    query: `${padding}{ booking(id: 14) { id } }`,
    subscription: `${padding}subscription { bookingChanged { id } }`,
  },
  "document tokens": {
    query: `{ booking(id: 14) { ${many("id")} } }`,
    subscription: `subscription { bookingChanged { ${many("id")} } }`,
  },
  introspection: { query: "{ __schema { queryType { name } } }" },
  depth: {
    query: "{ booking(id: 14) { resources { type { resources { items { id } } } } } }",
    subscription: "subscription { bookingChanged { booking { resources { type { id } } } } }",
  },
  aliases: {
    query: "{ a: booking(id: 14) { id } b: booking(id: 15) { id } c: booking(id: 16) { id } }",
    subscription: "subscription { bookingChanged { a: id b: id c: id } }",
  },
  directives: {
    query:
      "{ booking(id: 14) { id @include(if: true) name @include(if: true) description @include(if: true) } }",
    subscription:
      "subscription { bookingChanged { id @include(if: true) kind @include(if: true) occurredAt @include(if: true) } }",
  },
  "upstream cost": {
    // Priced by its variables: saved as a persisted query with a small page, run with a large one.
    query: "query($limit: Int!) { bookings(page: {limit: $limit}) { items { id } } }",
    variables: { limit: 200 },
    savedWith: { limit: 1 },
    subscription: "subscription { bookingChanged { booking { clients { id } } } }",
  },
  "federation fields": { query: "{ _service { sdl } }" },
  "subscription callbacks": {
    subscription: "subscription { bookingChanged { id } }",
    foreignCallback: true,
  },
};

/** How a transport answered: a GraphQL error code, or the code a WebSocket was closed with. */
type Answer = { code: string | undefined } | { closed: number };

interface Gateways {
  /** Standalone, for browsers: gateway tokens, no router secret. */
  standalone: HardenedStack;
  /** Behind the router: router secret, callbacks allowed to the router's origin. */
  routed: HardenedStack;
  /** Counts every request that reaches it: the address a callback must not reach. */
  outside: { url: string; requests: number; server: Server };
}

let gateways: Gateways;

beforeAll(async () => {
  const outside = { url: "", requests: 0, server: createServer() };
  outside.server.on("request", (_req, res) => {
    outside.requests += 1;
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((resolve) => outside.server.listen(0, "127.0.0.1", resolve));
  outside.url = `http://127.0.0.1:${(outside.server.address() as AddressInfo).port}/callback`;
  const standalone = await startHardenedStack({ env: { ...LIMITS, GATEWAY_TOKENS: TOKEN } });
  const routed = await startHardenedStack({
    env: {
      ...LIMITS,
      ROUTER_SECRET,
      // The router's own origin; the outside server is on another port, so another origin.
      SUBSCRIPTION_CALLBACK_ORIGINS: "http://127.0.0.1:1",
    },
  });
  gateways = { standalone, routed, outside };
});

afterAll(async () => {
  await gateways.standalone.stop();
  await gateways.routed.stop();
  gateways.outside.server.closeAllConnections();
  await new Promise((resolve) => gateways.outside.server.close(resolve));
});

const codeOf = (body: unknown): string | undefined =>
  (body as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;

async function httpAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  try {
    return { code: codeOf(JSON.parse(text)) };
  } catch {
    return { code: `HTTP ${response.status}` };
  }
}

const authHeaders = (breach: Breach): Record<string, string> =>
  breach.anonymous ? {} : { authorization: `Bearer ${TOKEN}` };

const SENDERS: Record<TransportName, (breach: Breach) => Promise<Answer | undefined>> = {
  POST: async (breach) => {
    const query = breach.foreignCallback ? breach.subscription : breach.query;
    if (!query) return undefined;
    return httpAnswer(
      await fetch(gateways.standalone.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...authHeaders(breach) },
        body: JSON.stringify({
          query,
          ...(breach.variables && { variables: breach.variables }),
          ...(breach.foreignCallback && {
            extensions: {
              subscription: {
                callbackUrl: gateways.outside.url,
                subscriptionId: "s",
                verifier: "v",
              },
            },
          }),
        }),
      }),
    );
  },
  GET: async (breach) => {
    if (!breach.query || breach.foreignCallback) return undefined;
    const variables = breach.variables
      ? `&variables=${encodeURIComponent(JSON.stringify(breach.variables))}`
      : "";
    const url = `${gateways.standalone.gateway.url}?query=${encodeURIComponent(breach.query)}${variables}`;
    return httpAnswer(
      await fetch(url, { headers: { "apollo-require-preflight": "1", ...authHeaders(breach) } }),
    );
  },
  "persisted query": async (breach) => {
    if (!breach.query || breach.foreignCallback) return undefined;
    const sha256Hash = createHash("sha256").update(breach.query).digest("hex");
    const persistedQuery = { version: 1, sha256Hash };
    // Saved by a caller with credentials (refused or not, as the rules decide), then run by hash.
    await fetch(gateways.standalone.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        query: breach.query,
        variables: breach.savedWith ?? breach.variables,
        extensions: { persistedQuery },
      }),
    });
    const variables = breach.variables
      ? `&variables=${encodeURIComponent(JSON.stringify(breach.variables))}`
      : "";
    const url = `${gateways.standalone.gateway.url}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}${variables}`;
    return httpAnswer(
      await fetch(url, {
        // What a browser's fetch may send: HTML among the accepted types must not open a door.
        headers: {
          accept: "text/html;q=0.1, application/json",
          "apollo-require-preflight": "1",
          ...authHeaders(breach),
        },
      }),
    );
  },
  "graphql-ws": async (breach) => {
    if (!breach.query || breach.foreignCallback) return undefined;
    return wsAnswer(
      gateways.standalone.gateway.url,
      breach.anonymous ? {} : { authorization: `Bearer ${TOKEN}` },
      breach.query,
      breach.variables,
    );
  },
  callback: async (breach) => {
    if (!breach.subscription) return undefined;
    return httpAnswer(
      await fetch(gateways.routed.gateway.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json;callbackSpec=1.0",
          ...(!breach.anonymous && { "x-router-secret": ROUTER_SECRET }),
        },
        body: JSON.stringify({
          query: breach.subscription,
          extensions: {
            subscription: {
              callbackUrl: breach.foreignCallback ? gateways.outside.url : "http://127.0.0.1:1/cb",
              subscriptionId: "s",
              verifier: "v",
            },
          },
        }),
      }),
    );
  },
};

/** One operation over a raw graphql-transport-ws connection: its first error, or how it was closed. */
function wsAnswer(
  url: string,
  payload: Record<string, unknown>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
    const settle = (answer: Answer) => {
      resolve(answer);
      socket.close();
    };
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload })));
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        payload?: Array<{ extensions?: { code?: string } }> | { errors?: unknown };
      };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables } }));
      } else if (message.type === "error") {
        settle({
          code: (message.payload as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code,
        });
      } else if (message.type === "next") {
        settle({ code: codeOf(message.payload) });
      }
    });
    socket.on("close", (code) => resolve({ closed: code }));
    socket.on("error", () => undefined);
  });
}

/** What a refusal of `code` looks like on a WebSocket connection, where it is a close code. */
const WS_CLOSE: Record<string, number> = { UNAUTHENTICATED: 4403, PAYLOAD_TOO_LARGE: 1009 };

describe("one admission path: every rule over every transport", () => {
  it("has a breach for every rule, and a sender for every transport", () => {
    expect(Object.keys(BREACHES).sort()).toEqual(ADMISSION_RULES.map((rule) => rule.name).sort());
    expect(Object.keys(SENDERS).sort()).toEqual(TRANSPORTS.map((t) => t.name).sort());
  });

  const cases = ADMISSION_RULES.flatMap((rule) =>
    TRANSPORTS.filter((transport) => !rule.notOn?.[transport.name]).map(
      (transport) => [rule.name, transport.name, rule.code] as const,
    ),
  );

  it.each(cases)("%s is enforced over %s", async (rule, transport, code) => {
    const before = gateways.outside.requests;
    const answer = await SENDERS[transport](BREACHES[rule]!);
    expect(answer).toBeDefined();
    if (answer && "closed" in answer) expect(answer.closed).toBe(WS_CLOSE[code]);
    else expect(answer).toEqual({ code });
    // No rule's refusal sent anything anywhere.
    expect(gateways.outside.requests).toBe(before);
  });
});
