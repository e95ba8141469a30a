import { startDemoPortal, type DemoPortal, type DemoPortalStats } from "../../src/demo-portal";
import { get, postJson, send, type ErrorBody } from "./rest-client";

let portal: DemoPortal;

beforeAll(async () => {
  portal = await startDemoPortal({ oauthTokens: { "token-anna": 3, "token-lukas": 4 } });
});
afterAll(() => portal.close());
beforeEach(() => portal.resetStats());

const oauth = (method: string) => `${portal.origin}/rest/${method}`;

describe("stats", () => {
  it("starts at zero", () => {
    expect(portal.stats()).toEqual<DemoPortalStats>({
      httpRequests: 0,
      methodCalls: 0,
      callsByMethod: {},
      batchRequests: 0,
      batchSizes: [],
      errorsSent: {},
      callsByUser: {},
      rateLimited: 0,
      faultsInjected: 0,
      operatingRejected: 0,
      statusCounts: {},
      inFlight: 0,
      eventsSent: 0,
      eventsFailed: 0,
      oauthRefreshes: 0,
      oauthRefreshesRefused: 0,
      offlineQueued: 0,
    });
  });

  it("counts requests, method calls inside batches, batch sizes, errors and callers", async () => {
    await get(`${portal.webhookUrl}booking.v1.booking.get?id=14`);
    await get(`${portal.webhookUrl}booking.v1.booking.get?id=999`);
    await get(`${portal.origin}/rest/1/wrong/booking.v1.booking.get?id=14`);
    await get(`${portal.webhookUrl}booking.v1.unknown`);
    await postJson(
      oauth("batch"),
      { cmd: ["booking.v1.booking.get?id=12", "booking.v1.clienttype.list", "batch"] },
      {
        authorization: "Bearer token-anna",
      },
    );
    await postJson(oauth("booking.v1.clienttype.list"), { auth: "token-lukas" });

    expect(portal.stats()).toEqual<DemoPortalStats>({
      httpRequests: 6,
      methodCalls: 5,
      callsByMethod: { "booking.v1.booking.get": 3, "booking.v1.clienttype.list": 2 },
      batchRequests: 1,
      batchSizes: [3],
      errorsSent: {
        "1021": 1,
        NO_AUTH_FOUND: 1,
        ERROR_METHOD_NOT_FOUND: 1,
        ERROR_BATCH_METHOD_NOT_ALLOWED: 1,
      },
      callsByUser: { "1": 2, "3": 2, "4": 1 },
      rateLimited: 0,
      faultsInjected: 0,
      operatingRejected: 0,
      statusCounts: { "200": 3, "400": 1, "401": 1, "404": 1 },
      inFlight: 0,
      eventsSent: 0,
      eventsFailed: 0,
      oauthRefreshes: 0,
      oauthRefreshesRefused: 0,
      offlineQueued: 0,
    });
  });

  it("serves the same counters on GET /_demo/stats, which is itself not counted", async () => {
    await get(`${portal.webhookUrl}booking.v1.clienttype.list`);
    const reply = await get<DemoPortalStats>(`${portal.origin}/_demo/stats`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(portal.stats());
    expect(reply.body.httpRequests).toBe(1);
  });

  it("hands out a copy that does not change the counters", () => {
    const snapshot = portal.stats();
    snapshot.batchSizes.push(99);
    snapshot.callsByMethod.fake = 1;
    expect(portal.stats().batchSizes).toEqual([]);
    expect(portal.stats().callsByMethod).toEqual({});
  });
});

describe("POST /_demo/reset", () => {
  it("zeroes the counters and keeps the data without a seed", async () => {
    await postJson(`${portal.webhookUrl}booking.v1.booking.delete`, { id: 12 });
    const reply = await send(`${portal.origin}/_demo/reset`, { method: "POST" });
    expect(reply.status).toBe(200);
    expect(portal.stats().httpRequests).toBe(0);
    expect((await get(`${portal.webhookUrl}booking.v1.booking.get?id=12`)).status).toBe(400);
  });

  it("reloads the data for seed=empty and seed=demo", async () => {
    await send(`${portal.origin}/_demo/reset?seed=empty`, { method: "POST" });
    expect(
      (await get<ErrorBody>(`${portal.webhookUrl}booking.v1.booking.get?id=14`)).body.error,
    ).toBe("1021");
    await send(`${portal.origin}/_demo/reset?seed=demo`, { method: "POST" });
    expect((await get(`${portal.webhookUrl}booking.v1.booking.get?id=14`)).status).toBe(200);
  });

  it("refuses an unknown seed and leaves everything as it was", async () => {
    await get(`${portal.webhookUrl}booking.v1.clienttype.list`);
    const reply = await send<ErrorBody>(`${portal.origin}/_demo/reset?seed=full`, {
      method: "POST",
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual<ErrorBody>({
      error: "INVALID_SEED",
      error_description: 'seed must be one of demo, empty, got "full"',
    });
    expect(portal.stats().httpRequests).toBe(1);
  });

  it("answers 404 for other control routes", async () => {
    expect((await get(`${portal.origin}/_demo/reset`)).status).toBe(404);
    expect((await get(`${portal.origin}/_demo/nothing`)).status).toBe(404);
  });
});
