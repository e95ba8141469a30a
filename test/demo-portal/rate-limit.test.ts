import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { ManualClock } from "../helpers/manual-clock";
import { get, postJson, resetPortal, send, type ErrorBody } from "./rest-client";

const QUERY_LIMIT_BODY = '{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}';

// The bucket drains only when the test moves this clock, however slow the machine is.
let clock: ManualClock;
let portal: DemoPortal;
let call: (method: string) => string;

beforeAll(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({ rateLimit: { burst: 5, perSecond: 2 }, clock });
  call = (method) => `${portal.webhookUrl}${method}`;
});
afterAll(() => portal.close());
beforeEach(async () => {
  await resetPortal(portal.origin); // also empties the bucket
  portal.setLimits({ rateLimit: { burst: 5, perSecond: 2 } });
});

async function statusOf(url: string): Promise<number> {
  return (await get(url)).status;
}

describe("rate limit 5:2", () => {
  it("passes 5 quick requests, answers the 6th 503 QUERY_LIMIT_EXCEEDED, and one more after 600 ms", async () => {
    for (let index = 0; index < 5; index += 1) {
      expect(await statusOf(call("booking.v1.clienttype.list"))).toBe(200);
    }
    const refused = await fetch(call("booking.v1.clienttype.list"));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await refused.text()).toBe(QUERY_LIMIT_BODY);

    // 0.6 s at 2 per second drains 1.2 requests; the refused one added nothing.
    clock.advance(600);
    expect(await statusOf(call("booking.v1.clienttype.list"))).toBe(200);

    const stats = portal.stats();
    expect(stats.rateLimited).toBe(1);
    expect(stats.statusCounts).toEqual({ "200": 6, "503": 1 });
    expect(stats.errorsSent).toEqual({ QUERY_LIMIT_EXCEEDED: 1 });
    expect(stats.httpRequests).toBe(7);
    // A refused request never reaches a method.
    expect(stats.methodCalls).toBe(6);
  });

  it("counts a batch of 10 commands as one request", async () => {
    const commands = Array.from({ length: 10 }, () => "booking.v1.clienttype.list");
    expect((await postJson(call("batch"), { cmd: commands })).status).toBe(200);
    for (let index = 0; index < 4; index += 1) {
      expect(await statusOf(call("booking.v1.clienttype.list"))).toBe(200);
    }
    expect(await statusOf(call("batch?cmd[0]=booking.v1.clienttype.list"))).toBe(503);
    expect(portal.stats().methodCalls).toBe(14);
  });

  it("limits every path under /rest/, errors and bad credentials included, but not /_demo/", async () => {
    expect(await statusOf(call("booking.v1.unknown"))).toBe(404);
    expect(await statusOf(`${portal.origin}/rest/1/wrong/booking.v1.clienttype.list`)).toBe(401);
    for (let index = 0; index < 3; index += 1) await get(call("booking.v1.clienttype.list"));
    expect(await statusOf(call("booking.v1.clienttype.list"))).toBe(503);
    expect(await statusOf(`${portal.origin}/_demo/stats`)).toBe(200);
  });
});

describe("changing the rate limit at runtime", () => {
  it("PUT /_demo/rate-limit sets a new limit with an empty bucket, and null turns it off", async () => {
    for (let index = 0; index < 5; index += 1) await get(call("booking.v1.clienttype.list"));
    const tighter = await send(`${portal.origin}/_demo/rate-limit`, {
      method: "PUT",
      body: JSON.stringify({ burst: 2, perSecond: 1 }),
    });
    expect(tighter.status).toBe(200);
    expect(tighter.body).toMatchObject({ rateLimit: { burst: 2, perSecond: 1 } });
    expect(await statusOf(call("booking.v1.clienttype.list"))).toBe(200);
    expect(await statusOf(call("booking.v1.clienttype.list"))).toBe(200);
    expect(await statusOf(call("booking.v1.clienttype.list"))).toBe(503);

    const off = await send(`${portal.origin}/_demo/rate-limit`, { method: "PUT", body: "null" });
    expect(off.body).toMatchObject({ rateLimit: null });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => statusOf(call("booking.v1.clienttype.list"))),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it("refuses an invalid limit, naming the rule and the value, and keeps the old one", async () => {
    const reply = await send<ErrorBody>(`${portal.origin}/_demo/rate-limit`, {
      method: "PUT",
      body: JSON.stringify({ burst: 0, perSecond: 2 }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual<ErrorBody>({
      error: "INVALID_LIMITS",
      error_description: "rateLimit.burst must be a number of at least 1, got 0",
    });
    expect(portal.limits().rateLimit).toEqual({ burst: 5, perSecond: 2 });
  });
});
