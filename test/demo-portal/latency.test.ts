import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { ManualClock } from "../helpers/manual-clock";
import { get, postJson, send, type Reply, type SuccessBody } from "./rest-client";

const LATENCY_MS = 150;

let clock: ManualClock;
let portal: DemoPortal;
let call: (method: string) => string;

beforeAll(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({ latencyMs: LATENCY_MS, clock });
  call = (method) => `${portal.webhookUrl}${method}`;
});
afterAll(() => portal.close());
beforeEach(() => {
  portal.resetStats();
  portal.setLimits({ latencyMs: LATENCY_MS, operatingLimit: null });
});

/**
 * Resolves once `count` more requests have reached the portal. A request starts its latency
 * wait in the same turn of the event loop as it arrives, so its timer is set by then.
 */
async function arrivals(count: number): Promise<void> {
  const target = portal.stats().httpRequests + count;
  await portal.waitFor((stats) => stats.httpRequests >= target);
}

const WAITING = "still waiting on the clock" as const;

/**
 * The reply, or WAITING as soon as the portal starts a wait on the clock instead of answering,
 * so that a portal that waits more than expected fails the test at once instead of hanging it.
 */
function unlessWaiting<T>(reply: Promise<T>): Promise<T | typeof WAITING> {
  return Promise.race([reply, clock.whenPending(1).then(() => WAITING)]);
}

/** Sends a request, lets the latency pass on the clock, and returns the answer. */
async function afterLatency<T>(request: () => Promise<T>): Promise<T | typeof WAITING> {
  const reply = request();
  await arrivals(1);
  clock.advance(LATENCY_MS);
  return unlessWaiting(reply);
}

function durationOf(reply: Reply<SuccessBody> | typeof WAITING): number | undefined {
  return reply === WAITING ? undefined : reply.body.time.duration;
}

describe("latency", () => {
  it("holds the answer until latencyMs have passed on the portal's clock, and shows it in time", async () => {
    const arrivedAt = clock.now();
    const reply = get<SuccessBody>(call("booking.v1.clienttype.list"));
    await arrivals(1);
    expect(clock.pendingDelays).toEqual([LATENCY_MS]);

    clock.advance(LATENCY_MS - 1);
    const waiting = portal.stats();
    expect(waiting.inFlight).toBe(1);
    expect(waiting.statusCounts).toEqual({});

    clock.advance(1);
    const answered = await unlessWaiting(reply);
    expect(answered).toMatchObject({ status: 200 });
    const { time } = (answered as Reply<SuccessBody>).body;
    expect(time.start).toBe(arrivedAt / 1000);
    expect(time.finish).toBe((arrivedAt + LATENCY_MS) / 1000);
    // Unix seconds near 1.8e9 carry about 2e-7 s of rounding, so the difference is close, not equal.
    expect(time.duration).toBeCloseTo(LATENCY_MS / 1000, 6);
    expect(portal.stats().inFlight).toBe(0);
  });

  it("delays errors too", async () => {
    const reply = get(call("booking.v1.unknown"));
    await arrivals(1);
    expect(clock.pendingDelays).toEqual([LATENCY_MS]);
    expect(portal.stats().statusCounts).toEqual({});
    clock.advance(LATENCY_MS);
    expect(await unlessWaiting(reply)).toMatchObject({ status: 404 });
  });

  it("delays a batch once, not once per command", async () => {
    const commands = Array.from({ length: 5 }, () => "booking.v1.clienttype.list");
    const reply = postJson<SuccessBody>(call("batch"), { cmd: commands });
    await arrivals(1);
    expect(clock.pendingDelays).toEqual([LATENCY_MS]);
    clock.advance(LATENCY_MS);
    const answered = await unlessWaiting(reply);
    expect(answered).toMatchObject({ status: 200 });
    expect(durationOf(answered)).toBeCloseTo(LATENCY_MS / 1000, 6);
  });

  it("does not block the event loop: parallel requests wait side by side", async () => {
    const replies = Array.from({ length: 8 }, () =>
      get<SuccessBody>(call("booking.v1.clienttype.list")),
    );
    await arrivals(8);
    // All eight wait at once; one after another, only the first would have a timer now.
    expect(clock.pendingDelays).toEqual(Array(8).fill(LATENCY_MS));
    expect(portal.stats().inFlight).toBe(8);

    expect(clock.advance(LATENCY_MS)).toBe(8);
    const answered = await unlessWaiting(Promise.all(replies));
    expect(answered).not.toBe(WAITING);
    const all = answered as Array<Reply<SuccessBody>>;
    expect(all.map((reply) => reply.status)).toEqual(Array(8).fill(200));
    for (const reply of all) expect(durationOf(reply)).toBeCloseTo(LATENCY_MS / 1000, 6);
  });

  it("is charged as operating time to a plain call, not to batch commands", async () => {
    portal.setLimits({ operatingLimit: { limitSeconds: 100 } });
    const plain = await afterLatency(() => get<SuccessBody>(call("booking.v1.clienttype.list")));
    expect(plain).toMatchObject({ status: 200, body: { time: { operating: LATENCY_MS / 1000 } } });
    const batch = await afterLatency(() =>
      postJson<SuccessBody<{ result_time: Array<{ operating: number }> }>>(call("batch"), {
        cmd: ["booking.v1.clienttype.list"],
      }),
    );
    // The command adds nothing: the method's total is still the plain call's latency.
    expect(batch).toMatchObject({
      status: 200,
      body: { result: { result_time: [{ operating: LATENCY_MS / 1000 }] } },
    });
  });

  it("can be changed with PUT /_demo/latency, and 0 answers without the clock moving", async () => {
    const reply = await send(`${portal.origin}/_demo/latency`, { method: "PUT", body: "0" });
    expect(reply.body).toMatchObject({ latencyMs: 0 });
    const startedAt = clock.now();
    const answered = await unlessWaiting(get<SuccessBody>(call("booking.v1.clienttype.list")));
    expect(answered).toMatchObject({ status: 200 });
    expect(durationOf(answered)).toBe(0);
    expect(clock.now()).toBe(startedAt);
  });
});

describe("closing while requests wait", () => {
  it("ends the waiting requests and closes although the clock never reaches their latency", async () => {
    const slowClock = new ManualClock();
    const slow = await startDemoPortal({ latencyMs: 60_000, clock: slowClock });
    const dropped = expect(fetch(`${slow.webhookUrl}booking.v1.clienttype.list`)).rejects.toThrow();
    await slow.waitFor((stats) => stats.inFlight === 1);
    expect(slowClock.pendingDelays).toEqual([60_000]);

    // The clock stands still, so only closing can end the wait.
    await slow.close();
    expect(slowClock.pending).toBe(0);
    const stats = slow.stats();
    expect(stats.inFlight).toBe(0);
    expect(stats.statusCounts).toEqual({});
    await dropped;
  });
});
