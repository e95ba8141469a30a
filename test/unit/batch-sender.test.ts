import { getEventListeners } from "node:events";
import { Call } from "../../src/transport/call";
import { CircuitBreaker, type CircuitState } from "../../src/transport/circuit-breaker";
import { BitrixApiError, BitrixNetworkError } from "../../src/transport/errors";
import type { UpstreamIdentity } from "../../src/transport/identity";
import { OperatingTimeTracker } from "../../src/transport/operating-time";
import { PortalCode } from "../../src/transport/protocol";
import { MemoryRateLimiter, type LeakyBucketSpec } from "../../src/transport/rate-limiter";
import { BatchSender } from "../../src/transport/sender";
import {
  DeferredHttpClient,
  turns,
  until,
  type DeferredRequest,
} from "../helpers/deferred-http-client";
import { ManualClock } from "../helpers/manual-clock";

const IDENTITY: UpstreamIdentity = {
  kind: "webhook",
  endpoint: "https://portal.example/rest/1/secret/",
};
const GET = "booking.v1.booking.get";
const LIST = "booking.v1.booking.list";

/** The sender over the real stages, on a clock that stands still; a client the test answers. */
function rig(
  options: {
    rateLimit?: LeakyBucketSpec | undefined;
    breaker?: { threshold: number; cooldownMs: number };
  } = {},
) {
  const clock = new ManualClock();
  const now = () => clock.now();
  const client = new DeferredHttpClient();
  const states: CircuitState[] = [];
  const limiter = new MemoryRateLimiter(options.rateLimit ?? { burst: 50, perSecond: 10 }, now);
  const sender = new BatchSender({
    client,
    limiter,
    breaker: new CircuitBreaker(
      {
        ...(options.breaker ?? { threshold: 0, cooldownMs: 10_000 }),
        onStateChange: (_origin, state) => states.push(state),
      },
      now,
    ),
    operating: new OperatingTimeTracker({ limitSeconds: 480 }, now),
    clock,
  });
  const call = (method: string, deadlineMs = 60_000, signal?: AbortSignal) =>
    new Call(method, {}, clock.now() + deadlineMs, signal);
  const send = (calls: Call[]) => sender.send(IDENTITY, { calls, halting: false });
  /** Sends one call and answers its request with `answer`. */
  const exchange = async (method: string, answer: (request: DeferredRequest) => void) => {
    const sending = send([call(method)]);
    answer(await client.request(client.requests.length));
    return sending;
  };
  /** Pauses `method`: the portal refuses a call of it OPERATION_TIME_LIMIT, without a reset time. */
  const pause = (method: string) =>
    exchange(method, (request) =>
      request.fail(
        new BitrixApiError(PortalCode.OperationTimeLimit, "operating time", method, 429),
      ),
    );
  const timers = (count: number) =>
    until(
      () => clock.pending === count,
      () => `${count} timers (${clock.pending} waiting)`,
    );
  return { clock, client, limiter, sender, states, call, send, exchange, pause, timers };
}

describe("the batch sender", () => {
  // One request fits; each further one waits 2 s for the bucket to drain.
  const slow = { burst: 1, perSecond: 0.5 };

  describe("circuit breaker", () => {
    /** Two broken connections in a row open the circuit for 5 s. */
    async function openCircuit(rateLimit?: LeakyBucketSpec) {
      const parts = rig({ breaker: { threshold: 2, cooldownMs: 5_000 }, rateLimit });
      for (let failure = 0; failure < 2; failure += 1) {
        await parts.exchange(GET, (request) =>
          request.fail(new BitrixNetworkError(GET, "ECONNREFUSED")),
        );
      }
      expect(parts.states).toEqual(["open"]);
      return parts;
    }

    it("fails calls CIRCUIT_OPEN at once while the circuit is open: no request, no wait for a slot", async () => {
      // The two failed requests filled the bucket: a third would wait a second for its slot.
      const { clock, client, send, call } = await openCircuit({ burst: 2, perSecond: 0.5 });
      clock.advance(1_000);
      const refusing = send([call(GET), call(LIST)]);
      await turns();
      expect(clock.pending).toBe(0);
      const report = await refusing;
      expect(report.outcomes).toEqual([
        {
          ok: false,
          error: expect.objectContaining({ code: "CIRCUIT_OPEN", retryAfterSeconds: 4 }),
        },
        {
          ok: false,
          error: expect.objectContaining({ code: "CIRCUIT_OPEN", method: LIST }),
        },
      ]);
      expect(report.latencyMs).toBeUndefined();
      expect(client.requests).toHaveLength(2);
    });

    it("lets exactly one probe through after the cool-down; its success closes the circuit", async () => {
      const { clock, client, states, send, call } = await openCircuit();
      clock.advance(5_000);
      const probe = send([call(GET)]);
      const meanwhile = send([call(LIST)]);
      const probeRequest = await client.request(2);
      expect((await meanwhile).outcomes).toEqual([
        { ok: false, error: expect.objectContaining({ code: "CIRCUIT_OPEN" }) },
      ]);
      await turns();
      expect(client.requests).toHaveLength(3);
      probeRequest.succeed("up");
      expect((await probe).outcomes).toEqual([{ ok: true, value: { result: "up" } }]);
      expect(states).toEqual(["open", "half-open", "closed"]);
      const after = send([call(LIST)]);
      (await client.request(3)).succeed([]);
      expect((await after).outcomes).toEqual([{ ok: true, value: { result: [] } }]);
    });
  });

  describe("rate limit", () => {
    it("fails a batch RATE_LIMITED without a request when the wait passes its latest deadline", async () => {
      const { clock, client, send, call, exchange } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      const report = await send([call(GET, 1_000), call(LIST, 1_500)]);
      expect(report.outcomes).toEqual([
        {
          ok: false,
          error: expect.objectContaining({ code: "RATE_LIMITED", retryAfterSeconds: 2 }),
        },
        {
          ok: false,
          error: expect.objectContaining({ code: "RATE_LIMITED", retryAfterSeconds: 2 }),
        },
      ]);
      expect(clock.pending).toBe(0);
      expect(client.requests).toHaveLength(1);
    });

    it("spends a granted wait on the clock before the request goes", async () => {
      const { clock, client, send, call, exchange, timers } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      const sending = send([call(GET)]);
      await timers(1);
      expect(clock.pendingDelays).toEqual([2_000]);
      clock.advance(1_999);
      await turns();
      expect(client.requests).toHaveLength(1);
      clock.advance(1);
      (await client.request(1)).succeed(2);
      expect((await sending).outcomes).toEqual([{ ok: true, value: { result: 2 } }]);
    });

    it("seals a batch when its slot is granted, with the calls that gathered while it waited", async () => {
      const { clock, client, sender, call, exchange, timers } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      const waiting = call(GET);
      const gathered = [call(LIST), call(GET)];
      const rooms: number[] = [];
      const sending = sender.send(IDENTITY, {
        calls: [waiting],
        halting: false,
        seal: (room) => {
          rooms.push(room);
          return gathered;
        },
      });
      await timers(1);
      // Nothing is added while the batch waits: the calls join only once the slot is granted.
      expect(rooms).toEqual([]);
      clock.next();
      const request = await client.request(1);
      expect(rooms).toEqual([49]);
      expect(request.methods).toEqual([GET, LIST, GET]);
      request.answerBatch([{ result: "a" }, { result: "b" }, { result: "c" }]);
      const report = await sending;
      expect(report.calls).toEqual([waiting, ...gathered]);
      expect(report.outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]);
    });

    it("never adds to a sequence when it is sealed", async () => {
      const { clock, client, sender, call, exchange, timers } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      const sequence = [call(GET), call(LIST)];
      let sealed = false;
      const sending = sender.send(IDENTITY, {
        calls: sequence,
        halting: true,
        seal: () => {
          sealed = true;
          return [call(GET)];
        },
      });
      await timers(1);
      clock.next();
      const request = await client.request(1);
      expect(request.methods).toEqual([GET, LIST]);
      expect(sealed).toBe(false);
      request.answerBatch([{ result: 1 }, { result: 2 }]);
      expect((await sending).calls).toEqual(sequence);
    });

    it("waits for the latest deadline of a batch; calls whose deadline passes meanwhile fail RATE_LIMITED", async () => {
      const { clock, client, send, call, exchange, timers } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      const sending = send([call(GET, 1_000), call(LIST, 5_000)]);
      await timers(1);
      clock.next();
      const request = await client.request(1);
      expect(request.method).toBe(LIST);
      request.succeed([]);
      expect((await sending).outcomes).toEqual([
        { ok: false, error: expect.objectContaining({ code: "RATE_LIMITED", method: GET }) },
        { ok: true, value: { result: [] } },
      ]);
    });

    it("sends a call whose deadline is the very moment its slot comes", async () => {
      const { clock, client, send, call, exchange, timers } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      // The slot comes in 2 s, exactly when the caller stops waiting: it is still in time.
      const sending = send([call(GET, 2_000)]);
      await timers(1);
      clock.next();
      (await client.request(1)).succeed(2);
      expect((await sending).outcomes).toEqual([{ ok: true, value: { result: 2 } }]);
    });

    it.each<[string, string[], (request: DeferredRequest) => void]>([
      [
        "a plain call answered 503",
        [GET],
        (request) =>
          request.fail(
            new BitrixApiError(PortalCode.QueryLimitExceeded, "Too many requests", GET, 503),
          ),
      ],
      [
        "a command of a batch refused",
        [GET, LIST],
        (request) => request.answerBatch([{ result: 1 }, { error: PortalCode.QueryLimitExceeded }]),
      ],
    ])("marks the limiter full after %s with QUERY_LIMIT_EXCEEDED", async (_, methods, refuse) => {
      // Room for five requests by the model: only the portal's refusal makes the next one wait.
      const { clock, client, send, call, timers } = rig({ rateLimit: { burst: 5, perSecond: 1 } });
      const refused = send(methods.map((method) => call(method)));
      refuse(await client.request(0));
      expect((await refused).outcomes.at(-1)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: PortalCode.QueryLimitExceeded }),
      });
      const next = send([call(GET)]);
      await timers(1);
      expect(clock.pendingDelays).toEqual([1_000]);
      expect(client.requests).toHaveLength(1);
      clock.next();
      (await client.request(1)).succeed(1);
      expect((await next).outcomes).toEqual([{ ok: true, value: { result: 1 } }]);
    });
    it("marks a refused request's calls as no longer in flight before it marks the limiter full", async () => {
      const { client, limiter, send, call } = rig();
      let markedFull!: () => void;
      limiter.markFull = () => new Promise<void>((resolve) => (markedFull = resolve));
      const refused = call(GET);
      const sending = send([refused]);
      (await client.request(0)).fail(
        new BitrixApiError(PortalCode.QueryLimitExceeded, "Too many requests", GET, 503),
      );
      await until(
        () => markedFull !== undefined,
        () => "the limiter to be marked full",
      );
      // The portal answered: a caller leaving now must not be told the call may have run.
      expect(refused.inFlight).toBe(false);
      markedFull();
      await sending;
      expect(refused.inFlight).toBe(false);
    });
  });

  describe("operating time", () => {
    it("holds back the calls of a paused method, saying when they may go, while the rest of the batch goes", async () => {
      const { clock, client, send, call, pause } = rig();
      await pause(LIST);
      const sending = send([call(LIST), call(GET), call(LIST)]);
      const request = await client.request(1);
      // The only call left goes as a plain call.
      expect(request.method).toBe(GET);
      request.succeed({ id: 1 });
      const held = {
        ok: false,
        error: expect.objectContaining({ code: PortalCode.OperationTimeLimit }),
        // Without a reported reset the method pauses 10 s.
        notBefore: clock.now() + 10_000,
      };
      expect((await sending).outcomes).toEqual([
        held,
        { ok: true, value: { result: { id: 1 } } },
        held,
      ]);
    });

    it("fails RATE_LIMITED a paused call whose deadline comes before the pause ends, saying when it would fit", async () => {
      const { client, send, call, pause } = rig();
      await pause(LIST);
      // The method pauses 10 s; this call may wait 5 s at most.
      const { outcomes } = await send([call(LIST, 5_000)]);
      expect(outcomes).toEqual([
        {
          ok: false,
          error: expect.objectContaining({ code: "RATE_LIMITED", retryAfterSeconds: 10 }),
        },
      ]);
      expect(client.requests).toHaveLength(1);
    });

    it("holds back a call of a paused method that joins the batch when it is sealed", async () => {
      const { client, sender, call, pause } = rig();
      await pause(LIST);
      const sending = sender.send(IDENTITY, {
        calls: [call(GET)],
        halting: false,
        seal: () => [call(LIST)],
      });
      const request = await client.request(1);
      expect(request.method).toBe(GET);
      request.succeed(1);
      expect((await sending).outcomes).toEqual([
        { ok: true, value: { result: 1 } },
        {
          ok: false,
          error: expect.objectContaining({ code: PortalCode.OperationTimeLimit }),
          notBefore: expect.any(Number),
        },
      ]);
    });

    it("takes no slot for a batch whose calls are all held back", async () => {
      // Two requests fit at once: the refused one, and the next that goes.
      const { clock, client, send, call, pause } = rig({
        rateLimit: { burst: 2, perSecond: 0.5 },
      });
      await pause(LIST);
      await send([call(LIST)]);
      const next = send([call(GET)]);
      await turns();
      expect(clock.pending).toBe(0);
      expect(client.requests).toHaveLength(2);
      (await client.request(1)).succeed(1);
      expect((await next).outcomes).toEqual([{ ok: true, value: { result: 1 } }]);
    });

    it("holds a sequence back whole until the longest pause of its methods ends", async () => {
      const { clock, client, sender, call, pause } = rig();
      await pause(LIST);
      clock.advance(5_000);
      await pause(GET);
      // LIST may go again in 5 s, GET in 10 s: the sequence needs both.
      const { outcomes } = await sender.send(IDENTITY, {
        calls: [call(LIST), call(GET)],
        halting: true,
      });
      const held = {
        ok: false,
        error: expect.objectContaining({ code: PortalCode.OperationTimeLimit }),
        notBefore: clock.now() + 10_000,
      };
      expect(outcomes).toEqual([held, held]);
      expect(client.requests).toHaveLength(2);
    });

    it("holds back a paused call whose deadline is the very moment the pause ends, saying why", async () => {
      const { clock, send, call, pause } = rig();
      await pause(LIST);
      const { outcomes } = await send([call(LIST, 10_000)]);
      expect(outcomes).toEqual([
        {
          ok: false,
          error: expect.objectContaining({
            code: PortalCode.OperationTimeLimit,
            description: "held back",
          }),
          notBefore: clock.now() + 10_000,
        },
      ]);
    });
  });

  describe("callers that go away", () => {
    /** A call whose caller goes away as `leave` is called: it settles and its signal fires. */
    function leaving(call: (method: string, deadlineMs: number, signal: AbortSignal) => Call) {
      const controller = new AbortController();
      const made = call(GET, 60_000, controller.signal);
      made.promise.catch(() => undefined);
      const leave = () => {
        made.reject(new Error("the caller went away"));
        controller.abort();
      };
      return { call: made, signal: controller.signal, leave };
    }

    it("stops waiting for a slot when every caller has gone, and sends nothing", async () => {
      const { clock, client, send, call, exchange } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      const gone = leaving(call);
      const sending = send([gone.call]);
      // The batch asked for its slot; its caller leaves before the wait for it begins.
      gone.leave();
      await turns();
      expect(clock.pending).toBe(0);
      expect(client.requests).toHaveLength(1);
      expect((await sending).outcomes).toEqual([
        {
          ok: false,
          error: expect.objectContaining({
            code: "ABORTED",
            description: "the caller went away",
            method: GET,
          }),
        },
      ]);
    });

    it("never sends a call that settled before the batch was sealed", async () => {
      const { client, sender, call } = rig();
      const gone = leaving(call);
      gone.leave();
      const sending = sender.send(IDENTITY, {
        calls: [call(LIST)],
        halting: false,
        seal: () => [gone.call, call(LIST)],
      });
      const request = await client.request(0);
      expect(request.methods).toEqual([LIST, LIST]);
      request.answerBatch([{ result: 1 }, { result: 2 }]);
      expect((await sending).outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    });

    it("leaves no listener on a caller's signal once its call is done", async () => {
      // Callers may share one long-lived signal (a socket's, a server's): listeners must not pile up.
      const { clock, client, send, call, exchange, timers } = rig({ rateLimit: slow });
      await exchange(GET, (request) => request.succeed(1));
      const staying = leaving(call);
      const sending = send([staying.call]);
      await timers(1);
      expect(getEventListeners(staying.signal, "abort")).toHaveLength(1);
      clock.next();
      const request = await client.request(1);
      expect(getEventListeners(staying.signal, "abort")).toHaveLength(1);
      request.succeed(2);
      expect((await sending).outcomes).toEqual([{ ok: true, value: { result: 2 } }]);
      expect(getEventListeners(staying.signal, "abort")).toHaveLength(0);
    });
  });

  describe("a fault of its own", () => {
    it("fails every call of the batch INTERNAL, naming the fault, instead of rejecting the send", async () => {
      const { client, limiter, call, send } = rig();
      limiter.reserve = () => Promise.reject(new TypeError("the limiter broke"));
      const { outcomes } = await send([call(GET), call(LIST)]);
      expect(outcomes).toEqual(
        [GET, LIST].map((method) => ({
          ok: false,
          error: expect.objectContaining({
            code: "INTERNAL",
            description: "the limiter broke",
            method,
          }),
        })),
      );
      expect(client.requests).toHaveLength(0);
    });
  });
});
