import { startDemoPortal, type DemoPortal, type DemoPortalStats } from "../../src/demo-portal";
import { ManualClock } from "../helpers/manual-clock";
import { get } from "./rest-client";

const LATENCY_MS = 100;

// Requests stay in flight until this clock passes their latency.
let clock: ManualClock;
let portal: DemoPortal;
let call: (method: string) => string;

beforeAll(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({ latencyMs: LATENCY_MS, clock });
  call = (method) => `${portal.webhookUrl}${method}`;
});
afterAll(() => portal.close());
beforeEach(() => portal.resetStats());

describe("inFlight", () => {
  it("counts requests that arrived and are not answered yet, and a reset leaves it alone", async () => {
    const replies = [get(call("booking.v1.clienttype.list")), get(call("booking.v1.unknown"))];
    const arrived = await portal.waitFor((stats) => stats.inFlight === 2);
    expect(arrived).toMatchObject({ httpRequests: 2, inFlight: 2, methodCalls: 0 });

    portal.resetStats();
    expect(portal.stats()).toMatchObject({ httpRequests: 0, inFlight: 2 });
    const served = await get<DemoPortalStats>(`${portal.origin}/_demo/stats`);
    expect(served.body.inFlight).toBe(2);

    clock.advance(LATENCY_MS);
    expect((await Promise.all(replies)).map((reply) => reply.status)).toEqual([200, 404]);
    const settled = await portal.waitFor((stats) => stats.inFlight === 0);
    expect(settled.statusCounts).toEqual({ "200": 1, "404": 1 });
  });
});

describe("waitFor", () => {
  it("resolves at once with a snapshot when the condition already holds", async () => {
    const stats = await portal.waitFor((current) => current.httpRequests === 0);
    expect(stats).toEqual(portal.stats());
  });

  it("resolves on the change that makes the condition hold, with the stats of that moment", async () => {
    const answered = portal.waitFor((stats) => stats.statusCounts["200"] === 1);
    const reply = get(call("booking.v1.clienttype.list"));
    await portal.waitFor((stats) => stats.inFlight === 1);
    clock.advance(LATENCY_MS);
    const stats = await answered;
    expect(stats).toMatchObject({ httpRequests: 1, methodCalls: 1, statusCounts: { "200": 1 } });
    expect((await reply).status).toBe(200);
  });

  it("rejects when the condition throws, and the request that changed the stats is unharmed", async () => {
    await expect(
      portal.waitFor(() => {
        throw new Error("broken condition");
      }),
    ).rejects.toThrow("broken condition");

    const later = portal.waitFor((stats) => {
      if (stats.httpRequests > 0) throw new Error("no requests expected");
      return false;
    });
    const rejected = expect(later).rejects.toThrow("no requests expected");
    const reply = get(call("booking.v1.clienttype.list"));
    await rejected;
    await portal.waitFor((stats) => stats.inFlight === 1);
    clock.advance(LATENCY_MS);
    expect((await reply).status).toBe(200);
  });
});
