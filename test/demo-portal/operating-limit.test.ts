import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { ManualClock } from "../helpers/manual-clock";
import {
  get,
  postJson,
  resetPortal,
  send,
  type ErrorBody,
  type RestTimeBody,
  type SuccessBody,
} from "./rest-client";

/** The time object while the operating limiter is on. */
type OperatingTime = RestTimeBody & { operating_reset_at?: number };

interface BatchResult {
  result: Record<string, unknown>;
  result_error: Record<string, ErrorBody> | [];
  result_time: Record<string, OperatingTime> | OperatingTime[];
}

const OPERATION_TIME_LIMIT: ErrorBody = {
  error: "OPERATION_TIME_LIMIT",
  error_description: "Method is blocked due to operation time limit.",
};
const LIMITS = {
  operatingLimit: { limitSeconds: 0.3, windowSeconds: 600 },
  operatingCostMs: 100,
} as const;

// Baskets open and expire by this clock, which moves only when a test says so.
let clock: ManualClock;
let portal: DemoPortal;
let call: (method: string) => string;
const oauth = (method: string) => `${portal.origin}/rest/${method}`;

beforeAll(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({ ...LIMITS, oauthTokens: { "token-anna": 3 }, clock });
  call = (method) => `${portal.webhookUrl}${method}`;
});
afterAll(() => portal.close());
beforeEach(async () => {
  await resetPortal(portal.origin); // also forgets the operating usage
  portal.setLimits(LIMITS);
});

async function timeOf(url: string): Promise<OperatingTime> {
  const reply = await get<SuccessBody & { time: OperatingTime }>(url);
  expect(reply.status).toBe(200);
  return reply.body.time;
}

describe("operating-time limit", () => {
  it("reports growing operating time with a reset time, then answers 429", async () => {
    // Calls at a quarter past a whole second W, so that the reset time needs rounding up.
    clock.advance(1000 - (clock.now() % 1000) + 250);
    const wholeSecond = Math.floor(clock.now() / 1000);
    const times = [];
    for (let index = 0; index < 3; index += 1) {
      times.push(await timeOf(call("booking.v1.clienttype.list")));
    }
    expect(times.map((time) => time.operating)).toEqual([0.1, 0.2, 0.3]);
    // One basket, opened by the first call at W + 0.25, holds all three and leaves the 600 s
    // window at W + 600.25: rounded up, so a client waiting until then finds it gone.
    expect(times.map((time) => time.operating_reset_at)).toEqual(Array(3).fill(wholeSecond + 601));

    const blocked = await get<ErrorBody>(call("booking.v1.clienttype.list"));
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual(OPERATION_TIME_LIMIT);
    const stats = portal.stats();
    expect(stats.operatingRejected).toBe(1);
    expect(stats.statusCounts).toEqual({ "200": 3, "429": 1 });
    expect(stats.errorsSent).toEqual({ OPERATION_TIME_LIMIT: 1 });
    // A blocked call is not executed.
    expect(stats.methodCalls).toBe(3);
  });

  it("keeps accounts apart per method and per caller", async () => {
    for (let index = 0; index < 3; index += 1) await get(call("booking.v1.clienttype.list"));
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(429);
    expect((await timeOf(call("booking.v1.booking.get?id=14"))).operating).toBe(0.1);
    const asAnna = await postJson<SuccessBody>(oauth("booking.v1.clienttype.list"), {
      auth: "token-anna",
    });
    expect(asAnna.status).toBe(200);
    expect(asAnna.body.time.operating).toBe(0.1);
  });

  it("charges failed calls too", async () => {
    expect((await get(call("booking.v1.booking.get?id=999"))).status).toBe(400);
    expect((await timeOf(call("booking.v1.booking.get?id=14"))).operating).toBe(0.2);
  });

  it("charges each batch command, not the batch, and blocks a command with a result_error", async () => {
    const reply = await postJson<SuccessBody<BatchResult>>(call("batch"), {
      cmd: {
        a: "booking.v1.clienttype.list",
        b: "booking.v1.clienttype.list",
        c: "booking.v1.booking.get?id=14",
        d: "booking.v1.clienttype.list",
        e: "booking.v1.clienttype.list",
      },
    });
    expect(reply.status).toBe(200);
    const { result_time, result_error } = reply.body.result;
    const times = result_time as Record<string, OperatingTime>;
    expect(Object.keys(times)).toEqual(["a", "b", "c", "d"]);
    expect([times.a, times.b, times.c, times.d].map((time) => time?.operating)).toEqual([
      0.1, 0.2, 0.1, 0.3,
    ]);
    expect(times.d?.operating_reset_at).toEqual(times.a?.operating_reset_at);
    expect(result_error).toEqual({ e: OPERATION_TIME_LIMIT });
    // The batch wrapper is never charged: its own operating stays 0, with no reset time.
    expect(reply.body.time.operating).toBe(0);
    expect(reply.body.time).not.toHaveProperty("operating_reset_at");
    expect(portal.stats().operatingRejected).toBe(1);
  });

  it("lets a blocked method run again once its basket leaves the window", async () => {
    portal.setLimits({ operatingLimit: { limitSeconds: 0.2, windowSeconds: 0.5 } });
    await get(call("booking.v1.clienttype.list"));
    await get(call("booking.v1.clienttype.list"));
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(429);
    // The window is 0.5 s: a millisecond before it ends the basket still counts, just after it is gone.
    clock.advance(499);
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(429);
    clock.advance(2);
    expect((await timeOf(call("booking.v1.clienttype.list"))).operating).toBe(0.1);
  });
});

describe("changing the operating limit at runtime", () => {
  it("PUT /_demo/operating-limit and /_demo/operating-cost change the accounting; null turns it off", async () => {
    const cost = await send(`${portal.origin}/_demo/operating-cost`, {
      method: "PUT",
      body: "250",
    });
    expect(cost.status).toBe(200);
    expect((await timeOf(call("booking.v1.clienttype.list"))).operating).toBe(0.25);

    const limit = await send(`${portal.origin}/_demo/operating-limit`, {
      method: "PUT",
      body: JSON.stringify({ limitSeconds: 1 }),
    });
    expect(limit.body).toEqual({
      rateLimit: null,
      operatingLimit: { limitSeconds: 1, windowSeconds: 600 },
      operatingCostMs: 250,
      latencyMs: 0,
    });
    // A new limit starts with no recorded usage.
    expect((await timeOf(call("booking.v1.clienttype.list"))).operating).toBe(0.25);

    await send(`${portal.origin}/_demo/operating-limit`, { method: "PUT", body: "null" });
    const time = await timeOf(call("booking.v1.clienttype.list"));
    expect(time.operating).toBe(0);
    expect(time).not.toHaveProperty("operating_reset_at");
  });

  it("refuses an invalid cost, naming the rule and the value", async () => {
    const reply = await send<ErrorBody>(`${portal.origin}/_demo/operating-cost`, {
      method: "PUT",
      body: "-5",
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual<ErrorBody>({
      error: "INVALID_LIMITS",
      error_description:
        "operatingCostMs must be a number of milliseconds from 0 to 2147483647, got -5",
    });
  });
});
