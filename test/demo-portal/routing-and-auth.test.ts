import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import {
  get,
  JSON_CONTENT_TYPE,
  postJson,
  send,
  type ErrorBody,
  type SuccessBody,
} from "./rest-client";

const SECRET = "s3cr3tw3bh00k";
const NO_AUTH: ErrorBody = {
  error: "NO_AUTH_FOUND",
  error_description: "Wrong authorization data",
};

let portal: DemoPortal;

beforeAll(async () => {
  portal = await startDemoPortal({
    webhook: { userId: 7, secret: SECRET },
    oauthTokens: { "token-anna": 3, "token-lukas": 4 },
    expiredTokens: ["token-old"],
  });
});
afterAll(() => portal.close());

const oauth = (method: string) => `${portal.origin}/rest/${method}`;

describe("webhook URLs", () => {
  it("exposes origin and webhookUrl for the configured user and secret", () => {
    expect(portal.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(portal.webhookUrl).toBe(`${portal.origin}/rest/7/${SECRET}/`);
  });

  it("accepts the method with or without .json and with a trailing slash, by GET or POST", async () => {
    for (const path of [
      "booking.v1.booking.get",
      "booking.v1.booking.get.json",
      "booking.v1.booking.get/",
    ]) {
      const reply = await get<SuccessBody<{ booking: { id: number } }>>(
        `${portal.webhookUrl}${path}?id=14`,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.result.booking.id).toBe(14);
    }
    const posted = await postJson<SuccessBody<{ booking: { id: number } }>>(
      `${portal.webhookUrl}booking.v1.booking.get.json`,
      { id: 14 },
    );
    expect(posted.body.result.booking.id).toBe(14);
  });

  it("treats method names case-insensitively", async () => {
    const reply = await get<SuccessBody<{ booking: { id: number } }>>(
      `${portal.webhookUrl}BOOKING.V1.Booking.Get?id=14`,
    );
    expect(reply.status).toBe(200);
  });

  it("ignores query parameters it does not know, such as SDK telemetry", async () => {
    const reply = await postJson(
      `${portal.webhookUrl}booking.v1.booking.get?bx24_request_id=abc&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk`,
      { id: 14 },
    );
    expect(reply.status).toBe(200);
  });

  it("answers 401 NO_AUTH_FOUND for a wrong secret or a wrong user id", async () => {
    for (const url of [
      `${portal.origin}/rest/7/wrong-secret/booking.v1.booking.get?id=14`,
      `${portal.origin}/rest/1/${SECRET}/booking.v1.booking.get?id=14`,
      `${portal.origin}/rest/7/${SECRET}x/booking.v1.booking.get?id=14`,
    ]) {
      const reply = await get(url);
      expect(reply.status).toBe(401);
      expect(reply.contentType).toBe(JSON_CONTENT_TYPE);
      expect(reply.body).toEqual(NO_AUTH);
    }
  });
});

describe("OAuth URLs", () => {
  it("accepts a token in the Authorization: Bearer header", async () => {
    const reply = await postJson(
      oauth("booking.v1.booking.get"),
      { id: 14 },
      { authorization: "Bearer token-anna" },
    );
    expect(reply.status).toBe(200);
  });

  it("accepts a token in the auth parameter, in the body or the query, and in access_token", async () => {
    expect(
      (await postJson(oauth("booking.v1.booking.get"), { id: 14, auth: "token-anna" })).status,
    ).toBe(200);
    expect((await get(oauth("booking.v1.booking.get.json?id=14&auth=token-lukas"))).status).toBe(
      200,
    );
    expect((await get(oauth("booking.v1.booking.get?id=14&access_token=token-lukas"))).status).toBe(
      200,
    );
  });

  it("prefers the Bearer header over the auth parameter", async () => {
    const reply = await postJson(
      oauth("booking.v1.booking.get"),
      { id: 14, auth: "not-a-token" },
      { authorization: "Bearer token-anna" },
    );
    expect(reply.status).toBe(200);
  });

  it("answers 401 NO_AUTH_FOUND without a token or with an unknown one", async () => {
    for (const reply of [
      await postJson(oauth("booking.v1.booking.get"), { id: 14 }),
      await postJson(oauth("booking.v1.booking.get"), { id: 14, auth: "made-up" }),
      await postJson(
        oauth("booking.v1.booking.get"),
        { id: 14 },
        { authorization: "Bearer made-up" },
      ),
    ]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual(NO_AUTH);
    }
  });

  it("answers 401 expired_token for a token listed as expired", async () => {
    const reply = await postJson(oauth("booking.v1.booking.get"), { id: 14, auth: "token-old" });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual<ErrorBody>({
      error: "expired_token",
      error_description: "The access token provided has expired",
    });
  });
});

describe("envelopes", () => {
  it("wraps success in result and a complete time object", async () => {
    const reply = await get<SuccessBody>(`${portal.webhookUrl}booking.v1.clienttype.list`);
    expect(reply.contentType).toBe(JSON_CONTENT_TYPE);
    const { time } = reply.body;
    expect(Object.keys(time).sort()).toEqual([
      "date_finish",
      "date_start",
      "duration",
      "finish",
      "operating",
      "processing",
      "start",
    ]);
    expect(time.finish).toBeGreaterThanOrEqual(time.start);
    expect(time.date_start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
  });

  it("answers 404 ERROR_METHOD_NOT_FOUND for an unknown method, with no time", async () => {
    const reply = await get(`${portal.webhookUrl}booking.v1.booking.teleport`);
    expect(reply.status).toBe(404);
    expect(reply.contentType).toBe(JSON_CONTENT_TYPE);
    expect(reply.body).toEqual<ErrorBody>({
      error: "ERROR_METHOD_NOT_FOUND",
      error_description: "Method not found!",
    });
  });

  it("checks credentials before reporting an unknown method", async () => {
    expect((await get(`${portal.origin}/rest/7/wrong/booking.v1.booking.teleport`)).status).toBe(
      401,
    );
  });

  it("drops an invalid JSON body silently and falls back to the query string", async () => {
    const broken = await send(`${portal.webhookUrl}booking.v1.booking.get`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"id": 14',
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual<ErrorBody>({
      error: "100",
      error_description: "Could not find value for parameter {id}",
    });

    const withQuery = await send(`${portal.webhookUrl}booking.v1.booking.get?id=14`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "not json",
    });
    expect(withQuery.status).toBe(200);
  });

  it("reads multipart form bodies with PHP-style names", async () => {
    const form = new FormData();
    form.append("id", "14");
    const reply = await send(`${portal.webhookUrl}booking.v1.booking.get`, {
      method: "POST",
      body: form,
    });
    expect(reply.status).toBe(200);
  });

  it("answers JSON 404 for paths outside /rest/ and /_demo/", async () => {
    const reply = await get<ErrorBody>(`${portal.origin}/favicon.ico`);
    expect(reply.status).toBe(404);
    expect(reply.body.error).toBe("NOT_FOUND");
  });
});
