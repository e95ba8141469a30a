import {
  startDemoPortal,
  type DemoPortal,
  type DemoPortalLimits,
  type DemoPortalStats,
} from "../../src/demo-portal";
import { get, send, type ErrorBody } from "./rest-client";

const NO_LIMITS: DemoPortalLimits = {
  rateLimit: null,
  operatingLimit: null,
  operatingCostMs: 0,
  latencyMs: 0,
};

let portal: DemoPortal;

beforeAll(async () => {
  portal = await startDemoPortal();
});
afterAll(() => portal.close());
beforeEach(() => {
  portal.resetStats();
  portal.setLimits(NO_LIMITS);
});

describe("limits", () => {
  it("are all off without options, on GET /_demo/limits as on limits()", async () => {
    expect(portal.limits()).toEqual(NO_LIMITS);
    const reply = await get<DemoPortalLimits>(`${portal.origin}/_demo/limits`);
    expect(reply).toMatchObject({ status: 200, body: NO_LIMITS });
    const time = (await get<{ time: object }>(`${portal.webhookUrl}booking.v1.clienttype.list`))
      .body.time;
    expect(time).toMatchObject({ operating: 0 });
    expect(time).not.toHaveProperty("operating_reset_at");
  });

  it("start from the options, with the operating window defaulting to 600 s", async () => {
    const limited = await startDemoPortal({
      rateLimit: { burst: 250, perSecond: 5 },
      operatingLimit: { limitSeconds: 480 },
      operatingCostMs: 5,
      latencyMs: 20,
    });
    try {
      expect(limited.limits()).toEqual<DemoPortalLimits>({
        rateLimit: { burst: 250, perSecond: 5 },
        operatingLimit: { limitSeconds: 480, windowSeconds: 600 },
        operatingCostMs: 5,
        latencyMs: 20,
      });
    } finally {
      await limited.close();
    }
  });

  it("reject invalid options with a message naming the rule and the value", async () => {
    await expect(startDemoPortal({ rateLimit: { burst: 0, perSecond: 2 } })).rejects.toThrow(
      "rateLimit.burst must be a number of at least 1, got 0",
    );
    await expect(startDemoPortal({ operatingLimit: { limitSeconds: 0 } })).rejects.toThrow(
      "operatingLimit.limitSeconds must be a positive number, got 0",
    );
    await expect(startDemoPortal({ latencyMs: -1 })).rejects.toThrow(
      "latencyMs must be a number of milliseconds from 0 to 2147483647, got -1",
    );
  });

  it("PATCH /_demo/limits changes only the keys it names", async () => {
    const reply = await send<DemoPortalLimits>(`${portal.origin}/_demo/limits`, {
      method: "PATCH",
      body: JSON.stringify({ latencyMs: 5, operatingCostMs: 2 }),
    });
    expect(reply.body).toEqual<DemoPortalLimits>({
      ...NO_LIMITS,
      latencyMs: 5,
      operatingCostMs: 2,
    });
    expect(portal.limits()).toEqual(reply.body);
  });

  it("refuse an invalid update as a whole, over HTTP and through setLimits", async () => {
    const reply = await send<ErrorBody>(`${portal.origin}/_demo/limits`, {
      method: "PATCH",
      body: JSON.stringify({ latencyMs: 5, latency: 5 }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual<ErrorBody>({
      error: "INVALID_LIMITS",
      error_description:
        "limits accept only rateLimit, operatingLimit, operatingCostMs and latencyMs, got latency",
    });
    expect(() =>
      portal.setLimits({ latencyMs: 5, rateLimit: { burst: 5, perSecond: -1 } }),
    ).toThrow(new TypeError("rateLimit.perSecond must be a positive number, got -1"));
    expect(portal.limits()).toEqual(NO_LIMITS);
  });

  it("answer 404 for a wrong method on a limits route", async () => {
    expect((await get(`${portal.origin}/_demo/rate-limit`)).status).toBe(404);
    expect(
      (await send(`${portal.origin}/_demo/limits`, { method: "PUT", body: "{}" })).status,
    ).toBe(404);
  });
});

describe("new counters", () => {
  it("count statuses of /rest/ answers only, and resetStats zeroes them", async () => {
    await get(`${portal.webhookUrl}booking.v1.clienttype.list`);
    await get(`${portal.webhookUrl}booking.v1.unknown`);
    await get(`${portal.origin}/_demo/stats`);
    expect(portal.stats()).toMatchObject<Partial<DemoPortalStats>>({
      rateLimited: 0,
      faultsInjected: 0,
      operatingRejected: 0,
      statusCounts: { "200": 1, "404": 1 },
    });
    portal.resetStats();
    expect(portal.stats()).toMatchObject<Partial<DemoPortalStats>>({
      rateLimited: 0,
      faultsInjected: 0,
      operatingRejected: 0,
      statusCounts: {},
    });
  });
});
