import { SignJWT } from "jose";
import { startDemoPortal } from "../../src/demo-portal";
import { createLogger } from "../../src/logger";
import { startGateway } from "../../src/server";
import { gatewayConfig } from "../helpers/gateway";
import {
  codesOf,
  gql,
  post,
  startHardenedStack,
  type HardenedStack,
  type RawResponse,
} from "./stack";

const TOKEN = "gw-token-0123456789abcdef";
const OTHER_TOKEN = "gw-token-fedcba9876543210";
const JWT_SECRET = "jwt-secret-0123456789abcdef0123456789";
const ROUTER_SECRET = "router-secret-0123456789";
const BOOKING = gql("{ booking(id: 14) { id } }");

async function jwt(
  claims: { iss?: string; aud?: string; expiresIn?: string } = {},
  secret = JWT_SECRET,
): Promise<string> {
  let builder = new SignJWT({ sub: "frontend" })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "5m");
  if (claims.iss) builder = builder.setIssuer(claims.iss);
  if (claims.aud) builder = builder.setAudience(claims.aud);
  return builder.sign(new TextEncoder().encode(secret));
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const messagesOf = (response: RawResponse) =>
  (response.body.errors ?? []).map((error) => error.message);

describe("webhook mode with gateway credentials", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: {
        GATEWAY_TOKENS: `${TOKEN}, ${OTHER_TOKEN}`,
        GATEWAY_JWT_SECRET: JWT_SECRET,
        GATEWAY_JWT_ISSUER: "https://issuer.example",
        GATEWAY_JWT_AUDIENCE: "booking-gateway",
      },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());

  it("refuses a request without credentials with 401 UNAUTHENTICATED before any upstream call", async () => {
    const response = await post(stack.gateway.url, BOOKING);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(codesOf(response)).toEqual(["UNAUTHENTICATED"]);
    expect(messagesOf(response)).toEqual([
      "Send a gateway credential as `Authorization: Bearer <token>`",
    ]);
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("refuses an unknown token, a token differing in one character and a Basic header", async () => {
    for (const authorization of [
      "Bearer not-a-known-token-at-all",
      `Bearer ${TOKEN.slice(0, -1)}X`,
      `Bearer ${TOKEN}${TOKEN}`,
      `Basic ${Buffer.from(`user:${TOKEN}`).toString("base64")}`,
    ]) {
      const response = await post(stack.gateway.url, BOOKING, { authorization });
      expect(response.status).toBe(401);
      expect(codesOf(response)).toEqual(["UNAUTHENTICATED"]);
      expect(messagesOf(response)).toEqual([
        authorization.startsWith("Basic")
          ? "Send a gateway credential as `Authorization: Bearer <token>`"
          : "The bearer token is not a valid gateway credential (unknown, expired or badly signed)",
      ]);
    }
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("accepts each configured token", async () => {
    for (const token of [TOKEN, OTHER_TOKEN]) {
      const response = await post(stack.gateway.url, BOOKING, bearer(token));
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ booking: { id: 14 } });
    }
  });

  it("accepts an HS256 JWT with the configured issuer and audience", async () => {
    const token = await jwt({ iss: "https://issuer.example", aud: "booking-gateway" });
    const response = await post(stack.gateway.url, BOOKING, bearer(token));
    expect(response.body.data).toEqual({ booking: { id: 14 } });
  });

  it("refuses JWTs that are expired, for another audience or issuer, badly signed, unsigned or without exp", async () => {
    const good = { iss: "https://issuer.example", aud: "booking-gateway" };
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(
      JSON.stringify({ iss: good.iss, aud: good.aud, exp: 9_999_999_999 }),
    ).toString("base64url")}.`;
    for (const token of [
      await jwt({ ...good, expiresIn: "-1m" }),
      await jwt({ ...good, aud: "another-api" }),
      await jwt({ ...good, iss: "https://evil.example" }),
      await jwt(good, "another-secret-0123456789abcdef0123456789"),
      unsigned,
      await new SignJWT({ sub: "forever" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(good.iss)
        .setAudience(good.aud)
        .sign(new TextEncoder().encode(JWT_SECRET)),
    ]) {
      const response = await post(stack.gateway.url, BOOKING, bearer(token));
      expect(response.status).toBe(401);
    }
    expect(stack.portal.stats().httpRequests).toBe(0);
  });
});

describe("router-only mode (ROUTER_SECRET)", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      env: { ROUTER_SECRET, NODE_ENV: "production", FEDERATION_PUBLIC: "off", METRICS: "off" },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());

  it("refuses every request without the router secret, with 401 and no upstream call", async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { "x-router-secret": "router-secret-wrong-value" },
    ];
    for (const headers of attempts) {
      const response = await post(stack.gateway.url, BOOKING, headers);
      expect(response.status).toBe(401);
      expect(codesOf(response)).toEqual(["UNAUTHENTICATED"]);
      expect(messagesOf(response)).toEqual([
        "This gateway serves only its federation router: x-router-secret is missing or wrong",
      ]);
    }
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("serves the router everything, _service and _entities included", async () => {
    const headers = { "x-router-secret": ROUTER_SECRET };
    const sdl = await post(stack.gateway.url, gql("{ _service { sdl } }"), headers);
    expect(JSON.stringify(sdl.body.data)).toContain("@key");
    const entities = await post(
      stack.gateway.url,
      gql("query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id name } } }", {
        r: [{ __typename: "Booking", id: 14 }],
      }),
      headers,
    );
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data).toEqual({ _entities: [{ id: 14, name: expect.any(String) }] });
  });
});

describe("standalone mode: the federation fields", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({ env: { FEDERATION_PUBLIC: "off", GATEWAY_TOKENS: TOKEN } });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());

  it("refuses _service and _entities to direct callers with 403 FORBIDDEN, also through fragments", async () => {
    for (const body of [
      gql("{ _service { sdl } }"),
      gql("{ ...Root } fragment Root on Query { _service { sdl } }"),
      gql("query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id } } }", {
        r: [{ __typename: "Booking", id: 14 }],
      }),
    ]) {
      const response = await post(stack.gateway.url, body, bearer(TOKEN));
      expect(response.status).toBe(403);
      expect(codesOf(response)).toEqual(["FORBIDDEN"]);
    }
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("serves ordinary fields as usual", async () => {
    const response = await post(stack.gateway.url, BOOKING, bearer(TOKEN));
    expect(response.body.data).toEqual({ booking: { id: 14 } });
  });
});

describe("OAuth mode", () => {
  let stack: HardenedStack;

  beforeAll(async () => {
    stack = await startHardenedStack({
      oauth: true,
      portal: { oauthTokens: { "oauth-token-anna-0001": 5 } },
    });
  });
  afterAll(() => stack.stop());

  it("refuses a request without a Bitrix24 token with 401 before any upstream call", async () => {
    stack.portal.resetStats();
    const response = await post(stack.gateway.url, BOOKING);
    expect(response.status).toBe(401);
    expect(codesOf(response)).toEqual(["UNAUTHENTICATED"]);
    expect(messagesOf(response)).toEqual([
      "This gateway runs in OAuth mode: send your Bitrix24 access token as `Authorization: Bearer <token>`",
    ]);
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("forwards the caller's token to the portal", async () => {
    const response = await post(stack.gateway.url, BOOKING, bearer("oauth-token-anna-0001"));
    expect(response.body.data).toEqual({ booking: { id: 14 } });
    expect(stack.portal.stats().callsByUser).toEqual({ "5": 1 });
  });
});

describe("the start-up warning that caller authentication is off", () => {
  it.each<[string, Record<string, string>, boolean]>([
    ["no credential is configured", {}, true],
    ["GATEWAY_TOKENS is set", { GATEWAY_TOKENS: TOKEN }, false],
    ["GATEWAY_JWT_SECRET is set", { GATEWAY_JWT_SECRET: JWT_SECRET }, false],
    ["ROUTER_SECRET is set", { ROUTER_SECRET }, false],
    ["callers bring Bitrix24 tokens (OAuth mode)", { oauth: "yes" }, false],
  ])("is written only when no credential is asked for: %s", async (_, settings, warned) => {
    const portal = await startDemoPortal();
    const lines: string[] = [];
    const { oauth, ...env } = settings;
    const gateway = await startGateway(
      gatewayConfig({
        PORT: "0",
        ...(oauth
          ? { BITRIX24_PORTAL_URL: portal.origin }
          : { BITRIX24_WEBHOOK_URL: portal.webhookUrl }),
        ...env,
      }),
      createLogger("warn", { destination: { write: (line: string) => void lines.push(line) } }),
    );
    try {
      expect(lines.some((line) => line.includes("caller authentication is off"))).toBe(warned);
    } finally {
      await gateway.stop();
      await portal.close();
    }
  });
});
