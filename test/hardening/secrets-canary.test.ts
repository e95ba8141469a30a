import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { ConfigError, loadConfig } from "../../src/config";
import type { DemoPortalFault } from "../../src/demo-portal";
import { gql, post, read, startHardenedStack, type HardenedStack, type RawResponse } from "./stack";

/**
 * Every secret of this file contains CANARY, a value made up for this run: if CANARY shows up in any
 * response body or header, any log line or the metrics, a secret leaked.
 */
const CANARY = `cnry${randomBytes(6).toString("hex")}`;
const WEBHOOK_SECRET = `wh${CANARY}`;
const GATEWAY_TOKEN = `gw_${CANARY}_token`;
const JWT_SECRET = `jwt_${CANARY}_secret_padding_to_32`;
const ROUTER_SECRET = `rt_${CANARY}_router`;
const METRICS_TOKEN = `mt_${CANARY}_metrics`;
const OAUTH_TOKEN = `oa_${CANARY}_anna`;
const EXPIRED_TOKEN = `oa_${CANARY}_old`;
const APPLICATION_TOKEN = `app_${CANARY}_events`;

const outputs: string[] = [];
let traces = 0;

function collect(response: RawResponse): RawResponse {
  outputs.push(response.text, ...[...response.headers].map(([name, value]) => `${name}: ${value}`));
  const trace = response.body.extensions?.ftv1;
  if (typeof trace === "string") {
    traces += 1;
    outputs.push(Buffer.from(trace, "base64").toString("latin1"));
  }
  return response;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return collect(await read(await fetch(url, { headers })));
}

describe("secrets never leave the gateway", () => {
  let webhook: HardenedStack;
  let oauth: HardenedStack;
  /** Webhook mode with folding on: calls of a request travel in `batch` requests. */
  let batched: HardenedStack;

  beforeAll(async () => {
    webhook = await startHardenedStack({
      portal: { webhook: { userId: 1, secret: WEBHOOK_SECRET } },
      logLevel: "trace",
      env: {
        GATEWAY_TOKENS: GATEWAY_TOKEN,
        GATEWAY_JWT_SECRET: JWT_SECRET,
        ROUTER_SECRET,
        METRICS_TOKEN,
        BITRIX24_APPLICATION_TOKEN: APPLICATION_TOKEN,
        BATCHING: "off",
        BITRIX24_TIMEOUT_MS: "1000",
        REQUEST_DEADLINE_MS: "3000",
        CIRCUIT_BREAKER_THRESHOLD: "5",
        CIRCUIT_BREAKER_COOLDOWN_MS: "60000",
        MAX_BODY_BYTES: "2048",
      },
    });
    batched = await startHardenedStack({
      portal: { webhook: { userId: 1, secret: WEBHOOK_SECRET } },
      logLevel: "trace",
      env: { BITRIX24_TIMEOUT_MS: "1000", CIRCUIT_BREAKER_THRESHOLD: "0" },
    });
    oauth = await startHardenedStack({
      oauth: true,
      logLevel: "trace",
      portal: { oauthTokens: { [OAUTH_TOKEN]: 5 }, expiredTokens: [EXPIRED_TOKEN] },
      env: { BITRIX24_TIMEOUT_MS: "1000" },
    });
  });
  afterAll(async () => {
    await webhook.stop();
    await batched.stop();
    await oauth.stop();
  });

  it("in webhook mode, through every failure path", async () => {
    const jwt = await new SignJWT({ sub: "canary" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(JWT_SECRET));
    const router = { "x-router-secret": ROUTER_SECRET };
    const asToken = { ...router, authorization: `Bearer ${GATEWAY_TOKEN}` };
    const asJwt = {
      ...router,
      authorization: `Bearer ${jwt}`,
      "apollo-federation-include-trace": "ftv1",
    };
    const send = async (body: unknown, headers: Record<string, string> = asToken) =>
      collect(await post(webhook.gateway.url, body, headers));
    const url = webhook.gateway.url;

    // Refused callers: no credentials, wrong ones, a wrong token that itself holds the canary.
    await send(gql("{ booking(id: 14) { id } }"), {});
    await send(gql("{ booking(id: 14) { id } }"), { authorization: `Bearer ${GATEWAY_TOKEN}` });
    await send(gql("{ booking(id: 14) { id } }"), {
      ...router,
      authorization: `Bearer ${CANARY}x`,
    });
    await send(gql("{ booking(id: 14) { id } }"), { "x-router-secret": `${ROUTER_SECRET}x` });

    // Bad input of every kind.
    await send(gql("{ booking(id: -3) { id } }"));
    await send(gql("{ booking(id: "));
    await send(gql("{ bookin(id: 14) { id } }"));
    await send(gql("query($id: Int!) { booking(id: $id) { id } }", { id: "x" }));
    await send('{"query": ');
    await send(gql("{ booking(id: 14) { id } }", { pad: "x".repeat(3000) }));
    await send([gql("{ __typename }")]);

    // Upstream failures, each on its own field.
    const faults: DemoPortalFault[] = [
      // A shape the mapper does not expect: a crash inside the resolver. First, while the circuit is
      // surely closed: a slow answer on a loaded machine times out and counts towards opening it.
      { method: "booking.v1.booking.get", kind: "result", result: { booking: { id: 14 } } },
      {
        method: "booking.v1.booking.get",
        kind: "error",
        error: "1021",
        description: "Booking not found",
        status: 400,
      },
      {
        method: "booking.v1.booking.get",
        kind: "error",
        error: "ACCESS_DENIED",
        description: `Access denied for ${webhook.portal.webhookUrl} (${WEBHOOK_SECRET})`,
        status: 403,
      },
      // The error code itself quotes the secret.
      {
        method: "booking.v1.booking.get",
        kind: "error",
        error: `ACCESS_DENIED_${WEBHOOK_SECRET}`,
        description: `denied for ${webhook.portal.webhookUrl}booking.v1.booking.get`,
        status: 403,
      },
      {
        method: "booking.v1.booking.get",
        kind: "http-error",
        status: 500,
        body: `<h1>Error at ${webhook.portal.webhookUrl}</h1>`,
        contentType: "text/html",
        times: 4,
      },
      { method: "booking.v1.booking.get", kind: "html", status: 502 },
      { method: "booking.v1.booking.get", kind: "malformed-json" },
      { method: "booking.v1.booking.get", kind: "hang", ms: 1500, times: 4 },
      { method: "booking.v1.booking.get", kind: "reset-before" },
      { method: "booking.v1.booking.get", kind: "reset-after" },
      { method: "booking.v1.booking.get", kind: "rate-limit", times: 4 },
      {
        method: "booking.v1.booking.get",
        kind: "error",
        error: "expired_token",
        description: `token ${WEBHOOK_SECRET} expired`,
        status: 401,
      },
    ];
    for (const fault of faults) {
      webhook.portal.clearFaults();
      webhook.portal.injectFault(fault);
      await send(gql("{ booking(id: 14) { id name } }"), asJwt);
      await send(gql("{ booking(id: 14) { id name } }"));
    }
    webhook.portal.clearFaults();
    // A create whose outcome is unknown.
    webhook.portal.injectFault({ method: "batch", kind: "reset-after" });
    await send(
      gql(
        'mutation { addBooking(input: {resourceIds: [1], name: "Canary", datePeriod: {from: {timestamp: 1780000000, timezone: "Europe/Berlin"}, to: {timestamp: 1780003600, timezone: "Europe/Berlin"}}}) { id } }',
      ),
    );
    // Persistent failure opens the circuit; then calls fail fast.
    webhook.portal.injectFault({ method: "*", kind: "reset-before", times: 10 });
    await send(gql("{ booking(id: 14) { id } }"));
    await send(gql("{ a: booking(id: 14) { id } b: resource(id: 1) { id } }"), asJwt);
    const fast = await send(gql("{ booking(id: 14) { id } }"));
    expect(fast.text).toContain("CIRCUIT_OPEN");
    webhook.portal.clearFaults();

    // Event deliveries: signed, forged with a token that holds the canary, and malformed.
    const deliver = async (fields: Record<string, string>) =>
      collect(
        await read(
          await fetch(`${webhook.base}/bitrix24/events`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(fields).toString(),
          }),
        ),
      );
    const event = { event: "ONBOOKINGUPDATE", "data[ID]": "14", ts: "1751285644" };
    await deliver({ ...event, "auth[application_token]": APPLICATION_TOKEN });
    await deliver({ ...event, "auth[application_token]": APPLICATION_TOKEN });
    await deliver({ ...event, "auth[application_token]": `${APPLICATION_TOKEN}x` });
    await deliver({ ...event, event: "ONX", "auth[application_token]": APPLICATION_TOKEN });

    // Operations endpoints.
    await get(`${webhook.base}/healthz`);
    await get(`${webhook.base}/readyz`);
    await get(`${webhook.base}/metrics`);
    await get(`${webhook.base}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    await get(url, { accept: "text/html" });

    expect(outputs.length).toBeGreaterThan(50);
    // Federated traces (ftv1) were returned and scanned too.
    expect(traces).toBeGreaterThan(5);
    expectNoCanary([...outputs, ...webhook.logs]);
    // The logs did see the failures: the scan looked at real output.
    expect(webhook.logs.join("\n")).toContain("resolver failed unexpectedly");
    expect(webhook.logs.join("\n")).toContain("UPSTREAM_RESULT_UNKNOWN");
  });

  it("in batch answers, through each command's error code and description", async () => {
    const send = async (query: string) => collect(await post(batched.gateway.url, gql(query)));
    const leaky = (method: string, fields: "code" | "description" | "both") => ({
      method,
      kind: "error" as const,
      error: fields === "description" ? "ACCESS_DENIED" : `ACCESS_DENIED_${WEBHOOK_SECRET}`,
      description:
        fields === "code"
          ? "Access denied"
          : `denied for ${batched.portal.webhookUrl}${method} (${WEBHOOK_SECRET})`,
      status: 403,
    });
    const responses: RawResponse[] = [];
    for (const fields of ["code", "description", "both"] as const) {
      // Two reads of one request fold into one batch; the first command fails.
      batched.portal.injectFault(leaky("booking.v1.booking.get", fields));
      responses.push(await send("{ a: booking(id: 14) { id } b: booking(id: 15) { id } }"));
      // A write and its read-back travel as one halting batch; the write fails.
      batched.portal.injectFault(leaky("booking.v1.booking.update", fields));
      responses.push(
        await send('mutation { updateBooking(id: 14, input: {name: "Canary"}) { id } }'),
      );
    }
    batched.portal.clearFaults();

    const stats = batched.portal.stats();
    expect(stats.batchRequests).toBeGreaterThanOrEqual(responses.length);
    expectNoCanary([...outputs, ...batched.logs]);
    // The failures did reach the clients, masked: the scan looked at real output.
    for (const response of responses) {
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(response.text).toContain("***");
    }
    expect(responses.map((response) => response.text).join("\n")).toContain("ACCESS_DENIED_***");
  });

  it("in OAuth mode, through every token outcome", async () => {
    const send = async (headers: Record<string, string>, query = "{ booking(id: 14) { id } }") =>
      collect(await post(oauth.gateway.url, gql(query), headers));
    await send({});
    await send({ authorization: `Bearer ${OAUTH_TOKEN}` });
    await send({ authorization: `Bearer ${EXPIRED_TOKEN}` });
    await send({ authorization: `Bearer ${CANARY}_unknown` });
    oauth.portal.injectFault({
      method: "booking.v1.booking.get",
      kind: "http-error",
      status: 503,
      times: 4,
    });
    await send({ authorization: `Bearer ${OAUTH_TOKEN}` });
    oauth.portal.injectFault({
      method: "booking.v1.booking.get",
      kind: "hang",
      ms: 1500,
      times: 4,
    });
    await send({ authorization: `Bearer ${OAUTH_TOKEN}` });
    // Last: once the portal refused a token, the gateway refuses it at once, with no call.
    oauth.portal.injectFault({
      method: "booking.v1.booking.get",
      kind: "error",
      error: "invalid_token",
      description: `The access token ${OAUTH_TOKEN} is invalid`,
      status: 401,
    });
    await send({ authorization: `Bearer ${OAUTH_TOKEN}` });
    await get(`${oauth.base}/metrics`);
    expectNoCanary([...outputs, ...oauth.logs]);
  });

  it("in configuration errors", () => {
    for (const env of [
      { BITRIX24_WEBHOOK_URL: `ftp://portal.example/rest/1/${WEBHOOK_SECRET}/` },
      {
        BITRIX24_WEBHOOK_URL: `https://portal.example/rest/1/${WEBHOOK_SECRET}/`,
        GATEWAY_TOKENS: CANARY.slice(0, 10),
      },
      {
        BITRIX24_WEBHOOK_URL: `https://portal.example/rest/1/${WEBHOOK_SECRET}/`,
        ROUTER_SECRET: CANARY.slice(0, 8),
      },
      {
        BITRIX24_WEBHOOK_URL: `https://portal.example/rest/1/${WEBHOOK_SECRET}/`,
        GATEWAY_JWT_SECRET: `${CANARY}short`,
      },
      {
        BITRIX24_WEBHOOK_URL: `https://portal.example/rest/1/${WEBHOOK_SECRET}/`,
        NODE_ENV: "production",
      },
    ]) {
      let message = "";
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).not.toBe("");
      expect(message).not.toContain(CANARY.slice(0, 8));
    }
  });
});

function expectNoCanary(texts: string[]): void {
  const leaks = texts.filter((text) => text.includes(CANARY));
  expect(leaks).toEqual([]);
}
