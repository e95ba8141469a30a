import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { get, postJson, send, type SuccessBody } from "./rest-client";

const LATENCY_MS = 150;

let portal: DemoPortal;
let call: (method: string) => string;

beforeAll(async () => {
  portal = await startDemoPortal({ latencyMs: LATENCY_MS });
  call = (method) => `${portal.webhookUrl}${method}`;
});
afterAll(() => portal.close());
beforeEach(() => {
  portal.resetStats();
  portal.setLimits({ latencyMs: LATENCY_MS, operatingLimit: null });
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const startedAt = performance.now();
  const value = await work();
  return { ms: performance.now() - startedAt, value };
}

// Timers may fire a fraction of a millisecond early by the clock the test reads.
const AT_LEAST = LATENCY_MS - 1;

describe("latency", () => {
  it("delays the answer by latencyMs and shows it in time.duration", async () => {
    const { ms, value } = await timed(() => get<SuccessBody>(call("booking.v1.clienttype.list")));
    expect(value.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(AT_LEAST);
    expect(value.body.time.duration * 1000).toBeGreaterThanOrEqual(AT_LEAST);
  });

  it("delays errors too, and a batch once", async () => {
    expect((await timed(() => get(call("booking.v1.unknown")))).ms).toBeGreaterThanOrEqual(
      AT_LEAST,
    );
    const commands = Array.from({ length: 5 }, () => "booking.v1.clienttype.list");
    const { ms } = await timed(() => postJson(call("batch"), { cmd: commands }));
    expect(ms).toBeGreaterThanOrEqual(AT_LEAST);
    expect(ms).toBeLessThan(2 * LATENCY_MS);
  });

  it("does not block the event loop: parallel requests wait side by side", async () => {
    const { ms, value } = await timed(() =>
      Promise.all(Array.from({ length: 8 }, () => get(call("booking.v1.clienttype.list")))),
    );
    expect(value.map((reply) => reply.status)).toEqual(Array(8).fill(200));
    expect(ms).toBeLessThan(3 * LATENCY_MS);
  });

  it("is charged as operating time to a plain call, not to batch commands", async () => {
    portal.setLimits({ operatingLimit: { limitSeconds: 100 } });
    const plain = await get<SuccessBody>(call("booking.v1.clienttype.list"));
    expect(plain.body.time.operating).toBe(LATENCY_MS / 1000);
    const batch = await postJson<SuccessBody<{ result_time: Array<{ operating: number }> }>>(
      call("batch"),
      { cmd: ["booking.v1.clienttype.list"] },
    );
    // The command adds nothing: the method's total is still the plain call's latency.
    expect(batch.body.result.result_time[0]?.operating).toBe(LATENCY_MS / 1000);
  });

  it("can be changed with PUT /_demo/latency", async () => {
    const reply = await send(`${portal.origin}/_demo/latency`, { method: "PUT", body: "0" });
    expect(reply.body).toMatchObject({ latencyMs: 0 });
    const { ms } = await timed(() => get(call("booking.v1.clienttype.list")));
    expect(ms).toBeLessThan(LATENCY_MS);
  });
});

describe("closing while requests wait", () => {
  it("closes promptly and ends the waiting requests", async () => {
    const slow = await startDemoPortal({ latencyMs: 60_000 });
    const pending = fetch(`${slow.webhookUrl}booking.v1.clienttype.list`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { ms } = await timed(() => slow.close());
    expect(ms).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});
